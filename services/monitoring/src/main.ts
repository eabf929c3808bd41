import { brokersFromEnv, checkAuthSecret, portFromEnv, requireEnv, runServiceProcess } from '@qingyuan/service-kit';
import { hj212ModeFromEnv } from './gateway/mode';
import { startMonitoringService } from './monitoring.service';

/**
 * Distributed run: one monitoring process (HTTP, ingest workers on the frames topic, sweeps). Several may run: Kafka
 * shares the frames' partitions among them. With HJ212_PORT set it also runs a gateway; gateways of their own run
 * `gateway-main`.
 */
runServiceProcess(
  'monitoring',
  (bus) =>
    startMonitoringService({
      databaseUrl: requireEnv('DATABASE_URL', 'postgres://user:password@host:5432/qingyuan'),
      bus: bus!,
      authSecret: checkAuthSecret(requireEnv('QINGYUAN_AUTH_SECRET', 'the secret shared with the gateway')),
      port: portFromEnv('PORT', 8086),
      host: process.env.HOST ?? '0.0.0.0',
      kafkaFrames: { brokers: brokersFromEnv()!, clientId: 'qingyuan-monitoring', namespace: process.env.KAFKA_TOPIC_PREFIX?.trim() || undefined },
      hj212: process.env.HJ212_PORT ? { port: portFromEnv('HJ212_PORT', 9212), mode: hj212ModeFromEnv(), thread: true } : undefined,
    }),
  { needsBus: true },
);
