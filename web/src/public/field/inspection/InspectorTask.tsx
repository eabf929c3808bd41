import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError, type Session } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { FormError } from '../../components/FieldError';
import { useTitle } from '../../lib/focus';
import { beijingTime } from '../../lib/format';
import { routeApiError, type Problem } from '../../lib/problems';
import type { OnFailure } from '../FieldHome';
import { InspectorBar } from './InspectorBar';
import { ResultForm } from './ResultForm';
import type { InspectionTask } from './types';
import '../../enforcement.css';

/** One task on the phone: where to go, who goes along, and the result form (or the result once recorded). */
export default function InspectorTask({ session, onSignOut, onFailure }: { session: Session; onSignOut(): void; onFailure: OnFailure }) {
  const { taskId = '' } = useParams();
  const { t, locale } = useI18n();
  useTitle('inspection.task.title');
  const [task, setTask] = useState<InspectionTask>();
  const [problem, setProblem] = useState<Problem[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});

  const load = useCallback(async () => {
    setProblem([]);
    try {
      setTask(await api<InspectionTask>(`/api/enforcement/tasks/${encodeURIComponent(taskId)}`));
    } catch (error) {
      onFailure(error);
      setProblem(error instanceof ApiError && (error.status === 404 || error.status === 400) ? [{ key: 'inspection.task.missing' }] : routeApiError(error, {}).general);
    }
  }, [taskId, onFailure]);
  useEffect(() => {
    setTask(undefined);
    void load();
  }, [load]);
  useEffect(() => {
    // the names of the officers who go along (the pool is readable by inspectors); ids stay hidden when it is not
    api<Array<{ inspectorId: string; name: string }>>('/api/enforcement/inspectors').then(
      (pool) => setNames(Object.fromEntries(pool.map((p) => [p.inspectorId, p.name]))),
      () => undefined,
    );
  }, []);

  const others = (task?.inspectorIds ?? []).filter((id) => id !== session.user.userId).map((id) => names[id] ?? t('inspection.task.colleague'));
  return (
    <div className="page">
      <InspectorBar session={session} onSignOut={onSignOut} />
      <Link to="/field/tasks" className="back" data-testid="back-to-tasks">
        {t('inspection.task.back')}
      </Link>
      <FormError problems={problem} />
      {!task && problem.length === 0 && (
        <p className="muted" role="status">
          {t('nav.loading')}
        </p>
      )}
      {task && (
        <>
          <section className="card" aria-labelledby="task-title">
            <h1 id="task-title" data-testid="task-enterprise">
              {task.enterpriseName}
            </h1>
            <dl className="facts">
              <dt>{t('inspection.task.address')}</dt>
              <dd data-testid="task-address">{task.address}</dd>
              {task.townCode && (
                <>
                  <dt>{t('inspection.task.town')}</dt>
                  <dd>{t(`town.${task.townCode}`)}</dd>
                </>
              )}
              <dt>{t('inspection.task.kind')}</dt>
              <dd>{t(`inspection.kind.${task.kind}`)}</dd>
              {task.trigger?.note && (
                <>
                  <dt>{t('inspection.task.note')}</dt>
                  <dd>{task.trigger.note}</dd>
                </>
              )}
              <dt>{t('inspection.task.with')}</dt>
              <dd>{others.length ? others.join(t('inspection.listSeparator')) : '—'}</dd>
              <dt>{t('inspection.task.assigned')}</dt>
              <dd>{beijingTime(task.createdAt, locale)}</dd>
            </dl>
            <p className="hint">{t('inspection.task.twoOfficers')}</p>
          </section>
          {task.status === 'done' ? <Recorded task={task} /> : <ResultForm task={task} onRecorded={setTask} onFailure={onFailure} />}
        </>
      )}
    </div>
  );
}

function Recorded({ task }: { task: InspectionTask }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="recorded-title" data-testid="task-recorded">
      <h2 id="recorded-title">{t('inspection.recorded.title')}</h2>
      <p className="stage" data-testid="recorded-result" data-result={task.result}>
        {t(`inspection.result.${task.result}`)}
      </p>
      <dl className="facts facts-stack">
        <dt>{t('inspection.form.inspectedOn')}</dt>
        <dd>{task.inspectedOn}</dd>
        <dt>{t('inspection.form.findings')}</dt>
        <dd className="pre">{task.findings}</dd>
        <dt>{t('inspection.form.evidence')}</dt>
        <dd>
          {task.evidence?.length ? (
            <ul className="steps">
              {task.evidence.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : (
            '—'
          )}
        </dd>
      </dl>
      {task.result === 'violation' && <p className="hint">{t('inspection.recorded.caseOpened')}</p>}
      {task.result === 'problems' && <p className="hint">{t('inspection.recorded.problemOpened')}</p>}
    </section>
  );
}
