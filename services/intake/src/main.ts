import { checkAuthSecret, kafkaBusFromEnv, onShutdown, portFromEnv, requireEnv } from '@qingyuan/service-kit';
import { startTelemetry } from '@qingyuan/telemetry';
import { startIntakeService } from './intake.service';

/** Distributed run: one intake process against DATABASE_URL and KAFKA_BROKERS. */
async function main(): Promise<void> {
  const telemetry = startTelemetry({ serviceName: 'qingyuan-intake' });
  const bus = kafkaBusFromEnv('qingyuan-intake');
  if (!bus) throw new Error('KAFKA_BROKERS is not set: host:port[,host:port] / 缺少环境变量 KAFKA_BROKERS');
  const service = await startIntakeService({
    databaseUrl: requireEnv('DATABASE_URL', 'postgres://user:password@host:5432/qingyuan'),
    bus,
    authSecret: checkAuthSecret(requireEnv('QINGYUAN_AUTH_SECRET', 'the secret shared with the gateway')),
    masterKey: requireEnv('QINGYUAN_MASTER_KEY', '32 random bytes, base64: openssl rand -base64 32'),
    port: portFromEnv('PORT', 8081),
    host: process.env.HOST ?? '0.0.0.0',
  });
  process.stdout.write(`${JSON.stringify({ level: 'info', service: 'intake', msg: 'listening', url: service.url })}\n`);
  onShutdown(async () => {
    await service.stop();
    await bus.close();
    await service.close();
    await telemetry.shutdown();
  });
}

main().catch((error) => {
  process.stderr.write(`intake failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
