import type { Principal } from '@qingyuan/auth';
import {
  CATEGORIES,
  CHANNELS,
  SELF_DISCOVERY_CHANNELS,
  SEVERITIES,
  SUPERVISION_LEVELS,
  TRANSFER_STATUSES,
  findDepartment,
  findTown,
  streamIds,
  type Category,
  type Channel,
  type Severity,
  type SupervisionLevel,
} from '@qingyuan/contracts';
import type { PgEventStore } from '@qingyuan/event-store';
import { STATUS_LABELS, type ProblemStatus } from '../domain/problem';
import { addScope, canSee } from './scope';
import { SqlFilter } from './sql-filter';

export interface ProblemRow {
  problem_id: string;
  number: string;
  clue_ids: string[];
  channel: Channel;
  category: Category;
  description: string;
  location: Record<string, unknown>;
  town_code: string | null;
  lead_department: string | null;
  cooperating_departments: string[];
  responsible_person: { name: string; phone?: string } | null;
  measures: string | null;
  requirements: string | null;
  severity: Severity | null;
  cross_town: boolean;
  cross_department: boolean;
  time_limit: { workingDays?: number; date?: string } | null;
  status: ProblemStatus;
  opened_on: string;
  signed_on: string | null;
  deadline: string | null;
  requested_deadline: string | null;
  returned_reason: string | null;
  overdue: boolean;
  warned: boolean;
  supervision: SupervisionLevel | null;
  escalated_to_city: boolean;
  suspected_crime: boolean;
  reopened_from: string | null;
  recurred_as: string | null;
  judicial_status: string | null;
  closed_on: string | null;
  on_time: boolean | null;
  handling_working_days: number | null;
  opened_at: Date;
  updated_at: Date;
  version: string;
}

/** A transfer status's labels; undefined for a status this build of cases does not know yet. */
const transferStatus = (code: string): { zh: string; en: string } | undefined => (TRANSFER_STATUSES as Record<string, { zh: string; en: string }>)[code];
const label = <K extends string>(table: Record<K, { zh: string; en: string }>, code: K | null) => (code ? { code, ...table[code] } : null);
const named = (found: { code: string; zh: string; en: string } | undefined, code: string | null) =>
  code ? { code, zh: found?.zh ?? code, en: found?.en ?? code } : null;

/** A problem as the API shows it: codes with their zh/en labels. */
export function toSummary(r: ProblemRow) {
  return {
    problemId: r.problem_id,
    number: r.number,
    clueIds: r.clue_ids,
    channel: label(CHANNELS, r.channel),
    category: label(CATEGORIES, r.category),
    description: r.description,
    location: r.location,
    town: named(r.town_code ? findTown(r.town_code) : undefined, r.town_code),
    leadDepartment: named(r.lead_department ? findDepartment(r.lead_department) : undefined, r.lead_department),
    cooperatingDepartments: r.cooperating_departments.map((d) => named(findDepartment(d), d)!),
    responsiblePerson: r.responsible_person,
    measures: r.measures,
    requirements: r.requirements,
    severity: label(SEVERITIES, r.severity),
    crossTown: r.cross_town,
    crossDepartment: r.cross_department,
    timeLimit: r.time_limit,
    status: { code: r.status, ...STATUS_LABELS[r.status] },
    openedOn: r.opened_on,
    signedOn: r.signed_on,
    deadline: r.deadline,
    requestedDeadline: r.requested_deadline,
    returnedReason: r.returned_reason,
    overdue: r.overdue && r.status !== 'closed',
    warned: r.warned,
    supervision: label(SUPERVISION_LEVELS, r.supervision),
    escalatedToCity: r.escalated_to_city,
    suspectedCrime: r.suspected_crime,
    reopenedFrom: r.reopened_from,
    recurredAs: r.recurred_as,
    /** 行刑衔接: the latest status of a transfer of this problem, as the judicial bridge reported it */
    judicialStatus: r.judicial_status ? { code: r.judicial_status, ...(transferStatus(r.judicial_status) ?? { zh: r.judicial_status, en: r.judicial_status }) } : null,
    closedOn: r.closed_on,
    onTime: r.on_time,
    handlingWorkingDays: r.handling_working_days,
    updatedAt: r.updated_at.toISOString(),
    version: Number(r.version),
  };
}
export type ProblemSummary = ReturnType<typeof toSummary>;

export interface ProblemFilter {
  townCode?: string;
  department?: string;
  category?: string;
  channel?: string;
  status?: string;
  overdue?: boolean;
  /** true: not closed out yet */
  open?: boolean;
  from?: string;
  to?: string;
}

/** Sort keys, each ending in the problem id so pages never overlap; the list indexes hold exactly these orders. */
export const SORTS = {
  opened: ['opened_on', 'opened_at', 'problem_id'],
  deadline: ['deadline', 'problem_id'],
  number: ['number'],
  updated: ['updated_at', 'problem_id'],
} as const;
export type SortKey = keyof typeof SORTS;

/** The total is counted up to this many rows; beyond it the list says "more than" (a million-row count is too slow). */
const COUNT_CAP = 2_000;

export function filterSql(principal: Principal, f: ProblemFilter): SqlFilter {
  const filter = new SqlFilter();
  addScope(filter, principal);
  if (f.townCode) filter.where(`town_code = ${filter.param(f.townCode)}`);
  if (f.department) {
    const d = filter.param(f.department);
    filter.where(`(lead_department = ${d} OR cooperating_departments @> ARRAY[${d}::text])`);
  }
  if (f.category) filter.where(`category = ${filter.param(f.category)}`);
  if (f.channel) filter.where(`channel = ${filter.param(f.channel)}`);
  if (f.status) filter.where(`status = ${filter.param(f.status)}`);
  // Overdue means overdue now: a problem closed late is no longer overdue (its onTime says it was late).
  if (f.overdue !== undefined) filter.where(f.overdue ? `(overdue AND status <> 'closed')` : `NOT (overdue AND status <> 'closed')`);
  if (f.open !== undefined) filter.where(f.open ? `status <> 'closed'` : `status = 'closed'`);
  if (f.from) filter.where(`opened_on >= ${filter.param(f.from)}::date`);
  if (f.to) filter.where(`opened_on <= ${filter.param(f.to)}::date`);
  return filter;
}

export class ProblemQueries {
  constructor(readonly store: PgEventStore) {}

  async list(principal: Principal, f: ProblemFilter, page: { sort: SortKey; descending: boolean; limit: number; offset: number }) {
    const filter = filterSql(principal, f);
    const direction = page.descending ? 'DESC' : 'ASC';
    const order = SORTS[page.sort].map((column) => `${column} ${direction}`).join(', ');
    const limit = filter.param(page.limit);
    const offset = filter.param(page.offset);
    const items = await this.store.db.query<ProblemRow>(
      `SELECT * FROM cases.problem_view ${filter} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
      filter.params,
    );
    const counted = filterSql(principal, f);
    const total = await this.store.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM cases.problem_view ${counted} LIMIT ${COUNT_CAP + 1}) capped`,
      counted.params,
    );
    const n = total.rows[0].n;
    return { items: items.rows.map(toSummary), total: Math.min(n, COUNT_CAP), more: n > COUNT_CAP };
  }

  async row(principal: Principal, problemId: string): Promise<ProblemRow | undefined> {
    const { rows } = await this.store.db.query<ProblemRow>(
      // DATE columns come back as 'YYYY-MM-DD' (see openDatabase): calendar days, not instants.
      'SELECT * FROM cases.problem_view WHERE problem_id = $1',
      [problemId],
    );
    return rows[0] && canSee(principal, rows[0]) ? rows[0] : undefined;
  }

  /** The problem's history, straight from its event stream: every step with who did it and when. */
  async timeline(problemId: string) {
    const events = await this.store.readStream(streamIds.problem(problemId));
    return events.map((e) => ({
      version: e.streamVersion,
      type: e.type,
      ...eventLabel(e.type, e.data),
      recordedAt: e.recordedAt,
      occurredAt: e.metadata.occurredAt,
      actor: { kind: e.metadata.actor.kind, id: e.metadata.actor.id, name: e.metadata.actor.name },
      data: e.data,
    }));
  }

  /** Numbers by town, department, channel or category over problems opened in a period. */
  async statistics(principal: Principal, groupBy: 'town' | 'department' | 'channel' | 'category', f: ProblemFilter) {
    const filter = filterSql(principal, f);
    const key = { town: 'town_code', department: 'lead_department', channel: 'channel', category: 'category' }[groupBy];
    const self = filter.param(SELF_DISCOVERY_CHANNELS);
    const { rows } = await this.store.db.query<{
      key: string | null; received: number; closed: number; on_time: number; overdue: number; self_discovered: number; avg_days: number | null;
    }>(
      `SELECT ${key} AS key, count(*)::int AS received, count(*) FILTER (WHERE status = 'closed')::int AS closed,
              count(*) FILTER (WHERE on_time)::int AS on_time, count(*) FILTER (WHERE overdue AND status <> 'closed')::int AS overdue,
              count(*) FILTER (WHERE channel = ANY(${self}::text[]))::int AS self_discovered,
              avg(handling_working_days)::float AS avg_days
         FROM cases.problem_view ${filter} GROUP BY ${key} ORDER BY received DESC`,
      filter.params,
    );
    return rows.map((r) => ({
      key: r.key,
      label: groupLabel(groupBy, r.key),
      received: r.received,
      closed: r.closed,
      open: r.received - r.closed,
      onTimeRate: r.closed ? round(r.on_time / r.closed) : null,
      averageHandlingWorkingDays: r.avg_days === null ? null : round(r.avg_days, 1),
      overdue: r.overdue,
      selfDiscovered: r.self_discovered,
      selfDiscoveryRate: r.received ? round(r.self_discovered / r.received) : null,
    }));
  }
}

/** Problems opened and closed per day over the last days (Beijing days), for the dashboard's trend. */
export async function trend(store: PgEventStore, principal: Principal, days: number, today: string) {
  const filter = filterSql(principal, {});
  const from = filter.param(today);
  const span = filter.param(days - 1);
  const { rows } = await store.db.query<{ day: string; opened: number; closed: number }>(
    `SELECT d::date::text AS day,
            (SELECT count(*) FROM cases.problem_view ${filter} ${filter.toString() ? 'AND' : 'WHERE'} opened_on = d::date)::int AS opened,
            (SELECT count(*) FROM cases.problem_view ${filter} ${filter.toString() ? 'AND' : 'WHERE'} closed_on = d::date)::int AS closed
       FROM generate_series(${from}::date - ${span}::int, ${from}::date, interval '1 day') d ORDER BY d`,
    filter.params,
  );
  return rows;
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function groupLabel(groupBy: string, key: string | null): { zh: string; en: string } {
  if (key === null) return { zh: '未确定', en: 'Not set' };
  const found =
    groupBy === 'town' ? findTown(key) : groupBy === 'department' ? findDepartment(key) : groupBy === 'channel' ? CHANNELS[key as Channel] : CATEGORIES[key as Category];
  return found ? { zh: found.zh, en: found.en } : { zh: key, en: key };
}

const EVENT_LABELS: Record<string, { zh: string; en: string }> = {
  ProblemOpened: { zh: '立案', en: 'Opened' },
  ProblemClueAttached: { zh: '并入线索', en: 'Clue joined' },
  ProblemClueDetached: { zh: '撤销并案', en: 'Clue detached' },
  ProblemTriaged: { zh: '研判', en: 'Triaged' },
  ConsultationRecorded: { zh: '会商', en: 'Consultation' },
  ProblemAssigned: { zh: '交办', en: 'Assigned' },
  ProblemSignedOff: { zh: '签收', en: 'Signed off' },
  ProblemReturned: { zh: '退回', en: 'Returned' },
  ProgressReported: { zh: '报送进展', en: 'Progress reported' },
  ExtensionRequested: { zh: '申请延期', en: 'Extension requested' },
  ExtensionDecided: { zh: '延期审批', en: 'Extension decided' },
  RectificationReported: { zh: '上报整改情况', en: 'Rectification reported' },
  RectificationVerified: { zh: '核查', en: 'Verified' },
  DeadlineWarningIssued: { zh: '临期预警', en: 'Deadline warning' },
  ProblemOverdue: { zh: '逾期', en: 'Overdue' },
  ProblemSupervised: { zh: '督办', en: 'Supervised' },
  ProblemEscalatedToCity: { zh: '报市政府协调', en: 'Escalated to the city' },
  JointActionRecorded: { zh: '联合行动', en: 'Joint action' },
  ProblemMarkedSuspectedCrime: { zh: '涉嫌环境犯罪', en: 'Suspected crime' },
  ProblemRecurred: { zh: '重办', en: 'Reopened as a new problem' },
  ProblemClosed: { zh: '销号', en: 'Closed out' },
  JudicialProgressNoted: { zh: '行刑衔接进展', en: 'Judicial transfer progress' },
};

/** What the timeline calls an event; a judicial step names the transfer's new status. */
function eventLabel(type: string, data: unknown): { zh: string; en: string } {
  const base = EVENT_LABELS[type] ?? { zh: type, en: type };
  if (type !== 'JudicialProgressNoted') return base;
  const status = transferStatus((data as { status: string }).status);
  return status ? { zh: `${base.zh}：${status.zh}`, en: `${base.en}: ${status.en}` } : base;
}
