import { useState, type FormEvent } from 'react';
import { api, type Session } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { FormError } from '../components/FieldError';
import { TextField } from '../components/TextField';
import { useFocusFirst, useTitle } from '../lib/focus';
import { routeApiError, type Problem, type Problems } from '../lib/problems';
import { isFieldUser } from './FieldApp';

/** Sign-in for grid workers and river chiefs; the API's own messages tell wrong passwords and lock-outs apart. */
export function FieldLogin({ onSignedIn }: { onSignedIn(session: Session): void }) {
  const { t } = useI18n();
  useTitle('field.login.title');
  const focusFirst = useFocusFirst();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [general, setGeneral] = useState<Problem[]>([]);
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending) return;
    const found: Problems = {};
    if (!username.trim()) found.username = [{ key: 'field.login.usernameRequired' }];
    if (!password) found.password = [{ key: 'field.login.passwordRequired' }];
    setProblems(found);
    setGeneral([]);
    if (Object.keys(found).length) return focusFirst(Object.keys(found));
    setSending(true);
    try {
      const session = await api<Session>('/api/auth/sign-in', { json: { username: username.trim(), password }, auth: false });
      if (!isFieldUser(session)) {
        setGeneral([{ key: 'field.login.notFieldUser' }]);
        focusFirst(['login-error']);
        return;
      }
      onSignedIn(session);
    } catch (error) {
      const routed = routeApiError(error, { username: 'username', password: 'password' });
      setProblems(routed.fields);
      setGeneral(routed.general);
      setPassword('');
      focusFirst(['login-error', ...Object.keys(routed.fields)]);
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="page" onSubmit={submit} noValidate>
      <h1>{t('field.login.title')}</h1>
      <p className="lead">{t('field.login.lead')}</p>
      <div className="card">
        <div className="field">
          <TextField
            id="username"
            testId="username"
            label={t('field.login.username')}
            problems={problems.username}
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={64}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <TextField
            id="password"
            testId="password"
            label={t('field.login.password')}
            problems={problems.password}
            type="password"
            autoComplete="current-password"
            maxLength={256}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <FormError id="login-error" problems={general} />
        <button type="submit" className="button button-primary button-block" disabled={sending} data-testid="sign-in">
          {sending ? t('field.login.signingIn') : t('field.login.signIn')}
        </button>
        <p className="hint">{t('field.login.lockHint')}</p>
      </div>
      <p className="center">
        <a href="/console">{t('field.login.toConsole')}</a>
      </p>
    </form>
  );
}
