import { DatePicker, Form, Input, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useI18n } from '../../../shared/i18n';
import { beijingToday, CommandForm, compact, useRequired } from '../problems/common';
import { transferCommand } from './common';
import type { TransferProps } from './materials';
import type { Agency } from './types';

export interface ActionProps extends TransferProps {
  agencies: Agency[];
}

/** One text field and a submit: receipt number, what is missing, grounds, the report, a reason, a document number. */
export interface TextSpec {
  action: string;
  field: string;
  max: number;
  rows?: number;
  danger?: boolean;
}

export function TextForm({ spec, transfer: x, onDone, onConflict }: ActionProps & { spec: TextSpec }) {
  const { t } = useI18n();
  const required = useRequired();
  const key = spec.action;
  return (
    <CommandForm<Record<string, string>>
      name={`action-${key}`}
      testId={`action-form-${key}`}
      fields={[spec.field]}
      intro={<Typography.Paragraph type="secondary">{t(`judicial.action.${key}.intro`)}</Typography.Paragraph>}
      submit={(v) => transferCommand(x.transferId, key, { [spec.field]: v[spec.field].trim() })}
      onDone={onDone}
      onConflict={onConflict}
      successText={t(`judicial.action.${key}.done`)}
      submitText={t(`judicial.action.${key}.submit`)}
      submitTestId={`action-submit-${key}`}
      danger={spec.danger}
    >
      {(item) => (
        <Form.Item name={spec.field} label={t(`judicial.form.${spec.field}`)} rules={[required()]} {...item(spec.field)}>
          {spec.rows ? (
            <Input.TextArea rows={spec.rows} maxLength={spec.max} showCount data-testid={`${key}-${spec.field}`} />
          ) : (
            <Input maxLength={spec.max} style={{ maxWidth: 420 }} data-testid={`${key}-${spec.field}`} />
          )}
        </Form.Item>
      )}
    </CommandForm>
  );
}

/**
 * A decision as the agencies and the head give them: yes or no (the words are judicial.decision.<event>.<bool>), the
 * document number, maybe a date, and reasons (required for a no where the law asks for them).
 */
export interface DecisionSpec {
  action: string;
  /** the yes/no field the API takes */
  flag: string;
  /** the event it records, whose decision words are used */
  event: string;
  document?: boolean;
  date?: boolean;
  /** reasons: required for a no, optional, or not asked */
  reasons: 'when-no' | 'optional' | 'none';
  /** more fields (e.g. the court, the days of detention), given the decision so far */
  more?(decision: boolean | undefined, item: (name: string) => object): ReactNode;
  /** more body, from the form's values */
  body?(values: Record<string, unknown>, decision: boolean): Record<string, unknown>;
  extraFields?: string[];
}

interface DecisionValues {
  decision?: boolean;
  documentNumber?: string;
  date?: Dayjs;
  reasons?: string;
  [more: string]: unknown;
}

export function DecisionForm({ spec, transfer: x, onDone, onConflict }: ActionProps & { spec: DecisionSpec }) {
  const { t } = useI18n();
  const required = useRequired();
  const key = spec.action;
  const submit = (v: DecisionValues) =>
    transferCommand(
      x.transferId,
      key,
      compact({
        [spec.flag]: v.decision,
        documentNumber: spec.document === false ? undefined : v.documentNumber?.trim(),
        date: spec.date ? v.date?.format('YYYY-MM-DD') : undefined,
        reasons: spec.reasons === 'none' ? undefined : v.reasons?.trim(),
        ...(spec.body?.(v, v.decision === true) ?? {}),
      }),
    );
  return (
    <CommandForm<DecisionValues>
      name={`action-${key}`}
      testId={`action-form-${key}`}
      fields={['decision', spec.flag, 'documentNumber', 'date', 'reasons', ...(spec.extraFields ?? [])]}
      codeFields={{ REASONS_REQUIRED: 'reasons', COURT_REQUIRED: 'courtCode' }}
      initialValues={{ date: dayjs(beijingToday()) }}
      intro={<Typography.Paragraph type="secondary">{t(`judicial.action.${key}.intro`)}</Typography.Paragraph>}
      submit={submit}
      onDone={onDone}
      onConflict={onConflict}
      successText={t(`judicial.action.${key}.done`)}
      submitText={t(`judicial.action.${key}.submit`)}
      submitTestId={`action-submit-${key}`}
    >
      {(item, form) => (
        <>
          <Form.Item name="decision" label={t(`judicial.action.${key}.question`)} rules={[required('value')]} {...item('decision')} {...(item(spec.flag).help ? item(spec.flag) : {})}>
            <Radio.Group
              data-testid={`${key}-decision`}
              options={[true, false].map((b) => ({ value: b, label: <span data-testid={`${key}-${String(b)}`}>{t(`judicial.decision.${spec.event}.${String(b)}`)}</span> }))}
            />
          </Form.Item>
          {spec.document !== false && (
            <Form.Item name="documentNumber" label={t('judicial.form.documentNumber')} rules={[required()]} extra={t('judicial.form.documentHint')} {...item('documentNumber')}>
              <Input maxLength={60} style={{ maxWidth: 420 }} data-testid={`${key}-documentNumber`} />
            </Form.Item>
          )}
          {spec.date && (
            <Form.Item name="date" label={t('judicial.form.date')} rules={[required('value')]} {...item('date')}>
              <DatePicker data-testid={`${key}-date`} />
            </Form.Item>
          )}
          <Form.Item noStyle dependencies={['decision']}>
            {() => {
              const decision = form.getFieldValue('decision') as boolean | undefined;
              return (
                <>
                  {spec.more?.(decision, item)}
                  {spec.reasons !== 'none' && (
                    <Form.Item
                      name="reasons"
                      label={t('judicial.form.reasons')}
                      rules={spec.reasons === 'when-no' && decision === false ? [required()] : []}
                      extra={spec.reasons === 'when-no' ? t('judicial.form.reasonsHint') : undefined}
                      {...item('reasons')}
                    >
                      <Input.TextArea rows={3} maxLength={2000} showCount data-testid={`${key}-reasons`} />
                    </Form.Item>
                  )}
                </>
              );
            }}
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}
