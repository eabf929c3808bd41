import { TOPICS, type ClueAccepted } from '@qingyuan/contracts';
import type { InboxSubscription } from '@qingyuan/service-kit';
import type { ProblemService } from '../problem.service';

/** An accepted clue opens a problem (立案). */
export function clueAcceptedConsumer(problems: ProblemService): InboxSubscription {
  return {
    group: 'cases.clue-accepted',
    topics: [TOPICS.intake],
    async handle(tx, event) {
      if (event.type !== 'ClueAccepted') return;
      await problems.openFromClue(tx, event.data as ClueAccepted, { eventId: event.id, correlationId: event.correlationid });
    },
  };
}
