import { checkAuthSecret, onShutdown, portFromEnv, requireEnv } from '@qingyuan/service-kit';
import { startTelemetry } from '@qingyuan/telemetry';
import { startGateway } from './gateway.service';

/** Distributed run: the gateway in front of intake and cases processes. */
async function main(): Promise<void> {
  const telemetry = startTelemetry({ serviceName: 'qingyuan-gateway' });
  const gateway = await startGateway({
    databaseUrl: requireEnv('DATABASE_URL', 'postgres://user:password@host:5432/qingyuan'),
    authSecret: checkAuthSecret(requireEnv('QINGYUAN_AUTH_SECRET', 'the secret shared with the services')),
    services: {
      intake: requireEnv('INTAKE_URL', 'e.g. http://intake:8081'),
      cases: requireEnv('CASES_URL', 'e.g. http://cases:8082'),
    },
    port: portFromEnv('PORT', 8080),
    host: process.env.HOST ?? '0.0.0.0',
  });
  const log = (msg: string, fields: Record<string, unknown> = {}) =>
    process.stdout.write(`${JSON.stringify({ level: 'info', service: 'gateway', msg, ...fields })}\n`);
  if (gateway.adminPassword) {
    // Printed once, to the operator's console, when the first administrator is created.
    process.stdout.write(`\n  管理员账号 admin / administrator: admin\n  初始密码 initial password: ${gateway.adminPassword}\n\n`);
  }
  log('listening', { url: gateway.url });
  onShutdown(async () => {
    await gateway.stop();
    await gateway.close();
    await telemetry.shutdown();
  });
}

main().catch((error) => {
  process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
