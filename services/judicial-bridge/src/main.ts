import { checkAuthSecret, portFromEnv, requireEnv, runServiceProcess } from '@qingyuan/service-kit';
import { startJudicialService } from './judicial.service';

/** Distributed run: one judicial-bridge process; several share the consumer group and the time-limit sweep. */
runServiceProcess(
  'judicial-bridge',
  (bus) =>
    startJudicialService({
      databaseUrl: requireEnv('DATABASE_URL', 'postgres://user:password@host:5432/qingyuan'),
      bus: bus!,
      authSecret: checkAuthSecret(requireEnv('QINGYUAN_AUTH_SECRET', 'the secret shared with the gateway')),
      port: portFromEnv('PORT', 8085),
      host: process.env.HOST ?? '0.0.0.0',
    }),
  { needsBus: true },
);
