import { nameUuid, streamIds, type Actor, type ClueAccepted, type ClueMerged, type ClueUnmerged } from '@qingyuan/contracts';
import { StreamAlreadyExists, handleCommand, type AppendResult, type PgEventStore, type Tx } from '@qingyuan/event-store';
import { eventMetadata } from '@qingyuan/service-kit';
import { shanghaiDate } from './domain/calendar';
import { problemDecider, type ProblemCommand } from './domain/problem';
import type { AssignProblemDto, RectificationDto, VerificationDto } from './http/problem.dto';

/** The problem opened from an accepted clue has an id derived from the clue's, so a redelivery opens nothing twice. */
export function problemIdForClue(clueId: string): string {
  return nameUuid('problem-of-clue', clueId);
}

type Cause = { eventId: string; correlationId: string };
const SYSTEM: Actor = { kind: 'system', id: 'cases' };

/** Handlers of events about one primary clue run one at a time, even across cases processes. */
async function lockClueLinks(tx: Tx, primaryClueId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`clue-links:${primaryClueId}`]);
}

export class ProblemService {
  constructor(private readonly store: PgEventStore) {}

  /** An accepted clue joins the problem it names (if still open), or opens its own with the clues merged into it. */
  async acceptClue(tx: Tx, clue: ClueAccepted, cause: Cause): Promise<string> {
    await lockClueLinks(tx, clue.clueId);
    if (clue.joinProblemId && (await this.isOpen(tx, clue.joinProblemId))) {
      for (const clueId of [clue.clueId, ...(clue.mergedClueIds ?? [])]) await this.attach(tx, clue.joinProblemId, clueId, cause);
      return clue.joinProblemId;
    }
    const pending = await tx.query<{ clue_id: string }>(
      'DELETE FROM cases.pending_clue_links WHERE into_clue_id = $1 RETURNING clue_id',
      [clue.clueId],
    );
    const clueIds = [...new Set([clue.clueId, ...(clue.mergedClueIds ?? []), ...pending.rows.map((r) => r.clue_id)])];
    const problemId = problemIdForClue(clue.clueId);
    try {
      await this.run(
        problemId,
        {
          kind: 'open',
          problemId,
          clueIds,
          channel: clue.channel,
          category: clue.category,
          description: clue.description,
          location: clue.location,
          observedAt: clue.observedAt,
        },
        SYSTEM,
        { tx, causationId: cause.eventId, correlationId: cause.correlationId },
      );
    } catch (error) {
      if (!(error instanceof StreamAlreadyExists)) throw error;
    }
    return problemId;
  }

  /** 并案: the merged clue joins the primary clue's problem, or waits for it to open. */
  async mergeClue(tx: Tx, merged: ClueMerged, cause: Cause): Promise<void> {
    await lockClueLinks(tx, merged.intoClueId);
    const problemId = await this.problemOfClue(tx, merged.intoClueId);
    if (problemId) {
      await this.attach(tx, problemId, merged.clueId, cause);
      return;
    }
    await tx.query('INSERT INTO cases.pending_clue_links (into_clue_id, clue_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      merged.intoClueId,
      merged.clueId,
    ]);
  }

  async unmergeClue(tx: Tx, unmerged: ClueUnmerged, cause: Cause): Promise<void> {
    await lockClueLinks(tx, unmerged.fromClueId);
    await tx.query('DELETE FROM cases.pending_clue_links WHERE into_clue_id = $1 AND clue_id = $2', [unmerged.fromClueId, unmerged.clueId]);
    const problemId = await this.problemOfClue(tx, unmerged.clueId);
    if (problemId) {
      await this.run(problemId, { kind: 'detach-clue', clueId: unmerged.clueId }, SYSTEM, {
        tx,
        causationId: cause.eventId,
        correlationId: cause.correlationId,
      });
    }
  }

  private async attach(tx: Tx, problemId: string, clueId: string, cause: Cause): Promise<void> {
    await this.run(problemId, { kind: 'attach-clue', clueId }, SYSTEM, { tx, causationId: cause.eventId, correlationId: cause.correlationId });
  }

  private async isOpen(tx: Tx, problemId: string): Promise<boolean> {
    const { rows } = await tx.query(`SELECT 1 FROM cases.problem_view WHERE problem_id = $1 AND status <> 'closed'`, [problemId]);
    return rows.length > 0;
  }

  private async problemOfClue(tx: Tx, clueId: string): Promise<string | undefined> {
    const { rows } = await tx.query<{ problem_id: string }>(
      'SELECT problem_id FROM cases.problem_view WHERE clue_ids @> ARRAY[$1::uuid] ORDER BY opened_at DESC LIMIT 1',
      [clueId],
    );
    return rows[0]?.problem_id;
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
