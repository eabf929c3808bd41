import { App, Button, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useFormErrors } from '../admin/form-errors';
import { compact } from '../problems/common';
import { rethrowAsYuan, useRewardLabels, useYuanRule, YuanInput } from './common';
import { fenToYuanText, parseYuan } from './money';
import { CHANNELS, DEADLINES, ORGANISATION_KINDS, OUTCOMES, VIOLATION_KINDS, type RewardRules, type RuleVersion } from './types';

const CAPS = ['fineShareCap', 'ordinaryCap', 'especiallySeriousCap', 'orphanRadioactiveCap', 'bountyCap'] as const;
type Cap = (typeof CAPS)[number];

/** The form holds yuan text where the rules hold fen ("fineShareCapFen" → "fineShareCapYuan"). */
interface EditValues {
  rules: Omit<RewardRules, `${Cap}Fen` | 'fixedFen'> & Record<`${Cap}Yuan`, string> & { fixedYuan: Record<(typeof OUTCOMES)[number], string> };
  effectiveFrom?: Dayjs;
  note?: string;
}

function toForm(r: RewardRules): EditValues {
  const { fixedFen, ...rest } = r;
  const rules = { ...rest, fixedYuan: Object.fromEntries(OUTCOMES.map((o) => [o, fenToYuanText(fixedFen[o])])) } as Record<string, unknown>;
  for (const cap of CAPS) {
    rules[`${cap}Yuan`] = fenToYuanText(r[`${cap}Fen`]);
    delete rules[`${cap}Fen`];
  }
  return { rules: rules as EditValues['rules'] };
}

function fromForm(v: EditValues): RewardRules {
  const { fixedYuan, ...rest } = v.rules;
  const rules = { ...rest, fixedFen: Object.fromEntries(OUTCOMES.map((o) => [o, parseYuan(fixedYuan[o])])) } as Record<string, unknown>;
  for (const cap of CAPS) {
    rules[`${cap}Fen`] = parseYuan(v.rules[`${cap}Yuan`]);
    delete rules[`${cap}Yuan`];
  }
  return rules as unknown as RewardRules;
}

const FIELDS = [
  'rules.qualifyingKinds',
  'rules.fineSharePercent',
  ...CAPS.map((c) => `rules.${c}Yuan`),
  ...OUTCOMES.map((o) => `rules.fixedYuan.${o}`),
  'rules.stacking',
  'rules.firstReporterOnly',
  'rules.requireRealNameAtReport',
  'rules.excludedChannels',
  'rules.excludedOrganisationKinds',
  ...DEADLINES.map((d) => `rules.deadlines.${d}`),
  'effectiveFrom',
  'note',
];

/** 修订奖励规则 (admins): every field of the current version, saved as a new version with a note. */
export function RulesEditor({ current, onSaved, onCancel }: { current: RuleVersion; onSaved(v: RuleVersion): void; onCancel(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const labels = useRewardLabels();
  const yuan = useYuanRule();
  const [form] = Form.useForm<EditValues>();
  const errors = useFormErrors(FIELDS);
  const [busy, setBusy] = useState(false);

  const save = async (v: EditValues) => {
    setBusy(true);
    errors.reset();
    try {
      // fields this form does not know are kept as they are
      const json = compact({ rules: { ...current.rules, ...fromForm(v) }, effectiveFrom: v.effectiveFrom?.format('YYYY-MM-DD'), note: v.note?.trim() });
      const saved = await api<RuleVersion>('/api/rewards/rules', { method: 'PUT', json }).catch(rethrowAsYuan);
      message.success(t('rewards.rules.saved', { n: saved.version }));
      onSaved(saved);
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };
  const multi = (name: string, codes: readonly string[], label: (c: string) => string, testId: string) => (
    <Form.Item name={['rules', name]} label={t(`rewards.rules.field.${name}`)} {...errors.item(`rules.${name}`)}>
      <Select mode="multiple" data-testid={testId} options={codes.map((c) => ({ value: c, label: label(c) }))} optionFilterProp="label" />
    </Form.Item>
  );
  const money = (path: string[], label: string, testId: string) => (
    <Form.Item name={path} label={label} required rules={[yuan({ allowZero: true })]} {...errors.item(path.join('.'))}>
      <YuanInput data-testid={testId} />
    </Form.Item>
  );

  return (
    <Form<EditValues> form={form} layout="vertical" initialValues={toForm(current.rules)} onFinish={save} onValuesChange={errors.onValuesChange} disabled={busy} data-testid="rules-form">
      {errors.alert}
      {multi('qualifyingKinds', VIOLATION_KINDS, labels.violation, 'rules-kinds')}
      <Typography.Title level={5}>{t('rewards.rules.amounts')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={['rules', 'fineSharePercent']} label={t('rewards.rules.percent')} rules={[{ required: true, message: t('problems.required') }]} {...errors.item('rules.fineSharePercent')}>
            <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: 160 }} data-testid="rules-percent" />
          </Form.Item>
        </Col>
        {CAPS.map((cap) => (
          <Col xs={24} md={8} key={cap}>
            {money(['rules', `${cap}Yuan`], t(`rewards.rules.field.${cap}`), `rules-${cap}`)}
          </Col>
        ))}
        {OUTCOMES.map((o) => (
          <Col xs={24} md={8} key={o}>
            {money(['rules', 'fixedYuan', o], t('rewards.rules.fixedFor', { outcome: labels.outcome(o) }), `rules-fixed-${o}`)}
          </Col>
        ))}
      </Row>
      <Form.Item name={['rules', 'stacking']} label={t('rewards.rules.field.stacking')} {...errors.item('rules.stacking')}>
        <Radio.Group options={(['sum', 'highest'] as const).map((s) => ({ value: s, label: t(`rewards.rules.stacking.${s}`) }))} />
      </Form.Item>
      <Typography.Title level={5}>{t('rewards.rules.who')}</Typography.Title>
      <Flex gap={32} wrap>
        {current.rules.firstReporterOnly !== undefined && (
          <Form.Item name={['rules', 'firstReporterOnly']} valuePropName="checked" label={t('rewards.rules.field.firstReporterOnly')} {...errors.item('rules.firstReporterOnly')}>
            <Switch aria-label={t('rewards.rules.field.firstReporterOnly')} />
          </Form.Item>
        )}
        <Form.Item name={['rules', 'requireRealNameAtReport']} valuePropName="checked" label={t('rewards.rules.field.realName')} {...errors.item('rules.requireRealNameAtReport')}>
          <Switch aria-label={t('rewards.rules.field.realName')} />
        </Form.Item>
      </Flex>
      {multi('excludedChannels', CHANNELS, labels.channel, 'rules-channels')}
      {multi('excludedOrganisationKinds', ORGANISATION_KINDS, labels.orgKind, 'rules-org-kinds')}
      <Typography.Title level={5}>{t('rewards.rules.field.deadlines')}</Typography.Title>
      <Flex gap={16} wrap>
        {DEADLINES.map((d) => (
          <Form.Item key={d} name={['rules', 'deadlines', d]} label={t(`rewards.rules.deadline.${d}`)} rules={[{ required: true, message: t('problems.required') }]} {...errors.item(`rules.deadlines.${d}`)}>
            <InputNumber min={1} max={365} precision={0} suffix={t(d === 'claimDays' ? 'rewards.rules.days' : 'rewards.rules.workdays')} style={{ width: 150 }} />
          </Form.Item>
        ))}
      </Flex>
      <Form.Item name="effectiveFrom" label={t('rewards.rules.field.effectiveFrom')} extra={t('rewards.rules.effectiveHint')} {...errors.item('effectiveFrom')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={t('rewards.rules.changeNote')} rules={[{ required: true, whitespace: true, message: t('rewards.rules.noteRequired') }]} {...errors.item('note')}>
        <Input.TextArea rows={2} maxLength={500} showCount data-testid="rules-note" />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="rules-save">
          {t('rewards.rules.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
