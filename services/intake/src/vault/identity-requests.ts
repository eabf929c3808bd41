import { PRIVACY_STREAM_PREFIX, uuidv7, type ReporterIdentityDisclosed } from '@qingyuan/contracts';
import type { Principal } from '@qingyuan/auth';
import { DomainError } from '@qingyuan/domain';
import type { PgEventStore, Sql } from '@qingyuan/event-store';
import { actorOf, eventMetadata } from '@qingyuan/service-kit';
import type { ClueQueries } from '../clues/clue.queries';
import type { IdentityVault, ReporterIdentity } from './identity-vault';

export type IdentityRequestStatus = 'pending' | 'approved' | 'refused' | 'viewed';

export interface IdentityRequest {
  requestId: string;
  clueId: string;
  purpose: string;
  caseRef: string;
  requestedBy: string;
  requestedAt: string;
  status: IdentityRequestStatus;
  approvedBy?: string;
  decidedAt?: string;
  viewedAt?: string;
  reason?: string;
}

interface Row {
  request_id: string;
  clue_id: string;
  reporter_ref: string;
  purpose: string;
  case_ref: string;
  requested_by: string;
  requested_at: Date;
  status: IdentityRequestStatus;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
  viewed_at: Date | null;
}

const vaultError = (code: string, zh: string, en: string, kind: 'conflict' | 'forbidden' | 'not-found' = 'conflict') => new DomainError(code, zh, en, kind);
const noRequest = () => vaultError('IDENTITY_REQUEST_NOT_FOUND', '查阅申请不存在', 'No such identity request', 'not-found');

/**
 * Reading a reporter's identity for a payout (or another stated purpose) takes two people: one asks, with a purpose
 * and a case, another approves; only then may the one who asked read it, once. Each step is on the record, and the
 * reading is also an event (without the identity) that rewards checks before a payout.
 */
export class IdentityRequests {
  constructor(
    private readonly store: PgEventStore,
    private readonly vault: IdentityVault,
    private readonly queries: ClueQueries,
  ) {}

  async request(clueId: string, asker: Principal, purpose: string, caseRef: string): Promise<IdentityRequest> {
    const ref = await this.queries.reporterRef(clueId);
    if (!ref) throw vaultError('NO_IDENTITY', '该线索没有可查阅的举报人身份（匿名未补充、已销毁或线索不存在）', 'No readable reporter identity for this clue (anonymous, destroyed, or no such clue)', 'not-found');
    const { rows } = await this.store.db.query<Row>(
      `INSERT INTO intake_vault.identity_requests (request_id, clue_id, reporter_ref, purpose, case_ref, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [uuidv7(), clueId, ref, purpose, caseRef, asker.userId],
    );
    return view(rows[0]);
  }

  async list(filter: { status?: IdentityRequestStatus; caseRef?: string }): Promise<IdentityRequest[]> {
    const { rows } = await this.store.db.query<Row>(
      `SELECT * FROM intake_vault.identity_requests WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR case_ref = $2)
        ORDER BY requested_at DESC LIMIT 200`,
      [filter.status ?? null, filter.caseRef ?? null],
    );
    return rows.map(view);
  }

  approve(requestId: string, approver: Principal, note?: string): Promise<IdentityRequest> {
    return this.decide(requestId, approver, 'approved', note);
  }

  refuse(requestId: string, approver: Principal, reason: string): Promise<IdentityRequest> {
    return this.decide(requestId, approver, 'refused', reason);
  }

  /** The asker reads the identity once; the reading is logged in the vault and published as an event. */
  async read(requestId: string, reader: Principal): Promise<ReporterIdentity> {
    return this.store.db.transaction(async (tx) => {
      const row = await this.lock(tx, requestId);
      if (row.requested_by !== reader.userId) throw vaultError('NOT_THE_REQUESTER', '只有申请人可以查阅', 'Only the person who asked may read it', 'forbidden');
      if (row.status === 'viewed') throw vaultError('IDENTITY_ALREADY_VIEWED', '该申请已查阅过一次，如需再次查阅请重新申请', 'This request was already used; ask again to read it again');
      if (row.status !== 'approved') throw vaultError('IDENTITY_REQUEST_NOT_APPROVED', '查阅申请尚未获批准', 'The request has not been approved');
      const identity = await this.vault.resolve(tx, row.reporter_ref, {
        actorId: reader.userId,
        purpose: row.purpose,
        caseRef: row.case_ref,
        approvedBy: row.decided_by!,
        requestId,
      });
      if (!identity) throw vaultError('NO_IDENTITY', '举报人身份已销毁', 'The reporter identity was destroyed', 'not-found');
      await tx.query(`UPDATE intake_vault.identity_requests SET status = 'viewed', viewed_at = now() WHERE request_id = $1`, [requestId]);
      const data: ReporterIdentityDisclosed = {
        requestId,
        clueId: row.clue_id,
        caseRef: row.case_ref,
        purpose: row.purpose,
        requestedBy: row.requested_by,
        approvedBy: row.decided_by!,
      };
      await this.store.appendIn(tx, `${PRIVACY_STREAM_PREFIX}${row.reporter_ref}`, 'any', [{ type: 'ReporterIdentityDisclosed', data }], eventMetadata(actorOf(reader)));
      return identity;
    });
  }

  private async decide(requestId: string, approver: Principal, status: 'approved' | 'refused', reason?: string): Promise<IdentityRequest> {
    return this.store.db.transaction(async (tx) => {
      const row = await this.lock(tx, requestId);
      if (row.requested_by === approver.userId) {
        throw vaultError('APPROVER_IS_REQUESTER', '申请人不能批准自己的查阅申请，须由另一人批准', 'A second person must approve: you cannot approve your own request', 'forbidden');
      }
      if (row.status !== 'pending') throw vaultError('IDENTITY_REQUEST_DECIDED', '该申请已处理', 'The request was already decided');
      const { rows } = await tx.query<Row>(
        `UPDATE intake_vault.identity_requests SET status = $2, decided_by = $3, decided_at = now(), reason = $4 WHERE request_id = $1 RETURNING *`,
        [requestId, status, approver.userId, reason ?? null],
      );
      return view(rows[0]);
    });
  }

  private async lock(sql: Sql, requestId: string): Promise<Row> {
    const { rows } = await sql.query<Row>('SELECT * FROM intake_vault.identity_requests WHERE request_id = $1 FOR UPDATE', [requestId]);
    if (!rows[0]) throw noRequest();
    return rows[0];
  }
}

function view(row: Row): IdentityRequest {
  return {
    requestId: row.request_id,
    clueId: row.clue_id,
    purpose: row.purpose,
    caseRef: row.case_ref,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at.toISOString(),
    status: row.status,
    approvedBy: row.status === 'approved' || row.status === 'viewed' ? (row.decided_by ?? undefined) : undefined,
    decidedAt: row.decided_at?.toISOString(),
    viewedAt: row.viewed_at?.toISOString(),
    reason: row.reason ?? undefined,
  };
}
