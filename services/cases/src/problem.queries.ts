import { CATEGORIES, type Category } from '@qingyuan/contracts';
import type { PgEventStore, Sql } from '@qingyuan/event-store';
import type { Principal } from '@qingyuan/auth';
import { streamIds } from '@qingyuan/contracts';

export interface ProblemRow {
  problem_id: string;
  clue_ids: string[];
  channel: string;
  category: Category;
  description: string;
  location: Record<string, unknown>;
  town_code: string | null;
  lead_department: string | null;
  responsible_person: { name: string; phone?: string } | null;
  measures: string | null;
  requirements: string | null;
  deadline: string | null;
  status: string;
  opened_at: Date;
  assigned_at: Date | null;
  closed_at: Date | null;
  updated_at: Date;
  version: string;
}

export interface TimelineEntry {
  version: number;
  type: string;
  zh: string;
  en: string;
  recordedAt: string;
  occurredAt: string;
  actor: { kind: string; id?: string; name?: string };
  data: unknown;
}

const EVENT_LABELS: Record<string, { zh: string; en: string }> = {
  ProblemOpened: { zh: '立案', en: 'Opened' },
  ProblemAssigned: { zh: '交办', en: 'Assigned' },
  RectificationReported: { zh: '上报整改情况', en: 'Rectification reported' },
  RectificationVerified: { zh: '核查', en: 'Verified' },
  ProblemClosed: { zh: '销号', en: 'Closed out' },
};

/** What a staff member may see: town and department scope narrow the list (属地管理、分级负责). */
function scopeFilter(principal: Principal): { towns: string[] | null; departments: string[] | null } {
  return {
    towns: principal.towns.length ? principal.towns : null,
    departments: principal.departments.length ? principal.departments : null,
  };
}

export class ProblemQueries {
  constructor(
    private readonly sql: Sql,
    private readonly store: PgEventStore,
  ) {}

  async list(principal: Principal, filter: { status?: string; townCode?: string; limit: number; offset: number }): Promise<ProblemRow[]> {
    const scope = scopeFilter(principal);
    const { rows } = await this.sql.query<ProblemRow>(
      `SELECT * FROM cases.problem_view
        WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR town_code = $2)
          AND ($3::text[] IS NULL OR town_code = ANY($3)) AND ($4::text[] IS NULL OR lead_department = ANY($4))
        ORDER BY opened_at DESC LIMIT $5 OFFSET $6`,
      [filter.status ?? null, filter.townCode ?? null, scope.towns, scope.departments, filter.limit, filter.offset],
    );
    return rows;
  }

  async get(principal: Principal, problemId: string): Promise<ProblemRow | undefined> {
    const scope = scopeFilter(principal);
    const { rows } = await this.sql.query<ProblemRow>(
      `SELECT * FROM cases.problem_view WHERE problem_id = $1
          AND ($2::text[] IS NULL OR town_code = ANY($2)) AND ($3::text[] IS NULL OR lead_department = ANY($3))`,
      [problemId, scope.towns, scope.departments],
    );
    return rows[0];
  }

  /** The problem's history, straight from its event stream: every step with who did it and when. */
  async timeline(problemId: string): Promise<TimelineEntry[]> {
    const events = await this.store.readStream(streamIds.problem(problemId));
    return events.map((e) => ({
      version: e.streamVersion,
      type: e.type,
      ...(EVENT_LABELS[e.type] ?? { zh: e.type, en: e.type }),
      recordedAt: e.recordedAt,
      occurredAt: e.metadata.occurredAt,
      actor: { kind: e.metadata.actor.kind, id: e.metadata.actor.id, name: e.metadata.actor.name },
      data: e.data,
    }));
  }

  async reference(): Promise<{ towns: unknown[]; departments: unknown[]; categories: unknown[] }> {
    const towns = await this.sql.query('SELECT code, name_zh AS zh, name_en AS en, kind FROM cases.towns WHERE active ORDER BY code');
    const departments = await this.sql.query('SELECT code, name_zh AS zh, name_en AS en FROM cases.departments WHERE active ORDER BY code');
    return {
      towns: towns.rows,
      departments: departments.rows,
      categories: Object.entries(CATEGORIES).map(([code, l]) => ({ code, ...l })),
    };
  }
}
