import { streamIds, type ClueAccepted, type ClueMerged, type ClueUnmerged } from '@qingyuan/contracts';
import type { Tx } from '@qingyuan/event-store';
import { SYSTEM, problemIdForClue, type ProblemStore } from './problem-store';

type Cause = { eventId: string; correlationId: string };

/** Handlers of events about one primary clue run one at a time, even across cases processes. */
async function lockClueLinks(tx: Tx, primaryClueId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`clue-links:${primaryClueId}`]);
}

/** Which clues feed which problem, from intake's events (立案、并案、撤销并案). */
export class ClueLinks {
  constructor(
    private readonly problems: ProblemStore,
    private readonly today: () => string,
  ) {}

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
    if ((await this.problems.store.streamVersion(streamIds.problem(problemId), tx)) > 0) return problemId;
    await this.problems.open(
      tx,
      {
        problemId,
        clueIds,
        channel: clue.channel,
        category: clue.category,
        description: clue.description,
        location: clue.location,
        observedAt: clue.observedAt,
        openedOn: this.today(),
      },
      SYSTEM,
      { causationId: cause.eventId, correlationId: cause.correlationId },
    );
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
      await this.problems.run(problemId, { kind: 'detach-clue', clueId: unmerged.clueId }, SYSTEM, {
        tx,
        causationId: cause.eventId,
        correlationId: cause.correlationId,
      });
    }
  }

  private async attach(tx: Tx, problemId: string, clueId: string, cause: Cause): Promise<void> {
    await this.problems.run(problemId, { kind: 'attach-clue', clueId }, SYSTEM, { tx, causationId: cause.eventId, correlationId: cause.correlationId });
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
}
