import { randomBytes, randomUUID } from 'node:crypto';
import type { Sql } from '@qingyuan/event-store';
import { AES_256_GCM, blindIndex, open, seal, type MasterKey } from './envelope-crypto';

/** What a real-name reporter gives; it lives only here, encrypted, and never in an event, log or message. */
export interface ReporterIdentity {
  name: string;
  phone: string;
  idNumber?: string;
  address?: string;
}

export interface IdentityAccess {
  actorId: string;
  purpose: string;
  /** e.g. the clue or reward case the access is for */
  caseRef: string;
  /** the second person who approved it, and their request */
  approvedBy?: string;
  requestId?: string;
}

/**
 * The reporter identity vault (举报人身份保险库), in its own schema. Deleting a reporter's key makes the identity
 * unrecoverable (crypto-shredding) while events, which only hold the reference, stay intact.
 */
export class IdentityVault {
  constructor(
    private readonly masterKey: MasterKey,
    private readonly schema = 'intake_vault',
  ) {}

  /**
   * Refuse to start with a master key that did not wrap the stored data keys: it could open none of the
   * existing identities and would wrap new ones under a key nobody expects.
   */
  async checkMasterKey(sql: Sql): Promise<void> {
    const { rows } = await sql.query<{ kek_id: string }>(
      `SELECT DISTINCT kek_id FROM ${this.schema}.subject_keys WHERE destroyed_at IS NULL`,
    );
    if (rows.length > 0 && !rows.some((r) => r.kek_id === this.masterKey.id)) {
      throw new Error(
        `QINGYUAN_MASTER_KEY (id ${this.masterKey.id}) is not the key of the identity vault (ids ${rows.map((r) => r.kek_id).join(', ')}) / 主密钥与身份库不匹配`,
      );
    }
  }

  /** Store an identity inside the caller's transaction; returns the pseudonymous reporter reference. */
  async store(sql: Sql, identity: ReporterIdentity): Promise<string> {
    const reporterRef = randomUUID();
    const keyId = randomUUID();
    const dek = randomBytes(32);
    const wrapped = seal(this.masterKey.key, dek, `dek:${keyId}`);
    const payload = Buffer.from(JSON.stringify(identity), 'utf8');
    await sql.query(
      `INSERT INTO ${this.schema}.subject_keys (key_id, wrapped_dek, kek_id, alg) VALUES ($1, $2, $3, $4)`,
      [keyId, wrapped, this.masterKey.id, AES_256_GCM],
    );
    await sql.query(
      `INSERT INTO ${this.schema}.reporters (reporter_ref, key_id, enc_identity, alg, phone_hmac) VALUES ($1, $2, $3, $4, $5)`,
      [reporterRef, keyId, seal(dek, payload, `reporter:${reporterRef}`), AES_256_GCM, this.phoneKey(identity.phone)],
    );
    return reporterRef;
  }

  /** The keyed hash of a phone number: finds a repeat or blacklisted reporter without storing the number. */
  phoneKey(phone: string): Buffer {
    return blindIndex(this.masterKey.key, normalisePhone(phone));
  }

  async isBlacklisted(sql: Sql, phone: string): Promise<boolean> {
    const { rows } = await sql.query(`SELECT 1 FROM ${this.schema}.blacklist WHERE phone_hmac = $1`, [this.phoneKey(phone)]);
    return rows.length > 0;
  }

  /** Blacklist the reporter behind a reference (a proven malicious reporter), without anyone seeing the number. */
  async blacklist(sql: Sql, reporterRef: string, reason: string, actorId: string): Promise<boolean> {
    const inserted = await sql.query(
      `INSERT INTO ${this.schema}.blacklist (phone_hmac, reason, added_by)
       SELECT phone_hmac, $2, $3 FROM ${this.schema}.reporters WHERE reporter_ref = $1 AND length(phone_hmac) > 0
       ON CONFLICT DO NOTHING`,
      [reporterRef, reason, actorId],
    );
    return inserted.rowCount > 0;
  }

  /** How many clues the same person (same phone) sent, counting this reporter's: staff see a count, not a name. */
  async reportsBySamePerson(sql: Sql, reporterRef: string): Promise<number> {
    const { rows } = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM intake.clue_view c JOIN ${this.schema}.reporters r ON r.reporter_ref = c.reporter_ref
        WHERE length(r.phone_hmac) > 0
          AND r.phone_hmac = (SELECT phone_hmac FROM ${this.schema}.reporters WHERE reporter_ref = $1)`,
      [reporterRef],
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * Crypto-shredding: destroy the reporter's data key (and the keyed phone hash), so the identity can never be
   * read again while every event that refers to the reporter stays valid. Returns false when already destroyed.
   */
  async destroy(sql: Sql, reporterRef: string, actorId: string, reason: string): Promise<boolean> {
    const destroyed = await sql.query(
      `UPDATE ${this.schema}.subject_keys SET wrapped_dek = '\\x', destroyed_at = now(), destroyed_by = $2, destroy_reason = $3
        WHERE key_id = (SELECT key_id FROM ${this.schema}.reporters WHERE reporter_ref = $1) AND destroyed_at IS NULL`,
      [reporterRef, actorId, reason],
    );
    await sql.query(`UPDATE ${this.schema}.reporters SET phone_hmac = '\\x' WHERE reporter_ref = $1`, [reporterRef]);
    return destroyed.rowCount > 0;
  }

  /** Decrypt an identity; every access is recorded first, with who, why and for which case. */
  async resolve(sql: Sql, reporterRef: string, access: IdentityAccess): Promise<ReporterIdentity | undefined> {
    await sql.query(
      `INSERT INTO ${this.schema}.access_log (reporter_ref, actor_id, purpose, case_ref, approved_by, request_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [reporterRef, access.actorId, access.purpose, access.caseRef, access.approvedBy ?? null, access.requestId ?? null],
    );
    const { rows } = await sql.query<{ enc_identity: Buffer; wrapped_dek: Buffer; key_id: string; destroyed_at: Date | null }>(
      `SELECT r.enc_identity, k.wrapped_dek, k.key_id, k.destroyed_at
         FROM ${this.schema}.reporters r JOIN ${this.schema}.subject_keys k USING (key_id)
        WHERE r.reporter_ref = $1`,
      [reporterRef],
    );
    const row = rows[0];
    if (!row || row.destroyed_at || !row.wrapped_dek.length) return undefined;
    const dek = open(this.masterKey.key, row.wrapped_dek, `dek:${row.key_id}`);
    return JSON.parse(open(dek, row.enc_identity, `reporter:${reporterRef}`).toString('utf8')) as ReporterIdentity;
  }
}

export function normalisePhone(phone: string): string {
  return phone.replace(/[\s-]/g, '').replace(/^\+?86/, '');
}
