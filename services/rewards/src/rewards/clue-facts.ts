import type { ClueRegistered, ReporterIdentityDisclosed } from '@qingyuan/contracts';
import type { Sql } from '@qingyuan/event-store';
import type { ClueFacts } from '../domain/eligibility';

/**
 * What rewards keeps of intake's clues: channel, time, whether the reporter can be identified, the receipt code's
 * hash, a bounty it answers. Never a name, phone or ID number: those stay in intake's vault.
 */
export class ClueFactsStore {
  /** `at` is when intake recorded the registration: who reported first */
  async registered(sql: Sql, d: ClueRegistered, at: string): Promise<void> {
    await sql.query(
      `INSERT INTO rewards.clue_facts (clue_id, channel, registered_at, anonymous, identifiable, insider, organisation_kind, receipt_hash, bounty_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      [d.clueId, d.channel, at, d.reporter.anonymous, Boolean(d.reporter.ref), d.reporter.insider, d.source?.organisation?.kind ?? null,
        d.receiptCodeHash ?? null, d.source?.bountyId ?? null],
    );
  }

  async identified(sql: Sql, clueId: string): Promise<void> {
    await sql.query('UPDATE rewards.clue_facts SET identifiable = true WHERE clue_id = $1', [clueId]);
  }

  async disclosed(sql: Sql, d: ReporterIdentityDisclosed): Promise<void> {
    await sql.query(
      `INSERT INTO rewards.disclosures (request_id, clue_id, case_ref, requested_by, approved_by) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [d.requestId, d.clueId, d.caseRef, d.requestedBy, d.approvedBy],
    );
  }

  async candidates(sql: Sql, clueIds: string[]): Promise<ClueFacts[]> {
    const { rows } = await sql.query<FactsRow>('SELECT * FROM rewards.clue_facts WHERE clue_id = ANY($1::uuid[])', [clueIds]);
    return rows.map((r) => ({
      clueId: r.clue_id,
      channel: r.channel,
      registeredAt: r.registered_at.toISOString(),
      anonymous: r.anonymous,
      identifiable: r.identifiable,
      insider: r.insider,
      ...(r.organisation_kind ? { organisationKind: r.organisation_kind } : {}),
    }));
  }

  async byReceipt(sql: Sql, receiptHash: string): Promise<{ clueId: string; identifiable: boolean } | undefined> {
    const { rows } = await sql.query<FactsRow>('SELECT * FROM rewards.clue_facts WHERE receipt_hash = $1', [receiptHash]);
    return rows[0] ? { clueId: rows[0].clue_id, identifiable: rows[0].identifiable } : undefined;
  }

  async identifiable(sql: Sql, clueId: string): Promise<boolean> {
    const { rows } = await sql.query<{ identifiable: boolean }>('SELECT identifiable FROM rewards.clue_facts WHERE clue_id = $1', [clueId]);
    return rows[0]?.identifiable ?? false;
  }

  async disclosure(sql: Sql, requestId: string): Promise<{ clueId: string; caseRef: string; requestedBy: string } | undefined> {
    const { rows } = await sql.query<{ clue_id: string; case_ref: string; requested_by: string }>(
      'SELECT clue_id, case_ref, requested_by FROM rewards.disclosures WHERE request_id = $1',
      [requestId],
    );
    return rows[0] ? { clueId: rows[0].clue_id, caseRef: rows[0].case_ref, requestedBy: rows[0].requested_by } : undefined;
  }
}

interface FactsRow {
  clue_id: string;
  channel: string;
  registered_at: Date;
  anonymous: boolean;
  identifiable: boolean;
  insider: boolean;
  organisation_kind: string | null;
}
