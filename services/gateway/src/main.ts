import { checkAuthSecret, numberFromEnv, portFromEnv, requireEnv, runServiceProcess } from '@qingyuan/service-kit';
import { DEFAULT_RATE_LIMITS } from './proxy/rate-limit';
import { startGateway } from './gateway.service';

/** Distributed run: the gateway in front of the intake, cases, rewards, enforcement, judicial-bridge and monitoring processes. */
runServiceProcess(
  'gateway',
  async () => {
    const gateway = await startGateway({
      databaseUrl: requireEnv('DATABASE_URL', 'postgres://user:password@host:5432/qingyuan'),
      authSecret: checkAuthSecret(requireEnv('QINGYUAN_AUTH_SECRET', 'the secret shared with the services')),
      services: {
        intake: requireEnv('INTAKE_URL', 'e.g. http://intake:8081'),
        cases: requireEnv('CASES_URL', 'e.g. http://cases:8082'),
        rewards: requireEnv('REWARDS_URL', 'e.g. http://rewards:8083'),
        enforcement: requireEnv('ENFORCEMENT_URL', 'e.g. http://enforcement:8084'),
        judicial: requireEnv('JUDICIAL_URL', 'e.g. http://judicial-bridge:8085'),
        monitoring: requireEnv('MONITORING_URL', 'e.g. http://monitoring:8086'),
      },
      port: portFromEnv('PORT', 8080),
      host: process.env.HOST ?? '0.0.0.0',
      rateLimits: {
        reportsPerMinute: numberFromEnv('QINGYUAN_RATE_LIMIT_REPORTS', DEFAULT_RATE_LIMITS.reportsPerMinute),
        readsPerMinute: numberFromEnv('QINGYUAN_RATE_LIMIT_READS', DEFAULT_RATE_LIMITS.readsPerMinute),
      },
      trustProxy: numberFromEnv('QINGYUAN_TRUST_PROXY', 0),
      webRoot: process.env.QINGYUAN_WEB_ROOT,
      mapTiles: process.env.QINGYUAN_MAP_TILES ? JSON.parse(process.env.QINGYUAN_MAP_TILES) : undefined,
    });
    // Shown once, on the operator's console, when the first administrator is created.
    const notice = gateway.adminPassword
      ? `\n  管理员账号 admin / administrator: admin\n  初始密码 initial password: ${gateway.adminPassword}\n\n`
      : undefined;
    return { ...gateway, notice };
  },
  { needsBus: false },
);
