import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, type Session } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { FormError } from '../../components/FieldError';
import { useTitle } from '../../lib/focus';
import { beijingTime } from '../../lib/format';
import { routeApiError, type Problem } from '../../lib/problems';
import type { OnFailure } from '../FieldHome';
import { InspectorBar } from './InspectorBar';
import type { InspectionTask } from './types';
import '../../enforcement.css';

/** 我的检查任务: the tasks still to inspect first, then those done, each opening the task and its result form. */
export default function InspectorTasks({ session, onSignOut, onFailure }: { session: Session; onSignOut(): void; onFailure: OnFailure }) {
  const { t, locale } = useI18n();
  useTitle('inspection.tasks.title');
  const [tasks, setTasks] = useState<InspectionTask[]>();
  const [problem, setProblem] = useState<Problem[]>([]);
  const [round, setRound] = useState(0);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let live = true;
    setLoading(true);
    setProblem([]);
    api<InspectionTask[]>('/api/enforcement/tasks')
      .then(
        (rows) => live && setTasks(rows),
        (error: unknown) => {
          if (!live) return;
          onFailure(error);
          setProblem(routeApiError(error, {}).general);
        },
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [round, onFailure]);

  const open = (tasks ?? []).filter((x) => x.status === 'assigned');
  const done = (tasks ?? []).filter((x) => x.status === 'done');
  const list = (rows: InspectionTask[], testId: string) => (
    <ul className="list" data-testid={testId}>
      {rows.map((x) => (
        <li key={x.taskId} data-testid="inspection-task" data-task-id={x.taskId}>
          <Link className="task-link" to={`/field/tasks/${x.taskId}`}>
            <p className="list-head">
              <strong>{x.enterpriseName}</strong>
              <span className={`badge ${x.result ? `badge-result-${x.result}` : 'badge-assigned'}`}>{x.result ? t(`inspection.result.${x.result}`) : t('inspection.status.assigned')}</span>
            </p>
            <p className="clamp">{x.address}</p>
            <p className="muted">
              {t(`inspection.kind.${x.kind}`)}
              {x.townCode && (
                <>
                  {t('list.separator')}
                  {t(`town.${x.townCode}`)}
                </>
              )}
              {t('list.separator')}
              {x.inspectedOn ? t('inspection.inspectedOn', { date: x.inspectedOn }) : t('inspection.assignedAt', { time: beijingTime(x.createdAt, locale) })}
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );

  return (
    <div className="page">
      <InspectorBar session={session} onSignOut={onSignOut} />
      <h1>{t('inspection.tasks.title')}</h1>
      <section className="card" aria-labelledby="open-tasks" aria-busy={loading}>
        <div className="section-head">
          <h2 id="open-tasks">{t('inspection.tasks.open', { n: open.length })}</h2>
          <button type="button" className="button button-link" onClick={() => setRound((n) => n + 1)} disabled={loading}>
            {t('action.refresh')}
          </button>
        </div>
        <FormError problems={problem} />
        {tasks === undefined && problem.length === 0 && <p className="muted">{t('nav.loading')}</p>}
        {tasks && open.length === 0 && <p className="muted">{t('inspection.tasks.noneOpen')}</p>}
        {list(open, 'open-tasks')}
      </section>
      {done.length > 0 && (
        <section className="card" aria-labelledby="done-tasks">
          <h2 id="done-tasks">{t('inspection.tasks.done', { n: done.length })}</h2>
          {list(done, 'done-tasks')}
        </section>
      )}
    </div>
  );
}
