import type { Sql, Tx } from '@qingyuan/event-store';
import { DomainError } from '@qingyuan/domain';

export interface Lead {
  leadId: string;
  source: 'cases' | 'enforcement';
  problemId?: string;
  enforcementCaseId?: string;
  enterpriseId?: string;
  title: string;
  basis: string;
  criteria: string[];
  townCode?: string;
  transferId?: string;
  receivedAt: string;
}

interface Row {
  lead_id: string;
  source: 'cases' | 'enforcement';
  problem_id: string | null;
  enforcement_case_id: string | null;
  enterprise_id: string | null;
  title: string;
  basis: string;
  criteria: string[];
  town_code: string | null;
  transfer_id: string | null;
  received_at: Date;
}

const view = (r: Row): Lead => ({
  leadId: r.lead_id,
  source: r.source,
  ...(r.problem_id ? { problemId: r.problem_id } : {}),
  ...(r.enforcement_case_id ? { enforcementCaseId: r.enforcement_case_id } : {}),
  ...(r.enterprise_id ? { enterpriseId: r.enterprise_id } : {}),
  title: r.title,
  basis: r.basis,
  criteria: r.criteria,
  ...(r.town_code ? { townCode: r.town_code } : {}),
  ...(r.transfer_id ? { transferId: r.transfer_id } : {}),
  receivedAt: r.received_at.toISOString(),
});

/**
 * Suspected crimes reported by cases (a problem marked as one) and by enforcement (a penalty case transferred), waiting
 * for an officer to draft the transfer: drafting needs the team and the facts, which only a person can supply.
 */
export class Leads {
  constructor(private readonly sql: Sql) {}

  async record(tx: Tx, lead: Omit<Lead, 'transferId' | 'receivedAt'>, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO judicial.leads (lead_id, source, problem_id, enforcement_case_id, enterprise_id, title, basis, criteria, town_code, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) ON CONFLICT (lead_id) DO NOTHING`,
      [lead.leadId, lead.source, lead.problemId ?? null, lead.enforcementCaseId ?? null, lead.enterpriseId ?? null, lead.title, lead.basis, JSON.stringify(lead.criteria), lead.townCode ?? null, at],
    );
  }

  async list(open = true): Promise<Lead[]> {
    const { rows } = await this.sql.query<Row>(`SELECT * FROM judicial.leads ${open ? 'WHERE transfer_id IS NULL' : ''} ORDER BY received_at DESC LIMIT 200`);
    return rows.map(view);
  }

  /** The lead a draft comes from, marked as drafted in the same transaction: one transfer per lead. */
  async take(tx: Tx, leadId: string, transferId: string): Promise<Lead> {
    const { rows } = await tx.query<Row>('SELECT * FROM judicial.leads WHERE lead_id = $1 FOR UPDATE', [leadId]);
    if (!rows[0]) throw new DomainError('LEAD_NOT_FOUND', '没有这条涉嫌犯罪线索', 'No such suspected-crime lead', 'not-found');
    if (rows[0].transfer_id) throw new DomainError('LEAD_DRAFTED', '该线索已起草移送', 'A transfer was already drafted from this lead', 'conflict');
    await tx.query('UPDATE judicial.leads SET transfer_id = $2 WHERE lead_id = $1', [leadId, transferId]);
    return view(rows[0]);
  }
}
