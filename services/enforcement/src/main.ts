import { checkAuthSecret, portFromEnv, requireEnv, runServiceProcess } from '@qingyuan/service-kit';
import { startEnforcementService } from './enforcement.service';

/** Distributed run: one enforcement process (several may run; commands are serialised by the event store). */
runServiceProcess(
  'enforcement',
  (bus) =>
    startEnforcementService({
      databaseUrl: requireEnv('DATABASE_URL', 'postgres://user:password@host:5432/qingyuan'),
      bus: bus!,
      authSecret: checkAuthSecret(requireEnv('QINGYUAN_AUTH_SECRET', 'the secret shared with the gateway')),
      port: portFromEnv('PORT', 8084),
      host: process.env.HOST ?? '0.0.0.0',
      authority: process.env.QINGYUAN_AUTHORITY,
    }),
  { needsBus: true },
);
