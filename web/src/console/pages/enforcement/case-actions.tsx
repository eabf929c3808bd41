import { Alert, Checkbox, DatePicker, Descriptions, Flex, Form, Input, Select, Switch, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { beijingToday, CommandForm, compact, useRequired } from '../problems/common';
import { rethrowAsYuan, useYuanRule, YuanInput } from '../rewards/common';
import { parseYuan } from '../rewards/money';
import { useEnforcementLabels, useRules } from './common';
import type { ExemptionItem, PenaltyCase } from './types';

export interface CaseActionProps {
  penaltyCase: PenaltyCase;
  onDone(next: unknown): void;
  onConflict(): void;
}

const post = (caseId: string, action: string, json: unknown) => api<PenaltyCase>(`/api/enforcement/cases/${caseId}/${action}`, { method: 'POST', json });

/**
 * What may still be done with a case: until a penalty, the minor-violation check (again) and the penalty; a transfer
 * once, before or after the penalty. An exempted case is closed.
 */
export function caseActions(c: PenaltyCase): Array<'exemption' | 'penalty' | 'transfer'> {
  if (c.status === 'exempted') return [];
  return [...(c.penalty ? [] : (['exemption', 'penalty'] as const)), ...(c.transfer ? [] : (['transfer'] as const))];
}

/** The forms of the actions still open: the minor-violation check first, then a penalty, and a transfer. */
export function CaseActions(props: CaseActionProps) {
  const { t } = useI18n();
  const checked = !!props.penaltyCase.exemption;
  const keys = caseActions(props.penaltyCase);
  const [active, setActive] = useState<string>(checked ? 'penalty' : 'exemption');
  const forms = {
    exemption: <ExemptionForm {...props} onDone={(next) => { setActive('penalty'); props.onDone(next); }} />,
    penalty: <PenaltyForm {...props} />,
    transfer: <TransferForm {...props} />,
  };
  return (
    <Tabs
      activeKey={keys.includes(active as never) ? active : keys[0]}
      onChange={setActive}
      items={keys.map((key) => ({ key, label: <span data-testid={`action-tab-${key}`}>{t(`enforcement.${key}.title`)}</span>, children: forms[key] }))}
    />
  );
}

interface ExemptionValues {
  itemId: string;
  facts?: string[];
  officerWaives?: boolean;
  education?: string;
}

/** 轻微违法不予处罚核查: choose the list item, tick the facts established; first offence is worked out from the record. */
function ExemptionForm({ penaltyCase: c, onDone, onConflict }: CaseActionProps) {
  const { t } = useI18n();
  const labels = useEnforcementLabels();
  const required = useRequired();
  const rules = useRules<ExemptionItem[]>('exemptions');
  const items = rules?.current.rules ?? [];
  const [itemId, setItemId] = useState<string | undefined>(c.exemption?.ruleId);
  const item = items.find((i) => i.id === itemId);
  const submit = (v: ExemptionValues) => {
    const facts = Object.fromEntries((item?.conditions ?? []).filter((x) => x !== 'first-offence').map((x) => [x, (v.facts ?? []).includes(x)]));
    return post(c.caseId, 'exemption-check', compact({ itemId: v.itemId, facts, officerWaives: item?.mode === 'may' && !!v.officerWaives, education: v.education?.trim() }));
  };
  return (
    <CommandForm<ExemptionValues>
      name="exemption"
      testId="exemption-form"
      fields={['itemId', 'facts', 'officerWaives', 'education']}
      codeFields={{ EDUCATION_REQUIRED: 'education', EXEMPTION_ITEM_UNKNOWN: 'itemId' }}
      initialValues={{ itemId: c.exemption?.ruleId }}
      intro={
        <Typography.Paragraph type="secondary">
          {t('enforcement.exemption.intro', { version: rules?.current.version ?? '—' })}
        </Typography.Paragraph>
      }
      submit={submit}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('enforcement.exemption.done')}
      submitText={t('enforcement.exemption.submit')}
      submitTestId="exemption-submit"
    >
      {(item$) => (
        <>
          <Form.Item name="itemId" label={t('enforcement.exemption.item')} rules={[required('value')]} {...item$('itemId')}>
            <Select
              data-testid="exemption-item"
              showSearch={{ optionFilterProp: 'label' }}
              options={items.map((i) => ({ value: i.id, label: `${i.category} · ${i.name}` }))}
              onChange={(id: string) => setItemId(id)}
            />
          </Form.Item>
          {item && (
            <>
              <Descriptions
                size="small"
                column={1}
                style={{ marginBottom: 12 }}
                items={[
                  { key: 'basis', label: t('enforcement.exemption.legalBasis'), children: item.legalBasis },
                  { key: 'mode', label: t('enforcement.exemption.mode'), children: labels.mode(item.mode) },
                ]}
              />
              <Form.Item name="facts" label={t('enforcement.exemption.facts')} extra={item.conditions.includes('first-offence') ? t('enforcement.exemption.firstOffenceHint') : undefined} {...item$('facts')}>
                <Checkbox.Group>
                  <Flex vertical gap={4}>
                    {item.conditions
                      .filter((x) => x !== 'first-offence')
                      .map((x) => (
                        <Checkbox key={x} value={x} data-testid={`fact-${x}`}>
                          {labels.condition(x)}
                        </Checkbox>
                      ))}
                  </Flex>
                </Checkbox.Group>
              </Form.Item>
              {item.mode === 'may' && (
                <Form.Item name="officerWaives" valuePropName="checked" label={t('enforcement.exemption.officerWaives')} extra={t('enforcement.exemption.officerWaivesHint')} {...item$('officerWaives')}>
                  <Switch aria-label={t('enforcement.exemption.officerWaives')} />
                </Form.Item>
              )}
              <Form.Item name="education" label={t('enforcement.exemption.education')} extra={t('enforcement.exemption.educationHint')} {...item$('education')}>
                <Input.TextArea rows={2} maxLength={1000} showCount data-testid="exemption-education" />
              </Form.Item>
            </>
          )}
        </>
      )}
    </CommandForm>
  );
}

interface PenaltyValues {
  decisionNumber: string;
  legalBasis: string;
  fineYuan: string;
  decidedOn?: Dayjs;
}

/** 行政处罚决定: decision number, legal basis, fine and date; refused until the minor-violation list is checked. */
function PenaltyForm({ penaltyCase: c, onDone, onConflict }: CaseActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  const yuan = useYuanRule();
  const checked = !!c.exemption;
  return (
    <CommandForm<PenaltyValues>
      name="penalty"
      testId="penalty-form"
      fields={['decisionNumber', 'legalBasis', 'fineYuan', 'decidedOn']}
      initialValues={{ decidedOn: dayjs(beijingToday()) }}
      intro={!checked && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('enforcement.penalty.checkFirst')} data-testid="penalty-check-first" />}
      submit={(v) =>
        post(c.caseId, 'penalty', { decisionNumber: v.decisionNumber.trim(), legalBasis: v.legalBasis.trim(), fineFen: parseYuan(v.fineYuan), decidedOn: v.decidedOn?.format('YYYY-MM-DD') }).catch(rethrowAsYuan)
      }
      onDone={onDone}
      onConflict={onConflict}
      successText={t('enforcement.penalty.done')}
      submitText={t('enforcement.penalty.submit')}
      submitTestId="penalty-submit"
      disabled={!checked}
    >
      {(item) => (
        <>
          <Form.Item name="decisionNumber" label={t('enforcement.penalty.decisionNumber')} rules={[required()]} extra={t('enforcement.penalty.decisionHint')} {...item('decisionNumber')}>
            <Input maxLength={60} style={{ maxWidth: 360 }} data-testid="penalty-number" />
          </Form.Item>
          <Form.Item name="legalBasis" label={t('enforcement.penalty.legalBasis')} rules={[required()]} {...item('legalBasis')}>
            <Input.TextArea rows={2} maxLength={500} data-testid="penalty-basis" />
          </Form.Item>
          <Form.Item name="fineYuan" label={t('enforcement.penalty.fine')} required rules={[yuan({ allowZero: true })]} {...item('fineYuan')}>
            <YuanInput data-testid="penalty-fine" />
          </Form.Item>
          <Form.Item name="decidedOn" label={t('enforcement.penalty.decidedOn')} rules={[required('value')]} {...item('decidedOn')}>
            <DatePicker data-testid="penalty-date" />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

/** 涉嫌犯罪移送: the case goes to the police; the enterprise's credit falls to the lowest level. */
function TransferForm({ penaltyCase: c, onDone, onConflict }: CaseActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<{ reason: string }>
      name="transfer"
      testId="transfer-form"
      fields={['reason']}
      intro={<Typography.Paragraph type="secondary">{t('enforcement.transfer.intro')}</Typography.Paragraph>}
      submit={(v) => post(c.caseId, 'transfer', { reason: v.reason.trim() })}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('enforcement.transfer.done')}
      submitText={t('enforcement.transfer.submit')}
      submitTestId="transfer-submit"
      danger
    >
      {(item) => (
        <Form.Item name="reason" label={t('enforcement.transfer.reason')} rules={[required()]} {...item('reason')}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="transfer-reason" />
        </Form.Item>
      )}
    </CommandForm>
  );
}

/** The outcome of the minor-violation check: the item, each condition met or not, and whether the party is exempt. */
export function ExemptionOutcome({ exemption: x }: { exemption: NonNullable<PenaltyCase['exemption']> }) {
  const { t } = useI18n();
  const labels = useEnforcementLabels();
  const rules = useRules<ExemptionItem[]>('exemptions');
  const item = rules?.versions.find((v) => v.version === x.listVersion)?.rules.find((i) => i.id === x.ruleId);
  return (
    <Flex vertical gap={8} data-testid="exemption-outcome" data-exempt={String(x.exempt)}>
      <Typography.Text>
        {t('enforcement.exemption.checkedItem', { item: item ? `${item.category} · ${item.name}` : (x.ruleId ?? '—'), version: x.listVersion })}
      </Typography.Text>
      <Flex gap={8} wrap>
        {x.conditions.map((c) => (
          <Tag key={c.condition} color={c.met ? 'green' : 'red'} data-testid="exemption-condition" data-met={String(c.met)}>
            {c.met ? '✓' : '✗'} {labels.condition(c.condition)} {c.met ? t('enforcement.exemption.met') : t('enforcement.exemption.notMet')}
          </Tag>
        ))}
      </Flex>
      <Alert type={x.exempt ? 'success' : 'info'} showIcon title={x.exempt ? t('enforcement.exemption.exempt') : t('enforcement.exemption.notExempt')} />
      {x.education && (
        <Typography.Text type="secondary">
          {t('enforcement.exemption.education')}
          {t('problems.sep.colon')}
          {x.education}
        </Typography.Text>
      )}
    </Flex>
  );
}
