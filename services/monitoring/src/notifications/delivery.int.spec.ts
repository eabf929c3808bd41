import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AlarmOpened, MonitoringEvent } from '@qingyuan/contracts';
import { projectInline, type PgEventStore, type Projection } from '@qingyuan/event-store';
import { eventStoreOf, openDatabase } from '@qingyuan/service-kit';
import { createTestDatabase, type TestDatabase } from '@qingyuan/testing';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { MONITORING_MIGRATIONS } from '../migrations';
import { channelsFrom, type Channels } from './channels';
import { DEFAULT_RETRY, type NotificationConfig, type RetryConfig } from './config';
import { DeliveryWorker } from './delivery-worker';
import { createNotificationsProjection } from './notifications.projection';

interface Received { path: string; query: URLSearchParams; rawQuery: string; headers: IncomingHttpHeaders; body: any }

/** A real HTTP server standing in for DingTalk, WeCom and the SMS gateway: answers are scripted per path. */
class Receiver {
  readonly received: Received[] = [];
  private readonly scripts = new Map<string, Array<{ status: number; body: unknown }>>();
  private readonly always = new Map<string, { status: number; body: unknown }>();
  delayMs = 0;
  url = '';
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      this.received.push({ path: url.pathname, query: url.searchParams, rawQuery: url.search, headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      const answer = this.scripts.get(url.pathname)?.shift() ?? this.always.get(url.pathname) ?? { status: 200, body: url.pathname.startsWith('/sms') ? { accepted: true } : { errcode: 0, errmsg: 'ok' } };
      setTimeout(() => {
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
      }, this.delayMs);
    });
  });
  script(path: string, ...answers: Array<{ status: number; body: unknown }>) { this.scripts.set(path, answers); }
  fail(path: string, answer: { status: number; body: unknown }) { this.always.set(path, answer); }
  at(path: string) { return this.received.filter((r) => r.path === path); }
  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  stop() { return new Promise<void>((resolve) => this.server.close(() => resolve())); }
}

interface Mail { from: string; to: string[]; subject: string; text: string }

/** RFC 2047 words and quoted-printable or base64 bodies, as nodemailer writes them for Chinese text. */
function parseMail(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => headers.split('\r\n').find((h) => h.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? '';
  const words = (value: string) =>
    value.replace(/\?=\s+=\?/g, '?==?').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')));
  const qp = (value: string) => Buffer.from(value.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  const body = raw.slice(split + 4).replace(/\r\n\.\r\n$/, '');
  const encoding = header('content-transfer-encoding').toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : encoding === 'quoted-printable' ? qp(body) : body;
  return { subject: words(header('subject')), text: text.replace(/\r\n/g, '\n').trimEnd() };
}

const alarmsRows: Projection = {
  name: 'test-alarms',
  tables: [],
  async apply(tx, stored) {
    const event = { type: stored.type, data: stored.data } as MonitoringEvent;
    if (event.type !== 'AlarmOpened') return;
    const d = event.data;
    await tx.query(
      `INSERT INTO monitoring.alarms (alarm_id, device_id, mn, enterprise_id, enterprise_name, town_code, factor, kind, tier, status, stage, summary, evidence, since, opened_at, rules_version, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', 'alarm', $10, '{"values":[]}', $11, $12, 1, 1)`,
      [d.alarmId, d.deviceId, d.mn, d.enterpriseId ?? null, d.enterpriseName, d.townCode ?? null, d.factor ?? null, d.kind, d.tier, d.summary, d.since, stored.recordedAt],
    );
  },
};

describe('notification delivery over real sockets: DingTalk (signed), WeCom, SMS gateway, SMTP; retries, giving up, several workers', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: PgEventStore;
  const http = new Receiver();
  const mails: Mail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        mails.push({ from, to: session.envelope.rcptTo.map((r) => r.address), ...parseMail(Buffer.concat(chunks).toString('utf8')) });
        callback();
      });
    },
  });
  let config: NotificationConfig;
  let now = new Date();
  const clock = () => now;
  const retry: RetryConfig = { ...DEFAULT_RETRY, maxAttempts: 3, baseDelayMs: 30_000, maxDelayMs: 3600_000, batchSize: 5, leaseMs: 60_000 };

  const sql = async <R = any>(text: string, params: unknown[] = []) => (await dataSource.query(text, params)) as R[];
  /** Only these recipients are active for the next alarm. */
  const recipients = async (...list: Array<{ name: string; channel: string; address: string; secret?: string }>) => {
    await sql('UPDATE monitoring.notification_recipients SET active = false');
    const ids: Record<string, string> = {};
    for (const r of list) {
      ids[r.name] = randomUUID();
      await sql(`INSERT INTO monitoring.notification_recipients (recipient_id, audience, name, channel, address, secret, min_tier, active, created_by, created_at, updated_by, updated_at)
                 VALUES ($1, 'bureau', $2, $3, $4, $5, 'blue', true, 'test', now(), 'test', now())`, [ids[r.name], r.name, r.channel, r.address, r.secret ?? null]);
    }
    return ids;
  };
  let serial = 0;
  const openAlarm = async (): Promise<AlarmOpened> => {
    const alarm: AlarmOpened = {
      alarmId: randomUUID(), deviceId: randomUUID(), mn: '33078200000001', enterpriseName: '义乌市某印染有限公司', factor: `w01018-${(serial += 1)}`, kind: 'exceedance-hour', tier: 'red',
      summary: 'COD 小时均值 250 mg/L，超标 2.5 倍 / COD hourly average 250 mg/L, 2.5 × the limit', evidence: { values: [] }, rulesVersion: 1, since: '2026-11-29T00:00:00Z',
    };
    await store.append(`alarm-${alarm.alarmId}`, 'no-stream', [{ type: 'AlarmOpened', data: alarm }], { actor: { kind: 'system' }, correlationId: randomUUID(), occurredAt: new Date().toISOString() });
    now = new Date(Date.now() + 1000); // the worker's clock, moved by hand from here on
    return alarm;
  };
  const deliveries = (alarmId: string) =>
    sql<{ name: string; status: string; attempts: number; last_error: string | null; next_attempt_at: Date | null; sent_at: Date | null; payload: { title: string; text: string } }>(
      `SELECT r.name, d.status, d.attempts, d.last_error, d.next_attempt_at, d.sent_at, d.payload FROM monitoring.deliveries d
         JOIN monitoring.notification_recipients r USING (recipient_id) WHERE d.alarm_id = $1 ORDER BY r.name`, [alarmId]);
  const worker = (channels: Channels = channelsFrom(config)) => new DeliveryWorker(store.db, channels, retry, clock);
  const later = (ms: number) => { now = new Date(now.getTime() + ms); };

  beforeAll(async () => {
    db = await createTestDatabase('monitoring_notify_delivery');
    dataSource = await openDatabase({ url: db.url, schema: 'monitoring', migrations: MONITORING_MIGRATIONS });
    store = eventStoreOf(dataSource, 'monitoring');
    projectInline(store, [alarmsRows, createNotificationsProjection({ publicUrl: () => 'https://qy.example.gov.cn' })]);
    await http.start();
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    config = {
      publicUrl: 'https://qy.example.gov.cn',
      smtp: { host: '127.0.0.1', port: (smtp.server.address() as AddressInfo).port, secure: false, from: 'qingyuan@example.gov.cn' },
      sms: { url: `${http.url}/sms/send`, apiKey: 'key-123', keyHeader: 'X-Api-Key' },
      timeoutMs: 5000,
      retry,
    };
  });
  afterAll(async () => {
    await http.stop();
    await new Promise<void>((resolve) => smtp.close(resolve));
    await dataSource?.destroy();
    await db?.drop();
  });

  it('an alarm reaches a signed DingTalk robot, a WeCom robot, the SMS gateway and a mailbox, each in its own exact format', async () => {
    const secret = 'SEC0123456789abcdef+/=';
    await recipients(
      { name: 'a-dingtalk', channel: 'dingtalk', address: `${http.url}/dingtalk/robot/send?access_token=tok-1`, secret },
      { name: 'b-wecom', channel: 'wecom', address: `${http.url}/wecom/cgi-bin/webhook/send?key=key-1` },
      { name: 'c-sms', channel: 'sms', address: '13800138000' },
      { name: 'd-email', channel: 'email', address: 'duty@example.gov.cn' },
    );
    const alarm = await openAlarm();
    expect(await worker().tick()).toEqual({ sent: 4, retrying: 0, failed: 0 });
    const [ding, wecom, sms, email] = await deliveries(alarm.alarmId);
    expect([ding, wecom, sms, email].map((d) => [d.status, d.attempts, d.last_error, d.next_attempt_at])).toEqual(Array(4).fill(['sent', 1, null, null]));
    expect(ding.sent_at?.getTime()).toBe(now.getTime());

    const [d] = http.at('/dingtalk/robot/send');
    expect(d.body).toEqual({ msgtype: 'markdown', markdown: { title: ding.payload.title, text: ding.payload.text } });
    expect(d.headers['content-type']).toContain('application/json');
    expect(d.query.get('access_token')).toBe('tok-1');
    const timestamp = Number(d.query.get('timestamp'));
    expect(Math.abs(timestamp - Date.now())).toBeLessThan(60_000); // DingTalk refuses more than an hour off
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    expect(d.query.get('sign')).toBe(expected);
    expect(d.rawQuery).toMatch(/&sign=[A-Za-z0-9%]+$/); // base64's + / = are URL-encoded
    expect(d.body.markdown.title).toBe('【红色】在线监控预警 / Monitoring alarm：义乌市某印染有限公司');
    for (const part of ['### 【红色】', '- **企业 / Enterprise**：义乌市某印染有限公司', '- **数采仪 MN / Data logger MN**：33078200000001', '红色 / Red', '小时均值超标 / Hourly average above the limit',
      'COD 小时均值 250 mg/L', '2026-11-29 08:00（北京时间 / Beijing time）', `[在控制台查看 / Open in the console](https://qy.example.gov.cn/console/monitoring/alarms/${alarm.alarmId})`]) {
      expect(d.body.markdown.text).toContain(part);
    }

    const [w] = http.at('/wecom/cgi-bin/webhook/send');
    expect(w.query.get('key')).toBe('key-1');
    expect(w.body).toEqual({ msgtype: 'markdown', markdown: { content: wecom.payload.text } });

    const [s] = http.at('/sms/send');
    expect(s.headers['x-api-key']).toBe('key-123');
    expect(s.body).toEqual({ phone: '13800138000', text: sms.payload.text });
    expect(s.body.text.split('\n')[0]).toBe('【红色】在线监控预警 / Monitoring alarm：义乌市某印染有限公司');
    expect(s.body.text).not.toContain('**');

    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ from: 'qingyuan@example.gov.cn', to: ['duty@example.gov.cn'], subject: email.payload.title });
    expect(mails[0].text).toBe(email.payload.text);
    expect(mails[0].text).toContain(`控制台 / Console：https://qy.example.gov.cn/console/monitoring/alarms/${alarm.alarmId}`);
  });

  it('retries with backoff: HTTP 500, then errcode 310000, then accepted → one sent delivery with 3 attempts', async () => {
    await recipients({ name: 'flaky', channel: 'dingtalk', address: `${http.url}/flaky/robot/send?access_token=f` });
    http.script('/flaky/robot/send', { status: 500, body: 'busy' }, { status: 200, body: { errcode: 310000, errmsg: 'sign not match' } });
    const alarm = await openAlarm();
    const w = worker();
    expect(await w.tick()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let [row] = await deliveries(alarm.alarmId);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 500: busy' });
    expect(row.next_attempt_at!.getTime() - now.getTime()).toBe(30_000);

    later(29_000);
    expect(await w.tick()).toEqual({ sent: 0, retrying: 0, failed: 0 }); // not due yet
    later(1_000);
    expect(await w.tick()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    [row] = await deliveries(alarm.alarmId);
    expect(row).toMatchObject({ status: 'pending', attempts: 2, last_error: 'DingTalk errcode 310000: sign not match' });
    expect(row.next_attempt_at!.getTime() - now.getTime()).toBe(60_000); // doubled

    later(60_000);
    expect(await w.tick()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    [row] = await deliveries(alarm.alarmId);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, last_error: null, next_attempt_at: null });
    expect(http.at('/flaky/robot/send')).toHaveLength(3);
    later(3600_000);
    expect(await w.tick()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(http.at('/flaky/robot/send')).toHaveLength(3);
  });

  it('gives up after the maximum attempts and keeps the error; an unconfigured channel and a removed recipient fail too', async () => {
    const ids = await recipients(
      { name: 'a-wecom-broken', channel: 'wecom', address: `${http.url}/broken/cgi-bin/webhook/send?key=x` },
      { name: 'b-sms-down', channel: 'sms', address: '13900139000' },
      { name: 'c-email-unconfigured', channel: 'email', address: 'nobody@example.gov.cn' },
      { name: 'd-removed', channel: 'dingtalk', address: `${http.url}/removed/robot/send` },
    );
    http.fail('/broken/cgi-bin/webhook/send', { status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } });
    http.fail('/sms-down', { status: 401, body: { error: 'bad key' } });
    const alarm = await openAlarm();
    await sql('DELETE FROM monitoring.notification_recipients WHERE recipient_id = $1', [ids['d-removed']]);
    const w = worker(channelsFrom({ ...config, smtp: undefined, sms: { url: `${http.url}/sms-down`, keyHeader: 'X-Api-Key' } }));
    expect(await w.tick()).toEqual({ sent: 0, retrying: 3, failed: 1 });
    later(30_000);
    expect(await w.tick()).toEqual({ sent: 0, retrying: 3, failed: 0 });
    later(60_000);
    expect(await w.tick()).toEqual({ sent: 0, retrying: 0, failed: 3 });
    later(24 * 3600_000);
    expect(await w.tick()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const rows = await sql<{ recipient_id: string; status: string; attempts: number; last_error: string; next_attempt_at: Date | null }>(
      'SELECT recipient_id, status, attempts, last_error, next_attempt_at FROM monitoring.deliveries WHERE alarm_id = $1', [alarm.alarmId]);
    const byRecipient = Object.fromEntries(rows.map((r) => [Object.keys(ids).find((k) => ids[k] === r.recipient_id), r]));
    expect(byRecipient['a-wecom-broken']).toMatchObject({ status: 'failed', attempts: 3, last_error: 'WeCom errcode 93000: invalid webhook url', next_attempt_at: null });
    expect(byRecipient['b-sms-down']).toMatchObject({ status: 'failed', attempts: 3, last_error: 'HTTP 401: {"error":"bad key"}' });
    expect(byRecipient['c-email-unconfigured']).toMatchObject({ status: 'failed', attempts: 3, last_error: 'e-mail is not configured (SMTP_URL or SMTP_HOST)' });
    expect(byRecipient['d-removed']).toMatchObject({ status: 'failed', attempts: 0, last_error: expect.stringContaining('recipient removed') });
    expect(http.at('/broken/cgi-bin/webhook/send')).toHaveLength(3);
    expect(http.at('/sms-down')).toHaveLength(3);
    expect(http.at('/removed/robot/send')).toHaveLength(0);
  });

  it('two workers (two processes) share the due deliveries and send each exactly once', async () => {
    await recipients(
      { name: 'r1', channel: 'dingtalk', address: `${http.url}/r1/robot/send` },
      { name: 'r2', channel: 'wecom', address: `${http.url}/r2/webhook/send` },
      { name: 'r3', channel: 'dingtalk', address: `${http.url}/r3/robot/send` },
    );
    const alarms = [await openAlarm(), await openAlarm(), await openAlarm(), await openAlarm()];
    const second = await openDatabase({ url: db.url, schema: 'monitoring', migrations: MONITORING_MIGRATIONS });
    try {
      http.delayMs = 200; // both workers are busy at once
      const other = new DeliveryWorker(eventStoreOf(second, 'monitoring').db, channelsFrom(config), retry, clock);
      const [a, b] = await Promise.all([worker().tick(), other.tick()]);
      expect(a.sent + b.sent).toBe(12);
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
    } finally {
      http.delayMs = 0;
      await second.destroy();
    }
    const requests = ['/r1/robot/send', '/r2/webhook/send', '/r3/robot/send'].flatMap((path) =>
      http.at(path).map((r) => `${path} ${JSON.stringify(r.body).match(/alarms\/([0-9a-f-]{36})/)![1]}`));
    expect(requests).toHaveLength(12);
    expect(new Set(requests).size).toBe(12);
    for (const alarm of alarms) expect((await deliveries(alarm.alarmId)).map((d) => [d.status, d.attempts])).toEqual(Array(3).fill(['sent', 1]));
  });

  it('loses nothing when a process dies: the delivery committed with the event is sent by another process once the claim lapses', async () => {
    await recipients({ name: 'duty', channel: 'dingtalk', address: `${http.url}/duty/robot/send` });
    const alarm = await openAlarm();
    // a process that claims the delivery and then hangs for ever (as if killed while the robot was answering)
    let sending!: () => void;
    const inSend = new Promise<void>((resolve) => (sending = resolve));
    const hung: Channels = { ...channelsFrom(config), dingtalk: { send: () => (sending(), new Promise<void>(() => undefined)) } };
    void worker(hung).tick();
    await inSend;
    expect(await worker().tick()).toEqual({ sent: 0, retrying: 0, failed: 0 }); // claimed: another worker leaves it
    later(retry.leaseMs);
    const fresh = await openDatabase({ url: db.url, schema: 'monitoring', migrations: MONITORING_MIGRATIONS });
    try {
      expect(await new DeliveryWorker(eventStoreOf(fresh, 'monitoring').db, channelsFrom(config), retry, clock).tick()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    } finally {
      await fresh.destroy();
    }
    expect((await deliveries(alarm.alarmId)).map((d) => [d.status, d.attempts])).toEqual([['sent', 1]]);
    expect(http.at('/duty/robot/send')).toHaveLength(1);
  });
});
