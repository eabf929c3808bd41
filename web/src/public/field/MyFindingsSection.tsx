import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import { useI18n, type Bilingual } from '../../shared/i18n';
import { FormError } from '../components/FieldError';
import { beijingTime } from '../lib/format';
import { routeApiError, type Problem } from '../lib/problems';
import type { OnFailure } from './FieldHome';

interface Finding {
  clueId: string;
  category: Bilingual & { code: string };
  description: string;
  town: (Bilingual & { code: string }) | null;
  status: string;
  publicStage: string;
  attachments: unknown[];
  rejection: (Bilingual & { reason: string }) | null;
  referredTo: string | null;
  registeredAt: string;
}

/** My findings and where each one stands (clue status, and the stage of the problem it led to). */
export function MyFindingsSection({ version, onFailure }: { version: number; onFailure: OnFailure }) {
  const { t, pick, locale } = useI18n();
  const [findings, setFindings] = useState<Finding[]>();
  const [problem, setProblem] = useState<Problem[]>([]);
  const [reload, setReload] = useState(0);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setProblem([]);
    api<Finding[]>('/api/intake/patrol/findings')
      .then(
        (rows) => live && setFindings(rows),
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
  }, [version, reload, onFailure]);

  return (
    <section className="card" id="my-findings-section" aria-labelledby="my-findings-title" aria-busy={loading}>
      <div className="section-head">
        <h2 id="my-findings-title">{t('field.mine.title')}</h2>
        <button type="button" className="button button-link" onClick={() => setReload((n) => n + 1)} disabled={loading}>
          {t('action.refresh')}
        </button>
      </div>
      <FormError problems={problem} />
      {findings === undefined && problem.length === 0 && <p className="muted">{t('nav.loading')}</p>}
      <ul className="list" data-testid="my-findings">
        {findings?.map((f) => (
          <li key={f.clueId} data-testid="my-finding">
            <p className="list-head">
              <strong>{pick(f.category)}</strong>
              <span className={`badge badge-${f.status}`}>{t(`clueStatus.${f.status}`)}</span>
            </p>
            <p className="clamp">{f.description}</p>
            <p className="muted">
              <time dateTime={f.registeredAt}>{beijingTime(f.registeredAt, locale)}</time>
              {f.town && (
                <>
                  {t('list.separator')}
                  {pick(f.town)}
                </>
              )}
              {f.attachments.length > 0 && (
                <>
                  {t('list.separator')}
                  {t('field.mine.photos', { count: f.attachments.length })}
                </>
              )}
            </p>
            <p>
              <span className="muted">{t('field.mine.stage')}</span> {t(`stage.${f.publicStage}`)}
            </p>
            {f.rejection && (
              <p className="muted">
                {f.rejection.reason
                  ? t('field.mine.rejectedReason', { label: pick(f.rejection), reason: f.rejection.reason })
                  : t('field.mine.rejected', { label: pick(f.rejection) })}
              </p>
            )}
            {f.referredTo && <p className="muted">{t('field.mine.referred', { authority: f.referredTo })}</p>}
          </li>
        ))}
      </ul>
      {findings && findings.length === 0 && <p className="muted">{t('field.mine.none')}</p>}
    </section>
  );
}
