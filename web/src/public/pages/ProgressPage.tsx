import { lazy, Suspense, useCallback, useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../shared/api';
import { useI18n, type Bilingual } from '../../shared/i18n';
import { ChunkBoundary } from '../components/ChunkBoundary';
import { FormError } from '../components/FieldError';
import { TextField } from '../components/TextField';
import { useTitle } from '../lib/focus';
import { beijingTime, normaliseReceiptCode } from '../lib/format';
import { routeApiError, type Problem } from '../lib/problems';
import type { PublicReward } from '../lib/rewards';

/** The reward section (举报奖励) loads only for a report that has a reward case. */
const RewardSection = lazy(() => import('../components/RewardSection'));

interface Progress {
  stage: string;
  stageLabel: Bilingual;
  category: Bilingual & { code: string };
  submittedAt: string;
  history: Array<
    Bilingual & {
      stage: string;
      at: string;
      note?: string;
      assignment?: { town?: Bilingual; leadDepartment?: Bilingual; deadline?: string };
    }
  >;
  attachments: Array<{ attachmentId: string; kind: string }>;
}

/** Follow a report with its receipt code: the current stage, the history, and the photos sent (without metadata). */
export default function ProgressPage() {
  const { t, pick, locale } = useI18n();
  useTitle('progress.title');
  const navigate = useNavigate();
  const params = useParams();
  const code = params.code ? normaliseReceiptCode(params.code) : undefined;
  const [input, setInput] = useState(code ?? params.code ?? '');
  const [inputProblems, setInputProblems] = useState<Problem[]>([]);
  const [general, setGeneral] = useState<Problem[]>([]);
  // the results with the code they belong to (the URL may already name the next code while it loads)
  const [result, setResult] = useState<{ code: string; progress: Progress }>();
  const progress = result?.progress;
  const [reward, setReward] = useState<{ code: string; reward: PublicReward }>();
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (receipt: string) => {
    setLoading(true);
    setGeneral([]);
    setResult(undefined);
    setReward(undefined);
    try {
      setResult({ code: receipt, progress: await api<Progress>(`/api/intake/receipts/${encodeURIComponent(receipt)}`, { auth: false }) });
      // then its reward, if any: 404 NO_REWARD (the usual answer) and every failure show nothing
      api<PublicReward | undefined>(`/api/rewards/public/receipts/${encodeURIComponent(receipt)}`, { auth: false })
        .then((body) => typeof body?.status === 'string' && setReward({ code: receipt, reward: body }))
        .catch(() => undefined);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setGeneral([{ key: 'progress.unknown' }]);
      else setGeneral(routeApiError(error, {}).general);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (code) {
      setInput(code);
      void load(code);
    } else if (params.code) {
      setInputProblems([{ key: 'progress.badFormat' }]);
    }
  }, [code, params.code, load]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalised = normaliseReceiptCode(input);
    if (!normalised) {
      setInputProblems([{ key: input.trim() ? 'progress.badFormat' : 'progress.codeRequired' }]);
      setResult(undefined);
      setGeneral([]);
      document.getElementById('receipt')?.focus();
      return;
    }
    setInputProblems([]);
    setInput(normalised);
    if (normalised === code) void load(normalised);
    else navigate(`/progress/${normalised}`, { replace: !!params.code });
  };

  return (
    <div className="page">
      <h1>{t('progress.title')}</h1>
      <form className="card" onSubmit={submit} noValidate role="search">
        <TextField
          id="receipt"
          testId="receipt-input"
          label={t('progress.codeLabel')}
          hint={t('progress.codeHint')}
          problems={inputProblems}
          className="code-input"
          type="text"
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          maxLength={40}
          placeholder={t('progress.placeholder')}
          value={input}
          onChange={(e) => setInput(e.target.value)}
        />
        <button type="submit" className="button button-primary button-block" data-testid="lookup" disabled={loading}>
          {loading ? t('progress.looking') : t('progress.lookup')}
        </button>
      </form>

      <FormError problems={general} />

      {result && progress && (
        <section className="card" aria-labelledby="stage-title">
          <h2 id="stage-title" className="label">
            {t('progress.current')}
          </h2>
          <p className={`stage stage-${progress.stage}`} data-testid="progress-stage">
            {pick(progress.stageLabel)}
          </p>
          <dl className="facts">
            <dt>{t('progress.category')}</dt>
            <dd>{pick(progress.category)}</dd>
            <dt>{t('progress.submittedAt')}</dt>
            <dd>{beijingTime(progress.submittedAt, locale)}</dd>
          </dl>

          <h2 className="label">{t('progress.history')}</h2>
          <p className="hint">{t('progress.beijingTime')}</p>
          <ol className="timeline" data-testid="progress-history">
            {progress.history.map((step, index) => (
              <li key={index} className={index === progress.history.length - 1 ? 'timeline-last' : undefined}>
                <p className="timeline-stage">{pick(step)}</p>
                <p className="timeline-time">
                  <time dateTime={step.at}>{beijingTime(step.at, locale)}</time>
                </p>
                {step.note && <p className="timeline-note">{step.note}</p>}
                {step.assignment && (
                  <dl className="facts facts-small">
                    {step.assignment.town && (
                      <>
                        <dt>{t('progress.town')}</dt>
                        <dd>{pick(step.assignment.town)}</dd>
                      </>
                    )}
                    {step.assignment.leadDepartment && (
                      <>
                        <dt>{t('progress.leadDepartment')}</dt>
                        <dd>{pick(step.assignment.leadDepartment)}</dd>
                      </>
                    )}
                    {step.assignment.deadline && (
                      <>
                        <dt>{t('progress.deadline')}</dt>
                        <dd>{step.assignment.deadline}</dd>
                      </>
                    )}
                  </dl>
                )}
              </li>
            ))}
          </ol>

          {progress.attachments.length > 0 && (
            <>
              <h2 className="label">{t('progress.photos')}</h2>
              <p className="hint">{t('progress.photosHint')}</p>
              <ul className="thumbs">
                {progress.attachments.map((a, index) => {
                  const src = `/api/intake/receipts/${encodeURIComponent(result.code)}/attachments/${a.attachmentId}`;
                  return (
                    <li key={a.attachmentId} className="thumb">
                      <a href={src} target="_blank" rel="noopener noreferrer">
                        <img src={src} alt={t('progress.photo', { n: index + 1 })} loading="lazy" />
                      </a>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </section>
      )}

      {result && reward?.code === result.code && (
        <ChunkBoundary quiet resetKey={result.code}>
          <Suspense fallback={null}>
            <RewardSection key={result.code} code={result.code} initial={reward.reward} />
          </Suspense>
        </ChunkBoundary>
      )}
    </div>
  );
}
