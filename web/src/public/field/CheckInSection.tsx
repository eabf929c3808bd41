import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../shared/api';
import type { LatLng } from '../../shared/geo';
import { useI18n } from '../../shared/i18n';
import { FormError } from '../components/FieldError';
import { useTownName } from '../components/LocationPicker';
import { TextField } from '../components/TextField';
import { GRID_CODE } from '../lib/categories';
import { beijingTime, formatPoint } from '../lib/format';
import { GpsError, locate } from '../lib/gps';
import { routeApiError, type Problem, type Problems } from '../lib/problems';
import type { OnFailure } from './FieldHome';

interface CheckIn {
  checkInId: string;
  gridCode: string;
  townCode?: string | null;
  at: string;
  position?: LatLng | null;
}

/** 巡查签到: the grid, now, and where the phone is. */
export function CheckInSection({ grid, setGrid, onFailure }: { grid: string; setGrid(value: string): void; onFailure: OnFailure }) {
  const { t, locale } = useI18n();
  const townName = useTownName();
  const [list, setList] = useState<CheckIn[]>();
  const [listProblem, setListProblem] = useState<Problem[]>([]);
  const [problems, setProblems] = useState<Problems>({});
  const [general, setGeneral] = useState<Problem[]>([]);
  const [done, setDone] = useState<{ grid: string; at: string; gps: boolean }>();
  const [stage, setStage] = useState<'idle' | 'locating' | 'sending'>('idle');

  useEffect(() => {
    let live = true;
    api<CheckIn[]>('/api/intake/patrol/check-ins').then(
      (rows) => live && setList(rows),
      (error: unknown) => {
        if (!live) return;
        onFailure(error);
        setListProblem(routeApiError(error, {}).general);
      },
    );
    return () => {
      live = false;
    };
  }, [onFailure]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (stage !== 'idle') return;
    setDone(undefined);
    setGeneral([]);
    const code = grid.trim();
    if (!GRID_CODE.test(code)) {
      setProblems({ gridCode: [{ key: 'field.gridInvalid' }] });
      document.getElementById('grid-code')?.focus();
      return;
    }
    setProblems({});
    setStage('locating');
    let position: LatLng | undefined;
    let gpsNote: Problem | undefined;
    try {
      const fix = await locate(10_000);
      position = { lat: fix.lat, lng: fix.lng };
    } catch (error) {
      gpsNote = { key: error instanceof GpsError ? error.key : 'gps.unavailable' };
    }
    setStage('sending');
    try {
      const row = await api<CheckIn>('/api/intake/patrol/check-ins', { json: { gridCode: code, ...(position ? { position } : {}) } });
      setList((rows) => [row, ...(rows ?? [])]);
      setGrid(code);
      setDone({ grid: code, at: row.at, gps: !!position });
      if (gpsNote) setGeneral([gpsNote]);
    } catch (error) {
      onFailure(error);
      const routed = routeApiError(error, { gridCode: 'gridCode', position: 'gridCode' });
      setProblems(routed.fields);
      setGeneral(routed.general);
    } finally {
      setStage('idle');
    }
  };

  return (
    <section className="card" id="check-in-section" aria-labelledby="check-in-title">
      <h2 id="check-in-title">{t('field.checkIn.title')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <TextField
            id="grid-code"
            testId="grid-code"
            slot="gridCode"
            label={t('field.gridCode')}
            mark="required"
            hint={t('field.gridHint')}
            problems={problems.gridCode}
            type="text"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={32}
            value={grid}
            onChange={(e) => setGrid(e.target.value)}
          />
        </div>
        <p className="hint">{t('field.checkIn.gpsHint')}</p>
        <FormError problems={general} />
        <button type="submit" className="button button-primary button-block" disabled={stage !== 'idle'} data-testid="check-in">
          {stage === 'locating' ? t('gps.locating') : stage === 'sending' ? t('field.sending') : t('field.checkIn.submit')}
        </button>
        <p className="success" role="status">
          {done ? t(done.gps ? 'field.checkIn.done' : 'field.checkIn.doneNoGps', { grid: done.grid, time: beijingTime(done.at, locale) }) : ''}
        </p>
      </form>
      <h3>{t('field.checkIn.recent')}</h3>
      <FormError problems={listProblem} />
      {list === undefined && listProblem.length === 0 && <p className="muted">{t('nav.loading')}</p>}
      {list && list.length === 0 && <p className="muted">{t('field.checkIn.none')}</p>}
      {list && list.length > 0 && (
        <ul className="list" data-testid="check-ins">
          {list.slice(0, 10).map((row) => (
            <li key={row.checkInId}>
              <p>
                <strong>{row.gridCode}</strong>
                {row.townCode && (
                  <span className="muted">
                    {t('list.separator')}
                    {townName(row.townCode)}
                  </span>
                )}
              </p>
              <p className="muted">
                <time dateTime={row.at}>{beijingTime(row.at, locale)}</time>
                {t('list.separator')}
                {row.position ? t('field.checkIn.at', { point: formatPoint(row.position) }) : t('field.checkIn.noPosition')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
