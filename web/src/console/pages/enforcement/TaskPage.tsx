import { Card, Descriptions, Result, Skeleton, Tag } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../admin/use-load';
import { beijing, describe } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { ShortId, useEnforcementLabels, useInspectorNames } from './common';
import { RESULT_COLOURS, type Task } from './types';

/** One inspection task: the enterprise, who inspects, why (draw or trigger), and the result with its evidence. */
export default function TaskPage() {
  const { taskId = '' } = useParams();
  const { t, pick } = useI18n();
  const labels = useEnforcementLabels();
  const inspector = useInspectorNames();
  const task = useLoad(() => api<Task>(`/api/enforcement/tasks/${encodeURIComponent(taskId)}`), [taskId]);
  if (task.error instanceof ApiError && (task.error.status === 404 || task.error.status === 400)) {
    return <Result status="404" title={pick(task.error.text)} extra={<Link to="/enforcement/tasks">{t('enforcement.tasks.back')}</Link>} />;
  }
  if (task.error !== undefined) return <LoadFailed error={task.error} retry={task.reload} />;
  const x = task.data;
  if (!x) return <Skeleton active paragraph={{ rows: 6 }} />;
  const items = describe([
    ['enterprise', t('enforcement.task.enterprise'), <Link to={`/enforcement/enterprises/${x.enterpriseId}`}>{x.enterpriseName}</Link>],
    ['town', t('enforcement.field.townCode'), labels.town(x.townCode)],
    ['address', t('enforcement.field.address'), x.address, true],
    ['kind', t('enforcement.task.kind'), labels.taskKind(x.kind)],
    ['draw', t('enforcement.task.draw'), x.drawId ? <Link to={`/enforcement/draws/${x.drawId}`}><ShortId id={x.drawId} /></Link> : null],
    ['problem', t('enforcement.targeted.problemId'), x.trigger?.problemId ? <Link to={`/problems/${x.trigger.problemId}`}><ShortId id={x.trigger.problemId} /></Link> : null],
    ['alarm', t('enforcement.targeted.alarmId'), x.trigger?.alarmId ? <ShortId id={x.trigger.alarmId} /> : null],
    ['note', t('enforcement.targeted.note'), x.trigger?.note, true],
    ['inspectors', t('enforcement.draw.inspectors'), x.inspectorIds.map(inspector).join(t('problems.sep.list')), true],
    ['status', t('enforcement.task.status'), labels.taskStatus(x.status)],
    ['createdAt', t('enforcement.task.createdAt'), beijing(x.createdAt)],
    ['result', t('enforcement.task.result'), x.result ? <Tag color={RESULT_COLOURS[x.result]}>{labels.result(x.result)}</Tag> : null],
    ['inspectedOn', t('enforcement.task.inspectedOn'), x.inspectedOn],
    ['findings', t('enforcement.task.findings'), x.findings, true],
    ['evidence', t('enforcement.task.evidence'), x.evidence?.length ? <ul style={{ margin: 0, paddingLeft: 20 }}>{x.evidence.map((e) => <li key={e}>{e}</li>)}</ul> : null, true],
  ]);
  return (
    <Card title={t('enforcement.task.title', { name: x.enterpriseName })} extra={<Link to="/enforcement/tasks">{t('enforcement.tasks.back')}</Link>}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={items} data-testid="task-facts" />
    </Card>
  );
}
