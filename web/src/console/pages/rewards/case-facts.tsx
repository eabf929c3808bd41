import { Card, Descriptions, Flex, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../shared/i18n';
import { PAGE_ROLES } from '../../App';
import { useSession } from '../../session';
import { beijing, describe } from '../problems/common';
import { shortId, useRewardLabels } from './common';
import { staffNames } from './case-history';
import { formatFen } from './money';
import { caseName, DueOn, StatusTags } from './status';
import type { Candidate, RewardCase } from './types';

/** The clue a reward is for (the eligible candidate, or a bounty case's lead). */
export function eligibleClue(c: RewardCase): string | undefined {
  return c.evaluation?.eligibleClueId ?? c.candidates.find((x) => x.eligible)?.clueId;
}

/** A clue id, linked to the clue for those who may read clues. */
export function ClueLink({ clueId }: { clueId: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const text = t('rewards.clue', { id: shortId(clueId) });
  return can(...PAGE_ROLES.clues) ? (
    <Link to={`/clues/${clueId}`} style={{ fontFamily: 'monospace' }}>
      {text}
    </Link>
  ) : (
    <Typography.Text style={{ fontFamily: 'monospace' }} title={clueId}>
      {text}
    </Typography.Text>
  );
}

/** 案件概况: what the case is about, its dates and money so far. */
export function CaseFacts({ rewardCase: c }: { rewardCase: RewardCase }) {
  const { t } = useI18n();
  const labels = useRewardLabels();
  const e = c.evaluation;
  const name = staffNames(c.history);
  const rows: Array<[string, ReactNode, boolean?]> = [
    ['problem', c.problemId && <Link to={`/problems/${c.problemId}`} data-testid="reward-problem-link">{c.problemNumber ?? c.problemId}</Link>],
    ['bounty', c.bountyId && <Link to={`/bounties/${c.bountyId}`}>{t('rewards.bountyLink', { id: shortId(c.bountyId) })}</Link>],
    ['category', labels.category(c.category)],
    ['town', labels.town(c.townCode)],
    [
      'violationKinds',
      c.violationKinds.length > 0 && (
        <Flex gap={4} wrap>
          {c.violationKinds.map((k) => (
            <Tag key={k}>{labels.violation(k)}</Tag>
          ))}
        </Flex>
      ),
      true,
    ],
    ['openedOn', c.openedOn],
    ['problemClosedOn', c.problemClosedOn],
    ['dueOn', c.dueOn && <DueOn row={c} />],
    ['amount', c.amountFen !== undefined && formatFen(c.amountFen)],
    ['paid', c.paidFen > 0 && formatFen(c.paidFen)],
    ['notifiedOn', c.notifiedOn],
    ['claimBy', c.claimBy],
    ['paidOn', c.paidOn],
    ['eligibleClue', e && (e.eligibleClueId ? <ClueLink clueId={e.eligibleClueId} /> : t('rewards.facts.noneEligible'))],
    ['knownBeforeReport', e?.knownBeforeReport && t('rewards.yes')],
    ['evaluatedBy', e && (e.evaluatedBy === 'system' ? t('rewards.history.system') : name(e.evaluatedBy))],
    ['ruleVersion', e && t('rewards.rules.versionN', { n: e.ruleVersion })],
    ['evaluationNote', e?.note, true],
    ['closeReason', c.closeReason, true],
  ];
  const items = describe(rows.map(([key, value, wide]) => [key, t(`rewards.facts.${key}`), value, wide]));
  return (
    <Card
      title={
        <Space wrap size={8}>
          <Link to="/rewards">{t('rewards.list.title')}</Link>
          <span aria-hidden>/</span>
          <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 16 }} data-testid="reward-name">
            {caseName(c, t)}
          </Typography.Text>
          <StatusTags row={c} labels={labels} />
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
    </Card>
  );
}

/** 举报人 (candidates): facts only, never who they are; who is first, who is excluded and why, who is eligible. */
export function Candidates({ candidates }: { candidates: Candidate[] }) {
  const { t } = useI18n();
  const labels = useRewardLabels();
  const flag = (on: boolean, colour: string, text: string) => (on ? <Tag color={colour}>{text}</Tag> : <Typography.Text type="secondary">—</Typography.Text>);
  const columns: TableColumnsType<Candidate> = [
    { title: t('rewards.candidate.clue'), width: 120, render: (_, c) => <ClueLink clueId={c.clueId} /> },
    { title: t('rewards.candidate.channel'), width: 130, render: (_, c) => labels.channel(c.channel) },
    { title: t('rewards.candidate.registeredAt'), width: 150, render: (_, c) => beijing(c.registeredAt) },
    { title: t('rewards.candidate.identifiable'), width: 90, render: (_, c) => (c.identifiable ? t('rewards.yes') : t('rewards.no')) },
    { title: t('rewards.candidate.insider'), width: 80, render: (_, c) => flag(c.insider, 'purple', t('rewards.yes')) },
    { title: t('rewards.candidate.first'), width: 80, render: (_, c) => flag(c.first, 'blue', t('rewards.candidate.firstTag')) },
    {
      title: t('rewards.candidate.excluded'),
      render: (_, c) =>
        c.excluded ? (
          <Flex vertical gap={2}>
            <span>{labels.exclusion(c.excluded)}</span>
            {c.organisationKind && <Typography.Text type="secondary">{labels.orgKind(c.organisationKind)}</Typography.Text>}
            {c.note && <Typography.Text type="secondary">{c.note}</Typography.Text>}
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('rewards.candidate.eligible'),
      width: 100,
      render: (_, c) => (c.eligible ? <Tag color="green">{t('rewards.candidate.eligibleTag')}</Tag> : <Tag>{t('rewards.candidate.notEligible')}</Tag>),
    },
  ];
  return (
    <Card title={t('rewards.candidate.title', { n: candidates.length })}>
      <Table<Candidate>
        rowKey="clueId"
        size="small"
        columns={columns}
        dataSource={candidates}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('rewards.candidate.none') }}
        onRow={(c) => ({ 'data-testid': 'candidate-row', 'data-clue-id': c.clueId }) as HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
