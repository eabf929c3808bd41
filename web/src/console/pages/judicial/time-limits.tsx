import { Flex, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useI18n } from '../../../shared/i18n';
import { beijing } from '../problems/common';
import { useJudicialLabels } from './common';
import type { TimeLimitEntry } from './types';

/** The legal time limits of a transfer: the step, who owes it, when it falls due, and warned / overdue / done. */
export function TimeLimits({ limits }: { limits: TimeLimitEntry[] }) {
  const { t } = useI18n();
  const labels = useJudicialLabels();
  const state = (l: TimeLimitEntry) =>
    l.closedAt ? (
      <Tooltip title={beijing(l.closedAt)}>
        <Tag color={l.overdue ? 'volcano' : 'green'}>{l.overdue ? t('judicial.limits.doneLate') : t('judicial.limits.done')}</Tag>
      </Tooltip>
    ) : l.overdue ? (
      <Tag color="red">{t('judicial.overdue')}</Tag>
    ) : l.warned ? (
      <Tag color="orange">{t('judicial.limits.warned')}</Tag>
    ) : (
      <Tag color="blue">{t('judicial.limits.running')}</Tag>
    );
  const columns: TableColumnsType<TimeLimitEntry> = [
    {
      title: t('judicial.limits.step'),
      render: (_, l) => (
        <Flex vertical>
          <span>{labels.step(l.step)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {labels.party(l.party)}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('judicial.limits.due'), width: 100, render: (_, l) => <Typography.Text type={l.overdue && !l.closedAt ? 'danger' : undefined}>{beijing(l.dueAt)}</Typography.Text> },
    { title: t('judicial.limits.state'), width: 84, render: (_, l) => state(l) },
  ];
  return (
    <Table<TimeLimitEntry>
      rowKey={(l) => `${l.step}-${l.startAt}`}
      size="small"
      pagination={false}
      columns={columns}
      dataSource={[...limits].reverse()}
      data-testid="time-limits"
      locale={{ emptyText: t('judicial.limits.empty') }}
      onRow={(l) => ({ 'data-testid': 'time-limit', 'data-step': l.step, 'data-open': String(!l.closedAt), 'data-overdue': String(l.overdue) }) as HTMLAttributes<HTMLElement>}
    />
  );
}
