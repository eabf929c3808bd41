import { resolve, join } from 'node:path';
import { InProcessEventBus, type EventBus } from '@qingyuan/messaging';
import { brokersFromEnv, kafkaBusFromEnv, listFromEnv, numberFromEnv, onShutdown, portFromEnv } from '@qingyuan/service-kit';
import { DEFAULT_RATE_LIMITS } from '@qingyuan/gateway-service';
import { UserDirectory } from '@qingyuan/gateway-service';
import { Db } from '@qingyuan/event-store';
import { startTelemetry } from '@qingyuan/telemetry';
import { DataSource } from 'typeorm';
import { auditReplay, auditVerify } from './audit';
import { drawVerify } from './draw-verify';
import { hj212Decode } from './hj212-decode';
import { demoUscc, seedDemo } from './demo';
import { startDemoLoggers } from './demo-monitoring';
import { simulate } from './simulate';
import { DATABASE_NAME, runningPort, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';
import { startPlatform } from './platform';
import { hj212ModeFromEnv } from '@qingyuan/monitoring-service';
import { loadSecrets } from './secrets';

const USAGE = `清源 Qingyuan

  qingyuan start                          run the whole platform in this process (embedded PostgreSQL unless DATABASE_URL)
  qingyuan audit verify                   verify every event stream's hash chain
  qingyuan audit replay <stream-id>       print one stream's history, e.g. problem-<uuid> or clue-<uuid>
  qingyuan draw verify <draw-id>          reproduce a 双随机 draw from its published inputs and seed
  qingyuan draw verify --file <record>    the same for a record downloaded from /api/enforcement/draws/<id>/record
  qingyuan hj212 decode [--lenient]       HJ 212 bytes on stdin → one JSON line per frame or error (default --strict)
  qingyuan admin reset-password <user>    set a new random password for a staff account

Environment: PORT (8080), QINGYUAN_DATA_DIR (./data), DATABASE_URL, KAFKA_BROKERS,
             QINGYUAN_AUTH_SECRET, QINGYUAN_MASTER_KEY, QINGYUAN_AUTHORITY, QINGYUAN_DEMO (1)
`;

const say = (line: string) => process.stdout.write(`${line}\n`);

function dataDir(): string {
  return resolve(process.env.QINGYUAN_DATA_DIR ?? 'data');
}

/** The database of a command: DATABASE_URL, else the embedded one (running, or started for the command). */
async function database(): Promise<EmbeddedDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const port = runningPort(join(dataDir(), 'postgres'));
  if (port) return { url: `postgres://postgres:postgres@127.0.0.1:${port}/${DATABASE_NAME}`, stop: async () => undefined };
  return startEmbeddedPostgres(dataDir(), (m) => process.stderr.write(`${m}\n`));
}

async function start(): Promise<void> {
  const telemetry = startTelemetry({ serviceName: 'qingyuan' });
  const embedded = !process.env.DATABASE_URL;
  const db = await database();
  const brokers = brokersFromEnv();
  const bus: EventBus = kafkaBusFromEnv('qingyuan') ?? new InProcessEventBus();
  const secrets = loadSecrets(dataDir());
  const platform = await startPlatform({
    databaseUrl: db.url,
    bus,
    secrets,
    port: portFromEnv('PORT', 8080),
    host: process.env.HOST ?? '0.0.0.0',
    rateLimits: {
      reportsPerMinute: numberFromEnv('QINGYUAN_RATE_LIMIT_REPORTS', DEFAULT_RATE_LIMITS.reportsPerMinute),
      readsPerMinute: numberFromEnv('QINGYUAN_RATE_LIMIT_READS', DEFAULT_RATE_LIMITS.readsPerMinute),
    },
    trustProxy: numberFromEnv('QINGYUAN_TRUST_PROXY', 0),
    open311ApiKeys: listFromEnv('QINGYUAN_OPEN311_API_KEYS'),
    mapTiles: process.env.QINGYUAN_MAP_TILES ? JSON.parse(process.env.QINGYUAN_MAP_TILES) : undefined,
    authority: process.env.QINGYUAN_AUTHORITY,
    hj212Port: portFromEnv('HJ212_PORT', 9212),
    hj212Mode: hj212ModeFromEnv(),
  });
  const base = platform.gateway.url.replace('127.0.0.1', 'localhost');
  if (platform.gateway.adminPassword && process.env.QINGYUAN_DEMO !== '0') {
    await seedDemo(platform.gateway.url, platform.gateway.adminPassword).catch((e) => say(`demo data skipped: ${String(e)}`));
  }
  const demoLoggers = process.env.QINGYUAN_DEMO !== '0' ? await startDemoLoggers(platform.monitoring, demoUscc).catch(() => undefined) : undefined;
  say('');
  say('  清源 Qingyuan 已启动 / is running');
  say(`  举报页面 Public:      ${base}/`);
  say(`  工作台 Console:       ${base}/console/`);
  say(`  接口文档 Swagger UI:  ${base}/docs   (OpenAPI: ${base}/openapi.json)`);
  say(`  HJ 212 数采仪接入 Data loggers: tcp://${base.replace(/^https?:\/\//, '').replace(/:\d+$/, '')}:${platform.monitoring.hj212Port}`);
  if (demoLoggers) say(`  演示数采仪 Demo loggers: ${demoLoggers.devices.length} 台，每 30 秒上报 / ${demoLoggers.devices.length} devices reporting every 30 s (QINGYUAN_DEMO=0 turns them off)`);
  say(`  健康检查 Health:      ${base}/health`);
  for (const s of platform.services) say(`  服务 ${s.name}:${' '.repeat(Math.max(1, 14 - s.name.length))}${s.url}  (Swagger ${s.url}/docs)`);
  say(`  数据库 PostgreSQL:    ${embedded ? `embedded, data in ${join(dataDir(), 'postgres')}` : 'DATABASE_URL'}`);
  say(`  消息 Bus:             ${bus.kind === 'kafka' ? `Kafka ${brokers!.join(',')}` : 'in-process'}`);
  if (platform.gateway.adminPassword) {
    say('');
    say('  首次启动已创建管理员 / first start created the administrator:');
    say('    用户名 username: admin');
    say(`    密码 password:   ${platform.gateway.adminPassword}`);
    say('  请妥善保存；该密码不会再次显示（可用 `npm run admin -- reset-password admin` 重置）。');
    say('  Keep it safe: it is not shown again (reset with `npm run admin -- reset-password admin`).');
  }
  say('');
  say('  按 Ctrl-C 停止 / press Ctrl-C to stop');
  onShutdown(async () => {
    say('stopping…');
    await demoLoggers?.stop();
    await platform.stop();
    await db.stop();
    await telemetry.shutdown();
    say('stopped: PostgreSQL shut down cleanly');
  });
}

async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const db = await database();
  try {
    return await work(db.url);
  } finally {
    await db.stop();
  }
}

async function resetPassword(username: string): Promise<void> {
  await withDatabase(async (url) => {
    const ds = await new DataSource({ type: 'postgres', url, poolSize: 1 }).initialize();
    try {
      const password = await new UserDirectory(new Db(ds)).resetPassword(username, 'cli');
      say(`new password for ${username}: ${password}`);
    } finally {
      await ds.destroy();
    }
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, sub, arg] = argv;
  switch (command) {
    case 'start':
      await start();
      return -1;
    case 'audit':
      if (sub === 'verify') return (await withDatabase((url) => auditVerify(url, say))) ? 0 : 1;
      if (sub === 'replay' && arg) return (await withDatabase((url) => auditReplay(url, arg, say))) ? 0 : 1;
      break;
    case 'draw':
      if (sub === 'verify' && arg === '--file' && argv[3]) return (await drawVerify({ file: argv[3] }, say)) ? 0 : 1;
      if (sub === 'verify' && arg) return (await withDatabase((databaseUrl) => drawVerify({ drawId: arg, databaseUrl }, say))) ? 0 : 1;
      break;
    case 'hj212':
      if (sub === 'decode' && (!arg || arg === '--strict' || arg === '--lenient')) {
        const { errors } = await hj212Decode(process.stdin, arg === '--lenient' ? 'lenient' : 'strict', say);
        return errors > 0 ? 1 : 0;
      }
      break;
    case 'simulate':
      return simulate(argv.slice(1), say);
    case 'admin':
      if (sub === 'reset-password' && arg) {
        await resetPassword(arg);
        return 0;
      }
      break;
  }
  process.stdout.write(USAGE);
  return command ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
