import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import { useI18n, type Bilingual } from '../../shared/i18n';
import { FormError } from '../components/FieldError';
import { useTitle } from '../lib/focus';
import { beijingTime } from '../lib/format';
import { routeApiError, type Problem } from '../lib/problems';
import '../enforcement.css';

/** GET /api/enforcement/public/draws: a draw as the public sees it (no personal data). */
interface PublicDraw {
  drawId: string;
  planName: string;
  period: string;
  items: string[];
  committedAt: string;
  seedHash: string;
  candidatesHash: string;
  poolHash: string;
  planHash: string;
  candidateCount: number;
  poolSize: number;
  performedAt?: string;
  algorithm?: string;
  resultHash?: string;
  selectedCount?: number;
  inspectionsDone?: number;
  /** published once every inspection of the draw is recorded */
  seed?: string;
  results: Array<{ enterpriseName: string; uscc: string; townCode?: string; inspectedOn: string; result: string; resultText: Bilingual }>;
}

/** 一公开: every draw's plan and items, the commitment published before it, the revealed seed, and finished results. */
export default function InspectionsPage() {
  const { t } = useI18n();
  useTitle('disclosure.title');
  const [draws, setDraws] = useState<PublicDraw[]>();
  const [problem, setProblem] = useState<Problem[]>([]);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setProblem([]);
    api<PublicDraw[]>('/api/enforcement/public/draws', { auth: false }).then(
      (d) => live && setDraws(d),
      (e: unknown) => live && setProblem(routeApiError(e, {}).general),
    );
    return () => {
      live = false;
    };
  }, [round]);

  return (
    <div className="page">
      <h1>{t('disclosure.title')}</h1>
      <p className="lead">{t('disclosure.lead')}</p>
      <HowToVerify />
      <FormError problems={problem} />
      {problem.length > 0 && (
        <button type="button" className="button button-secondary" onClick={() => setRound((n) => n + 1)}>
          {t('action.retry')}
        </button>
      )}
      {draws === undefined && problem.length === 0 && (
        <p className="muted" role="status">
          {t('nav.loading')}
        </p>
      )}
      {draws?.length === 0 && <p className="card muted">{t('disclosure.none')}</p>}
      {draws?.map((d) => <DrawCard key={d.drawId} draw={d} />)}
    </div>
  );
}

function HowToVerify() {
  const { t } = useI18n();
  return (
    <details className="card more" data-testid="how-to-verify">
      <summary>{t('disclosure.how.title')}</summary>
      <ol className="steps">
        <li>{t('disclosure.how.commit')}</li>
        <li>{t('disclosure.how.seed')}</li>
        <li>{t('disclosure.how.algorithm')}</li>
        <li>{t('disclosure.how.record')}</li>
      </ol>
      <p className="muted">{t('disclosure.how.doc')}</p>
    </details>
  );
}

/** SHA-256 of the seed's bytes (the 64 hex digits decoded), as the algorithm commits to it; undefined without Web Crypto. */
async function seedDigest(seedHex: string): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle || !/^[0-9a-f]{64}$/i.test(seedHex)) return undefined;
  const bytes = new Uint8Array(seedHex.match(/../g)!.map((h) => parseInt(h, 16)));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function DrawCard({ draw: d }: { draw: PublicDraw }) {
  const { t, pick, locale } = useI18n();
  const [seedCheck, setSeedCheck] = useState<'ok' | 'bad'>();
  useEffect(() => {
    let live = true;
    if (d.seed) void seedDigest(d.seed).then((hash) => live && hash && setSeedCheck(hash === d.seedHash ? 'ok' : 'bad'));
    return () => {
      live = false;
    };
  }, [d.seed, d.seedHash]);
  const hash = (label: string, value: string | undefined, testId: string) =>
    value && (
      <>
        <dt>{label}</dt>
        <dd className="hash" data-testid={testId}>
          {value}
        </dd>
      </>
    );
  return (
    <section className="card" data-testid="public-draw" data-draw-id={d.drawId} aria-labelledby={`draw-${d.drawId}`}>
      <h2 id={`draw-${d.drawId}`}>{d.planName}</h2>
      <p className="muted">
        {t('disclosure.period', { period: d.period })}
        {t('list.separator')}
        <span className={`badge${d.performedAt ? '' : ' badge-pending'}`}>{d.performedAt ? t('disclosure.performed') : t('disclosure.committed')}</span>
      </p>
      {d.items.length > 0 && (
        <>
          <h3>{t('disclosure.items')}</h3>
          <ol className="steps">
            {d.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ol>
        </>
      )}
      <h3>{t('disclosure.commitment')}</h3>
      <p className="hint">{t('disclosure.commitmentHint', { at: beijingTime(d.committedAt, locale) })}</p>
      <dl className="facts facts-stack">
        {hash(t('disclosure.seedHash'), d.seedHash, 'public-seed-hash')}
        {hash(t('disclosure.candidatesHash', { n: d.candidateCount }), d.candidatesHash, 'public-candidates-hash')}
        {hash(t('disclosure.poolHash', { n: d.poolSize }), d.poolHash, 'public-pool-hash')}
        {hash(t('disclosure.planHash'), d.planHash, 'public-plan-hash')}
      </dl>
      {d.performedAt ? (
        <>
          <h3>{t('disclosure.draw')}</h3>
          <dl className="facts facts-stack">
            <dt>{t('disclosure.performedAt')}</dt>
            <dd>{d.performedAt ? beijingTime(d.performedAt, locale) : '—'}</dd>
            <dt>{t('disclosure.algorithm')}</dt>
            <dd className="hash">{d.algorithm}</dd>
            {hash(t('disclosure.seed'), d.seed, 'public-seed')}
            {hash(t('disclosure.resultHash'), d.resultHash, 'public-result-hash')}
            <dt>{t('disclosure.selected')}</dt>
            <dd>{t('disclosure.selectedN', { n: d.selectedCount ?? 0 })}</dd>
            <dt>{t('disclosure.inspected')}</dt>
            <dd data-testid="public-inspected">{t('disclosure.inspectedN', { done: d.inspectionsDone ?? 0, n: d.selectedCount ?? 0 })}</dd>
          </dl>
          {!d.seed && (
            <p className="hint" data-testid="public-seed-pending">
              {t('disclosure.seedPending')}
            </p>
          )}
          {seedCheck && (
            <p className={seedCheck === 'ok' ? 'success' : 'field-error'} data-testid="public-seed-check" data-ok={String(seedCheck === 'ok')}>
              {seedCheck === 'ok' ? t('disclosure.seedOk') : t('disclosure.seedBad')}
            </p>
          )}
          <h3>{t('disclosure.results')}</h3>
          <p className="hint">{t('disclosure.resultsHint')}</p>
          {d.results.length === 0 ? (
            <p className="muted">{t('disclosure.noResults')}</p>
          ) : (
            <ul className="list" data-testid="public-results">
              {d.results.map((r) => (
                <li key={`${r.uscc}-${r.inspectedOn}`} data-testid="public-result">
                  <p className="list-head">
                    <strong>{r.enterpriseName}</strong>
                    <span className={`badge badge-result-${r.result}`}>{pick(r.resultText)}</span>
                  </p>
                  <p className="muted">
                    <span className="hash">{r.uscc}</span>
                    {t('list.separator')}
                    {t('disclosure.inspectedOn', { date: r.inspectedOn })}
                    {r.townCode && (
                      <>
                        {t('list.separator')}
                        {t(`town.${r.townCode}`)}
                      </>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p className="banner banner-warning">{t('disclosure.notYet')}</p>
      )}
    </section>
  );
}
