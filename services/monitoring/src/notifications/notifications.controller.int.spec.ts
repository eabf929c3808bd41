import { randomBytes, randomUUID } from 'node:crypto';
import { Module, type INestApplication } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AUTH_SECRET, AuthGuard, signToken, type Role } from '@qingyuan/auth';
import { Db } from '@qingyuan/event-store';
import { openDatabase, startHttpService } from '@qingyuan/service-kit';
import { setLogSink } from '@qingyuan/telemetry';
import { createTestDatabase, type TestDatabase } from '@qingyuan/testing';
import type { DataSource } from 'typeorm';
import { MONITORING_MIGRATIONS } from '../migrations';
import { Notifications } from './notifications';
import { NotificationsController } from './notifications.controller';

@Module({})
class NotificationsTestModule {}

describe('notifications HTTP API: recipients (admin, analyst) and the delivery record of an alarm, on PostgreSQL', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let app: INestApplication;
  let url: string;
  let restoreSink: ReturnType<typeof setLogSink>;
  const secret = randomBytes(32).toString('base64url');
  const token = (roles: Role[], towns: string[] = []) => signToken({ userId: `user-${roles.join('+')}`, name: '测试', roles, towns, departments: [] }, secret, 3600);
  const analyst = token(['analyst']);

  async function call(method: string, path: string, who?: string, body?: unknown): Promise<{ status: number; body: any }> {
    const answer = await fetch(`${url}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(who ? { authorization: `Bearer ${who}` } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await answer.text();
    return { status: answer.status, body: text ? JSON.parse(text) : undefined };
  }
  const dingtalk = { audience: 'bureau', name: '分局值班群', channel: 'dingtalk', address: 'https://oapi.dingtalk.com/robot/send?access_token=tok', secret: 'SEC123', minTier: 'yellow', active: true };

  beforeAll(async () => {
    restoreSink = setLogSink(() => undefined);
    db = await createTestDatabase('monitoring_notify_http');
    dataSource = await openDatabase({ url: db.url, schema: 'monitoring', migrations: MONITORING_MIGRATIONS });
    const notifications = new Notifications(new Db(dataSource));
    const module = {
      module: NotificationsTestModule,
      controllers: [NotificationsController],
      providers: [{ provide: Notifications, useValue: notifications }, { provide: AUTH_SECRET, useValue: secret }, { provide: APP_GUARD, useClass: AuthGuard }],
    };
    ({ app, url } = await startHttpService(module, { name: 'monitoring-notifications-test', title: 'test', description: 'test', port: 0, swagger: false }));
  });
  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
    await db?.drop();
    setLogSink(restoreSink);
  });

  it('keeps recipients: the signing secret is stored but never shown, kept when an update omits it, removed with null', async () => {
    const added = await call('POST', '/api/monitoring/recipients', analyst, dingtalk);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ audience: 'bureau', name: '分局值班群', channel: 'dingtalk', hasSecret: true, minTier: 'yellow', active: true, createdBy: 'user-analyst' });
    expect(JSON.stringify(added.body)).not.toContain('SEC123');
    const id = added.body.recipientId;
    const sms = await call('POST', '/api/monitoring/recipients', token(['admin']), {
      audience: 'enterprise', enterpriseId: randomUUID(), name: '企业环保负责人', channel: 'sms', address: '138 0013-8000', minTier: 'blue', active: true,
    });
    expect(sms.body).toMatchObject({ address: '13800138000', hasSecret: false, createdBy: 'user-admin' });

    const renamed = await call('PUT', `/api/monitoring/recipients/${id}`, analyst, { ...dingtalk, secret: undefined, name: '分局应急群', minTier: 'orange' });
    expect(renamed.body).toMatchObject({ recipientId: id, name: '分局应急群', minTier: 'orange', hasSecret: true });
    expect((await call('PUT', `/api/monitoring/recipients/${id}`, analyst, { ...dingtalk, secret: null })).body.hasSecret).toBe(false);
    const [row] = await dataSource.query('SELECT secret FROM monitoring.notification_recipients WHERE recipient_id = $1', [id]);
    expect(row.secret).toBeNull();

    const list = await call('GET', '/api/monitoring/recipients', analyst);
    expect(list.body.map((r: { audience: string }) => r.audience)).toEqual(['bureau', 'enterprise']);
    expect((await call('GET', '/api/monitoring/recipients?audience=enterprise', analyst)).body).toHaveLength(1);
    expect((await call('GET', '/api/monitoring/recipients?audience=citizen', analyst)).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'audience' }] });

    expect((await call('DELETE', `/api/monitoring/recipients/${id}`, analyst)).status).toBe(204);
    const gone = await call('DELETE', `/api/monitoring/recipients/${id}`, analyst);
    expect(gone).toEqual({ status: 404, body: expect.objectContaining({ code: 'RECIPIENT_NOT_FOUND', zh: '接收人不存在', en: 'No such recipient' }) });
    expect((await call('PUT', `/api/monitoring/recipients/${randomUUID()}`, analyst, dingtalk)).status).toBe(404);
    expect((await call('PUT', '/api/monitoring/recipients/not-a-uuid', analyst, dingtalk)).body).toMatchObject({ statusCode: 400, errors: [{ field: 'id' }] });
  });

  it('refuses bad recipients with bilingual field errors and writes nothing', async () => {
    const before = (await dataSource.query('SELECT count(*)::int AS n FROM monitoring.notification_recipients'))[0].n;
    const wrong = await call('POST', '/api/monitoring/recipients', analyst, { ...dingtalk, audience: 'citizen', channel: 'fax', minTier: 'purple', colour: 'red' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'VALIDATION_FAILED', zh: '请求参数有误', en: 'The request is invalid' });
    const fields = wrong.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['audience', 'channel', 'minTier', 'colour']));
    expect(wrong.body.errors.find((e: { field: string }) => e.field === 'channel')).toEqual({
      field: 'channel', zh: 'channel：必须是以下值之一：dingtalk, wecom, sms, email', en: 'channel must be one of the following values: dingtalk, wecom, sms, email',
    });

    const mismatched = await call('POST', '/api/monitoring/recipients', analyst, {
      audience: 'enterprise', name: '某企业', channel: 'sms', address: 'https://example.com/hook', secret: 'SEC1', industry: '电镀', minTier: 'blue', active: true,
    });
    expect(mismatched.status).toBe(400);
    expect(mismatched.body.errors).toEqual([
      { field: 'address', zh: 'address：须为 11 位手机号码', en: 'address must be an 11-digit mainland mobile number' },
      { field: 'secret', zh: 'secret：仅钉钉机器人（加签）使用', en: 'secret is only for DingTalk robots (signing)' },
      { field: 'enterpriseId', zh: 'enterpriseId：企业联系人须指明企业', en: 'enterpriseId is required for an enterprise contact' },
      { field: 'industry', zh: 'industry：仅行业主管部门填写', en: 'industry is only for department recipients' },
    ]);
    const badMail = await call('POST', '/api/monitoring/recipients', analyst, { ...dingtalk, secret: undefined, channel: 'email', address: 'not-an-address' });
    expect(badMail.body.errors).toEqual([expect.objectContaining({ field: 'address', en: 'address must be an e-mail address' })]);
    expect((await dataSource.query('SELECT count(*)::int AS n FROM monitoring.notification_recipients'))[0].n).toBe(before);
  });

  it('lets only admins and analysts manage recipients', async () => {
    expect((await call('GET', '/api/monitoring/recipients')).body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    for (const role of ['town-officer', 'leader', 'department-officer'] as Role[]) {
      expect((await call('POST', '/api/monitoring/recipients', token([role]), dingtalk)).body).toMatchObject({ statusCode: 403, zh: '您没有执行此操作的权限' });
      expect((await call('GET', '/api/monitoring/recipients', token([role]))).status).toBe(403);
    }
  });

  it('shows what was sent about an alarm with masked addresses, to the reading roles, a town officer for their own towns only', async () => {
    const alarmId = randomUUID();
    await dataSource.query(
      `INSERT INTO monitoring.alarms (alarm_id, device_id, mn, enterprise_name, town_code, kind, tier, status, stage, summary, evidence, since, opened_at, rules_version, version)
       VALUES ($1, $2, '33078200000001', '义乌市某印染有限公司', '330782001', 'zero', 'yellow', 'open', 'alarm', '零值', '{"values":[]}', now(), now(), 1, 1)`,
      [alarmId, randomUUID()],
    );
    const kept = (await call('POST', '/api/monitoring/recipients', analyst, { ...dingtalk, name: '分局值班群', minTier: 'blue' })).body.recipientId;
    const delivery = (channel: string, address: string, recipientId: string, status: string, attempts: number, error: string | null, at: string) =>
      dataSource.query(
        `INSERT INTO monitoring.deliveries (delivery_id, alarm_id, event_id, event_type, recipient_id, channel, address, payload, status, attempts, next_attempt_at, last_error, sent_at, created_at)
         VALUES ($1, $2, $3, 'AlarmOpened', $4, $5, $6, '{"title":"【黄色】在线监控预警","text":"…"}', $7, $8, $9, $10, $11, $9)`,
        [randomUUID(), alarmId, randomUUID(), recipientId, channel, address, status, attempts, at, error, status === 'sent' ? at : null],
      );
    await delivery('dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=tok', kept, 'sent', 1, null, '2026-11-29T01:00:00Z');
    await delivery('sms', '13800138000', randomUUID(), 'failed', 8, 'HTTP 503: busy', '2026-11-29T01:00:01Z');
    await delivery('email', 'duty@example.gov.cn', randomUUID(), 'pending', 2, 'SMTP: timeout', '2026-11-29T01:00:02Z');

    const seen = await call('GET', `/api/monitoring/alarms/${alarmId}/deliveries`, token(['leader']));
    expect(seen.status).toBe(200);
    expect(seen.body.map((d: Record<string, unknown>) => [d.channel, d.address, d.recipientName, d.status, d.attempts, d.lastError])).toEqual([
      ['dingtalk', 'https://oapi.dingtalk.com/robot/send?…', '分局值班群', 'sent', 1, null],
      ['sms', '138****8000', null, 'failed', 8, 'HTTP 503: busy'],
      ['email', 'd***@example.gov.cn', null, 'pending', 2, 'SMTP: timeout'],
    ]);
    expect(seen.body[0]).toMatchObject({ eventType: 'AlarmOpened', audience: 'bureau', sentAt: '2026-11-29T01:00:00.000Z', payload: { title: '【黄色】在线监控预警' } });
    expect(seen.body[2].nextAttemptAt).toBe('2026-11-29T01:00:02.000Z');
    expect(JSON.stringify(seen.body)).not.toMatch(/access_token|13800138000|duty@/);

    expect((await call('GET', `/api/monitoring/alarms/${alarmId}/deliveries`, token(['town-officer'], ['330782001']))).body).toHaveLength(3);
    expect((await call('GET', `/api/monitoring/alarms/${alarmId}/deliveries`, token(['department-officer']))).status).toBe(200);
    const elsewhere = await call('GET', `/api/monitoring/alarms/${alarmId}/deliveries`, token(['town-officer'], ['330782002']));
    expect(elsewhere).toEqual({ status: 404, body: expect.objectContaining({ code: 'ALARM_NOT_FOUND', zh: '预警不存在', en: 'No such alarm' }) });
    expect((await call('GET', `/api/monitoring/alarms/${randomUUID()}/deliveries`, analyst)).status).toBe(404);
    expect((await call('GET', '/api/monitoring/alarms/nope/deliveries', analyst)).body).toMatchObject({ statusCode: 400, errors: [{ field: 'alarmId' }] });
    expect((await call('GET', `/api/monitoring/alarms/${alarmId}/deliveries`, token(['hotline-staff']))).status).toBe(403);
  });
});
