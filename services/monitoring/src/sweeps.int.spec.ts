import { DEFAULT_ALARM_RULES } from './domain/alarm-rules';
import { eventually, MonitoringUnderTest, waterDevice, type DeviceClient } from './testing/harness';

/**
 * The clock's part of the alarms (脱机, escalation), driven by the harness clock. Events are stamped with the wall
 * clock (alarms' opened_at, last_escalated_at), so the harness clock starts at the wall clock and every step is set
 * from the times the service recorded.
 */

const MN = {
  silent: '33078200000000000000201',
  unacknowledged: '33078200000000000000202',
  acknowledged: '33078200000000000000203',
  newRules: '33078200000000000000204',
};
const MINUTE = 60_000;

interface AlarmRow {
  alarm_id: string;
  tier: string;
  status: string;
  opened_at: Date;
  last_escalated_at: Date | null;
  rules_version: number;
}

describe('monitoring sweeps: offline devices and escalation on the clock', () => {
  let t: MonitoringUnderTest;
  let device: DeviceClient;

  const registeredAt = async (mn: string) => (await t.sql<{ registered_at: Date }>('SELECT registered_at FROM monitoring.devices WHERE mn = $1', [mn]))[0].registered_at;
  const alarmsOf = (mn: string) =>
    t.sql<AlarmRow>(`SELECT alarm_id, tier, status, opened_at, last_escalated_at, rules_version FROM monitoring.alarms WHERE mn = $1 AND kind = 'offline' ORDER BY opened_at`, [mn]);
  const setClock = (base: Date, ms: number) => (t.now = new Date(base.getTime() + ms));
  const streamOf = (alarmId: string) => t.sql<{ event_type: string; data: any }>('SELECT event_type, data FROM monitoring.events WHERE stream_id = $1 ORDER BY stream_version', [`alarm-${alarmId}`]);
  const raised = (alarmId: string) => t.published.filter((e) => e.type === 'MonitoringAlarmRaised' && (e.data as { alarmId: string }).alarmId === alarmId);
  /** A device registered now that has gone silent for 3 × 30 s + 1 s: its offline alarm. */
  const offlineAlarm = async (mn: string): Promise<AlarmRow> => {
    await t.registerDevice(waterDevice(mn));
    setClock(await registeredAt(mn), 91_000);
    await t.service.sweeps.offline();
    const [alarm] = await alarmsOf(mn);
    return alarm;
  };

  beforeAll(async () => {
    t = await MonitoringUnderTest.start('monitoring_sweeps');
    t.now = new Date();
    await t.registerEnterprise();
    device = await t.device();
  });
  afterAll(async () => {
    device?.close();
    await t?.stop();
  });

  it('opens an offline alarm for a device silent for 3 × its interval, once, and clears it when the device sends again', async () => {
    await t.registerDevice(waterDevice(MN.silent));
    const registered = await registeredAt(MN.silent);
    setClock(registered, 89_000);
    await t.service.sweeps.offline();
    expect(await alarmsOf(MN.silent)).toEqual([]);
    setClock(registered, 91_000);
    await t.service.sweeps.offline();
    const [opened] = await alarmsOf(MN.silent);
    expect(opened).toMatchObject({ tier: 'yellow', status: 'open', rules_version: 1 });
    setClock(registered, 5 * MINUTE);
    await t.service.sweeps.offline();
    expect(await alarmsOf(MN.silent)).toHaveLength(1);
    expect((await streamOf(opened.alarm_id)).map((e) => e.event_type)).toEqual(['AlarmOpened']);

    await device.ackFor(device.send({ mn: MN.silent, cn: '2011', dataTime: t.now, values: { w01018: { Rtd: '20.1', Flag: 'N' } } }));
    setClock(t.now, 1000);
    await t.service.sweeps.offline();
    expect(await alarmsOf(MN.silent)).toEqual([expect.objectContaining({ alarm_id: opened.alarm_id, status: 'cleared' })]);
    expect((await streamOf(opened.alarm_id)).map((e) => [e.event_type, e.data.reason])).toEqual([['AlarmOpened', undefined], ['AlarmCleared', 'recovered']]);
    await t.service.sweeps.offline();
    expect(await alarmsOf(MN.silent)).toHaveLength(1);
  });

  it('escalates an unacknowledged alarm one tier per unacknowledgedMinutes, never above red, raising the clue once', async () => {
    const alarm = await offlineAlarm(MN.unacknowledged);
    expect(alarm.tier).toBe('yellow');
    const period = DEFAULT_ALARM_RULES.escalation.unacknowledgedMinutes * MINUTE;
    setClock(alarm.opened_at, period - MINUTE);
    await t.service.sweeps.escalate();
    expect((await alarmsOf(MN.unacknowledged))[0].tier).toBe('yellow');

    setClock(alarm.opened_at, period);
    await t.service.sweeps.escalate();
    const [orange] = await alarmsOf(MN.unacknowledged);
    expect(orange.tier).toBe('orange');
    await t.service.sweeps.escalate(); // same moment: once per period
    expect((await alarmsOf(MN.unacknowledged))[0].tier).toBe('orange');
    await eventually(async () => raised(alarm.alarm_id).length === 1);
    expect(raised(alarm.alarm_id)[0].data).toMatchObject({ deviceMn: MN.unacknowledged, level: 'warning' });

    setClock(orange.last_escalated_at!, period - MINUTE);
    await t.service.sweeps.escalate();
    expect((await alarmsOf(MN.unacknowledged))[0].tier).toBe('orange');
    setClock(orange.last_escalated_at!, period);
    await t.service.sweeps.escalate();
    const [red] = await alarmsOf(MN.unacknowledged);
    expect(red.tier).toBe('red');
    setClock(red.last_escalated_at!, 3 * period);
    await t.service.sweeps.escalate();
    expect((await alarmsOf(MN.unacknowledged))[0].tier).toBe('red');

    const escalations = (await streamOf(alarm.alarm_id)).filter((e) => e.event_type === 'AlarmEscalated').map((e) => [e.data.from, e.data.to, e.data.reason]);
    expect(escalations).toEqual([['yellow', 'orange', 'unacknowledged'], ['orange', 'red', 'unacknowledged']]);
    await new Promise((r) => setTimeout(r, 200));
    expect(raised(alarm.alarm_id)).toHaveLength(1);
  });

  it('escalates an acknowledged alarm only once it persists past persistingHours', async () => {
    const alarm = await offlineAlarm(MN.acknowledged);
    expect((await t.call('POST', `/api/monitoring/alarms/${alarm.alarm_id}/acknowledge`, t.staff(['analyst']), {})).status).toBe(201);
    const persisting = DEFAULT_ALARM_RULES.escalation.persistingHours * 60 * MINUTE;
    setClock(alarm.opened_at, DEFAULT_ALARM_RULES.escalation.unacknowledgedMinutes * MINUTE + MINUTE);
    await t.service.sweeps.escalate();
    setClock(alarm.opened_at, persisting - MINUTE);
    await t.service.sweeps.escalate();
    expect((await alarmsOf(MN.acknowledged))[0].tier).toBe('yellow');
    expect(raised(alarm.alarm_id)).toHaveLength(0);

    setClock(alarm.opened_at, persisting);
    await t.service.sweeps.escalate();
    await t.service.sweeps.escalate();
    expect((await alarmsOf(MN.acknowledged))[0].tier).toBe('orange');
    const escalations = (await streamOf(alarm.alarm_id)).filter((e) => e.event_type === 'AlarmEscalated').map((e) => [e.data.from, e.data.to, e.data.reason]);
    expect(escalations).toEqual([['yellow', 'orange', 'persisting']]);
    await eventually(async () => raised(alarm.alarm_id).length === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(raised(alarm.alarm_id)).toHaveLength(1);
  });

  it('applies a new rule version (offline after 10 intervals) at once, and alarms record their rulesVersion', async () => {
    await t.registerDevice(waterDevice(MN.newRules));
    const registered = await registeredAt(MN.newRules);
    setClock(registered, 0);
    await t.service.sweeps.offline(); // the rules (version 1) are now cached for the sweeps
    const admin = t.staff(['admin']);
    const saved = await t.call('PUT', '/api/monitoring/rules', admin, { rules: { ...DEFAULT_ALARM_RULES, offline: { intervals: 10, tier: 'yellow' } }, note: '脱机判定放宽至 10 个周期' });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);

    setClock(registered, 200_000); // past 3 × 30 s, within 10 × 30 s
    await t.service.sweeps.offline();
    expect(await alarmsOf(MN.newRules)).toEqual([]);
    setClock(registered, 301_000);
    await t.service.sweeps.offline();
    expect(await alarmsOf(MN.newRules)).toEqual([expect.objectContaining({ status: 'open', rules_version: 2 })]);
    const opened = await eventually(async () => t.published.find((e) => e.type === 'AlarmOpened' && (e.data as { mn: string }).mn === MN.newRules));
    expect(opened.data).toMatchObject({ kind: 'offline', rulesVersion: 2 });
    expect((await t.call('GET', '/api/monitoring/rules', t.staff(['analyst']))).body.current).toMatchObject({ version: 2, rules: { offline: { intervals: 10 } } });
  });
});
