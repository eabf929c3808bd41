import { Button, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Typography, type FormItemProps } from 'antd';
import { useI18n } from '../../../shared/i18n';
import type { DeviceFactor } from './types';

/** Common HJ 212-2017 factor codes, to fill a row quickly (limits still come from the permit). */
export const COMMON_FACTORS: Array<Pick<DeviceFactor, 'code' | 'unit'> & { zh: string; en: string; medium: 'water' | 'gas' }> = [
  { code: 'w01018', zh: '化学需氧量', en: 'COD', unit: 'mg/L', medium: 'water' },
  { code: 'w21003', zh: '氨氮', en: 'Ammonia nitrogen', unit: 'mg/L', medium: 'water' },
  { code: 'w21011', zh: '总磷', en: 'Total phosphorus', unit: 'mg/L', medium: 'water' },
  { code: 'w21001', zh: '总氮', en: 'Total nitrogen', unit: 'mg/L', medium: 'water' },
  { code: 'w01001', zh: 'pH 值', en: 'pH', unit: '', medium: 'water' },
  { code: 'w00000', zh: '废水流量', en: 'Waste water flow', unit: 'L/s', medium: 'water' },
  { code: 'a21026', zh: '二氧化硫', en: 'Sulphur dioxide', unit: 'mg/m³', medium: 'gas' },
  { code: 'a21002', zh: '氮氧化物', en: 'Nitrogen oxides', unit: 'mg/m³', medium: 'gas' },
  { code: 'a34013', zh: '颗粒物', en: 'Particulate matter', unit: 'mg/m³', medium: 'gas' },
  { code: 'a00000', zh: '废气流量', en: 'Flue gas flow', unit: 'm³/s', medium: 'gas' },
];

type Item = (path: string) => Pick<FormItemProps, 'validateStatus' | 'help'>;

/** The monitored factors as editable rows: code, name, unit, hourly and daily limits, converted, range. */
export function FactorRows({ item, medium }: { item: Item; medium?: string }) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance();
  const required = { required: true, whitespace: true, message: t('problems.required') };
  const presets = COMMON_FACTORS.filter((f) => !medium || f.medium === medium);
  const addPreset = (code: string) => {
    const f = COMMON_FACTORS.find((x) => x.code === code);
    const rows: Array<Partial<DeviceFactor>> = form.getFieldValue('factors') ?? [];
    if (!f || rows.some((r) => r.code === code)) return;
    const row = { code: f.code, name: locale === 'en' ? f.en : f.zh, unit: f.unit };
    const blank = rows.findIndex((r) => !r.code && !r.name);
    form.setFieldValue('factors', blank >= 0 ? rows.map((r, i) => (i === blank ? { ...r, ...row } : r)) : [...rows, row]);
  };
  const head = (key: string, span: number) => (
    <Col span={span}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`monitoring.factor.${key}`)}
      </Typography.Text>
    </Col>
  );
  return (
    <Form.List name="factors">
      {(fields, { add, remove }) => (
        <Flex vertical gap={4} data-testid="factor-rows">
          <Row gutter={8} wrap={false}>
            {head('code', 3)}
            {head('name', 4)}
            {head('unit', 2)}
            {head('hourLimit', 3)}
            {head('dayLimit', 3)}
            {head('rangeMin', 3)}
            {head('rangeMax', 3)}
            {head('converted', 2)}
            <Col span={1} />
          </Row>
          {fields.map(({ key, name }) => (
            <Row key={key} gutter={8} wrap={false} align="top" data-testid="factor-row">
              <Col span={3}>
                <Form.Item name={[name, 'code']} rules={[required]} {...item(`factors.${name}.code`)} style={{ marginBottom: 8 }}>
                  <Input maxLength={16} placeholder="w01018" data-testid={`factor-code-${name}`} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[name, 'name']} rules={[required]} {...item(`factors.${name}.name`)} style={{ marginBottom: 8 }}>
                  <Input maxLength={50} data-testid={`factor-name-${name}`} />
                </Form.Item>
              </Col>
              <Col span={2}>
                <Form.Item name={[name, 'unit']} {...item(`factors.${name}.unit`)} style={{ marginBottom: 8 }}>
                  <Input maxLength={20} data-testid={`factor-unit-${name}`} />
                </Form.Item>
              </Col>
              {(['hourLimit', 'dayLimit', 'rangeMin', 'rangeMax'] as const).map((k) => (
                <Col span={3} key={k}>
                  <Form.Item name={[name, k]} {...item(`factors.${name}.${k}`)} style={{ marginBottom: 8 }}>
                    <InputNumber style={{ width: '100%' }} min={k.endsWith('Limit') ? 0 : undefined} data-testid={`factor-${k}-${name}`} />
                  </Form.Item>
                </Col>
              ))}
              <Col span={2}>
                <Form.Item name={[name, 'converted']} valuePropName="checked" style={{ marginBottom: 8 }}>
                  <Checkbox data-testid={`factor-converted-${name}`} />
                </Form.Item>
              </Col>
              <Col span={1}>
                <Button type="text" danger aria-label={t('monitoring.factor.remove')} onClick={() => remove(name)} disabled={fields.length === 1} data-testid={`factor-remove-${name}`}>
                  ✕
                </Button>
              </Col>
            </Row>
          ))}
          <Flex gap={8} wrap align="center">
            <Button onClick={() => add({})} data-testid="factor-add">
              {t('monitoring.factor.add')}
            </Button>
            <Select
              style={{ width: 220 }}
              placeholder={t('monitoring.factor.preset')}
              value={null}
              data-testid="factor-preset"
              options={presets.map((f) => ({ value: f.code, label: `${locale === 'en' ? f.en : f.zh} ${f.code}` }))}
              onChange={(code: string) => addPreset(code)}
            />
          </Flex>
        </Flex>
      )}
    </Form.List>
  );
}
