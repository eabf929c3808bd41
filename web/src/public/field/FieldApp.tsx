import { lazy, useCallback, useState } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { ApiError, currentSession, saveSession, type Session } from '../../shared/api';
import { FieldHome, type OnFailure } from './FieldHome';
import { FieldLogin } from './FieldLogin';
import { isFieldUser, isInspector, isPatroller } from './roles';

export { FIELD_ROLES, isFieldUser } from './roles';

/** The inspectors' pages load only for inspectors. */
const InspectorTasks = lazy(() => import('./inspection/InspectorTasks'));
const InspectorTask = lazy(() => import('./inspection/InspectorTask'));

/** The field pages under /field (a separate chunk, loaded on demand): patrols for grid workers and river chiefs, tasks for inspectors. */
export default function FieldApp() {
  const [session, setSession] = useState<Session | undefined>(currentSession);
  const signIn = (next: Session) => {
    saveSession(next);
    setSession(next);
  };
  const signOut = useCallback(() => {
    saveSession(undefined);
    setSession(undefined);
  }, []);
  const onFailure = useCallback<OnFailure>(
    (error) => {
      if (error instanceof ApiError && error.status === 401) signOut();
    },
    [signOut],
  );
  const signedIn = isFieldUser(session) && currentSession() !== undefined;
  const inspector = signedIn && isInspector(session);
  // someone who only inspects starts at their tasks
  const home = signedIn ? isPatroller(session) ? <FieldHome session={session} onSignOut={signOut} /> : <Navigate to="/field/tasks" replace /> : <Navigate to="/field/login" replace />;
  return (
    <Routes>
      <Route path="login" element={signedIn ? <Navigate to="/field" replace /> : <FieldLogin onSignedIn={signIn} />} />
      <Route index element={home} />
      <Route path="tasks" element={inspector ? <InspectorTasks session={session} onSignOut={signOut} onFailure={onFailure} /> : <Navigate to="/field" replace />} />
      <Route path="tasks/:taskId" element={inspector ? <InspectorTask session={session} onSignOut={signOut} onFailure={onFailure} /> : <Navigate to="/field" replace />} />
      <Route path="*" element={<Navigate to="/field" replace />} />
    </Routes>
  );
}
