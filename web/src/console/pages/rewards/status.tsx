import { Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { shortId, type RewardLabels } from './common';
import { STATUS_COLOURS, type RewardRow } from './types';

/** The case's name in lists: the problem's number, or the bounty and lead it was awarded for. */
export function caseName(row: Pick<RewardRow, 'kind' | 'problemNumber' | 'bountyId' | 'rewardId'>, t: (key: string, vars?: Record<string, string>) => string): string {
  if (row.problemNumber) return row.problemNumber;
  if (row.kind === 'bounty') return t('rewards.list.bountyCase', { id: shortId(row.bountyId ?? row.rewardId) });
  return row.rewardId;
}

export function StatusTags({ row, labels }: { row: Pick<RewardRow, 'status' | 'especiallySerious'>; labels: RewardLabels }) {
  const { t } = useI18n();
  return (
    <Flex gap={4} wrap>
      <Tag color={STATUS_COLOURS[row.status]} data-testid="reward-status">
        {labels.status(row.status)}
      </Tag>
      {row.especiallySerious && <Tag color="volcano">{t('rewards.especiallySerious')}</Tag>}
    </Flex>
  );
}

export function DueOn({ row }: { row: Pick<RewardRow, 'dueOn' | 'overdue'> }) {
  const { t } = useI18n();
  if (!row.dueOn) return <>—</>;
  return (
    <Flex gap={4} wrap align="center">
      <Typography.Text type={row.overdue ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
        {row.dueOn}
      </Typography.Text>
      {row.overdue && <Tag color="red">{t('rewards.overdue')}</Tag>}
    </Flex>
  );
}
