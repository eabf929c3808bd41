import { Card, Descriptions, Divider, Empty, Flex, Steps, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { beijing, describe } from '../problems/common';
import { useRewardLabels } from './common';
import { staffNames } from './case-history';
import { formatFen } from './money';
import type { ApprovalLevel, RewardCase, RewardItem } from './types';

/** The amounts a rule gives, and what each rests on (a fine, a judicial outcome). */
export function ItemsTable({ items, testId }: { items: RewardItem[]; testId?: string }) {
  const { t } = useI18n();
  const labels = useRewardLabels();
  const columns: TableColumnsType<RewardItem> = [
    { title: t('rewards.item.rule'), render: (_, i) => labels.item(i.rule) },
    { title: t('rewards.item.basis'), align: 'right', width: 150, render: (_, i) => (i.basisFen !== undefined ? formatFen(i.basisFen) : '—') },
    { title: t('rewards.item.amount'), align: 'right', width: 150, render: (_, i) => formatFen(i.amountFen) },
  ];
  return (
    <Table<RewardItem>
      rowKey={(i) => `${i.rule}-${i.basisFen ?? ''}-${i.amountFen}`}
      size="small"
      columns={columns}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: t('rewards.item.none') }}
      data-testid={testId}
    />
  );
}

/** 处罚与判决 and the rule table's suggestion from them. */
export function BasisCard({ rewardCase: c }: { rewardCase: RewardCase }) {
  const { t } = useI18n();
  const labels = useRewardLabels();
  const s = c.suggestion;
  return (
    <Card title={t('rewards.basis.title')}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('rewards.basis.penalties')}
      </Typography.Title>
      {c.penalties.length === 0 ? (
        <Typography.Text type="secondary">{t('rewards.basis.noPenalties')}</Typography.Text>
      ) : (
        <Flex vertical gap={4} data-testid="penalties">
          {c.penalties.map((p) => (
            <span key={p.decisionNumber}>
              {t('rewards.basis.penaltyLine', { number: p.decisionNumber, fine: formatFen(p.fineFen), date: p.decidedOn })}
            </span>
          ))}
        </Flex>
      )}
      <Typography.Title level={5}>{t('rewards.basis.outcomes')}</Typography.Title>
      {c.outcomes.length === 0 ? (
        <Typography.Text type="secondary">{t('rewards.basis.noOutcomes')}</Typography.Text>
      ) : (
        <Flex vertical gap={4} data-testid="outcomes">
          {c.outcomes.map((o) => (
            <span key={`${o.outcome}-${o.documentNumber}`}>
              {t('rewards.basis.outcomeLine', { outcome: labels.outcome(o.outcome), number: o.documentNumber, date: o.date })}
            </span>
          ))}
        </Flex>
      )}
      <Divider />
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('rewards.suggestion.title', { n: s.ruleVersion })}</Typography.Text>
        <Typography.Text data-testid="suggestion-amount">
          {t('rewards.suggestion.total', { amount: formatFen(s.amountFen), cap: formatFen(s.capFen) })}
        </Typography.Text>
      </Flex>
      <ItemsTable items={s.items} testId="suggestion-items" />
    </Card>
  );
}

/** 拟奖, its approvals, the claim and the payouts. */
export function ProposalCard({ rewardCase: c }: { rewardCase: RewardCase }) {
  const { t } = useI18n();
  const labels = useRewardLabels();
  const p = c.proposal;
  const name = staffNames(c.history);
  const levels: ApprovalLevel[] = (p?.especiallySerious ?? c.especiallySerious) ? ['bureau', 'finance', 'city'] : ['bureau', 'finance'];
  const done = (level: ApprovalLevel) => c.approvals.find((a) => a.level === level);
  const current = levels.findIndex((l) => !done(l));
  return (
    <Card title={t('rewards.proposal.title')}>
      {!p ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rewards.proposal.none')} />
      ) : (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={describe([
              ['amount', t('rewards.proposal.amount'), <Typography.Text strong data-testid="proposal-amount">{formatFen(p.amountFen)}</Typography.Text>],
              ['serious', t('rewards.proposal.especiallySerious'), p.especiallySerious ? t('rewards.yes') : t('rewards.no')],
              ['previous', t('rewards.proposal.previouslyPaid'), p.previouslyPaidFen ? formatFen(p.previouslyPaidFen) : null],
              ['by', t('rewards.proposal.proposedBy'), name(p.proposedBy)],
              ['rules', t('rewards.proposal.ruleVersion'), t('rewards.rules.versionN', { n: p.ruleVersion })],
              ['note', t('rewards.proposal.note'), p.note, true],
            ])}
          />
          <ItemsTable items={p.items} testId="proposal-items" />
          <Typography.Title level={5}>{t('rewards.proposal.approvals')}</Typography.Title>
          <Steps
            size="small"
            current={current === -1 ? levels.length : current}
            data-testid="approvals"
            items={levels.map((level) => {
              const a = done(level);
              return {
                title: labels.level(level),
                status: a ? 'finish' : levels.indexOf(level) === current && c.status !== 'evaluated' ? 'process' : 'wait',
                content: a ? t('rewards.proposal.approvedBy', { who: name(a.approvedBy), at: beijing(a.at) }) : undefined,
              };
            })}
          />
        </>
      )}
      {c.claim && (
        <>
          <Divider />
          <Typography.Text data-testid="claim">
            {t('rewards.claim.line', { method: labels.method(c.claim.method), date: c.claim.claimedOn })}
          </Typography.Text>
        </>
      )}
      {c.payouts.length > 0 && (
        <>
          <Divider />
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('rewards.payouts.title')}
          </Typography.Title>
          <Flex vertical gap={4} data-testid="payouts">
            {c.payouts.map((x) => (
              <span key={`${x.reference}-${x.paidOn}`}>
                <Tag color="green">{formatFen(x.amountFen)}</Tag>
                {t('rewards.payouts.line', { method: labels.method(x.method), reference: x.reference, date: x.paidOn, by: name(x.paidBy), department: x.payerDepartment || '—' })}
              </span>
            ))}
          </Flex>
        </>
      )}
    </Card>
  );
}
