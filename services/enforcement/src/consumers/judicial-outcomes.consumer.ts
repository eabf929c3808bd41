import { MACHINE_TOPICS, type TransferProgressed } from '@qingyuan/contracts';
import { eventMetadata, type InboxSubscription } from '@qingyuan/service-kit';
import type { CreditKeeper } from '../registry/credit-keeper';

const SYSTEM = { kind: 'system' as const, id: 'enforcement' };

/**
 * The judicial bridge's feedback on an enterprise's credit: a transfer sent that did not come from one of our penalty
 * cases (that one already moved the credit) counts as a criminal transfer; a conviction as a conviction. Enterprises
 * not in the registry are left alone.
 */
export function judicialOutcomesConsumer(credit: CreditKeeper): InboxSubscription {
  return {
    group: 'enforcement.judicial-outcomes',
    topics: [MACHINE_TOPICS.judicial],
    async handle(tx, event) {
      if (event.type !== 'TransferProgressed') return;
      const d = event.data as TransferProgressed;
      if (!d.enterpriseId || !(await credit.exists(tx, d.enterpriseId))) return;
      const trigger = d.outcome === 'conviction' ? 'criminal-conviction' : d.status === 'sent' && d.kind === 'criminal' && !d.enforcementCaseId ? 'criminal-transfer' : undefined;
      if (!trigger) return;
      await credit.apply(tx, d.enterpriseId, trigger, event.id, eventMetadata(SYSTEM, { causationId: event.id, correlationId: event.correlationid }));
    },
  };
}
