import { checkAuthSecret, portFromEnv, requireEnv, runServiceProcess } from '@qingyuan/service-kit';
import { startCasesService } from './cases.service';

/** Distributed run: one cases process; run several and they share the partitions as one consumer group. */
runServiceProcess(
  'cases',
  (bus) =>
    startCasesService({
      databaseUrl: requireEnv('DATABASE_URL', 'postgres://user:password@host:5432/qingyuan'),
      bus: bus!,
      authSecret: checkAuthSecret(requireEnv('QINGYUAN_AUTH_SECRET', 'the secret shared with the gateway')),
      port: portFromEnv('PORT', 8082),
      host: process.env.HOST ?? '0.0.0.0',
    }),
  { needsBus: true },
);
