import { randomBytes } from 'node:crypto';
import { createTestDatabase, describeWithKafka, eventually, kafkaBrokers, type TestDatabase } from '@qingyuan/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Client as PgClient } from 'pg';
import { CANARY, CANARY_STRINGS, runClosedLoop } from './testing/closed-loop';
import { runEnforcementLoop } from './testing/enforcement-loop';
import { runJudicialLoop } from './testing/judicial-loop';
import { runMonitoringLoop } from './testing/monitoring-loop';
import { runRewardLoop } from './testing/reward-loop';
import { Client } from './testing/http-client';
import { startServiceProcess, stopServiceProcess, type ServiceProcess } from './testing/processes';

describeWithKafka('the first closed loop, distributed (a process per service, Kafka, two cases processes, rewards, enforcement, judicial bridge, monitoring and an HJ 212 gateway)', () => {
  const namespace = `dist-${randomBytes(4).toString('hex')}.`;
  let database: TestDatabase;
  const processes: ServiceProcess[] = [];
  let gateway: ServiceProcess;
  let hj212: ServiceProcess;
  let adminPassword: string;

  beforeAll(async () => {
    database = await createTestDatabase('distributed');
    const env = {
      DATABASE_URL: database.url,
      KAFKA_BROKERS: kafkaBrokers()!.join(','),
      KAFKA_TOPIC_PREFIX: namespace,
      QINGYUAN_AUTH_SECRET: randomBytes(32).toString('base64url'),
      QINGYUAN_MASTER_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'debug',
      QINGYUAN_RATE_LIMIT_REPORTS: '10000',
    };
    // Started together, as an operator's orchestrator would: migrations and topic creation must not collide.
    const started = await Promise.allSettled([
      startServiceProcess('intake', 'intake', env),
      startServiceProcess('cases-a', 'cases', env),
      startServiceProcess('cases-b', 'cases', env),
      startServiceProcess('rewards', 'rewards', env),
      startServiceProcess('enforcement', 'enforcement', env),
      startServiceProcess('judicial', 'judicial-bridge', env),
      startServiceProcess('monitoring', 'monitoring', env),
    ]);
    for (const s of started) if (s.status === 'fulfilled') processes.push(s.value);
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const [intake, casesA, , rewards, enforcement, judicial, monitoring] = processes;
    gateway = await startServiceProcess('gateway', 'gateway', {
      ...env, INTAKE_URL: intake.url, CASES_URL: casesA.url, REWARDS_URL: rewards.url, ENFORCEMENT_URL: enforcement.url, JUDICIAL_URL: judicial.url,
      MONITORING_URL: monitoring.url,
    });
    processes.push(gateway);
    // A stand-alone HJ 212 gateway: data loggers → Kafka (frames topic) → monitoring's ingest workers.
    hj212 = await startServiceProcess('hj212-gateway', 'monitoring', { ...env, HJ212_PORT: '0' }, 'gateway-main.js');
    processes.push(hj212);
    adminPassword = await eventually(async () => gateway.output.join('').match(/initial password: (\S+)/)?.[1], { what: 'the admin password' });
    let health: unknown;
    await eventually(async () => {
      const answer = await new Client(gateway.url).get('/health');
      health = answer.body;
      return answer.status === 200;
    }, { timeoutMs: 60000, what: 'platform health' }).catch((error) => {
      throw new Error(`${error.message}; last health: ${JSON.stringify(health)}`);
    });
  }, 120000);

  afterAll(async () => {
    await Promise.all(processes.map(stopServiceProcess));
    await database?.drop();
  });

  it('takes a public report to close-out through the gateway, over Kafka', async () => {
    const result = await runClosedLoop(gateway.url, adminPassword, 'dist');
    expect(result.stages).toEqual(['received', 'accepted', 'assigned', 'rectifying', 'verifying', 'closed']);
  }, 120000);

  it('pays a whistleblower reward after a close-out, the services talking over Kafka', async () => {
    const closed = await runClosedLoop(gateway.url, adminPassword, 'dist-reward', { violation: { confirmed: true, kinds: ['illegal-waste-disposal'] } });
    const rewardId = await runRewardLoop(gateway.url, adminPassword, 'dist', closed);
    expect(rewardId).toMatch(/^[0-9a-f-]{36}$/);
  }, 120000);

  it('turns an hourly exceedance sent to a stand-alone HJ 212 gateway into an alarm and a clue, through the frames topic and the monitoring workers', async () => {
    const port = Number(new URL(hj212.url).port);
    const result = await runMonitoringLoop(gateway.url, adminPassword, { host: '127.0.0.1', port }, 'dist');
    expect(result.clueId).toMatch(/^[0-9a-f-]{36}$/);
  }, 120000);

  it('turns a violation found in a 双随机 inspection into a problem and transfers it to the police, enforcement → intake → cases → judicial bridge → cases, enforcement over Kafka', async () => {
    const { problemId, enterpriseId } = await runEnforcementLoop(gateway.url, adminPassword, 'dist');
    // then the bridge transfers it to the police; cases and enforcement hear of it over Kafka
    expect(await runJudicialLoop(gateway.url, adminPassword, 'dist', problemId, enterpriseId)).toMatch(/^[0-9a-f-]{36}$/);
  }, 120000);

  it('shares the accepted clues between the two cases processes, opening each problem once', async () => {
    const admin = await new Client(gateway.url).signIn('admin', adminPassword);
    const publicClient = new Client(gateway.url);
    for (let i = 0; i < 24; i++) {
      const r = await publicClient.post('/api/intake/reports', {
        category: 'noise', description: `分摊测试 ${i}：夜间施工噪声扰民`, anonymous: true, location: { address: `江东街道 ${i} 号` },
      });
      expect(r.status).toBe(201);
    }
    const clues = (await admin.get('/api/intake/clues?status=received&limit=500')).body.filter((c: { description: string }) => c.description.startsWith('分摊测试'));
    expect(clues).toHaveLength(24);
    for (const c of clues) expect((await admin.post(`/api/intake/clues/${c.clueId}/accept`, {})).status).toBe(200);
    await eventually(async () => {
      const problems = (await admin.get('/api/cases/problems?limit=500')).body.items.filter((p: { description: string }) => p.description.startsWith('分摊测试'));
      return problems.length === 24;
    }, { timeoutMs: 60000, what: '24 problems' });

    const consumedBy = (p: ServiceProcess) => (p.output.join('').match(/"group":"cases.clue-accepted","type":"ClueAccepted"/g) ?? []).length;
    const [casesA, casesB] = processes.filter((p) => p.name.startsWith('cases'));
    expect(consumedBy(casesA)).toBeGreaterThan(0);
    expect(consumedBy(casesB)).toBeGreaterThan(0);
    const pg = new PgClient({ connectionString: database.url });
    await pg.connect();
    try {
      const opened = await pg.query(`SELECT count(*)::int AS n, count(DISTINCT stream_id)::int AS streams FROM cases.events WHERE event_type = 'ProblemOpened'`);
      expect(opened.rows[0].n).toBe(opened.rows[0].streams);
    } finally {
      await pg.end();
    }
  }, 120000);

  it('merges clues (并案) and opens one problem for both, over Kafka between processes', async () => {
    const admin = await new Client(gateway.url).signIn('admin', adminPassword);
    const publicClient = new Client(gateway.url);
    const sent: string[] = [];
    for (const [description, lat] of [['分布式并案：福田街道某厂排口冒黑水', 29.33], ['分布式并案：福田那个厂的排口在排黑水', 29.3301]] as const) {
      sent.push((await publicClient.post('/api/intake/reports', { category: 'water', description, anonymous: true, location: { lat, lng: 120.098 } })).body.receiptCode);
    }
    const list = (await admin.get('/api/intake/clues?limit=500')).body.filter((c: { description: string }) => c.description.startsWith('分布式并案'));
    const [primary, merged] = [list.find((c: { description: string }) => c.description.includes('某厂')), list.find((c: { description: string }) => c.description.includes('那个厂'))];
    expect((await admin.post(`/api/intake/clues/${merged.clueId}/merge`, { intoClueId: primary.clueId })).status).toBe(200);
    expect((await admin.post(`/api/intake/clues/${primary.clueId}/accept`, {})).status).toBe(200);
    const problemId = await eventually(async () => (await admin.get(`/api/intake/clues/${primary.clueId}`)).body.problemId as string | null, { timeoutMs: 60000, what: 'the problem' });
    await eventually(async () => (await admin.get(`/api/cases/problems/${problemId}`)).body.clueIds?.length === 2, { timeoutMs: 60000, what: 'both clues in the problem' });
    await eventually(async () => (await publicClient.get(`/api/intake/receipts/${sent[1]}`)).body.stage === 'accepted', { timeoutMs: 60000, what: 'the merged reporter sees the problem' });
  }, 120000);

  it('never puts the reporter identity into Kafka messages, events or the processes\' logs', async () => {
    const kafka = new Kafka({ brokers: kafkaBrokers()!, clientId: 'canary-reader', logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(namespace));
    const offsets = await Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic)));
    await admin.disconnect();
    const total = offsets.flat().reduce((sum, p) => sum + Number(p.high), 0);
    expect(topics).toEqual(expect.arrayContaining([`${namespace}qingyuan.intake.events`, `${namespace}qingyuan.cases.events`, `${namespace}qingyuan.rewards.events`, `${namespace}qingyuan.enforcement.events`]));

    const seen: string[] = [];
    const consumer = kafka.consumer({ groupId: `${namespace}canary-${randomBytes(3).toString('hex')}` });
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.entries(message.headers ?? {}).map(([k, v]) => `${k}=${v?.toString()}`).join(';');
        seen.push(`${message.key?.toString()}|${message.value?.toString()}|${headers}`);
      },
    });
    await eventually(async () => seen.length >= total, { timeoutMs: 60000, what: `all ${total} messages` });
    await consumer.disconnect();
    expect(seen.length).toBeGreaterThan(30);
    const everything = seen.join('\n') + processes.map((p) => p.output.join('')).join('\n');
    expect(everything).toContain('ClueAccepted');
    expect(everything).toContain('PayoutRecorded');
    for (const canary of CANARY_STRINGS) expect(everything).not.toContain(canary);

    const pg = new PgClient({ connectionString: database.url });
    await pg.connect();
    try {
      const stored = await pg.query(`SELECT string_agg(data::text || metadata::text, '') AS all FROM (SELECT data, metadata FROM intake.events UNION ALL SELECT data, metadata FROM cases.events UNION ALL SELECT data, metadata FROM rewards.events) e`);
      expect(stored.rows[0].all).not.toContain(CANARY.phone);
      expect(stored.rows[0].all).not.toContain(CANARY.name);
    } finally {
      await pg.end();
    }
  }, 120000);
});
