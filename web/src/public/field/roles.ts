import type { Session } from '../../shared/api';

/** Roles that patrol: grid workers (网格员) and river chiefs (河长). */
export const PATROL_ROLES = ['grid-worker', 'river-chief'];
/** Everyone who works from the field pages: patrollers and inspectors (执法检查人员). */
export const FIELD_ROLES = [...PATROL_ROLES, 'inspector'];

export function isFieldUser(session: Session | undefined): session is Session {
  return !!session && session.user.roles.some((r) => FIELD_ROLES.includes(r));
}

export function isPatroller(session: Session | undefined): boolean {
  return !!session && session.user.roles.some((r) => PATROL_ROLES.includes(r));
}

export function isInspector(session: Session | undefined): boolean {
  return !!session && session.user.roles.includes('inspector');
}
