import { randomUUID } from 'node:crypto';
import { streamIds, type AlarmOpened, type AlarmTier, type DeviceRegistered, type MonitoringAlarmRaised } from '@qingyuan/contracts';
import { ConcurrencyConflict, StreamAlreadyExists, type PgEventStore, type Sql, type Tx } from '@qingyuan/event-store';
import { eventMetadata } from '@qingyuan/service-kit';
import { tierRank, type AlarmRules } from '../domain/alarm-rules';
import { alarmKey, type AlarmDecision, type OpenAlarm } from '../domain/decide';

export const SYSTEM = { kind: 'system' as const, id: 'monitoring' };

/** A device as the workers use it; `pwHash` only where the gateway needs it (never in events). */
export type DeviceView = DeviceRegistered & { registeredAt: Date; pwHash?: string };

interface AlarmRow {
  alarm_id: string;
  device_id: string;
  factor: string | null;
  kind: OpenAlarm['kind'];
  tier: AlarmTier;
  since: Date;
  opened_at: Date;
  acknowledged_at: Date | null;
  last_escalated_at: Date | null;
  clue_raised: boolean;
  stage: string;
  version: number;
}

export type BookedAlarm = OpenAlarm & { clueRaised: boolean; version: number };

/** The columns deciding needs (not the evidence: read with every batch, it would be parsed thousands of times). */
const BOOKED = 'alarm_id, device_id, factor, kind, tier, since, opened_at, acknowledged_at, last_escalated_at, clue_raised, stage, version';

/**
 * Turns alarm decisions into events on the alarm's own stream. One open alarm per (device, factor, kind) is kept by a
 * unique index: when another worker or the sweep got there first, the loser's append fails and nothing is written.
 * An alarm that reaches the clue tier also hands itself to intake (MonitoringAlarmRaised), once.
 */
export class AlarmBook {
  constructor(private readonly store: PgEventStore) {}

  async openAlarms(deviceIds: string[], sql: Sql = this.store.db): Promise<Map<string, BookedAlarm>> {
    const { rows } = await sql.query<AlarmRow>(`SELECT ${BOOKED} FROM monitoring.alarms WHERE status = 'open' AND device_id = ANY($1::uuid[])`, [deviceIds]);
    return new Map(rows.map((r) => [alarmKey(r.device_id, r.factor ?? undefined, r.kind), booked(r)]));
  }

  async allOpen(): Promise<BookedAlarm[]> {
    const { rows } = await this.store.db.query<AlarmRow>(`SELECT ${BOOKED} FROM monitoring.alarms WHERE status = 'open'`);
    return rows.map(booked);
  }

  /**
   * Applies decisions inside the caller's transaction (with the data that led to them); returns the events written.
   * When another writer changed an alarm first, its decision stands and this one is dropped. All decisions are tried
   * under one savepoint first (a burst of alarms after the hour costs half the round trips); only on a conflict are
   * they retried one by one, each under its own.
   */
  async apply(tx: Tx, device: DeviceView, decisions: AlarmDecision[], rules: { version: number; rules: AlarmRules }): Promise<number> {
    return this.applyAll(tx, decisions.map((decision) => ({ device, decision })), rules);
  }

  async applyAll(tx: Tx, items: Array<{ device: DeviceView; decision: AlarmDecision }>, rules: { version: number; rules: AlarmRules }): Promise<number> {
    if (items.length === 0) return 0;
    if (items.length > 1) {
      const all = await this.underSavepoint(tx, async () => {
        let written = 0;
        for (const { device, decision } of items) written += await this.applyOne(tx, device, decision, rules);
        return written;
      });
      if (all !== undefined) return all;
    }
    let written = 0;
    for (const { device, decision } of items) written += (await this.underSavepoint(tx, () => this.applyOne(tx, device, decision, rules))) ?? 0;
    return written;
  }

  /** undefined when another writer got there first (the savepoint is then rolled back) */
  private async underSavepoint(tx: Tx, run: () => Promise<number>): Promise<number | undefined> {
    await tx.query('SAVEPOINT alarm_decision');
    try {
      const written = await run();
      await tx.query('RELEASE SAVEPOINT alarm_decision');
      return written;
    } catch (error) {
      if (!(error instanceof ConcurrencyConflict || error instanceof StreamAlreadyExists || isUniqueViolation(error))) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT alarm_decision');
      return undefined;
    }
  }

  private async applyOne(tx: Tx, device: DeviceView, d: AlarmDecision, { version, rules }: { version: number; rules: AlarmRules }): Promise<number> {
    const metadata = eventMetadata(SYSTEM);
    if (d.action === 'open') {
      const c = d.condition;
      const opened: AlarmOpened = {
        alarmId: randomUUID(),
        deviceId: device.deviceId,
        mn: device.mn,
        enterpriseId: device.enterpriseId,
        enterpriseName: device.enterpriseName,
        townCode: device.townCode,
        factor: c.factor,
        kind: c.kind,
        tier: c.tier,
        summary: c.summary,
        evidence: c.evidence,
        rulesVersion: version,
        since: c.dataTime.toISOString(),
      };
      const events: Array<{ type: string; data: unknown }> = [{ type: 'AlarmOpened', data: opened }];
      if (tierRank(c.tier) >= tierRank(rules.clueTier)) events.push({ type: 'MonitoringAlarmRaised', data: clueOf(device, opened.alarmId, c.tier, c.summary, opened.since) });
      await this.store.appendIn(tx, streamIds.alarm(opened.alarmId), 'no-stream', events, metadata);
      return events.length;
    }
    const alarm = d.alarm as BookedAlarm;
    if (d.action === 'escalate') {
      const events: Array<{ type: string; data: unknown }> = [
        { type: 'AlarmEscalated', data: { alarmId: alarm.alarmId, from: alarm.tier, to: d.to, reason: d.reason, summary: d.summary, evidence: d.evidence } },
      ];
      if (!alarm.clueRaised && tierRank(d.to) >= tierRank(rules.clueTier)) {
        events.push({ type: 'MonitoringAlarmRaised', data: clueOf(device, alarm.alarmId, d.to, d.summary, alarm.since.toISOString()) });
      }
      await this.store.appendIn(tx, streamIds.alarm(alarm.alarmId), alarm.version, events, metadata);
      return events.length;
    }
    await this.store.appendIn(tx, streamIds.alarm(alarm.alarmId), alarm.version, [{ type: 'AlarmCleared', data: { alarmId: alarm.alarmId, reason: 'recovered', evidence: d.evidence } }], metadata);
    return 1;
  }
}

/** The machine-channel hand-over intake turns into a clue (channel 在线监控报警), with the evidence in words. */
function clueOf(device: DeviceView, alarmId: string, tier: AlarmTier, summary: string, since: string): MonitoringAlarmRaised {
  return {
    alarmId,
    deviceMn: device.mn,
    enterpriseName: device.enterpriseName,
    category: device.medium === 'gas' ? 'air' : 'water',
    summary: `${summary}（${tier === 'red' ? '红色' : tier === 'orange' ? '橙色' : tier === 'yellow' ? '黄色' : '蓝色'}预警，排放口 ${device.outletCode}）`,
    level: tier === 'red' ? 'serious' : 'warning',
    at: since,
    location: { ...(device.location ?? {}), townCode: device.townCode },
  };
}

function booked(r: AlarmRow): BookedAlarm {
  return {
    alarmId: r.alarm_id,
    deviceId: r.device_id,
    factor: r.factor ?? undefined,
    kind: r.kind,
    tier: r.tier,
    since: r.since,
    openedAt: r.opened_at,
    acknowledgedAt: r.acknowledged_at ?? undefined,
    lastEscalatedAt: r.last_escalated_at ?? undefined,
    clueRaised: r.clue_raised,
    stage: r.stage,
    version: r.version,
  };
}

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505' || (error as { driverError?: { code?: string } })?.driverError?.code === '23505';
