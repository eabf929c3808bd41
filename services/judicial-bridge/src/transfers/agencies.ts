import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Principal, Role } from '@qingyuan/auth';
import { AGENCY_KINDS, type AgencyKind, type AgencyRef } from '@qingyuan/contracts';
import { DomainError } from '@qingyuan/domain';
import type { Sql } from '@qingyuan/event-store';

export interface Agency extends AgencyRef {
  kind: AgencyKind;
  isDefault: boolean;
}

/** Yiwu's agencies, as shipped; a bureau adds others (e.g. a provincial police unit) in the table. */
export const DEFAULT_AGENCIES: Array<Omit<Agency, 'isDefault'>> = [
  { code: 'yw-police', kind: 'police', name: '义乌市公安局' },
  { code: 'yw-procuratorate', kind: 'procuratorate', name: '义乌市人民检察院' },
  { code: 'yw-court', kind: 'court', name: '义乌市人民法院' },
];

export const LIAISON_ROLE: Record<AgencyKind, Role> = { police: 'police-liaison', procuratorate: 'procuratorate-liaison', court: 'court-liaison' };

/** `ApiKey <keyId>.<secret>`: the id says which key, the secret proves it. */
const KEY_HEADER = /^ApiKey ([a-z0-9]{12})\.([A-Za-z0-9_-]{43})$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** The agencies of 行刑衔接 and the API keys their own platforms use to answer without a person signing in. */
export class Agencies {
  constructor(private readonly sql: Sql) {}

  async list(): Promise<Agency[]> {
    const { rows } = await this.sql.query<{ code: string; kind: AgencyKind; name: string; is_default: boolean }>('SELECT code, kind, name, is_default FROM judicial.agencies ORDER BY kind, code');
    return rows.map((r) => ({ code: r.code, kind: r.kind, name: r.name, isDefault: r.is_default }));
  }

  async require(code: string, kind: AgencyKind): Promise<AgencyRef> {
    const agency = (await this.list()).find((a) => a.code === code && a.kind === kind);
    if (!agency) throw new DomainError('AGENCY_UNKNOWN', `没有这个${AGENCY_KINDS[kind].zh}：${code}`, `No such ${kind} agency: ${code}`, 'invalid');
    return { code: agency.code, name: agency.name };
  }

  async defaultOf(kind: AgencyKind): Promise<AgencyRef> {
    const agency = (await this.list()).find((a) => a.kind === kind && a.isDefault) ?? (await this.list()).find((a) => a.kind === kind);
    if (!agency) throw new DomainError('AGENCY_UNKNOWN', `尚未配置${AGENCY_KINDS[kind].zh}`, `No ${kind} agency is configured`, 'invalid');
    return { code: agency.code, name: agency.name };
  }

  /** 行刑衔接 with another agency (e.g. a provincial police unit, a higher court): added by an administrator. */
  async add(agency: Omit<Agency, 'isDefault'>): Promise<Agency> {
    const { rowCount } = await this.sql.query('INSERT INTO judicial.agencies (code, kind, name) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING', [agency.code, agency.kind, agency.name]);
    if (!rowCount) throw new DomainError('AGENCY_EXISTS', `机关代码已存在：${agency.code}`, `An agency with code ${agency.code} exists`, 'conflict');
    return { ...agency, isDefault: false };
  }

  /** A new key for an agency's platform: the secret is shown once and only its hash is kept. */
  async createKey(agencyCode: string, label: string, createdBy: string): Promise<{ keyId: string; apiKey: string }> {
    const [agency] = (await this.list()).filter((a) => a.code === agencyCode);
    if (!agency) throw new DomainError('AGENCY_UNKNOWN', `没有这个机关：${agencyCode}`, `No such agency: ${agencyCode}`, 'not-found');
    const keyId = randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 12);
    const secret = randomBytes(32).toString('base64url');
    await this.sql.query('INSERT INTO judicial.api_keys (key_id, agency_code, secret_sha256, label, created_by) VALUES ($1, $2, $3, $4, $5)', [keyId, agencyCode, sha256(secret), label, createdBy]);
    return { keyId, apiKey: `${keyId}.${secret}` };
  }

  async keys(): Promise<Array<{ keyId: string; agencyCode: string; label: string; createdBy: string; createdAt: string; revokedAt?: string }>> {
    const { rows } = await this.sql.query<{ key_id: string; agency_code: string; label: string; created_by: string; created_at: Date; revoked_at: Date | null }>(
      'SELECT key_id, agency_code, label, created_by, created_at, revoked_at FROM judicial.api_keys ORDER BY created_at',
    );
    return rows.map((r) => ({ keyId: r.key_id, agencyCode: r.agency_code, label: r.label, createdBy: r.created_by, createdAt: r.created_at.toISOString(), ...(r.revoked_at ? { revokedAt: r.revoked_at.toISOString() } : {}) }));
  }

  async revokeKey(keyId: string): Promise<void> {
    const { rowCount } = await this.sql.query('UPDATE judicial.api_keys SET revoked_at = now() WHERE key_id = $1 AND revoked_at IS NULL', [keyId]);
    if (!rowCount) throw new DomainError('API_KEY_UNKNOWN', '没有这个有效的接口密钥', 'No such active API key', 'not-found');
  }

  /** The agency a request's `Authorization: ApiKey …` speaks for, as a principal; undefined when the key is not valid. */
  async principalForKey(header: string): Promise<Principal | undefined> {
    const match = KEY_HEADER.exec(header);
    if (!match) return undefined;
    const { rows } = await this.sql.query<{ secret_sha256: Buffer; code: string; kind: AgencyKind; name: string }>(
      `SELECT k.secret_sha256, a.code, a.kind, a.name FROM judicial.api_keys k JOIN judicial.agencies a ON a.code = k.agency_code WHERE k.key_id = $1 AND k.revoked_at IS NULL`,
      [match[1]],
    );
    const row = rows[0];
    if (!row || !timingSafeEqual(row.secret_sha256, sha256(match[2]))) return undefined;
    return { userId: `api-key:${match[1]}`, name: row.name, roles: [LIAISON_ROLE[row.kind]], towns: [], departments: [], organisation: { code: row.code, name: row.name, kind: row.kind } };
  }
}
