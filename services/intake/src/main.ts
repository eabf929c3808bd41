import { checkAuthSecret, listFromEnv, portFromEnv, requireEnv, runServiceProcess } from '@qingyuan/service-kit';
import { startIntakeService } from './intake.service';

/** Distributed run: one intake process against DATABASE_URL and KAFKA_BROKERS. */
runServiceProcess(
  'intake',
  (bus) =>
    startIntakeService({
      databaseUrl: requireEnv('DATABASE_URL', 'postgres://user:password@host:5432/qingyuan'),
      bus: bus!,
      authSecret: checkAuthSecret(requireEnv('QINGYUAN_AUTH_SECRET', 'the secret shared with the gateway')),
      masterKey: requireEnv('QINGYUAN_MASTER_KEY', '32 random bytes, base64: openssl rand -base64 32'),
      open311ApiKeys: listFromEnv('QINGYUAN_OPEN311_API_KEYS'),
      port: portFromEnv('PORT', 8081),
      host: process.env.HOST ?? '0.0.0.0',
    }),
  { needsBus: true },
);
