import { createHash } from 'node:crypto';
import { streamIds, type Actor, type ClueAccepted } from '@qingyuan/contracts';
import { StreamAlreadyExists, handleCommand, type AppendResult, type PgEventStore, type Tx } from '@qingyuan/event-store';
import { eventMetadata } from '@qingyuan/service-kit';
import { shanghaiDate } from './domain/calendar';
import { problemDecider, type ProblemCommand } from './domain/problem';
import type { AssignProblemDto, RectificationDto, VerificationDto } from './http/problem.dto';

/** The problem opened from an accepted clue has an id derived from the clue's, so a redelivery opens nothing twice. */
export function problemIdForClue(clueId: string): string {
  const h = createHash('sha256').update(`problem-of-clue:${clueId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export class ProblemService {
  constructor(private readonly store: PgEventStore) {}

  async openFromClue(tx: Tx, clue: ClueAccepted, cause: { eventId: string; correlationId: string }): Promise<string> {
    const problemId = problemIdForClue(clue.clueId);
    try {
      await this.run(
        problemId,
        {
          kind: 'open',
          problemId,
          clueIds: [clue.clueId],
          channel: clue.channel,
          category: clue.category,
          description: clue.description,
          location: clue.location,
          observedAt: clue.observedAt,
        },
        { kind: 'system', id: 'cases' },
        { tx, causationId: cause.eventId, correlationId: cause.correlationId },
      );
    } catch (error) {
      if (!(error instanceof StreamAlreadyExists)) throw error;
    }
    return problemId;
  }

  assign(problemId: string, dto: AssignProblemDto, actor: Actor, expectedVersion?: number): Promise<AppendResult> {
    return this.run(problemId, { kind: 'assign', ...dto, today: shanghaiDate() }, actor, { expectedVersion });
  }

  reportRectification(problemId: string, dto: RectificationDto, actor: Actor, expectedVersion?: number): Promise<AppendResult> {
    return this.run(problemId, { kind: 'report-rectification', ...dto, reportedBy: actor.id! }, actor, { expectedVersion });
  }

  verify(problemId: string, dto: VerificationDto, actor: Actor, expectedVersion?: number): Promise<AppendResult> {
    return this.run(problemId, { kind: 'verify', ...dto, verifiedBy: actor.id! }, actor, { expectedVersion });
  }

  private run(
    problemId: string,
    command: ProblemCommand,
    actor: Actor,
    options: { tx?: Tx; expectedVersion?: number; causationId?: string; correlationId?: string },
  ): Promise<AppendResult> {
    const metadata = eventMetadata(actor, { causationId: options.causationId, correlationId: options.correlationId });
    return handleCommand(this.store, streamIds.problem(problemId), problemDecider, command, metadata, {
      tx: options.tx,
      expectedVersion: options.expectedVersion,
    });
  }
}
