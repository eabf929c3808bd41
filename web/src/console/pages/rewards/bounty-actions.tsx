import { Button, Flex, Form, Input, Select, Tabs, Typography, type FormInstance } from 'antd';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { beijing, CommandForm, compact, useRequired } from '../problems/common';
import { rethrowAsYuan, shortId, useRewardLabels, useYuanRule, YuanInput } from './common';
import { formatFen, parseYuan } from './money';
import type { BountyDetail } from './types';

interface Props {
  bounty: BountyDetail;
  onDone(): void;
}

const post = (bounty: BountyDetail, action: string, json: unknown) =>
  api(`/api/rewards/bounties/${encodeURIComponent(bounty.bountyId)}/${action}`, { method: 'POST', json }).catch(rethrowAsYuan);

/** What the reward officer does with an open bounty: link a lead, award, withdraw. */
export function BountyActions(props: Props) {
  const { t } = useI18n();
  const tabs = [
    ['award', <AwardForm {...props} />],
    ['link', <LinkLeadForm {...props} />],
    ['withdraw', <WithdrawForm {...props} />],
  ] as const;
  return (
    <Tabs
      items={tabs.map(([key, children]) => ({
        key,
        label: <span data-testid={`bounty-tab-${key}`}>{t(`rewards.bounty.action.${key}`)}</span>,
        children,
      }))}
    />
  );
}

/** 关联线索: a lead that came without the bounty's id. */
function LinkLeadForm({ bounty, onDone }: Props) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<{ clueId: string }>
      name="bounty-link"
      fields={['clueId']}
      submit={(v) => post(bounty, 'leads', { clueId: v.clueId.trim() })}
      onDone={onDone}
      onConflict={onDone}
      successText={t('rewards.bounty.linked')}
      submitText={t('rewards.bounty.link')}
      submitTestId="link-submit"
    >
      {(item) => (
        <Form.Item name="clueId" label={t('rewards.bounty.clueId')} rules={[required()]} extra={t('rewards.bounty.clueIdHint')} {...item('clueId')}>
          <Input maxLength={64} style={{ maxWidth: 420, fontFamily: 'monospace' }} data-testid="link-clue-id" />
        </Form.Item>
      )}
    </CommandForm>
  );
}

interface AwardValues {
  awards?: Array<{ clueId?: string; amountYuan?: string }>;
  note?: string;
}

/** What is left to award: the maximum less what was awarded and what is typed now. */
function Remaining({ bounty, form }: { bounty: BountyDetail; form: FormInstance<AwardValues> }) {
  const { t } = useI18n();
  const rows = Form.useWatch('awards', form) ?? [];
  const typed = rows.reduce((sum, r) => sum + (parseYuan(r?.amountYuan) ?? 0), 0);
  const left = bounty.maxAmountFen - bounty.awardedFen - typed;
  return (
    <Typography.Paragraph>
      {t('rewards.bounty.remainingLine', { max: formatFen(bounty.maxAmountFen), awarded: formatFen(bounty.awardedFen) })}
      <Typography.Text strong type={left < 0 ? 'danger' : undefined} data-testid="award-remaining">
        {formatFen(left)}
      </Typography.Text>
    </Typography.Paragraph>
  );
}

/** 兑现悬赏: one or several leads, each with its amount (a split); each award opens a reward case for approval. */
function AwardForm({ bounty, onDone }: Props) {
  const { t } = useI18n();
  const labels = useRewardLabels();
  const required = useRequired();
  const yuan = useYuanRule();
  const leads = bounty.leads;
  const fields = [...leads.flatMap((_, i) => [`awards.${i}.clueId`, `awards.${i}.amountYuan`]), 'awards', 'note'];
  if (leads.length === 0) return <Typography.Text type="secondary">{t('rewards.bounty.noLeadsToAward')}</Typography.Text>;
  return (
    <CommandForm<AwardValues>
      name="bounty-award"
      testId="award-form"
      fields={fields}
      codeFields={{ AMOUNT_ABOVE_CAP: 'awards', AMOUNT_INVALID: 'awards', AWARD_DUPLICATE_LEAD: 'awards', LEAD_NOT_LINKED: 'awards' }}
      initialValues={{ awards: [{ clueId: leads.length === 1 ? leads[0].clueId : undefined }] }}
      submit={(v) =>
        post(bounty, 'award', compact({ awards: (v.awards ?? []).map((a) => ({ clueId: a?.clueId, amountFen: parseYuan(a?.amountYuan) })), note: v.note?.trim() }))
      }
      onDone={onDone}
      onConflict={onDone}
      successText={t('rewards.bounty.awardedDone')}
      submitText={t('rewards.bounty.award')}
      submitTestId="award-submit"
    >
      {(item, form) => (
        <>
          <Remaining bounty={bounty} form={form} />
          <Form.List name="awards">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row, i) => (
                  <Flex key={row.key} gap={8} wrap align="start">
                    <Form.Item name={[row.name, 'clueId']} label={t('rewards.bounty.lead')} rules={[required('value')]} style={{ minWidth: 280 }} {...item(`awards.${i}.clueId`)}>
                      <Select
                        data-testid={`award-lead-${i}`}
                        aria-label={t('rewards.bounty.leadN', { n: i + 1 })}
                        options={leads.map((l) => ({ value: l.clueId, label: [t('rewards.clue', { id: shortId(l.clueId) }), labels.channel(l.channel), beijing(l.registeredAt)].filter(Boolean).join(' · ') }))}
                      />
                    </Form.Item>
                    <Form.Item name={[row.name, 'amountYuan']} label={t('rewards.bounty.amount')} required rules={[yuan()]} {...item(`awards.${i}.amountYuan`)}>
                      <YuanInput data-testid={`award-amount-${i}`} aria-label={t('rewards.bounty.amountN', { n: i + 1 })} />
                    </Form.Item>
                    {rows.length > 1 && (
                      <Button style={{ marginTop: 30 }} onClick={() => remove(row.name)} aria-label={t('rewards.bounty.removeRow', { n: i + 1 })}>
                        {t('rewards.bounty.remove')}
                      </Button>
                    )}
                  </Flex>
                ))}
                {item('awards').help && (
                  <Typography.Paragraph type="danger" role="alert">
                    {item('awards').help}
                  </Typography.Paragraph>
                )}
                {rows.length < leads.length && (
                  <Button onClick={() => add({})} style={{ marginBottom: 16 }} data-testid="award-add">
                    {t('rewards.bounty.addLead')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
          <Form.Item name="note" label={t('rewards.field.note')} {...item('note')}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="award-note" />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

/** 撤回悬赏, with the reason on the record. */
function WithdrawForm({ bounty, onDone }: Props) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<{ reason: string }>
      name="bounty-withdraw"
      fields={['reason']}
      submit={(v) => post(bounty, 'withdrawal', { reason: v.reason.trim() })}
      onDone={onDone}
      onConflict={onDone}
      successText={t('rewards.bounty.withdrawn')}
      submitText={t('rewards.bounty.withdraw')}
      submitTestId="withdraw-submit"
      danger
    >
      {(item) => (
        <Form.Item name="reason" label={t('rewards.bounty.withdrawReason')} rules={[required()]} {...item('reason')}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="withdraw-reason" />
        </Form.Item>
      )}
    </CommandForm>
  );
}
