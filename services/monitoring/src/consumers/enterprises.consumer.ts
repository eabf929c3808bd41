import { MACHINE_TOPICS, type EnterpriseRegistered } from '@qingyuan/contracts';
import type { InboxSubscription } from '@qingyuan/service-kit';

/** Enforcement's registry (排污单位名录) as it announces enterprises: devices name them, alarms are routed by industry. */
export function enterprisesConsumer(): InboxSubscription {
  return {
    group: 'monitoring.enterprises',
    topics: [MACHINE_TOPICS.enforcement],
    async handle(tx, event) {
      if (event.type !== 'EnterpriseRegistered') return;
      const d = event.data as EnterpriseRegistered;
      await tx.query(
        `INSERT INTO monitoring.enterprises (enterprise_id, name, uscc, town_code, industry, key_polluter, location, outlets, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9)
         ON CONFLICT (enterprise_id) DO UPDATE SET name = $2, uscc = $3, town_code = $4, industry = $5, key_polluter = $6, location = $7::jsonb,
           outlets = $8::jsonb, updated_at = $9`,
        [d.enterpriseId, d.name, d.uscc, d.townCode ?? null, d.industry, d.keyPolluter, d.location ? JSON.stringify(d.location) : null, JSON.stringify(d.outlets), event.time],
      );
    },
  };
}
