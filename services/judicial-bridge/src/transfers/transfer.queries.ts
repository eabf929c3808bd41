import type { Principal } from '@qingyuan/auth';
import { AGENCY_KINDS, type AgencyKind, type TransferDrafted, type TransferStatus } from '@qingyuan/contracts';
import type { Sql } from '@qingyuan/event-store';
import { BUREAU_ROLES, notFound } from './transfers';

/** Readers on the bureau's side see every transfer. */
export const BUREAU_READERS = [...BUREAU_ROLES, 'leader', 'auditor', 'analyst'] as const;

/**
 * The SQL condition for what an account may see: the bureau everything; an agency's liaison only what was sent to it
 * (the police and the procuratorate from sending, the court from the prosecution naming it).
 */
function scope(p: Principal, params: unknown[]): string {
  if (p.roles.some((r) => (BUREAU_READERS as readonly string[]).includes(r))) return 'true';
  const kind = p.organisation?.kind as AgencyKind | undefined;
  if (!p.organisation || !kind || !(kind in AGENCY_KINDS) || !p.roles.includes(`${kind}-liaison` as never)) return 'false';
  params.push(p.organisation.code);
  const column = { police: 'police_code', procuratorate: 'procuratorate_code', court: 'court_code' }[kind];
  return `t.sent AND t.${column} = $${params.length}`;
}

interface Row {
  transfer_id: string;
  kind: string;
  status: TransferStatus;
  title: string;
  suspect: TransferDrafted['suspect'];
  problem_id: string | null;
  town_code: string | null;
  police_code: string;
  procuratorate_code: string;
  court_code: string | null;
  drafted: TransferDrafted;
  created_at: Date;
  status_since: Date;
  version: number;
  overdue: number;
  next_due: Date | null;
}

function summary(r: Row) {
  return {
    transferId: r.transfer_id,
    kind: r.kind,
    status: r.status,
    title: r.title,
    suspect: r.suspect,
    ...(r.problem_id ? { problemId: r.problem_id } : {}),
    ...(r.town_code ? { townCode: r.town_code } : {}),
    police: r.drafted.police,
    procuratorate: r.drafted.procuratorate,
    ...(r.court_code ? { courtCode: r.court_code } : {}),
    createdAt: r.created_at.toISOString(),
    statusSince: r.status_since.toISOString(),
    version: r.version,
    overdue: r.overdue > 0,
    ...(r.next_due ? { nextDue: r.next_due.toISOString() } : {}),
  };
}

const SELECT = `SELECT t.*,
  (SELECT count(*)::int FROM judicial.timers x WHERE x.transfer_id = t.transfer_id AND x.closed_at IS NULL AND x.overdue) AS overdue,
  (SELECT min(due_at) FROM judicial.timers x WHERE x.transfer_id = t.transfer_id AND x.closed_at IS NULL) AS next_due
  FROM judicial.transfers t`;

/** Transfers as each account may read them, and the numbers. */
export class TransferQueries {
  constructor(private readonly sql: Sql) {}

  async list(p: Principal, filter: { status?: string } = {}) {
    const params: unknown[] = [];
    const where = [scope(p, params)];
    if (filter.status) where.push(`t.status = $${params.push(filter.status)}`);
    const { rows } = await this.sql.query<Row>(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY t.status_since DESC LIMIT 500`, params);
    return rows.map(summary);
  }

  async detail(p: Principal, transferId: string) {
    const params: unknown[] = [transferId];
    const { rows } = await this.sql.query<Row>(`${SELECT} WHERE t.transfer_id = $1 AND ${scope(p, params)}`, params);
    if (!rows[0]) throw notFound();
    const history = await this.sql.query<{ event_id: string; type: string; status: string; data: Record<string, unknown>; actor: string | null; at: Date }>(
      'SELECT event_id, type, status, data, actor, at FROM judicial.transfer_history WHERE transfer_id = $1 ORDER BY stream_version',
      [transferId],
    );
    const timers = await this.sql.query<{ step: string; party: string; start_at: Date; due_at: Date; warned: boolean; overdue: boolean; closed_at: Date | null }>(
      'SELECT step, party, start_at, due_at, warned, overdue, closed_at FROM judicial.timers WHERE transfer_id = $1 ORDER BY start_at, step',
      [transferId],
    );
    const events = history.rows;
    return {
      ...summary(rows[0]),
      summary: rows[0].drafted.summary,
      teamIds: rows[0].drafted.teamIds,
      reportedCriteria: rows[0].drafted.reportedCriteria ?? [],
      materials: events.filter((e) => e.type === 'TransferMaterialAdded').map((e) => e.data),
      threshold: [...events].reverse().find((e) => e.type === 'ThresholdChecked')?.data,
      history: events
        .filter((e) => !['TransferProgressed', 'TransferMaterialAdded'].includes(e.type))
        .map((e) => ({ type: e.type, status: e.status, data: e.data, ...(e.actor ? { actor: e.actor } : {}), at: e.at.toISOString() })),
      timeLimits: timers.rows.map((t) => ({
        step: t.step,
        party: t.party,
        startAt: t.start_at.toISOString(),
        dueAt: t.due_at.toISOString(),
        warned: t.warned,
        overdue: t.overdue,
        ...(t.closed_at ? { closedAt: t.closed_at.toISOString() } : {}),
      })),
    };
  }

  /** 统计: transfers by status, days spent in each status, and time limits missed by each party and agency. */
  async numbers(now: Date) {
    const byStatus = await this.sql.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM judicial.transfers GROUP BY status ORDER BY status');
    const inStatus = await this.sql.query<{ status: string; n: number; avg_days: number; max_days: number }>(
      `WITH spans AS (
         SELECT h.status, extract(epoch FROM coalesce(lead(h.at) OVER (PARTITION BY h.transfer_id ORDER BY h.at, h.event_id), $1) - h.at) / 86400 AS days
         FROM judicial.transfer_history h WHERE h.type = 'TransferProgressed')
       SELECT status, count(*)::int AS n, round(avg(days)::numeric, 2)::float AS avg_days, round(max(days)::numeric, 2)::float AS max_days FROM spans GROUP BY status ORDER BY status`,
      [now],
    );
    const overdue = await this.sql.query<{ party: string; agency: string | null; missed: number; open: number }>(
      `SELECT x.party,
         CASE x.party WHEN 'police' THEN t.police_code WHEN 'procuratorate' THEN t.procuratorate_code WHEN 'court' THEN t.court_code END AS agency,
         count(*)::int AS missed, count(*) FILTER (WHERE x.closed_at IS NULL)::int AS open
       FROM judicial.timers x JOIN judicial.transfers t USING (transfer_id) WHERE x.overdue GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    return {
      byStatus: Object.fromEntries(byStatus.rows.map((r) => [r.status, r.n])),
      daysInStatus: inStatus.rows.map((r) => ({ status: r.status, periods: r.n, averageDays: r.avg_days, longestDays: r.max_days })),
      overdueByAgency: overdue.rows.map((r) => ({ party: r.party, ...(r.agency ? { agencyCode: r.agency } : {}), missed: r.missed, stillOpen: r.open })),
    };
  }
}
