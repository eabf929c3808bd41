import { useState } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { currentSession, saveSession, type Session } from '../../shared/api';
import { FieldHome } from './FieldHome';
import { FieldLogin } from './FieldLogin';

/** Roles that patrol: grid workers (网格员) and river chiefs (河长). */
export const FIELD_ROLES = ['grid-worker', 'river-chief'];

export function isFieldUser(session: Session | undefined): session is Session {
  return !!session && session.user.roles.some((r) => FIELD_ROLES.includes(r));
}

/** The grid workers' and river chiefs' pages under /field (a separate chunk, loaded on demand). */
export default function FieldApp() {
  const [session, setSession] = useState<Session | undefined>(currentSession);
  const signIn = (next: Session) => {
    saveSession(next);
    setSession(next);
  };
  const signOut = () => {
    saveSession(undefined);
    setSession(undefined);
  };
  const signedIn = isFieldUser(session) && currentSession() !== undefined;
  return (
    <Routes>
      <Route path="login" element={signedIn ? <Navigate to="/field" replace /> : <FieldLogin onSignedIn={signIn} />} />
      <Route index element={signedIn ? <FieldHome session={session} onSignOut={signOut} /> : <Navigate to="/field/login" replace />} />
      <Route path="*" element={<Navigate to="/field" replace />} />
    </Routes>
  );
}
