import { checkAuthSecret, kafkaBusFromEnv, onShutdown, portFromEnv, requireEnv } from '@qingyuan/service-kit';
import { startTelemetry } from '@qingyuan/telemetry';
import { startCasesService } from './cases.service';

/** Distributed run: one cases process (run several: they share partitions as one consumer group) against DATABASE_URL and KAFKA_BROKERS. */
async function main(): Promise<void> {
  const telemetry = startTelemetry({ serviceName: 'qingyuan-cases' });
  const bus = kafkaBusFromEnv('qingyuan-cases');
  if (!bus) throw new Error('KAFKA_BROKERS is not set: host:port[,host:port] / 缺少环境变量 KAFKA_BROKERS');
  const service = await startCasesService({
    databaseUrl: requireEnv('DATABASE_URL', 'postgres://user:password@host:5432/qingyuan'),
    bus,
    authSecret: checkAuthSecret(requireEnv('QINGYUAN_AUTH_SECRET', 'the secret shared with the gateway')),
    port: portFromEnv('PORT', 8082),
    host: process.env.HOST ?? '0.0.0.0',
  });
  process.stdout.write(`${JSON.stringify({ level: 'info', service: 'cases', msg: 'listening', url: service.url })}\n`);
  onShutdown(async () => {
    await service.stop();
    await bus.close();
    await service.close();
    await telemetry.shutdown();
  });
}

main().catch((error) => {
  process.stderr.write(`cases failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
