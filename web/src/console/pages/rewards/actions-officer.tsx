import { Alert, DatePicker, Flex, Form, Input, Radio, Select, Switch, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../../shared/i18n';
import { beijing, CommandForm, compact, useRequired } from '../problems/common';
import { eligibleClue } from './case-facts';
import { ItemsTable } from './case-money';
import { caseCommand, remapFields, shortId, useRewardLabels, useYuanRule, YuanInput } from './common';
import { fenToYuanText, formatFen, parseYuan } from './money';
import { MANUAL_EXCLUSIONS, OUTCOMES, type RewardCase } from './types';

/** What every action form gets from the case page. */
export interface ActionProps {
  rewardCase: RewardCase;
  /** the approved (or read) identity request the payout rests on, from the identity panel */
  identityRequestId?: string;
  onDone(): void;
  onConflict(): void;
}

const day = (d?: Dayjs | null) => d?.format('YYYY-MM-DD');
const MANUAL: readonly string[] = MANUAL_EXCLUSIONS;

interface EvaluationValues {
  exclusions?: Array<{ reason?: string; note?: string } | undefined>;
  knownBeforeReport?: boolean;
  note?: string;
}

/** 审核: exclude candidates by hand (with a reason), say whether the department knew before the report. */
export function EvaluationForm({ rewardCase: c, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const labels = useRewardLabels();
  const fields = [...c.candidates.flatMap((_, i) => [`exclusions.${i}.reason`, `exclusions.${i}.note`]), 'knownBeforeReport', 'note'];
  const initial: EvaluationValues = {
    exclusions: c.candidates.map((x) => (x.excluded && MANUAL.includes(x.excluded) ? { reason: x.excluded, note: x.note } : {})),
    knownBeforeReport: c.evaluation?.knownBeforeReport ?? false,
  };
  const submit = (v: EvaluationValues) => {
    const chosen = c.candidates
      .map((x, i) => ({ i, clueId: x.clueId, reason: v.exclusions?.[i]?.reason, note: v.exclusions?.[i]?.note?.trim() }))
      .filter((x) => x.reason);
    const exclusions = chosen.map((x) => compact({ clueId: x.clueId, reason: x.reason, note: x.note }));
    return caseCommand(c.rewardId, 'evaluation', compact({ exclusions, knownBeforeReport: !!v.knownBeforeReport, note: v.note?.trim() }), c.version).catch((e) => {
      // the API numbers the exclusions it got; the form numbers every candidate
      throw remapFields(e, (f) => f.replace(/^exclusions\.(\d+)/, (all, j: string) => (chosen[Number(j)] ? `exclusions.${chosen[Number(j)].i}` : all)));
    });
  };
  return (
    <CommandForm<EvaluationValues>
      name="evaluation"
      testId="evaluate-form"
      syncKey={c.version}
      fields={fields}
      initialValues={initial}
      intro={<Typography.Paragraph type="secondary">{t('rewards.evaluate.intro')}</Typography.Paragraph>}
      submit={submit}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('rewards.evaluate.done')}
      submitText={t('rewards.evaluate.submit')}
      submitTestId="evaluate-submit"
    >
      {(item) => (
        <>
          {c.candidates.map((x, i) => {
            const automatic = x.excluded && !MANUAL.includes(x.excluded);
            return (
              <div key={x.clueId} data-testid="evaluate-candidate" data-clue-id={x.clueId} style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 12 }}>
                <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
                  <Typography.Text strong style={{ fontFamily: 'monospace' }}>
                    {t('rewards.clue', { id: shortId(x.clueId) })}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {labels.channel(x.channel)} · {beijing(x.registeredAt)}
                  </Typography.Text>
                  {x.first && <Tag color="blue">{t('rewards.candidate.firstTag')}</Tag>}
                  {automatic && <Tag>{labels.exclusion(x.excluded)}</Tag>}
                </Flex>
                {!automatic && (
                  <Flex gap={8} wrap>
                    <Form.Item name={['exclusions', i, 'reason']} label={t('rewards.evaluate.reason')} style={{ minWidth: 240 }} {...item(`exclusions.${i}.reason`)}>
                      <Select
                        allowClear
                        placeholder={t('rewards.evaluate.notExcluded')}
                        aria-label={t('rewards.evaluate.reasonFor', { id: shortId(x.clueId) })}
                        data-testid={`exclusion-reason-${i}`}
                        options={MANUAL_EXCLUSIONS.map((r) => ({ value: r, label: labels.exclusion(r) }))}
                      />
                    </Form.Item>
                    <Form.Item name={['exclusions', i, 'note']} label={t('rewards.evaluate.exclusionNote')} style={{ flex: 1, minWidth: 200 }} {...item(`exclusions.${i}.note`)}>
                      <Input maxLength={500} data-testid={`exclusion-note-${i}`} />
                    </Form.Item>
                  </Flex>
                )}
              </div>
            );
          })}
          <Form.Item name="knownBeforeReport" valuePropName="checked" label={t('rewards.evaluate.knownBeforeReport')} extra={t('rewards.evaluate.knownHint')} {...item('knownBeforeReport')}>
            <Switch data-testid="evaluate-known" aria-label={t('rewards.evaluate.knownBeforeReport')} />
          </Form.Item>
          <Form.Item name="note" label={t('rewards.field.note')} {...item('note')}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="evaluate-note" />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

/** 行政处罚: a decision and its fine (the fine-share item rests on it). */
export function PenaltyForm({ rewardCase: c, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  const yuan = useYuanRule();
  return (
    <CommandForm<{ decisionNumber: string; fineYuan: string; decidedOn?: Dayjs }>
      name="penalty"
      testId="penalty-form"
      syncKey={c.version}
      fields={['decisionNumber', 'fineYuan', 'decidedOn']}
      submit={(v) => caseCommand(c.rewardId, 'penalties', { decisionNumber: v.decisionNumber.trim(), fineFen: parseYuan(v.fineYuan), decidedOn: day(v.decidedOn) }, c.version)}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('rewards.penalty.done')}
      submitText={t('rewards.penalty.submit')}
      submitTestId="penalty-submit"
    >
      {(item) => (
        <>
          <Form.Item name="decisionNumber" label={t('rewards.penalty.number')} rules={[required()]} extra={t('rewards.penalty.numberHint')} {...item('decisionNumber')}>
            <Input maxLength={100} style={{ maxWidth: 360 }} data-testid="penalty-number" />
          </Form.Item>
          <Form.Item name="fineYuan" label={t('rewards.penalty.fine')} required rules={[yuan()]} {...item('fineYuan')}>
            <YuanInput data-testid="penalty-fine" />
          </Form.Item>
          <Form.Item name="decidedOn" label={t('rewards.penalty.date')} rules={[required('value')]} {...item('decidedOn')}>
            <DatePicker data-testid="penalty-date" />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

/** 拘留、逮捕、判决: each gives a fixed amount. */
export function OutcomeForm({ rewardCase: c, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const required = useRequired();
  const labels = useRewardLabels();
  return (
    <CommandForm<{ outcome: string; documentNumber: string; date?: Dayjs }>
      name="outcome"
      testId="outcome-form"
      syncKey={c.version}
      fields={['outcome', 'documentNumber', 'date']}
      initialValues={{ outcome: 'detention' }}
      submit={(v) => caseCommand(c.rewardId, 'outcomes', { outcome: v.outcome, documentNumber: v.documentNumber.trim(), date: day(v.date) }, c.version)}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('rewards.outcome.done')}
      submitText={t('rewards.outcome.submit')}
      submitTestId="outcome-submit"
    >
      {(item) => (
        <>
          <Form.Item name="outcome" label={t('rewards.outcome.kind')} required {...item('outcome')}>
            <Radio.Group optionType="button" options={OUTCOMES.map((o) => ({ value: o, label: labels.outcome(o) }))} data-testid="outcome-kind" />
          </Form.Item>
          <Form.Item name="documentNumber" label={t('rewards.outcome.document')} rules={[required()]} {...item('documentNumber')}>
            <Input maxLength={100} style={{ maxWidth: 360 }} data-testid="outcome-document" />
          </Form.Item>
          <Form.Item name="date" label={t('rewards.outcome.date')} rules={[required('value')]} {...item('date')}>
            <DatePicker data-testid="outcome-date" />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

/** 拟奖: the rule table's suggestion, or another amount; especially serious cases go on to the city. */
export function ProposalForm({ rewardCase: c, onDone, onConflict }: ActionProps) {
  const { t } = useI18n();
  const yuan = useYuanRule();
  const required = useRequired();
  const s = c.suggestion;
  const supplementary = c.paidFen > 0;
  // what the service proposes when no amount is sent: the rule table's amount less what earlier rounds paid
  const byRule = Math.max(0, s.amountFen - c.paidFen);
  return (
    <CommandForm<{ especiallySerious: boolean; amountYuan?: string; note?: string }>
      name="proposal"
      testId="propose-form"
      syncKey={c.version}
      fields={['especiallySerious', 'amountYuan', 'note']}
      codeFields={{ NOTE_REQUIRED: 'note', AMOUNT_INVALID: 'amountYuan', AMOUNT_ABOVE_CAP: 'amountYuan', AMOUNT_ABOVE_RULE: 'amountYuan' }}
      initialValues={{ especiallySerious: c.especiallySerious, amountYuan: fenToYuanText(byRule) }}
      intro={
        <>
          {!eligibleClue(c) && <Alert type="warning" showIcon title={t('rewards.propose.noEligible')} style={{ marginBottom: 16 }} />}
          {supplementary && <Alert type="info" showIcon title={t('rewards.propose.supplementary', { paid: formatFen(c.paidFen) })} style={{ marginBottom: 16 }} />}
          <Typography.Paragraph>{t('rewards.propose.suggestion', { amount: formatFen(s.amountFen), cap: formatFen(s.capFen), n: s.ruleVersion })}</Typography.Paragraph>
          <div style={{ marginBottom: 16 }}>
            <ItemsTable items={s.items} />
          </div>
        </>
      }
      submit={(v) => {
        const amountFen = parseYuan(v.amountYuan);
        // the rule table's amount is left out, so the service computes it (with the cap of the level chosen)
        const json = compact({ especiallySerious: !!v.especiallySerious, amountFen: amountFen === byRule ? undefined : amountFen, note: v.note?.trim() });
        return caseCommand(c.rewardId, 'proposal', json, c.version);
      }}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('rewards.propose.done')}
      submitText={t('rewards.propose.submit')}
      submitTestId="propose-submit"
    >
      {(item, form) => (
        <>
          <Form.Item name="especiallySerious" valuePropName="checked" label={t('rewards.propose.especiallySerious')} extra={t('rewards.propose.seriousHint')} {...item('especiallySerious')}>
            <Switch data-testid="propose-serious" aria-label={t('rewards.propose.especiallySerious')} />
          </Form.Item>
          <Form.Item name="amountYuan" label={t('rewards.propose.amount')} rules={[yuan({ optional: true })]} extra={t('rewards.propose.amountHint')} {...item('amountYuan')}>
            <YuanInput data-testid="propose-amount" />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.amountYuan !== b.amountYuan}>
            {() => {
              const typed = parseYuan(form.getFieldValue('amountYuan'));
              const differs = typed !== undefined && typed !== byRule;
              return (
                <Form.Item
                  name="note"
                  label={differs ? t('rewards.propose.noteWhy') : t('rewards.field.note')}
                  rules={differs ? [required()] : []}
                  {...item('note')}
                >
                  <Input.TextArea rows={2} maxLength={2000} data-testid="propose-note" />
                </Form.Item>
              );
            }}
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}
