import { Checkbox, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { ComponentType } from 'react';
import { useI18n } from '../../../shared/i18n';
import { CommandForm, useRequired } from '../problems/common';
import { DecisionForm, type ActionProps } from './action-forms';
import { transferCommand, useJudicialLabels } from './common';

/** 立案 / 不予立案 (reasons required), within 3 days of the receipt (7 or 30 when extended). */
function FilingForm(props: ActionProps) {
  return <DecisionForm {...props} spec={{ action: 'filing', flag: 'filed', event: 'FilingDecided', reasons: 'when-no' }} />;
}

/** 复议决定, within 3 working days of the request. */
function ReconsiderationForm(props: ActionProps) {
  return <DecisionForm {...props} spec={{ action: 'reconsideration', flag: 'filed', event: 'ReconsiderationDecided', reasons: 'when-no' }} />;
}

/** 立案监督: the procuratorate orders the police to file (within 15 days), or closes the supervision. */
function SupervisionForm(props: ActionProps) {
  return <DecisionForm {...props} spec={{ action: 'supervision', flag: 'orderedFiling', event: 'SupervisionDecided', reasons: 'when-no' }} />;
}

/** 批准逮捕 or not, once. */
function ArrestForm(props: ActionProps) {
  return <DecisionForm {...props} spec={{ action: 'arrest', flag: 'approved', event: 'ArrestDecided', date: true, reasons: 'none' }} />;
}

/** 提起公诉 (naming the court) or 不起诉 (reasons; perhaps proposing an administrative penalty). */
function ProsecutionForm(props: ActionProps) {
  const { t } = useI18n();
  const courts = props.agencies.filter((a) => a.kind === 'court');
  return (
    <DecisionForm
      {...props}
      spec={{
        action: 'prosecution',
        flag: 'prosecuted',
        event: 'ProsecutionDecided',
        date: true,
        reasons: 'when-no',
        extraFields: ['courtCode', 'proposesAdministrativePenalty'],
        more: (decision, item) =>
          decision === true ? (
            <Form.Item name="courtCode" label={t('judicial.form.court')} extra={t('judicial.form.courtHint')} {...item('courtCode')}>
              <Select allowClear style={{ maxWidth: 360 }} data-testid="prosecution-court" placeholder={courts.find((c) => c.isDefault)?.name} options={courts.map((c) => ({ value: c.code, label: c.name }))} />
            </Form.Item>
          ) : decision === false ? (
            <Form.Item name="proposesAdministrativePenalty" valuePropName="checked" {...item('proposesAdministrativePenalty')}>
              <Checkbox>{t('judicial.form.proposesPenalty')}</Checkbox>
            </Form.Item>
          ) : null,
        body: (v, prosecuted) => (prosecuted ? (v.courtCode ? { courtCode: v.courtCode } : {}) : v.proposesAdministrativePenalty ? { proposesAdministrativePenalty: true } : {}),
      }}
    />
  );
}

/** 判决: convicted or acquitted, the judgment's number and date, the sentence. */
function JudgmentForm(props: ActionProps) {
  const { t } = useI18n();
  return (
    <DecisionForm
      {...props}
      spec={{
        action: 'judgment',
        flag: 'convicted',
        event: 'JudgmentRecorded',
        date: true,
        reasons: 'none',
        extraFields: ['sentence'],
        more: (decision, item) =>
          decision === true && (
            <Form.Item name="sentence" label={t('judicial.form.sentence')} extra={t('judicial.form.sentenceHint')} {...item('sentence')}>
              <Input maxLength={500} data-testid="judgment-sentence" />
            </Form.Item>
          ),
        body: (v, convicted) => (convicted && typeof v.sentence === 'string' && v.sentence.trim() ? { sentence: v.sentence.trim() } : {}),
      }}
    />
  );
}

/** 行政拘留 (days) or 不予拘留 (reasons), for a detention transfer. */
function DetentionForm(props: ActionProps) {
  const { t } = useI18n();
  return (
    <DecisionForm
      {...props}
      spec={{
        action: 'detention',
        flag: 'detained',
        event: 'DetentionDecided',
        date: true,
        reasons: 'when-no',
        extraFields: ['days'],
        more: (decision, item) =>
          decision === true && (
            <Form.Item name="days" label={t('judicial.form.days')} {...item('days')}>
              <InputNumber min={1} max={15} precision={0} suffix={t('judicial.unit.days')} style={{ width: 140 }} />
            </Form.Item>
          ),
        body: (v, detained) => (detained && typeof v.days === 'number' ? { days: v.days } : {}),
      }}
    />
  );
}

/** 需要核查 (7 days) or 重大疑难复杂 (30 days), once, instead of the 3-day filing period. */
function ExtensionForm({ transfer: x, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const labels = useJudicialLabels();
  const required = useRequired();
  return (
    <CommandForm<{ reason: 'verification' | 'major' }>
      name="action-review-extension"
      testId="action-form-review-extension"
      fields={['reason']}
      intro={<Typography.Paragraph type="secondary">{t('judicial.action.review-extension.intro')}</Typography.Paragraph>}
      submit={(v) => transferCommand(x.transferId, 'review-extension', { reason: v.reason })}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('judicial.action.review-extension.done')}
      submitText={t('judicial.action.review-extension.submit')}
      submitTestId="action-submit-review-extension"
    >
      {(item) => (
        <Form.Item name="reason" label={t('judicial.form.extension')} rules={[required('value')]} {...item('reason')}>
          <Radio.Group options={(['verification', 'major'] as const).map((r) => ({ value: r, label: labels.extension(r) }))} />
        </Form.Item>
      )}
    </CommandForm>
  );
}

export const AGENCY_FORMS: Record<string, ComponentType<ActionProps>> = {
  filing: FilingForm,
  reconsideration: ReconsiderationForm,
  supervision: SupervisionForm,
  arrest: ArrestForm,
  prosecution: ProsecutionForm,
  judgment: JudgmentForm,
  detention: DetentionForm,
  'review-extension': ExtensionForm,
};
