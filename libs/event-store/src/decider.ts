import type { EventMetadata } from '@qingyuan/contracts';
import type { Decider } from '@qingyuan/domain';
import type { Tx } from './db';
import { ConcurrencyConflict } from './errors';
import type { PgEventStore } from './event-store';
import type { AppendResult, NewEvent } from './types';

export interface CommandOptions {
  /** the version the caller last saw (HTTP If-Match); without it the loaded version is used */
  expectedVersion?: number;
  tx?: Tx;
}

/** Load a stream, fold it, decide, append with the loaded version: the write fails if anyone got there first. */
export async function handleCommand<S, C, E extends NewEvent>(
  store: PgEventStore,
  streamId: string,
  decider: Decider<S, C, E>,
  /** the command, or a function that builds it from the current state (e.g. to compute a deadline from it) */
  command: C | ((state: S) => C),
  metadata: EventMetadata,
  options: CommandOptions = {},
): Promise<AppendResult> {
  const run = async (tx: Tx) => {
    const history = await store.readStream(streamId, tx);
    const version = history.length;
    const earlier = metadata.commandId ? history.filter((e) => e.metadata.commandId === metadata.commandId) : [];
    if (earlier.length > 0) return { streamId, nextVersion: earlier[earlier.length - 1].streamVersion, events: earlier };
    if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
      throw new ConcurrencyConflict(streamId, options.expectedVersion, version);
    }
    const state = history.reduce((s, e) => decider.evolve(s, e as unknown as E), decider.initialState());
    const events = decider.decide(typeof command === 'function' ? (command as (state: S) => C)(state) : command, state);
    if (events.length === 0) return { streamId, nextVersion: version, events: [] };
    return store.appendIn(tx, streamId, version === 0 ? 'no-stream' : version, events, metadata);
  };
  return options.tx ? run(options.tx) : store.db.transaction(run);
}
