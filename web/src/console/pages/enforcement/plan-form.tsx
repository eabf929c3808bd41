import { Alert, App, Col, Flex, Form, Input, InputNumber, Modal, Row, Skeleton, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useFormErrors } from '../admin/form-errors';
import { lines, useRequired } from '../problems/common';
import { remapFields } from '../rewards/common';
import { CreditPlate, ObjectClassTag, useCreditLevels, useEnforcementLabels, useRules } from './common';
import { OBJECT_CLASSES, type ObjectClass, type Plan, type Ratios, type SupervisionRules } from './types';

interface Values {
  name: string;
  period: string;
  items?: string;
  /** ratios as percentages, as people type them (25 for 0.25) */
  percent: Record<ObjectClass, Record<string, number | null>>;
  inspectorsPerTask: number;
  maxTasksPerInspector?: number | null;
  sameTown: boolean;
  formerEmployer: boolean;
}

const toPercent = (r: number | undefined) => (r === undefined ? null : Math.round(r * 1e8) / 1e6);
const toRatio = (p: number | null | undefined) => (p === null || p === undefined ? (undefined as unknown as number) : Math.round(p * 1e4) / 1e6);

/** A period like the plans use: the next quarter in Beijing. */
function nextQuarter(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const q = Math.floor(now.getUTCMonth() / 3) + 1;
  return q === 4 ? `${now.getUTCFullYear() + 1}-Q1` : `${now.getUTCFullYear()}-Q${q + 1}`;
}

/** 制定抽查计划: name, period, items; the ratios start from the supervision rules in force and may be changed for this plan. */
export function PlanModal({ onClose, onCreated }: { onClose(): void; onCreated(plan: Plan): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const required = useRequired();
  const labels = useEnforcementLabels();
  const levels = useCreditLevels();
  const supervision = useRules<SupervisionRules>('supervision');
  const [form] = Form.useForm<Values>();
  const codes = (levels ?? []).map((l) => l.code);
  const fields = ['name', 'period', 'items', 'inspectorsPerTask', 'maxTasksPerInspector', 'recusal', 'ratios', ...OBJECT_CLASSES.flatMap((c) => codes.map((l) => `percent.${c}.${l}`))];
  const errors = useFormErrors(fields);
  const [busy, setBusy] = useState(false);

  if (!supervision || !levels) {
    return (
      <Modal open title={t('enforcement.plans.create')} footer={null} onCancel={onClose}>
        <Skeleton active />
      </Modal>
    );
  }
  const defaults = supervision.current.rules.ratios;
  const initial: Partial<Values> = {
    period: nextQuarter(),
    inspectorsPerTask: 2,
    sameTown: false,
    formerEmployer: true,
    percent: Object.fromEntries(OBJECT_CLASSES.map((c) => [c, Object.fromEntries(codes.map((l) => [l, toPercent(defaults[c]?.[l])]))])) as Values['percent'],
  };

  const finish = async (v: Values) => {
    setBusy(true);
    errors.reset();
    try {
      const ratios = Object.fromEntries(OBJECT_CLASSES.map((c) => [c, Object.fromEntries(codes.map((l) => [l, toRatio(v.percent?.[c]?.[l])]))])) as Ratios;
      const same = OBJECT_CLASSES.every((c) => codes.every((l) => ratios[c][l] === defaults[c]?.[l]));
      const json = {
        name: v.name.trim(),
        period: v.period.trim(),
        items: lines(v.items),
        // unchanged ratios are left to the service, which takes the supervision rules in force
        ...(same ? {} : { ratios }),
        inspectorsPerTask: v.inspectorsPerTask,
        ...(v.maxTasksPerInspector ? { maxTasksPerInspector: v.maxTasksPerInspector } : {}),
        recusal: { sameTown: !!v.sameTown, formerEmployer: !!v.formerEmployer },
      };
      const plan = await api<Plan>('/api/enforcement/plans', { json }).catch((e) => {
        throw remapFields(e, (f) => f.replace(/^ratios\./, 'percent.'));
      });
      message.success(t('enforcement.plans.created', { name: plan.name }));
      onCreated(plan);
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const columns: TableColumnsType<{ objectClass: ObjectClass }> = [
    { title: t('enforcement.field.objectClass'), width: 140, render: (_, r) => <ObjectClassTag value={r.objectClass} labels={labels} /> },
    ...codes.map((code) => ({
      key: code,
      title: <CreditPlate level={code} levels={levels} />,
      width: 130,
      render: (_: unknown, r: { objectClass: ObjectClass }) => (
        <Form.Item name={['percent', r.objectClass, code]} style={{ margin: 0 }} rules={[required('value')]} {...errors.item(`percent.${r.objectClass}.${code}`)}>
          <InputNumber min={0} max={100} suffix="%" style={{ width: 110 }} aria-label={`${labels.objectClass(r.objectClass)} ${code}`} data-testid={`ratio-${r.objectClass}-${code}`} />
        </Form.Item>
      ),
    })),
  ];

  return (
    <Modal
      open
      width={900}
      title={t('enforcement.plans.create')}
      okText={t('enforcement.plans.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'plan-save' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} name="plan" layout="vertical" initialValues={initial} onFinish={finish} onValuesChange={errors.onValuesChange}>
        {errors.alert}
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="name" label={t('enforcement.plan.name')} rules={[required()]} {...errors.item('name')}>
              <Input maxLength={100} data-testid="plan-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="period" label={t('enforcement.plan.period')} rules={[required()]} extra={t('enforcement.plan.periodHint')} {...errors.item('period')}>
              <Input maxLength={10} data-testid="plan-period" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="items" label={t('enforcement.plan.items')} extra={t('enforcement.plan.itemsHint')} {...errors.item('items')}>
          <Input.TextArea rows={3} data-testid="plan-items" />
        </Form.Item>
        <Typography.Title level={5}>{t('enforcement.plan.ratios')}</Typography.Title>
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('enforcement.plan.ratiosDefault', { n: supervision.current.version, period: labels.period(supervision.current.rules.period) })} data-testid="plan-ratios-default" />
        {errors.item('ratios').help && <Alert type="error" title={errors.item('ratios').help} style={{ marginBottom: 8 }} />}
        <Table rowKey="objectClass" size="small" pagination={false} columns={columns} dataSource={OBJECT_CLASSES.map((objectClass) => ({ objectClass }))} scroll={{ x: 140 + codes.length * 130 }} style={{ marginBottom: 16 }} />
        <Flex gap={24} wrap>
          <Form.Item name="inspectorsPerTask" label={t('enforcement.plan.inspectorsPerTask')} rules={[required('value')]} {...errors.item('inspectorsPerTask')}>
            <InputNumber min={2} max={5} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="maxTasksPerInspector" label={t('enforcement.plan.maxTasksPerInspector')} extra={t('enforcement.plan.maxHint')} {...errors.item('maxTasksPerInspector')}>
            <InputNumber min={1} max={500} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="formerEmployer" valuePropName="checked" label={t('enforcement.plan.formerEmployer')} {...errors.item('recusal')}>
            <Switch aria-label={t('enforcement.plan.formerEmployer')} />
          </Form.Item>
          <Form.Item name="sameTown" valuePropName="checked" label={t('enforcement.plan.sameTown')}>
            <Switch aria-label={t('enforcement.plan.sameTown')} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
