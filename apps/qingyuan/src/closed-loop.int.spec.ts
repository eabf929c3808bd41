import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InProcessEventBus } from '@qingyuan/messaging';
import { createTestDatabase, type TestDatabase } from '@qingyuan/testing';
import { setLogSink, type LogRecord } from '@qingyuan/telemetry';
import { Client as PgClient } from 'pg';
import { auditReplay, auditVerify } from './audit';
import { drawVerify } from './draw-verify';
import { startPlatform, type RunningPlatform } from './platform';
import { CANARY, CANARY_STRINGS, runClosedLoop } from './testing/closed-loop';
import { runEnforcementLoop } from './testing/enforcement-loop';
import { runJudicialLoop } from './testing/judicial-loop';
import { runMonitoringLoop } from './testing/monitoring-loop';
import { runRewardLoop } from './testing/reward-loop';
import { Client } from './testing/http-client';

describe('the first closed loop, embedded (one process, in-process bus)', () => {
  let database: TestDatabase;
  let platform: RunningPlatform;
  const logs: LogRecord[] = [];
  let restoreSink: ReturnType<typeof setLogSink>;

  beforeAll(async () => {
    restoreSink = setLogSink((record) => logs.push(record));
    database = await createTestDatabase('closed_loop');
    platform = await startPlatform({
      hj212Port: 0,
      databaseUrl: database.url,
      bus: new InProcessEventBus({ attempts: 3, initialDelayMs: 10, maxDelayMs: 50 }),
      secrets: { authSecret: randomBytes(32).toString('base64url'), masterKey: randomBytes(32).toString('base64') },
      port: 0,
      host: '127.0.0.1',
      rateLimits: { reportsPerMinute: 10_000, readsPerMinute: 10_000 },
    });
  });

  afterAll(async () => {
    await platform?.stop();
    await database?.drop();
    setLogSink(restoreSink);
  });

  it('takes a public report to close-out (销号), every step an event the reporter can follow', async () => {
    const result = await runClosedLoop(platform.gateway.url, platform.gateway.adminPassword!, 'embedded');
    expect(result.stages).toEqual(['received', 'accepted', 'assigned', 'rectifying', 'verifying', 'closed']);

    const lines: string[] = [];
    expect(await auditReplay(database.url, `problem-${result.problemId}`, (l) => lines.push(l))).toBe(true);
    expect(lines.join('\n')).toContain('ProblemClosed');
    expect(await auditVerify(database.url, () => undefined)).toBe(true);
  });

  it('pays the reporter a reward (举报奖励) after a close-out with a confirmed violation, reading the identity with a second approver', async () => {
    const closed = await runClosedLoop(platform.gateway.url, platform.gateway.adminPassword!, 'embedded-reward', { violation: { confirmed: true, kinds: ['evading-supervision'] } });
    const rewardId = await runRewardLoop(platform.gateway.url, platform.gateway.adminPassword!, 'embedded', closed);
    const lines: string[] = [];
    expect(await auditReplay(database.url, `reward-${rewardId}`, (l) => lines.push(l))).toBe(true);
    expect(lines.join('\n')).toContain('PayoutRecorded');
    expect(await auditVerify(database.url, () => undefined)).toBe(true);
  });

  it('keeps the reporter identity out of every event, log line and error, and only in the encrypted vault', async () => {
    const pg = new PgClient({ connectionString: database.url });
    await pg.connect();
    try {
      const events = await pg.query(
        `SELECT data::text || metadata::text AS content FROM intake.events UNION ALL
         SELECT data::text || metadata::text FROM cases.events UNION ALL
         SELECT data::text || metadata::text FROM rewards.events UNION ALL
         SELECT payload::text FROM intake.dead_letters UNION ALL SELECT payload::text FROM cases.dead_letters UNION ALL
         SELECT payload::text FROM rewards.dead_letters UNION ALL
         SELECT row_to_json(f)::text FROM rewards.clue_facts f UNION ALL SELECT detail::text FROM rewards.reward_view`,
      );
      expect(events.rows.length).toBeGreaterThan(5);
      expect(events.rows.map((r) => r.content).join()).toContain('PZ-embedded');
      const everything = events.rows.map((r) => r.content).join('\n') + JSON.stringify(logs);
      for (const canary of CANARY_STRINGS) expect(everything).not.toContain(canary);

      const vault = await pg.query('SELECT enc_identity FROM intake_vault.reporters');
      expect(vault.rows).toHaveLength(2);
      for (const row of vault.rows) expect(row.enc_identity.toString('latin1')).not.toContain(CANARY.phone);
      const views = await pg.query(`SELECT row_to_json(c)::text AS row FROM intake.clue_view c`);
      expect(views.rows.map((r) => r.row).join()).not.toContain(CANARY.phone);
    } finally {
      await pg.end();
    }
    expect(logs.length).toBeGreaterThan(0);
  });

  it('answers bad input with field-level Chinese and English messages and writes nothing', async () => {
    const pg = new PgClient({ connectionString: database.url });
    await pg.connect();
    const count = async () => Number((await pg.query('SELECT count(*) FROM intake.events')).rows[0].count);
    try {
      const before = await count();
      const client = new Client(platform.gateway.url);
      const bad = await client.post('/api/intake/reports', {
        category: 'smell',
        description: 'x',
        anonymous: 'yes',
        location: { lat: 123 },
        reporter: { name: CANARY.name, phone: 'not-a-phone' },
        sneaky: true,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
      const fields = bad.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['category', 'description', 'anonymous', 'location.lat', 'reporter.phone', 'sneaky']));
      for (const e of bad.body.errors) {
        expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(e.en).toMatch(/[a-z]/);
      }
      expect(JSON.stringify(bad.body)).not.toContain('not-a-phone');
      const noPlace = await client.post('/api/intake/reports', { category: 'air', description: '烟囱冒黑烟很久了', anonymous: true, location: {} });
      expect(noPlace.status).toBe(400);
      expect(noPlace.body.errors[0].field).toBe('location');
      const anonymousWithName = await client.post('/api/intake/reports', {
        category: 'air', description: '烟囱冒黑烟很久了', anonymous: true, location: { address: '北苑' }, reporter: CANARY,
      });
      expect(anonymousWithName.status).toBe(400);
      const notJson = await fetch(new URL('/api/intake/reports', platform.gateway.url), {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"category":',
      });
      expect(notJson.status).toBe(400);
      expect(await count()).toBe(before);
    } finally {
      await pg.end();
    }
  });

  it('turns a device’s hourly exceedance sent over TCP into a red alarm and a clue, then remote warning → site verification → supervision', async () => {
    const result = await runMonitoringLoop(platform.gateway.url, platform.gateway.adminPassword!, { host: '127.0.0.1', port: platform.monitoring.hj212Port! }, 'emb');
    expect(result.alarmId).toMatch(/^[0-9a-f-]{36}$/);
  }, 60000);

  it('draws, inspects and turns a violation found on site into a problem (enforcement → intake → cases), then transfers it to the police (judicial bridge → cases, enforcement)', async () => {
    const { drawId, problemId, enterpriseId } = await runEnforcementLoop(platform.gateway.url, platform.gateway.adminPassword!, 'embedded');
    // … and the problem goes on to the police as a suspected crime (行刑衔接), its progress fed back to cases and credit
    expect(await runJudicialLoop(platform.gateway.url, platform.gateway.adminPassword!, 'embedded', problemId, enterpriseId)).toMatch(/^[0-9a-f-]{36}$/);
    const lines: string[] = [];
    expect(await auditVerify(database.url, (l) => lines.push(l))).toBe(true);
    expect(lines.join('\n')).toMatch(/enforcement: \d+ streams/);
    expect(await drawVerify({ drawId, databaseUrl: database.url }, () => undefined)).toBe(true);
    // the record as published, checked offline; then with one candidate dropped
    const admin = await new Client(platform.gateway.url).signIn('admin', platform.gateway.adminPassword!);
    const record = (await admin.get(`/api/enforcement/draws/${drawId}/record`)).body;
    const dir = mkdtempSync(join(tmpdir(), 'draw-'));
    writeFileSync(join(dir, 'record.json'), JSON.stringify(record));
    writeFileSync(join(dir, 'changed.json'), JSON.stringify({ ...record, inputs: { ...record.inputs, candidates: record.inputs.candidates.slice(1) } }));
    const said: string[] = [];
    expect(await drawVerify({ file: join(dir, 'record.json') }, (l) => said.push(l))).toBe(true);
    expect(await drawVerify({ file: join(dir, 'changed.json') }, (l) => said.push(l))).toBe(false);
    expect(said.at(-1)).toContain('NOT verified: candidatesHash');
  });

  it('answers an unknown receipt code with the same 404 as a malformed one', async () => {
    const client = new Client(platform.gateway.url);
    const unknown = await client.get('/api/intake/receipts/0000-0000-0000-0000-0000');
    const malformed = await client.get('/api/intake/receipts/hello');
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(unknown.body).toEqual(malformed.body);
  });

  it('closes staff endpoints to the public', async () => {
    const client = new Client(platform.gateway.url);
    expect((await client.get('/api/intake/clues')).status).toBe(401);
    expect((await client.get('/api/cases/problems')).status).toBe(401);
    expect((await client.as('qy1.forged.token').get('/api/cases/problems')).status).toBe(401);
  });

  it('serves health, one merged OpenAPI document and the Swagger UI', async () => {
    const client = new Client(platform.gateway.url);
    const health = await client.get('/health');
    expect(health.status).toBe(200);
    expect(health.body.checks).toEqual({ 'gateway.database': 'ok', intake: 'ok', cases: 'ok', rewards: 'ok', enforcement: 'ok', judicial: 'ok', monitoring: 'ok' });
    const openapi = await client.get('/openapi.json');
    expect(Object.keys(openapi.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/sign-in', '/api/intake/reports', '/api/cases/problems/{problemId}/verification', '/api/rewards/cases/{rewardId}/payout', '/api/enforcement/draws/{drawId}/verification', '/api/judicial/transfers/{id}/filing', '/api/monitoring/alarms/{id}/supervision']),
    );
    expect(Object.keys(openapi.body.components.securitySchemes)).toEqual(expect.arrayContaining(['bearer', 'agency-api-key']));
    const ui = await fetch(new URL('/docs', platform.gateway.url));
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });
});
