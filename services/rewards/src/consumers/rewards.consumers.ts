import {
  MACHINE_TOPICS,
  TOPICS,
  type ClueRegistered,
  type PenaltyDecided,
  type ProblemClosed,
  type ReporterIdentified,
  type ReporterIdentityDisclosed,
  type SuspectOutcomeRecorded,
} from '@qingyuan/contracts';
import type { InboxSubscription } from '@qingyuan/service-kit';
import type { Bounties } from '../rewards/bounties';
import type { ClueFactsStore } from '../rewards/clue-facts';
import type { RewardWorkflow } from '../rewards/reward-workflow';

/** Clue facts from intake: channel and time, whether the reporter can be identified, identity readings, bounty leads. */
export function clueFactsConsumer(facts: ClueFactsStore, bounties: Bounties): InboxSubscription {
  return {
    group: 'rewards.clue-facts',
    topics: [TOPICS.intake],
    async handle(tx, event) {
      const cause = { eventId: event.id, correlationId: event.correlationid };
      switch (event.type) {
        case 'ClueRegistered': {
          const d = event.data as ClueRegistered;
          await facts.registered(tx, d, event.time);
          if (d.source?.bountyId) await bounties.linkReported(tx, d.source.bountyId, d.clueId, cause);
          return;
        }
        case 'ReporterIdentified':
          return facts.identified(tx, (event.data as ReporterIdentified).clueId);
        case 'ReporterIdentityDisclosed':
          return facts.disclosed(tx, event.data as ReporterIdentityDisclosed);
      }
    },
  };
}

/** A problem closed out with a confirmed qualifying violation opens a reward case. */
export function closeOutConsumer(workflow: RewardWorkflow): InboxSubscription {
  return {
    group: 'rewards.close-out',
    topics: [TOPICS.cases],
    async handle(tx, event) {
      if (event.type !== 'ProblemClosed') return;
      await workflow.openForProblem(tx, event.data as ProblemClosed, { eventId: event.id, correlationId: event.correlationid });
    },
  };
}

/** Penalty decisions (enforcement) and detention, arrest, conviction (the judicial bridge) raise the reward. */
export function outcomesConsumer(workflow: RewardWorkflow): InboxSubscription {
  return {
    group: 'rewards.outcomes',
    topics: [MACHINE_TOPICS.enforcement, MACHINE_TOPICS.judicial],
    async handle(tx, event) {
      const cause = { eventId: event.id, correlationId: event.correlationid };
      if (event.type === 'PenaltyDecided') {
        const d = event.data as PenaltyDecided;
        if (!d.problemId) return; // a penalty without a problem has no reporter to reward
        await workflow.recordBasisForProblem(tx, d.problemId, { kind: 'penalty', decisionNumber: d.decisionNumber, fineFen: d.fineFen, decidedOn: d.decidedOn }, cause);
      } else if (event.type === 'SuspectOutcomeRecorded') {
        const d = event.data as SuspectOutcomeRecorded;
        await workflow.recordBasisForProblem(tx, d.problemId, { kind: 'outcome', outcome: d.outcome, documentNumber: d.documentNumber, date: d.date }, cause);
      }
    },
  };
}
