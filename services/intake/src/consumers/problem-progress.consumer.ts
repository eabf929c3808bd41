import {
  TOPICS,
  type ProblemAssigned,
  type ProblemClueAttached,
  type ProblemClosed,
  type ProblemOpened,
  type ProblemSignedOff,
  type PublicStage,
  type RectificationReported,
  type RectificationVerified,
} from '@qingyuan/contracts';
import type { Tx } from '@qingyuan/event-store';
import type { EventEnvelope } from '@qingyuan/messaging';
import type { InboxSubscription } from '@qingyuan/service-kit';
import type { ClueQueries } from '../clues/clue.queries';
import type { ClueService } from '../clues/clue.service';

/**
 * Follows cases' events and records, on each clue's own stream, the stage its reporter sees.
 * Intake's read models are therefore rebuilt from intake's own events alone.
 */
export function problemProgressConsumer(clues: ClueService, queries: ClueQueries): InboxSubscription {
  return {
    group: 'intake.problem-progress',
    topics: [TOPICS.cases],
    async handle(tx: Tx, event: EventEnvelope): Promise<void> {
      const progress = async (clueIds: string[], problemId: string, stage: PublicStage, details: { assignment?: ProblemAssigned; deadline?: string } = {}) => {
        const assignment = details.assignment && { townCode: details.assignment.townCode, leadDepartment: details.assignment.leadDepartment };
        for (const clueId of clueIds) {
          await clues.recordProgress(tx, clueId, { problemId, stage, sourceEventId: event.id, assignment, deadline: details.deadline }, event.correlationid);
        }
      };
      switch (event.type) {
        case 'ProblemOpened': {
          const d = event.data as ProblemOpened;
          await progress(d.clueIds, d.problemId, 'accepted');
          return;
        }
        case 'ProblemClueAttached': {
          // A clue joining a running problem catches up with the stage its fellow clues show.
          const d = event.data as ProblemClueAttached;
          const stage = await queries.stageOfProblem(d.problemId, d.clueId, tx);
          await progress([d.clueId], d.problemId, stage ?? 'accepted');
          return;
        }
        case 'ProblemAssigned': {
          const d = event.data as ProblemAssigned;
          await progress(await queries.clueIdsOfProblem(d.problemId, tx), d.problemId, 'assigned', { assignment: d });
          return;
        }
        case 'ProblemSignedOff': {
          const d = event.data as ProblemSignedOff;
          await progress(await queries.clueIdsOfProblem(d.problemId, tx), d.problemId, 'rectifying', { deadline: d.deadline });
          return;
        }
        case 'RectificationReported': {
          const d = event.data as RectificationReported;
          await progress(await queries.clueIdsOfProblem(d.problemId, tx), d.problemId, 'verifying');
          return;
        }
        case 'RectificationVerified': {
          const d = event.data as RectificationVerified;
          if (!d.passed) await progress(await queries.clueIdsOfProblem(d.problemId, tx), d.problemId, 'rectifying');
          return;
        }
        case 'ProblemClosed': {
          const d = event.data as ProblemClosed;
          await progress(d.clueIds, d.problemId, 'closed');
          return;
        }
      }
    },
  };
}
