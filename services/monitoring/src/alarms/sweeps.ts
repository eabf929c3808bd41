import type { PgEventStore } from '@qingyuan/event-store';
import { alarmKey, dueEscalations, isOffline, type AlarmDecision } from '../domain/decide';
import type { DeviceActivity } from '../ingest/device-activity';
import type { AlarmRuleSource } from '../settings/alarm-rule-source';
import type { AlarmBook, DeviceView } from './alarm-book';

interface DeviceRow {
  data: DeviceView;
  registered_at: Date;
  last_seen_at: Date | null;
}

/**
 * The clock's part of the alarms: devices that went silent (脱机) and came back, and alarms that escalate because
 * nobody acknowledged them or they persist. Every monitoring process runs these; the unique open-alarm index and the
 * streams' versions make a second runner's writes fail harmlessly.
 */
export class AlarmSweeps {
  constructor(
    private readonly store: PgEventStore,
    private readonly book: AlarmBook,
    private readonly rules: AlarmRuleSource,
    private readonly clock: () => Date,
    private readonly activity?: DeviceActivity,
  ) {}

  async offline(): Promise<number> {
    await this.activity?.flush();
    const rules = await this.rules.current();
    const now = this.clock();
    const { rows } = await this.store.db.query<DeviceRow>('SELECT data, registered_at, last_seen_at FROM monitoring.devices WHERE active');
    const open = await this.book.openAlarms(rows.map((r) => r.data.deviceId));
    let written = 0;
    for (const r of rows) {
      const device: DeviceView = { ...r.data, registeredAt: r.registered_at };
      const seen = { deviceId: device.deviceId, lastSeenAt: r.last_seen_at ?? undefined, registeredAt: r.registered_at, realtimeIntervalSeconds: device.realtimeIntervalSeconds };
      const alarm = open.get(alarmKey(device.deviceId, undefined, 'offline'));
      const silentSince = r.last_seen_at ?? r.registered_at;
      const decisions: AlarmDecision[] = [];
      if (isOffline(seen, rules.rules, now) && !alarm) {
        const minutes = Math.round((now.getTime() - silentSince.getTime()) / 60_000);
        decisions.push({
          action: 'open',
          key: alarmKey(device.deviceId, undefined, 'offline'),
          condition: {
            kind: 'offline',
            present: true,
            tier: rules.rules.offline.tier,
            dataTime: silentSince,
            summary: `设备 ${device.mn} 已 ${minutes} 分钟无数据（应每 ${device.realtimeIntervalSeconds} 秒上报）`,
            evidence: { values: [], note: `last frame ${r.last_seen_at?.toISOString() ?? 'never'}; expected every ${device.realtimeIntervalSeconds} s` },
          },
        });
      } else if (!isOffline(seen, rules.rules, now) && alarm && r.last_seen_at && r.last_seen_at > alarm.openedAt) {
        decisions.push({ action: 'clear', alarm, evidence: { values: [], note: `frames again since ${r.last_seen_at.toISOString()}` } });
      }
      if (decisions.length) written += await this.store.db.transaction((tx) => this.book.apply(tx, device, decisions, rules));
    }
    return written;
  }

  async escalate(): Promise<number> {
    const rules = await this.rules.current();
    const alarms = await this.book.allOpen();
    const due = dueEscalations(alarms, rules.rules, this.clock());
    if (due.length === 0) return 0;
    const { rows } = await this.store.db.query<DeviceRow>('SELECT data, registered_at, last_seen_at FROM monitoring.devices WHERE device_id = ANY($1::uuid[])', [
      [...new Set(due.map((d) => (d.action === 'open' ? '' : d.alarm.deviceId)))],
    ]);
    const devices = new Map(rows.map((r) => [r.data.deviceId, { ...r.data, registeredAt: r.registered_at }]));
    let written = 0;
    for (const d of due) {
      const device = d.action !== 'open' ? devices.get(d.alarm.deviceId) : undefined;
      if (device) written += await this.store.db.transaction((tx) => this.book.apply(tx, device, [d], rules));
    }
    return written;
  }
}
