import type { Principal } from '@qingyuan/auth';
import { DomainError } from '@qingyuan/domain';
import type { PgEventStore } from '@qingyuan/event-store';
import { trend, type TrendPeriod } from '../storage/data-store';

export interface AlarmFilter {
  status?: 'open' | 'cleared';
  tier?: string;
  kind?: string;
  stage?: string;
  deviceId?: string;
  townCode?: string;
  limit?: number;
}

const CST_MS = 8 * 3_600_000;

/** Read side: devices with their status, alarms with their timeline, tasks, trends. Towns see their own. */
export class MonitoringQueries {
  constructor(
    private readonly store: PgEventStore,
    private readonly clock: () => Date,
  ) {}

  async devices(p: Principal) {
    const { rows } = await this.store.db.query<Record<string, any>>(
      `SELECT d.device_id, d.mn, d.data, d.enterprise_name, d.town_code, d.active, d.registered_at, d.last_seen_at, d.last_data_time, d.frames, d.duplicates, d.rejected,
              (SELECT count(*)::int FROM monitoring.alarms a WHERE a.device_id = d.device_id AND a.status = 'open') AS open_alarms
         FROM monitoring.devices d WHERE ($1::text[] IS NULL OR d.town_code = ANY($1)) ORDER BY d.enterprise_name, d.mn`,
      [scopeTowns(p)],
    );
    return rows.map((r) => this.deviceView(r));
  }

  async device(p: Principal, deviceIdOrMn: string) {
    const { rows } = await this.store.db.query<Record<string, any>>(
      `SELECT d.*, (SELECT count(*)::int FROM monitoring.alarms a WHERE a.device_id = d.device_id AND a.status = 'open') AS open_alarms
         FROM monitoring.devices d WHERE d.device_id::text = $1 OR d.mn = $1`,
      [deviceIdOrMn],
    );
    const row = rows[0];
    const towns = scopeTowns(p);
    if (!row || (towns && !towns.includes(row.town_code))) throw new DomainError('DEVICE_NOT_FOUND', '没有该设备', 'No such device', 'not-found');
    return this.deviceView(row);
  }

  private deviceView(r: Record<string, any>) {
    const data = r.data;
    const interval = Number(data.realtimeIntervalSeconds) * 1000;
    const lastSeen: Date | null = r.last_seen_at;
    const online = !!lastSeen && this.clock().getTime() - lastSeen.getTime() <= 3 * interval;
    return {
      ...data,
      registeredAt: r.registered_at,
      lastSeenAt: lastSeen,
      lastDataTime: r.last_data_time,
      frames: Number(r.frames),
      duplicates: Number(r.duplicates),
      rejected: Number(r.rejected),
      openAlarms: r.open_alarms,
      online,
    };
  }

  async alarms(p: Principal, f: AlarmFilter) {
    const { rows } = await this.store.db.query(
      `SELECT alarm_id AS "alarmId", device_id AS "deviceId", mn, enterprise_id AS "enterpriseId", enterprise_name AS "enterpriseName", town_code AS "townCode",
              factor, kind, tier, status, stage, summary, since, opened_at AS "openedAt", acknowledged_at AS "acknowledgedAt", cleared_at AS "clearedAt",
              clue_raised AS "clueRaised"
         FROM monitoring.alarms
        WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR tier = $2) AND ($3::text IS NULL OR kind = $3) AND ($4::text IS NULL OR stage = $4)
          AND ($5::text IS NULL OR device_id::text = $5) AND ($6::text IS NULL OR town_code = $6) AND ($7::text[] IS NULL OR town_code = ANY($7))
        ORDER BY opened_at DESC LIMIT $8`,
      [f.status ?? null, f.tier ?? null, f.kind ?? null, f.stage ?? null, f.deviceId ?? null, f.townCode ?? null, scopeTowns(p), Math.min(f.limit ?? 200, 1000)],
    );
    return rows;
  }

  async alarm(p: Principal, alarmId: string) {
    const { rows } = await this.store.db.query<Record<string, any>>(`SELECT * FROM monitoring.alarms WHERE alarm_id::text = $1`, [alarmId]);
    const a = rows[0];
    const towns = scopeTowns(p);
    if (!a || (towns && !towns.includes(a.town_code))) throw new DomainError('ALARM_NOT_FOUND', '没有该预警', 'No such alarm', 'not-found');
    const events = await this.store.readStream(`alarm-${a.alarm_id}`);
    const { rows: tasks } = await this.store.db.query(
      `SELECT task_id AS "taskId", town_code AS "townCode", assignee_id AS "assigneeId", assignee_name AS "assigneeName", due_at AS "dueAt", status, result, findings,
              evidence_refs AS "evidenceRefs", assigned_at AS "assignedAt", recorded_at AS "recordedAt"
         FROM monitoring.verification_tasks WHERE alarm_id = $1 ORDER BY assigned_at`,
      [a.alarm_id],
    );
    return {
      alarmId: a.alarm_id, deviceId: a.device_id, mn: a.mn, enterpriseId: a.enterprise_id, enterpriseName: a.enterprise_name, townCode: a.town_code,
      factor: a.factor, kind: a.kind, tier: a.tier, status: a.status, stage: a.stage, summary: a.summary, evidence: a.evidence, since: a.since,
      openedAt: a.opened_at, acknowledgedAt: a.acknowledged_at, clearedAt: a.cleared_at, clueRaised: a.clue_raised, warning: a.warning,
      supervision: a.supervision, rulesVersion: a.rules_version, version: a.version, tasks,
      timeline: events.map((e) => ({ type: e.type, at: e.recordedAt, actor: e.metadata.actor, data: e.data })),
    };
  }

  /** Site-verification tasks of the signed-in officer (assigned to them, or to one of their towns). */
  async myTasks(p: Principal) {
    const { rows } = await this.store.db.query(
      `SELECT t.task_id AS "taskId", t.alarm_id AS "alarmId", t.due_at AS "dueAt", t.status, t.town_code AS "townCode", a.enterprise_name AS "enterpriseName",
              a.mn, a.summary, a.tier, a.kind
         FROM monitoring.verification_tasks t JOIN monitoring.alarms a ON a.alarm_id = t.alarm_id
        WHERE t.status = 'assigned' AND (t.assignee_id = $1 OR t.town_code = ANY($2::text[]) OR $3)
        ORDER BY t.due_at`,
      [p.userId, p.towns, p.roles.includes('admin') || p.roles.includes('analyst')],
    );
    return rows;
  }

  /** `at` is a date (YYYY-MM-DD, YYYY-MM or YYYY) in Beijing time. */
  async trend(p: Principal, deviceIdOrMn: string, factor: string, period: TrendPeriod, at: string) {
    const device = await this.device(p, deviceIdOrMn);
    const f = (device.factors as Array<{ code: string; converted?: boolean; hourLimit?: number; dayLimit?: number; unit: string; name: string }>).find((x) => x.code === factor);
    if (!f) throw new DomainError('FACTOR_NOT_MONITORED', '该设备不监测此因子', 'The device does not monitor this factor', 'invalid');
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(at);
    if (!m || !isCalendarDate(Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1))) throw new DomainError('BAD_DATE', '日期格式须为 YYYY-MM-DD、YYYY-MM 或 YYYY', 'at must be YYYY-MM-DD, YYYY-MM or YYYY', 'invalid');
    const from = new Date(Date.UTC(Number(m[1]), period === 'year' ? 0 : Number(m[2] ?? 1) - 1, period === 'day' ? Number(m[3] ?? 1) : 1) - CST_MS);
    const result = await trend(this.store.db, device.mn, factor, period, from, f.converted);
    return { mn: device.mn, factor: f, period, from: from.toISOString(), limit: period === 'year' ? f.dayLimit : f.hourLimit, ...result };
  }

  async rejectedFrames(mn?: string) {
    const { rows } = await this.store.db.query(
      `SELECT received_at AS "receivedAt", mn, reason, frame FROM monitoring.rejected_frames WHERE ($1::text IS NULL OR mn = $1) ORDER BY id DESC LIMIT 200`,
      [mn ?? null],
    );
    return rows;
  }
}

/** 2027-13 or 2027-02-30 would otherwise roll over into another month. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Town officers see their towns; bureau roles see all (null). */
export function scopeTowns(p: Principal): string[] | null {
  const cityWide = ['admin', 'analyst', 'leader', 'department-officer', 'enforcement-officer', 'auditor'];
  return p.roles.some((r) => cityWide.includes(r)) ? null : p.towns;
}
