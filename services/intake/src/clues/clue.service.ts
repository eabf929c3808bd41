import { streamIds, type Actor, type ClueProgressed, type RejectionReason } from '@qingyuan/contracts';
import { DomainError } from '@qingyuan/domain';
import { handleCommand, type AppendResult, type PgEventStore, type Tx } from '@qingyuan/event-store';
import { eventMetadata } from '@qingyuan/service-kit';
import { clueDecider, type ClueCommand, type ClueEvent, type ClueState } from '../domain/clue';

export interface CommandContext {
  tx?: Tx;
  expectedVersion?: number;
  causationId?: string;
  correlationId?: string;
}

/** Triage commands on a clue (研判): each loads the clue's stream, lets the decider rule, and appends. */
export class ClueService {
  constructor(readonly store: PgEventStore) {}

  async accept(clueId: string, actor: Actor, options: { note?: string; joinProblemId?: string }, expectedVersion?: number): Promise<AppendResult> {
    return this.store.db.transaction(async (tx) => {
      if (options.joinProblemId) await this.requireKnownProblem(tx, options.joinProblemId);
      const { rows } = await tx.query<{ clue_id: string }>(
        'SELECT clue_id FROM intake.clue_view WHERE merged_into = $1 ORDER BY registered_at',
        [clueId],
      );
      const command: ClueCommand = { kind: 'accept', note: options.note, joinProblemId: options.joinProblemId, mergedClueIds: rows.map((r) => r.clue_id) };
      return this.run(clueId, command, actor, { tx, expectedVersion });
    });
  }

  reject(clueId: string, actor: Actor, reasonCode: RejectionReason, reason: string, expectedVersion?: number): Promise<AppendResult> {
    return this.run(clueId, { kind: 'reject', reasonCode, reason }, actor, { expectedVersion });
  }

  refer(clueId: string, actor: Actor, authority: string, note: string | undefined, expectedVersion?: number): Promise<AppendResult> {
    return this.run(clueId, { kind: 'refer', authority, note }, actor, { expectedVersion });
  }

  correctTown(clueId: string, actor: Actor, townCode: string, reason: string | undefined): Promise<AppendResult> {
    return this.run(clueId, { kind: 'correct-town', townCode, reason }, actor, {});
  }

  /** 并案: the target's state is read in the same transaction, so it cannot change in between. */
  async merge(clueId: string, intoClueId: string, actor: Actor, expectedVersion?: number): Promise<AppendResult> {
    return this.store.db.transaction(async (tx) => {
      const target = await this.state(intoClueId, tx);
      return this.run(clueId, { kind: 'merge', intoClueId, target: { status: target.status, mergedInto: target.mergedInto } }, actor, { tx, expectedVersion });
    });
  }

  unmerge(clueId: string, actor: Actor, expectedVersion?: number): Promise<AppendResult> {
    return this.run(clueId, { kind: 'unmerge' }, actor, { expectedVersion });
  }

  dismissDuplicate(clueId: string, candidateClueId: string, actor: Actor): Promise<AppendResult> {
    return this.run(clueId, { kind: 'dismiss-duplicate', candidateClueId }, actor, {});
  }

  /** Tell the reporter how the problem fed by this clue moves on (from cases' events). */
  recordProgress(tx: Tx, clueId: string, progress: Omit<ClueProgressed, 'clueId'>, correlationId: string): Promise<AppendResult> {
    return this.run(clueId, { kind: 'record-progress', ...progress }, { kind: 'system', id: 'intake' }, {
      tx,
      causationId: progress.sourceEventId,
      correlationId,
    });
  }

  async state(clueId: string, tx?: Tx): Promise<ClueState> {
    const events = await this.store.readStream(streamIds.clue(clueId), tx);
    return events.reduce((s, e) => clueDecider.evolve(s, e as unknown as ClueEvent), clueDecider.initialState());
  }

  run(clueId: string, command: ClueCommand, actor: Actor, options: CommandContext): Promise<AppendResult> {
    const metadata = eventMetadata(actor, { causationId: options.causationId, correlationId: options.correlationId });
    return handleCommand(this.store, streamIds.clue(clueId), clueDecider, command, metadata, {
      tx: options.tx,
      expectedVersion: options.expectedVersion,
    });
  }

  private async requireKnownProblem(tx: Tx, problemId: string): Promise<void> {
    const { rows } = await tx.query(`SELECT 1 FROM intake.clue_view WHERE problem_id = $1 AND public_stage <> 'closed' LIMIT 1`, [problemId]);
    if (rows.length === 0) {
      throw new DomainError('UNKNOWN_PROBLEM', '要并入的问题不存在或已销号', 'The problem to join does not exist or is closed', 'invalid');
    }
  }
}
