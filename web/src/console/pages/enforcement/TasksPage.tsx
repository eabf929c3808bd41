import { Button, Card, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes, type KeyboardEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { beijing } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { ShortId, useEnforcementLabels, useInspectorNames } from './common';
import { TargetedTaskModal } from './targeted-task';
import { RESULT_COLOURS, TASK_STATUSES, type Task } from './types';

/** 检查任务: from draws and targeted; officers start a targeted inspection from a problem or an alarm. */
export default function TasksPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const labels = useEnforcementLabels();
  const inspector = useInspectorNames();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const query = useMemo(() => {
    const q = new URLSearchParams();
    for (const key of ['status', 'drawId']) if (params.get(key)) q.set(key, params.get(key)!);
    return q.toString();
  }, [params]);
  const tasks = useLoad(() => api<Task[]>(`/api/enforcement/tasks${query ? `?${query}` : ''}`), [query]);
  const set = (key: string, value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const open = (task: Task) => navigate(`/enforcement/tasks/${task.taskId}`);
  const columns: TableColumnsType<Task> = [
    {
      title: t('enforcement.task.enterprise'),
      render: (_, x) => (
        <Link to={`/enforcement/tasks/${x.taskId}`} onClick={(e) => e.stopPropagation()}>
          {x.enterpriseName}
        </Link>
      ),
    },
    { title: t('enforcement.field.townCode'), width: 110, render: (_, x) => labels.town(x.townCode) || '—' },
    { title: t('enforcement.task.kind'), width: 100, render: (_, x) => labels.taskKind(x.kind) },
    { title: t('enforcement.draw.inspectors'), width: 200, render: (_, x) => x.inspectorIds.map(inspector).join(t('problems.sep.list')) },
    { title: t('enforcement.task.status'), width: 100, render: (_, x) => <Tag color={x.status === 'done' ? 'green' : 'blue'}>{labels.taskStatus(x.status)}</Tag> },
    { title: t('enforcement.task.result'), width: 170, render: (_, x) => (x.result ? <Tag color={RESULT_COLOURS[x.result]}>{labels.result(x.result)}</Tag> : '—') },
    { title: t('enforcement.task.inspectedOn'), width: 110, render: (_, x) => x.inspectedOn ?? '—' },
    { title: t('enforcement.task.createdAt'), width: 150, render: (_, x) => beijing(x.createdAt) },
  ];
  return (
    <Card
      title={t('enforcement.tasks.title')}
      extra={
        can('enforcement-officer') && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="task-targeted">
            {t('enforcement.targeted.open')}
          </Button>
        )
      }
    >
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} role="search" aria-label={t('enforcement.registry.filters')}>
        <Select
          allowClear
          placeholder={t('enforcement.task.status')}
          aria-label={t('enforcement.task.status')}
          style={{ width: 140 }}
          value={params.get('status') ?? undefined}
          options={TASK_STATUSES.map((s) => ({ value: s, label: labels.taskStatus(s) }))}
          onChange={(v?: string) => set('status', v)}
        />
        {params.get('drawId') && (
          <Tag closable onClose={() => set('drawId')}>
            {t('enforcement.tasks.ofDraw')} <ShortId id={params.get('drawId')!} />
          </Tag>
        )}
      </Flex>
      {tasks.error !== undefined ? (
        <LoadFailed error={tasks.error} retry={tasks.reload} />
      ) : (
        <Table<Task>
          rowKey="taskId"
          size="middle"
          loading={tasks.loading}
          columns={columns}
          dataSource={tasks.data ?? []}
          scroll={{ x: 1100 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('enforcement.total', { n }) }}
          locale={{ emptyText: t('enforcement.tasks.empty') }}
          onRow={(x) =>
            ({
              onClick: () => open(x),
              onKeyDown: (e: KeyboardEvent) => {
                if (e.key === 'Enter' && e.target === e.currentTarget) open(x);
              },
              tabIndex: 0,
              style: { cursor: 'pointer' },
              'data-testid': 'task-row',
              'data-task-id': x.taskId,
            }) as HTMLAttributes<HTMLElement>
          }
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('enforcement.tasks.phoneHint')}
      </Typography.Paragraph>
      {creating && (
        <TargetedTaskModal
          onClose={() => setCreating(false)}
          onCreated={(taskId) => {
            setCreating(false);
            navigate(`/enforcement/tasks/${taskId}`);
          }}
        />
      )}
    </Card>
  );
}
