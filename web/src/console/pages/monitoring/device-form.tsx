import { App, AutoComplete, Button, Col, Collapse, Flex, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useFormErrors } from '../admin/form-errors';
import { useLoad } from '../admin/use-load';
import type { Enterprise } from '../enforcement/types';
import { compact } from '../problems/common';
import { remapFields } from '../rewards/common';
import { MONITORING_API, useMonitoringLabels } from './common';
import { FactorRows } from './factor-rows';
import { MEDIA, STANDARDS, type DeviceFactor } from './types';

interface Signal {
  code?: string;
  field?: string;
  threshold?: number;
}

interface DeviceValues {
  mn: string;
  pw: string;
  uscc: string;
  outletCode: string;
  outletName?: string;
  medium: 'water' | 'gas';
  standard: string;
  realtimeIntervalSeconds: number;
  factors: Array<Partial<DeviceFactor>>;
  production?: Signal;
  treatment?: Signal;
}

/** Up to 60 factor rows, each a path the API may name ("factors[2].hourLimit" → factors.2.hourLimit). */
const PATHS = ['mn', 'pw', 'uscc', 'enterpriseId', 'outletCode', 'outletName', 'medium', 'standard', 'realtimeIntervalSeconds', 'process', ...Array.from({ length: 60 }, (_, i) => `factors.${i}`)];

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function toJson(v: DeviceValues) {
  const factors = v.factors.map((f) =>
    compact({
      code: f.code?.trim(),
      name: f.name?.trim(),
      unit: f.unit?.trim() ?? '',
      hourLimit: num(f.hourLimit),
      dayLimit: num(f.dayLimit),
      converted: f.converted || undefined,
      rangeMin: num(f.rangeMin),
      rangeMax: num(f.rangeMax),
    }),
  );
  const signal = (s?: Signal) => (s?.code?.trim() ? { code: s.code.trim(), field: s.field?.trim() ?? '', threshold: s.threshold ?? 1 } : undefined);
  const production = signal(v.production);
  const treatment = signal(v.treatment);
  return compact({
    mn: v.mn.trim(),
    pw: v.pw,
    uscc: v.uscc?.trim().toUpperCase(),
    outletCode: v.outletCode.trim(),
    outletName: v.outletName?.trim(),
    medium: v.medium,
    standard: v.standard,
    realtimeIntervalSeconds: v.realtimeIntervalSeconds,
    factors: factors.map((f) => ({ unit: '', ...f })),
    process: production || treatment ? { production, treatment } : undefined,
  });
}

/** 登记设备: the data logger (MN, PW), the enterprise and outlet, the protocol, and the factors with their limits. */
export function DeviceForm({ onSaved, onCancel }: { onSaved(mn: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const labels = useMonitoringLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeviceValues>();
  const errors = useFormErrors(PATHS, { ENTERPRISE_NOT_FOUND: 'uscc' });
  const [busy, setBusy] = useState(false);
  // enforcement's registry, to pick the enterprise and its outlets; without it the credit code is typed
  const registry = useLoad(() => api<Enterprise[]>('/api/enforcement/enterprises'), []);
  const uscc = Form.useWatch('uscc', form);
  const medium = Form.useWatch('medium', form);
  const enterprise = registry.data?.find((e) => e.uscc === uscc);
  const save = async (v: DeviceValues) => {
    setBusy(true);
    errors.reset();
    try {
      const saved = await api<{ deviceId: string; outcome: string }>(`${MONITORING_API}/devices`, { json: toJson(v) });
      message.success(t(`monitoring.register.${saved.outcome}`));
      onSaved(v.mn.trim());
    } catch (error) {
      errors.fail(remapFields(error, (f) => f.replace(/\[(\d+)\]/g, '.$1')));
    } finally {
      setBusy(false);
    }
  };
  const pickOutlet = (code: string) => {
    const outlet = enterprise?.outlets.find((o) => o.code === code);
    if (outlet?.name) form.setFieldValue('outletName', outlet.name);
    // enforcement names a flue-gas outlet "air"
    if (outlet?.kind === 'water' || outlet?.kind === 'air') form.setFieldValue('medium', outlet.kind === 'air' ? 'gas' : 'water');
  };
  const req = { required: true, whitespace: true, message: t('problems.required') };
  return (
    <Form<DeviceValues>
      form={form}
      layout="vertical"
      name="device"
      onFinish={save}
      onValuesChange={errors.onValuesChange}
      disabled={busy}
      initialValues={{ medium: 'water', standard: '2017', realtimeIntervalSeconds: 30, factors: [{}] }}
      data-testid="device-form"
    >
      {errors.alert}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="mn" label={t('monitoring.device.mn')} extra={t('monitoring.register.mnHint')} rules={[req]} {...errors.item('mn')}>
            <Input maxLength={24} style={{ fontFamily: 'monospace' }} data-testid="device-mn" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="pw" label={t('monitoring.device.pw')} extra={t('monitoring.register.pwHint')} rules={[req]} {...errors.item('pw')}>
            <Input.Password maxLength={6} autoComplete="new-password" data-testid="device-pw" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="uscc" label={t('monitoring.device.enterprise')} rules={[req]} {...errors.item('uscc')}>
            {registry.error === undefined ? (
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={registry.loading}
                data-testid="device-enterprise"
                options={(registry.data ?? []).map((e) => ({ value: e.uscc, label: `${e.name}（${e.uscc}）` }))}
              />
            ) : (
              <Input maxLength={18} placeholder={t('monitoring.register.usccPlaceholder')} data-testid="device-uscc" />
            )}
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="outletCode" label={t('monitoring.device.outlet')} rules={[req]} {...errors.item('outletCode')}>
            <AutoComplete
              options={(enterprise?.outlets ?? []).map((o) => ({ value: o.code, label: `${o.code}${o.name ? ` ${o.name}` : ''}` }))}
              onSelect={pickOutlet}
            >
              <Input maxLength={40} data-testid="device-outlet" />
            </AutoComplete>
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="outletName" label={t('monitoring.device.outletName')} {...errors.item('outletName')}>
            <Input maxLength={100} data-testid="device-outlet-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="medium" label={t('monitoring.device.medium')} {...errors.item('medium')}>
            <Radio.Group optionType="button" options={MEDIA.map((m) => ({ value: m, label: <span data-testid={`device-medium-${m}`}>{labels.medium(m)}</span> }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="standard" label={t('monitoring.device.standard')} {...errors.item('standard')}>
            <Radio.Group optionType="button" options={STANDARDS.map((s) => ({ value: s, label: <span data-testid={`device-standard-${s}`}>{labels.standard(s)}</span> }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="realtimeIntervalSeconds" label={t('monitoring.device.interval')} rules={[{ required: true, message: t('problems.required') }]} {...errors.item('realtimeIntervalSeconds')}>
            <InputNumber min={1} max={86400} precision={0} suffix={t('monitoring.seconds')} style={{ width: 160 }} data-testid="device-interval" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('monitoring.device.factors')} required>
        <FactorRows item={errors.item} medium={medium} />
      </Form.Item>
      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        items={[{ key: 'process', label: t('monitoring.register.process'), children: <ProcessSignals item={errors.item} /> }]}
      />
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="device-submit">
          {t('monitoring.register.submit')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}

/** 工况: the production and treatment run signals (e.g. SB1 / RS / 1): treatment must run while production runs. */
function ProcessSignals({ item }: { item: ReturnType<typeof useFormErrors>['item'] }) {
  const { t } = useI18n();
  return (
    <Row gutter={8}>
      {(['production', 'treatment'] as const).map((side) => (
        <Col xs={24} md={12} key={side}>
          <Form.Item label={t(`monitoring.register.${side}`)} {...item(`process.${side}`)} style={{ marginBottom: 0 }}>
            <Flex gap={8}>
              <Form.Item name={[side, 'code']} noStyle>
                <Input placeholder="SB1" maxLength={16} />
              </Form.Item>
              <Form.Item name={[side, 'field']} noStyle>
                <Input placeholder="RS" maxLength={16} />
              </Form.Item>
              <Form.Item name={[side, 'threshold']} noStyle>
                <InputNumber placeholder="1" style={{ width: 90 }} />
              </Form.Item>
            </Flex>
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
