import { nameUuid, streamIds, type Actor, type ProblemOpened } from '@qingyuan/contracts';
import { handleCommand, type AppendResult, type PgEventStore, type Tx } from '@qingyuan/event-store';
import { eventMetadata } from '@qingyuan/service-kit';
import { problemDecider, type ProblemCommand, type ProblemState } from '../domain/problem';

export interface RunOptions {
  tx?: Tx;
  expectedVersion?: number;
  causationId?: string;
  correlationId?: string;
  commandId?: string;
}

export const SYSTEM: Actor = { kind: 'system', id: 'cases' };

/** The problem opened from an accepted clue has an id derived from the clue's, so a redelivery opens nothing twice. */
export function problemIdForClue(clueId: string): string {
  return nameUuid('problem-of-clue', clueId);
}

/** Problem streams: run a command (or a command built from the current state) through the decider and append. */
export class ProblemStore {
  constructor(readonly store: PgEventStore) {}

  run(problemId: string, command: ProblemCommand | ((state: ProblemState) => ProblemCommand), actor: Actor, options: RunOptions = {}): Promise<AppendResult> {
    const metadata = eventMetadata(actor, { causationId: options.causationId, correlationId: options.correlationId, commandId: options.commandId });
    return handleCommand(this.store, streamIds.problem(problemId), problemDecider, command, metadata, {
      tx: options.tx,
      expectedVersion: options.expectedVersion,
    });
  }

  /** 问题编号: YW-<year>-<sequence>, fixed in ProblemOpened so a replay gives the same number. */
  async nextNumber(tx: Tx, openedOn: string): Promise<string> {
    const { rows } = await tx.query<{ n: string }>("SELECT nextval('cases.problem_number_seq') AS n");
    return `YW-${openedOn.slice(0, 4)}-${rows[0].n.padStart(6, '0')}`;
  }

  async open(tx: Tx, opened: Omit<ProblemOpened, 'number'>, actor: Actor, options: RunOptions): Promise<AppendResult> {
    const number = await this.nextNumber(tx, opened.openedOn);
    return this.run(opened.problemId, { kind: 'open', ...opened, number }, actor, { ...options, tx });
  }

  async state(problemId: string, tx?: Tx): Promise<ProblemState> {
    const events = await this.store.readStream(streamIds.problem(problemId), tx);
    return events.reduce((s, e) => problemDecider.evolve(s, e as never), problemDecider.initialState());
  }
}
