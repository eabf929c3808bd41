import { randomUUID } from 'node:crypto';
import type { AlarmOpened, MonitoringEvent } from '@qingyuan/contracts';
import { projectInline, rebuildProjection, type PgEventStore, type Projection, type StoredEvent } from '@qingyuan/event-store';
import { eventStoreOf, openDatabase } from '@qingyuan/service-kit';
import { createTestDatabase, type TestDatabase } from '@qingyuan/testing';
import type { DataSource } from 'typeorm';
import { MONITORING_MIGRATIONS } from '../migrations';
import { createNotificationsProjection } from './notifications.projection';

/** Stands in for the service's alarms projection (registered before notifications), writing only what routing reads. */
const alarmsRows: Projection = {
  name: 'test-alarms',
  tables: [],
  async apply(tx, stored) {
    const event = { type: stored.type, data: stored.data } as MonitoringEvent;
    if (event.type === 'AlarmOpened') {
      const d = event.data;
      await tx.query(
        `INSERT INTO monitoring.alarms (alarm_id, device_id, mn, enterprise_id, enterprise_name, town_code, factor, kind, tier, status, stage, summary, evidence, since, opened_at, rules_version, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', 'alarm', $10, '{"values":[]}', $11, $12, 1, 1)`,
        [d.alarmId, d.deviceId, d.mn, d.enterpriseId ?? null, d.enterpriseName, d.townCode ?? null, d.factor ?? null, d.kind, d.tier, d.summary, d.since, stored.recordedAt],
      );
    } else if (event.type === 'AlarmEscalated') {
      await tx.query('UPDATE monitoring.alarms SET tier = $2, summary = $3 WHERE alarm_id = $1', [event.data.alarmId, event.data.to, event.data.summary]);
    }
  },
};

const META = { actor: { kind: 'system' as const, id: 'monitoring' }, correlationId: randomUUID(), occurredAt: '2026-11-29T01:00:00Z' };
const E1 = randomUUID(); // 纺织印染, in the registry
const E2 = randomUUID(); // 电镀, in the registry
const D1 = randomUUID();
const D2 = randomUUID();
const D3 = randomUUID(); // a device whose enterprise is not (yet) in the registry: industry from the device

describe('notifications projection: who is told about which alarm event (routing, replay, outbox in the append transaction)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: PgEventStore;
  const projection = createNotificationsProjection({ publicUrl: () => 'https://qy.example.gov.cn' });
  const ids: Record<string, string> = {};
  let serial = 0;

  const sql = async <R = Record<string, unknown>>(text: string, params: unknown[] = []) => (await dataSource.query(text, params)) as R[];
  const append = (alarmId: string, event: MonitoringEvent) => store.append(`alarm-${alarmId}`, 'any', [event], META);
  const opened = (over: Partial<AlarmOpened>): AlarmOpened => ({
    alarmId: randomUUID(), deviceId: D1, mn: '33078200000001', enterpriseId: E1, enterpriseName: '义乌市某印染有限公司', townCode: '330782001', factor: `w01018-${(serial += 1)}`, // one open alarm per device, factor and kind
    kind: 'exceedance-hour', tier: 'orange', summary: 'COD 小时均值 150 mg/L，超标 1.5 倍 / COD hourly average 150 mg/L, 1.5 × the limit',
    evidence: { values: [] }, rulesVersion: 1, since: '2026-11-29T00:00:00Z', ...over,
  });
  /** names of the recipients of an event's deliveries, sorted */
  const toldAbout = async (eventId: string) =>
    (await sql<{ name: string }>('SELECT r.name FROM monitoring.deliveries d JOIN monitoring.notification_recipients r USING (recipient_id) WHERE d.event_id = $1', [eventId])).map((r) => r.name).sort();
  const payloadFor = async (eventId: string, name: string) =>
    (await sql<{ payload: { title: string; text: string } }>(
      'SELECT d.payload FROM monitoring.deliveries d JOIN monitoring.notification_recipients r USING (recipient_id) WHERE d.event_id = $1 AND r.name = $2', [eventId, name],
    ))[0]?.payload;

  beforeAll(async () => {
    db = await createTestDatabase('monitoring_notify_routing');
    dataSource = await openDatabase({ url: db.url, schema: 'monitoring', migrations: MONITORING_MIGRATIONS });
    store = eventStoreOf(dataSource, 'monitoring');
    projectInline(store, [alarmsRows, projection]);
    await sql(`INSERT INTO monitoring.enterprises (enterprise_id, name, uscc, industry, key_polluter, outlets, updated_at) VALUES
      ($1, '义乌市某印染有限公司', '91330782MA28C00011', '纺织印染', true, '[]', now()), ($2, '义乌市某电镀有限公司', '91330782MA28C00022', '电镀', false, '[]', now())`, [E1, E2]);
    const device = (id: string, mn: string, enterpriseId: string | null, data: object) =>
      sql(`INSERT INTO monitoring.devices (device_id, mn, data, enterprise_id, enterprise_name, active, registered_at, updated_at, version)
           VALUES ($1, $2, $3::jsonb, $4, '某企业', true, now(), now(), 1)`, [id, mn, JSON.stringify(data), enterpriseId]);
    await device(D1, '33078200000001', E1, { outletCode: 'DW001', outletName: '废水总排口', industry: '不应使用' });
    await device(D2, '33078200000002', E2, { outletCode: 'DA001' });
    await device(D3, '33078200000003', null, { outletCode: 'DW009', industry: '电镀' });
    const recipients: Array<[string, string, string | null, string | null, string, string, string, boolean]> = [
      ['bureau-all', 'bureau', null, null, 'dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=a', 'blue', true],
      ['bureau-red-only', 'bureau', null, null, 'wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=b', 'red', true],
      ['bureau-inactive', 'bureau', null, null, 'email', 'duty@example.gov.cn', 'blue', false],
      ['dept-textile', 'department', ' 纺织印染 ', null, 'email', 'textile@example.gov.cn', 'blue', true],
      ['dept-plating', 'department', '电镀', null, 'sms', '13800000001', 'blue', true],
      ['dept-all-yellow+', 'department', null, null, 'wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=c', 'yellow', true],
      ['ent-e1', 'enterprise', null, E1, 'sms', '13900000001', 'yellow', true],
      ['ent-e2-orange+', 'enterprise', null, E2, 'email', 'boss@plating.example.com', 'orange', true],
    ];
    for (const [name, audience, industry, enterpriseId, channel, address, minTier, active] of recipients) {
      ids[name] = randomUUID();
      await sql(`INSERT INTO monitoring.notification_recipients (recipient_id, audience, industry, enterprise_id, name, channel, address, min_tier, active, created_by, created_at, updated_by, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'test', now(), 'test', now())`, [ids[name], audience, industry, enterpriseId, name, channel, address, minTier, active]);
    }
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('an orange alarm of a textile enterprise: the bureau below red, textile and all-industry departments, the enterprise’s own contact', async () => {
    const alarm = opened({});
    const { events } = await append(alarm.alarmId, { type: 'AlarmOpened', data: alarm });
    expect(await toldAbout(events[0].eventId)).toEqual(['bureau-all', 'dept-all-yellow+', 'dept-textile', 'ent-e1']);
    const rows = await sql<{ status: string; attempts: number; channel: string; address: string; event_type: string; alarm_id: string }>(
      'SELECT status, attempts, channel, address, event_type, alarm_id FROM monitoring.deliveries WHERE event_id = $1 ORDER BY channel', [events[0].eventId]);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.status === 'pending' && r.attempts === 0 && r.event_type === 'AlarmOpened' && r.alarm_id === alarm.alarmId)).toBe(true);
    expect(rows.map((r) => [r.channel, r.address])).toContainEqual(['sms', '13900000001']);

    const staff = await payloadFor(events[0].eventId, 'bureau-all');
    expect(staff.title).toBe('【橙色】在线监控预警 / Monitoring alarm：义乌市某印染有限公司');
    for (const part of ['33078200000001', 'DW001 废水总排口', '橙色 / Orange', '小时均值超标 / Hourly average above the limit', 'COD 小时均值 150 mg/L', '2026-11-29 08:00（北京时间 / Beijing time）']) {
      expect(staff.text).toContain(part);
    }
    expect(staff.text).toContain(`(https://qy.example.gov.cn/console/monitoring/alarms/${alarm.alarmId})`);
    expect(staff.text.indexOf('企业 / Enterprise')).toBeLessThan(staff.text.indexOf('数采仪 MN'));
    // the enterprise gets plain text for SMS and no console link (it has no console account)
    const own = await payloadFor(events[0].eventId, 'ent-e1');
    expect(own.text).not.toContain('/console/');
    expect(own.text).not.toContain('**');
    expect(own.text).toContain('概要 / Summary：COD 小时均值 150 mg/L');
  });

  it('an escalation to red reaches the red-only bureau group too, and says from which tier', async () => {
    const alarm = opened({ tier: 'orange' });
    await append(alarm.alarmId, { type: 'AlarmOpened', data: alarm });
    const { events } = await append(alarm.alarmId, { type: 'AlarmEscalated', data: { alarmId: alarm.alarmId, from: 'orange', to: 'red', reason: 'unacknowledged', summary: '4 小时未确认 / not acknowledged for 4 h' } });
    expect(await toldAbout(events[0].eventId)).toEqual(['bureau-all', 'bureau-red-only', 'dept-all-yellow+', 'dept-textile', 'ent-e1']);
    const wecom = await payloadFor(events[0].eventId, 'bureau-red-only');
    expect(wecom.title).toBe('【红色】预警升级 / Alarm escalated：义乌市某印染有限公司');
    expect(wecom.text).toContain('橙色 → 红色（超时未确认）/ Orange → Red (not acknowledged in time)');
    expect(wecom.text).toContain('4 小时未确认');
  });

  it('routes departments by the registry’s industry, or the device’s when the enterprise is not registered; a blue alarm stays below the yellow-and-up groups', async () => {
    const plating = opened({ deviceId: D2, mn: '33078200000002', enterpriseId: E2, enterpriseName: '义乌市某电镀有限公司', tier: 'blue', kind: 'device-flag' });
    const a = await append(plating.alarmId, { type: 'AlarmOpened', data: plating });
    expect(await toldAbout(a.events[0].eventId)).toEqual(['bureau-all', 'dept-plating']);
    const unregistered = opened({ deviceId: D3, mn: '33078200000003', enterpriseId: undefined, enterpriseName: '某未登记企业', tier: 'yellow', kind: 'constant' });
    const b = await append(unregistered.alarmId, { type: 'AlarmOpened', data: unregistered });
    expect(await toldAbout(b.events[0].eventId)).toEqual(['bureau-all', 'dept-all-yellow+', 'dept-plating']);
  });

  it('a remote warning goes to the enterprise whatever its minimum tier; verification and supervision go to the bureau and departments only', async () => {
    const alarm = opened({ deviceId: D2, mn: '33078200000002', enterpriseId: E2, enterpriseName: '义乌市某电镀有限公司', tier: 'yellow', kind: 'zero' });
    const a = await append(alarm.alarmId, { type: 'AlarmOpened', data: alarm });
    expect(await toldAbout(a.events[0].eventId)).toEqual(['bureau-all', 'dept-all-yellow+', 'dept-plating']);
    const warning = await append(alarm.alarmId, { type: 'RemoteWarningIssued', data: { alarmId: alarm.alarmId, message: '请于 24 小时内说明零值原因', replyDueAt: '2026-11-30T02:00:00Z' } });
    expect(await toldAbout(warning.events[0].eventId)).toEqual(['ent-e2-orange+']);
    const mail = await payloadFor(warning.events[0].eventId, 'ent-e2-orange+');
    expect(mail.title).toBe('【黄色】远程预警：请核查并说明 / Remote warning: check and explain：义乌市某电镀有限公司');
    expect(mail.text).toContain('预警内容 / Warning：请于 24 小时内说明零值原因');
    expect(mail.text).toContain('说明期限 / Reply by：2026-11-30 10:00（北京时间 / Beijing time）');

    const task = await append(alarm.alarmId, { type: 'SiteVerificationAssigned', data: { alarmId: alarm.alarmId, taskId: randomUUID(), assigneeName: '张三', dueAt: '2026-12-01T00:00:00Z' } });
    expect(await toldAbout(task.events[0].eventId)).toEqual(['bureau-all', 'dept-all-yellow+', 'dept-plating']);
    expect((await payloadFor(task.events[0].eventId, 'bureau-all')).text).not.toContain('张三');
    const order = await append(alarm.alarmId, { type: 'SupervisionOrdered', data: { alarmId: alarm.alarmId, department: '市经信局', requirement: '限期整改', dueAt: '2026-12-10T00:00:00Z' } });
    expect(await toldAbout(order.events[0].eventId)).toEqual(['bureau-all', 'dept-all-yellow+', 'dept-plating']);
    expect((await payloadFor(order.events[0].eventId, 'dept-plating')).text).toContain('督办要求 / Requirement：限期整改');
    // acknowledgements and closures are the bureau's own work: nobody is messaged
    const ack = await append(alarm.alarmId, { type: 'AlarmAcknowledged', data: { alarmId: alarm.alarmId } });
    expect(await toldAbout(ack.events[0].eventId)).toEqual([]);
  });

  it('a replayed event adds nothing; a rebuild leaves the record alone; an event older than an hour (a late rebuild) pages no one', async () => {
    const count = async () => Number((await sql<{ n: string }>('SELECT count(*) AS n FROM monitoring.deliveries'))[0].n);
    const before = await count();
    const all = await store.readFrom(0n, 1000);
    await store.db.transaction(async (tx) => {
      for (const event of all) await projection.apply(tx, event);
    });
    expect(await count()).toBe(before);
    expect(await rebuildProjection(store, projection)).toBe(all.length);
    expect(await count()).toBe(before);

    // a new recipient added since: replaying last month's alarms must not message them
    await sql(`INSERT INTO monitoring.notification_recipients (recipient_id, audience, name, channel, address, min_tier, active, created_by, created_at, updated_by, updated_at)
               VALUES ($1, 'bureau', 'bureau-new', 'email', 'new@example.gov.cn', 'blue', true, 'test', now(), 'test', now())`, [randomUUID()]);
    const later = createNotificationsProjection({ clock: () => Date.now() + 2 * 3600_000 });
    await store.db.transaction(async (tx) => {
      for (const event of all) await later.apply(tx, event);
    });
    expect(await count()).toBe(before);
    // while the same replay within the hour would have told the new group: the guard above is what held
    const opening = all.find((e) => e.type === 'AlarmOpened') as StoredEvent;
    await store.db.transaction((tx) => projection.apply(tx, opening));
    expect(await count()).toBe(before + 1);
  });

  it('the deliveries commit with the event or not at all: a failed append leaves no delivery behind', async () => {
    const failing = eventStoreOf(dataSource, 'monitoring');
    projectInline(failing, [alarmsRows, projection, { name: 'boom', tables: [], apply: async () => Promise.reject(new Error('boom')) }]);
    const alarm = opened({ tier: 'red' });
    await expect(failing.append(`alarm-${alarm.alarmId}`, 'no-stream', [{ type: 'AlarmOpened', data: alarm }], META)).rejects.toThrow('boom');
    expect(await sql('SELECT 1 FROM monitoring.deliveries WHERE alarm_id = $1', [alarm.alarmId])).toEqual([]);
    expect(await sql('SELECT 1 FROM monitoring.alarms WHERE alarm_id = $1', [alarm.alarmId])).toEqual([]);
  });
});
