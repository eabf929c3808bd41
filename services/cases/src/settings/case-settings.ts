import { WorkingCalendar, type DayOverride } from '@qingyuan/calendar';
import { CATEGORY_CODES, type Severity } from '@qingyuan/contracts';
import type { Sql } from '@qingyuan/event-store';
import { fieldError } from '@qingyuan/service-kit';

/** Time limits and warnings: configuration with the plan's defaults, not law in code. */
export interface LifecycleSettings {
  /** warn this many working days before a deadline (临期预警) */
  warningWorkingDays: number;
  /** default time limit by severity, in working days from sign-off */
  timeLimitWorkingDays: Record<Severity, number>;
}

export const DEFAULT_SETTINGS: LifecycleSettings = {
  warningWorkingDays: 3,
  timeLimitWorkingDays: { general: 15, serious: 10, major: 5 },
};

export interface MatrixRow {
  category: string;
  leadDepartment: string;
  cooperating: string[];
}

const REFRESH_MS = 60_000;

/**
 * The configuration cases runs on: the working-day calendar, the lifecycle settings and the category → department
 * matrix, read from the database and refreshed at most once a minute so every process follows an administrator's edit.
 */
export class CaseSettings {
  private loadedAt = 0;
  private current: { calendar: WorkingCalendar; settings: LifecycleSettings; matrix: MatrixRow[] } = {
    calendar: new WorkingCalendar(),
    settings: DEFAULT_SETTINGS,
    matrix: [],
  };

  constructor(private readonly sql: Sql) {}

  async get(force = false): Promise<{ calendar: WorkingCalendar; settings: LifecycleSettings; matrix: MatrixRow[] }> {
    if (force || Date.now() - this.loadedAt > REFRESH_MS) {
      this.loadedAt = Date.now();
      const overrides = await this.sql.query<{ date: string; kind: DayOverride['kind']; name: string; confirmed: boolean }>(
        'SELECT date::text AS date, kind, name, confirmed FROM cases.calendar_overrides ORDER BY date',
      );
      const settings = await this.sql.query<{ value: LifecycleSettings }>(`SELECT value FROM cases.settings WHERE key = 'lifecycle'`);
      const matrix = await this.sql.query<{ category: string; lead_department: string; cooperating: string[] }>(
        'SELECT category, lead_department, cooperating FROM cases.category_departments ORDER BY category',
      );
      this.current = {
        calendar: new WorkingCalendar(overrides.rows),
        settings: settings.rows[0]?.value ?? DEFAULT_SETTINGS,
        matrix: matrix.rows.map((r) => ({ category: r.category, leadDepartment: r.lead_department, cooperating: r.cooperating })),
      };
    }
    return this.current;
  }

  async overrides(year?: number): Promise<DayOverride[]> {
    const { rows } = await this.sql.query<DayOverride>(
      `SELECT date::text AS date, kind, name, confirmed FROM cases.calendar_overrides
        WHERE $1::int IS NULL OR extract(year FROM date) = $1 ORDER BY date`,
      [year ?? null],
    );
    return rows;
  }

  /** Replace one year's holidays and make-up working days (as the State Council publishes them). */
  async replaceYear(year: number, overrides: DayOverride[], actorId: string): Promise<void> {
    for (const o of overrides) {
      if (!o.date.startsWith(`${year}-`)) throw fieldError('overrides', `日期 ${o.date} 不在 ${year} 年`, `date ${o.date} is not in ${year}`);
    }
    try {
      new WorkingCalendar(overrides); // refuses a make-up working day on a weekday, an impossible date, a duplicate
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw fieldError('overrides', `节假日或调休有误：${reason}`, `has an invalid entry: ${reason}`);
    }
    await this.sql.query(`DELETE FROM cases.calendar_overrides WHERE extract(year FROM date) = $1`, [year]);
    for (const o of overrides) {
      await this.sql.query(
        'INSERT INTO cases.calendar_overrides (date, kind, name, confirmed, updated_by) VALUES ($1, $2, $3, $4, $5)',
        [o.date, o.kind, o.name, o.confirmed, actorId],
      );
    }
    await this.get(true);
  }

  async updateSettings(settings: LifecycleSettings, actorId: string): Promise<void> {
    await this.sql.query(
      `UPDATE cases.settings SET value = $1::jsonb, updated_by = $2, updated_at = now() WHERE key = 'lifecycle'`,
      [JSON.stringify(settings), actorId],
    );
    await this.get(true);
  }

  async updateMatrix(row: MatrixRow, actorId: string): Promise<void> {
    if (!CATEGORY_CODES.includes(row.category as never)) throw fieldError('category', '不是已知的类别', 'is not a known category');
    await this.sql.query(
      `UPDATE cases.category_departments SET lead_department = $2, cooperating = $3, updated_by = $4, updated_at = now() WHERE category = $1`,
      [row.category, row.leadDepartment, row.cooperating, actorId],
    );
    await this.get(true);
  }
}
