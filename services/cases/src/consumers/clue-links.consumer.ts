import { TOPICS, type ClueAccepted, type ClueMerged, type ClueUnmerged } from '@qingyuan/contracts';
import type { InboxSubscription } from '@qingyuan/service-kit';
import type { ClueLinks } from '../problems/clue-links';

/**
 * Which clues feed which problem: an accepted clue opens a problem (立案) or joins one; a merged clue (并案)
 * joins its primary's problem, now or when it opens; an unmerged clue leaves it.
 */
export function clueLinksConsumer(links: ClueLinks): InboxSubscription {
  return {
    group: 'cases.clue-accepted',
    topics: [TOPICS.intake],
    async handle(tx, event) {
      const cause = { eventId: event.id, correlationId: event.correlationid };
      switch (event.type) {
        case 'ClueAccepted':
          await links.acceptClue(tx, event.data as ClueAccepted, cause);
          return;
        case 'ClueMerged':
          await links.mergeClue(tx, event.data as ClueMerged, cause);
          return;
        case 'ClueUnmerged':
          await links.unmergeClue(tx, event.data as ClueUnmerged, cause);
          return;
      }
    },
  };
}
