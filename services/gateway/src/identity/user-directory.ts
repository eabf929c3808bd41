import { randomUUID } from 'node:crypto';
import type { Principal, Role } from '@qingyuan/auth';
import type { OrganisationKind } from '@qingyuan/contracts';
import { DomainError } from '@qingyuan/domain';
import type { Sql } from '@qingyuan/event-store';
import { generatePassword, hashPassword, verifyPassword } from './password';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

interface UserRow {
  user_id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: Role[];
  towns: string[];
  departments: string[];
  active: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  organisation_code: string | null;
  organisation_name: string | null;
  organisation_kind: OrganisationKind | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  roles: Role[];
  towns?: string[];
  departments?: string[];
  organisation?: Principal['organisation'];
}

export interface UserSummary {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  towns: string[];
  departments: string[];
  organisation?: Principal['organisation'];
  active: boolean;
}

const BAD_CREDENTIALS = () =>
  new DomainError('BAD_CREDENTIALS', '用户名或密码错误', 'Wrong username or password', 'unauthenticated');

/** 行刑衔接 liaisons speak for an agency of their kind; organisation accounts for their organisation. */
const LIAISON_AGENCY: Partial<Record<Role, string>> = { 'police-liaison': 'police', 'procuratorate-liaison': 'procuratorate', 'court-liaison': 'court' };

function checkOrganisation(user: NewUser): void {
  const agencyKinds = user.roles.map((r) => LIAISON_AGENCY[r]).filter(Boolean);
  const needsOne = user.roles.includes('organisation') || agencyKinds.length > 0;
  if (needsOne !== Boolean(user.organisation)) {
    throw new DomainError(
      'ORGANISATION_MISMATCH',
      '组织账号和公检法联络员必须填写所属组织或机关，其他账号不能填写',
      'Organisation accounts and agency liaisons need their organisation or agency; other accounts may not have one',
      'invalid',
    );
  }
  if (agencyKinds.some((kind) => kind !== user.organisation?.kind)) {
    throw new DomainError('ORGANISATION_MISMATCH', '联络员所属机关的类别须与其角色一致', 'A liaison’s agency must be of the kind its role names', 'invalid');
  }
}

function organisationOf(row: UserRow): Principal['organisation'] {
  return row.organisation_code && row.organisation_name && row.organisation_kind
    ? { code: row.organisation_code, name: row.organisation_name, kind: row.organisation_kind }
    : undefined;
}

function toPrincipal(row: UserRow): Principal {
  const principal: Principal = { userId: row.user_id, name: row.display_name, roles: row.roles, towns: row.towns, departments: row.departments };
  const organisation = organisationOf(row);
  if (organisation) principal.organisation = organisation;
  return principal;
}

function toSummary(row: UserRow): UserSummary {
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    towns: row.towns,
    departments: row.departments,
    organisation: organisationOf(row),
    active: row.active,
  };
}

/** Local staff accounts: scrypt-hashed passwords, lock-out after repeated failures, no default password. */
export class UserDirectory {
  constructor(private readonly sql: Sql) {}

  /** On an empty directory create `admin` with a fresh random password and return it (shown once, never stored). */
  async ensureAdmin(): Promise<string | undefined> {
    const { rows } = await this.sql.query(`SELECT 1 FROM identity.users WHERE 'admin' = ANY(roles) LIMIT 1`);
    if (rows.length) return undefined;
    const { password } = await this.create({ username: 'admin', displayName: '系统管理员', roles: ['admin'] }, 'system');
    return password;
  }

  async create(user: NewUser, actorId: string): Promise<{ user: UserSummary; password: string }> {
    const password = generatePassword();
    const userId = randomUUID();
    checkOrganisation(user);
    const org = user.organisation;
    const { rows } = await this.sql.query<UserRow>(
      `INSERT INTO identity.users (user_id, username, display_name, password_hash, roles, towns, departments,
         organisation_code, organisation_name, organisation_kind)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (username) DO NOTHING RETURNING *`,
      [userId, user.username, user.displayName, await hashPassword(password), user.roles, user.towns ?? [], user.departments ?? [],
        org?.code ?? null, org?.name ?? null, org?.kind ?? null],
    );
    if (rows.length === 0) throw new DomainError('USERNAME_TAKEN', '用户名已存在', 'The username is taken');
    await this.audit(actorId, 'user-created', user.username, { roles: user.roles, towns: user.towns ?? [], departments: user.departments ?? [], organisation: org?.code });
    return { user: toSummary(rows[0]), password };
  }

  async resetPassword(username: string, actorId: string): Promise<string> {
    const password = generatePassword();
    const updated = await this.sql.query(
      `UPDATE identity.users SET password_hash = $2, failed_attempts = 0, locked_until = NULL, updated_at = now()
        WHERE username = $1`,
      [username, await hashPassword(password)],
    );
    if (updated.rowCount === 0) throw new DomainError('USER_NOT_FOUND', '用户不存在', 'No such user', 'not-found');
    await this.audit(actorId, 'password-reset', username);
    return password;
  }

  async signIn(username: string, password: string, now = new Date()): Promise<Principal> {
    const { rows } = await this.sql.query<UserRow>('SELECT * FROM identity.users WHERE username = $1', [username]);
    const user = rows[0];
    if (!user || !user.active) {
      await this.audit(null, 'sign-in-failed', username, { reason: 'unknown-or-inactive' });
      throw BAD_CREDENTIALS();
    }
    if (user.locked_until && user.locked_until > now) {
      await this.audit(user.user_id, 'sign-in-refused-locked', username);
      throw new DomainError(
        'ACCOUNT_LOCKED',
        `密码错误次数过多，账号已锁定 ${LOCK_MINUTES} 分钟`,
        `Too many failed sign-ins; the account is locked for ${LOCK_MINUTES} minutes`,
        'unauthenticated',
      );
    }
    if (!(await verifyPassword(password, user.password_hash))) {
      const failures = user.failed_attempts + 1;
      const lock = failures >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
      await this.sql.query(
        'UPDATE identity.users SET failed_attempts = $2, locked_until = $3 WHERE user_id = $1',
        [user.user_id, lock ? 0 : failures, lock],
      );
      await this.audit(user.user_id, lock ? 'account-locked' : 'sign-in-failed', username, { failures });
      throw BAD_CREDENTIALS();
    }
    await this.sql.query('UPDATE identity.users SET failed_attempts = 0, locked_until = NULL WHERE user_id = $1', [user.user_id]);
    await this.audit(user.user_id, 'signed-in', username);
    return toPrincipal(user);
  }

  async list(): Promise<UserSummary[]> {
    const { rows } = await this.sql.query<UserRow>('SELECT * FROM identity.users ORDER BY username');
    return rows.map(toSummary);
  }

  /** Active accounts holding a role, with their id and display name only (what another office may know of them). */
  async withRole(role: Role): Promise<Array<{ userId: string; name: string }>> {
    const { rows } = await this.sql.query<Pick<UserRow, 'user_id' | 'display_name'>>(
      'SELECT user_id, display_name FROM identity.users WHERE active AND $1 = ANY(roles) ORDER BY display_name, user_id',
      [role],
    );
    return rows.map((r) => ({ userId: r.user_id, name: r.display_name }));
  }

  private async audit(actorId: string | null, action: string, username: string, detail: Record<string, unknown> = {}): Promise<void> {
    await this.sql.query(
      'INSERT INTO identity.audit_log (actor_id, action, username, detail) VALUES ($1, $2, $3, $4::jsonb)',
      [actorId, action, username, JSON.stringify(detail)],
    );
  }
}
