import { Alert, Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { PAGE_ROLES } from '../../App';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { beijing } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { MONITORING_API, TierTag, useMonitoringLabels } from './common';
import type { MyTask } from './types';
import { VerificationResultForm } from './verification-form';

/**
 * 我的核查任务: the site verifications sent to me or my towns, soonest due first; the result is recorded here, on a
 * phone at the enterprise's gate (one column, big targets, nothing wider than the screen).
 */
export default function TasksPage() {
  const { t } = useI18n();
  const labels = useMonitoringLabels();
  const tasks = useLoad(() => api<MyTask[]>(`${MONITORING_API}/verification-tasks/mine`), []);
  const [recording, setRecording] = useState<string>();
  const [recorded, setRecorded] = useState<{ enterpriseName: string; alarmId: string }>();
  if (tasks.error !== undefined) return <LoadFailed error={tasks.error} retry={tasks.reload} />;
  if (!tasks.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 760 }} data-testid="my-tasks">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('monitoring.tasks.title')}
      </Typography.Title>
      {recorded && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setRecorded(undefined) }}
          title={t('monitoring.tasks.recorded', { name: recorded.enterpriseName })}
          data-testid="task-recorded"
        />
      )}
      {tasks.data.length === 0 && <Empty description={t('monitoring.tasks.empty')} data-testid="tasks-empty" />}
      {tasks.data.map((task) => (
        <TaskCard
          key={task.taskId}
          task={task}
          open={recording === task.taskId}
          onOpen={() => setRecording(recording === task.taskId ? undefined : task.taskId)}
          onDone={() => {
            setRecording(undefined);
            setRecorded({ enterpriseName: task.enterpriseName, alarmId: task.alarmId });
            tasks.reload();
          }}
          onConflict={tasks.reload}
          townName={labels.town(task.townCode)}
        />
      ))}
    </Flex>
  );
}

function TaskCard({ task, open, onOpen, onDone, onConflict, townName }: { task: MyTask; open: boolean; onOpen(): void; onDone(): void; onConflict(): void; townName: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const labels = useMonitoringLabels();
  const overdue = dayjs(task.dueAt).isBefore(dayjs());
  return (
    <Card size="small" data-testid="verification-task" data-alarm-id={task.alarmId} styles={{ body: { padding: 12 } }}>
      <Flex vertical gap={6}>
        <Flex gap={6} wrap align="center">
          <TierTag tier={task.tier} />
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="task-enterprise">
            {task.enterpriseName}
          </Typography.Text>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {labels.kind(task.kind)}
          {townName ? ` · ${townName}` : ''}
        </Typography.Text>
        <Typography.Paragraph style={{ margin: 0, wordBreak: 'break-word' }} data-testid="task-summary">
          {task.summary}
        </Typography.Paragraph>
        <Flex gap={6} wrap align="center">
          <Typography.Text type={overdue ? 'danger' : undefined}>{t('monitoring.tasks.due', { at: beijing(task.dueAt) })}</Typography.Text>
          {overdue && <Tag color="red">{t('monitoring.overdue')}</Tag>}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace', wordBreak: 'break-all' }}>
          MN {task.mn}
        </Typography.Text>
        <Flex gap={8} wrap>
          <Button type={open ? 'default' : 'primary'} size="large" onClick={onOpen} data-testid="task-record" style={{ flex: 1 }}>
            {open ? t('common.cancel') : t('monitoring.tasks.record')}
          </Button>
          {can(...PAGE_ROLES.monitoring) && (
            <Link to={`/monitoring/alarms/${task.alarmId}`} style={{ alignSelf: 'center' }}>
              {t('monitoring.tasks.openAlarm')}
            </Link>
          )}
        </Flex>
        {open && (
          <div style={{ marginTop: 8 }}>
            <VerificationResultForm alarmId={task.alarmId} onDone={onDone} onConflict={onConflict} />
          </div>
        )}
      </Flex>
    </Card>
  );
}
