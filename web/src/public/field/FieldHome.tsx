import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, type Session } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useTitle } from '../lib/focus';
import { CheckInSection } from './CheckInSection';
import { FindingSection } from './FindingSection';
import { MyFindingsSection } from './MyFindingsSection';
import { isInspector } from './roles';

const GRID_KEY = 'qingyuan.field.grid';

/** A finished call that failed because the session is gone ends the session here too (back to sign-in). */
export type OnFailure = (error: unknown) => void;

/** The patrol home: check in for a grid, report a finding, follow my findings. */
export function FieldHome({ session, onSignOut }: { session: Session; onSignOut(): void }) {
  const { t } = useI18n();
  useTitle('field.home.title');
  const [grid, setGridState] = useState(() => localStorage.getItem(GRID_KEY) ?? '');
  const [findingsVersion, setFindingsVersion] = useState(0);
  const setGrid = (value: string) => {
    setGridState(value);
    localStorage.setItem(GRID_KEY, value);
  };
  const onFailure = useCallback<OnFailure>(
    (error) => {
      if (error instanceof ApiError && error.status === 401) onSignOut();
    },
    [onSignOut],
  );
  useEffect(() => {
    window.scrollTo(0, 0);
  }, []);
  const role = session.user.roles.includes('river-chief') ? 'river-chief' : 'grid-worker';
  return (
    <div className="page">
      <div className="userbar">
        <p>
          <strong>{session.user.name}</strong> <span className="muted">{t(`role.${role}`)}</span>
        </p>
        <button type="button" className="button button-link" onClick={onSignOut} data-testid="sign-out">
          {t('field.signOut')}
        </button>
      </div>
      <nav className="tabs tabs-inline" aria-label={t('field.home.sections')}>
        <a className="tab" href="#check-in-section">
          {t('field.checkIn.title')}
        </a>
        <a className="tab" href="#finding-section">
          {t('field.finding.title')}
        </a>
        <a className="tab" href="#my-findings-section">
          {t('field.mine.title')}
        </a>
        {isInspector(session) && (
          <Link className="tab" to="/field/tasks" data-testid="to-inspections">
            {t('inspection.tasks.title')}
          </Link>
        )}
      </nav>
      <h1 className="sr-only">{t('field.home.title')}</h1>
      <CheckInSection grid={grid} setGrid={setGrid} onFailure={onFailure} />
      <FindingSection defaultGrid={grid} onSent={() => setFindingsVersion((n) => n + 1)} onFailure={onFailure} />
      <MyFindingsSection version={findingsVersion} onFailure={onFailure} />
    </div>
  );
}
