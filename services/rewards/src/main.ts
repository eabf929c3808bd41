import { checkAuthSecret, portFromEnv, requireEnv, runServiceProcess } from '@qingyuan/service-kit';
import { startRewardsService } from './rewards.service';

/** Distributed run: one rewards process; several share the partitions as one consumer group. */
runServiceProcess(
  'rewards',
  (bus) =>
    startRewardsService({
      databaseUrl: requireEnv('DATABASE_URL', 'postgres://user:password@host:5432/qingyuan'),
      bus: bus!,
      authSecret: checkAuthSecret(requireEnv('QINGYUAN_AUTH_SECRET', 'the secret shared with the gateway')),
      port: portFromEnv('PORT', 8083),
      host: process.env.HOST ?? '0.0.0.0',
    }),
  { needsBus: true },
);
