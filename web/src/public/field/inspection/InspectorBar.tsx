import { Link } from 'react-router-dom';
import type { Session } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { isPatroller } from '../roles';

/** The signed-in inspector, a way back to patrolling for someone who also patrols, and sign-out. */
export function InspectorBar({ session, onSignOut }: { session: Session; onSignOut(): void }) {
  const { t } = useI18n();
  return (
    <div className="userbar">
      <p>
        <strong>{session.user.name}</strong> <span className="muted">{t('role.inspector')}</span>
      </p>
      <p>
        {isPatroller(session) && (
          <Link to="/field" className="button button-link">
            {t('inspection.toPatrol')}
          </Link>
        )}
        <button type="button" className="button button-link" onClick={onSignOut} data-testid="sign-out">
          {t('field.signOut')}
        </button>
      </p>
    </div>
  );
}
