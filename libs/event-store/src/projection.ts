import type { Tx } from './db';
import type { PgEventStore } from './event-store';
import type { StoredEvent } from './types';

/**
 * A read model kept in step with the event store. Apply must be deterministic and depend only on the events,
 * so that dropping the tables and replaying from position 0 gives the same rows.
 */
export interface Projection {
  name: string;
  /** tables the projection owns (schema-qualified); emptied on rebuild */
  tables: string[];
  apply(tx: Tx, event: StoredEvent): Promise<void>;
}

/** Keep projections in the same transaction as each append: a reader never sees a stale read model. */
export function projectInline(store: PgEventStore, projections: Projection[]): void {
  store.onAppend(async (tx, events) => {
    for (const event of events) for (const projection of projections) await projection.apply(tx, event);
  });
}

/**
 * Drop a projection's rows and replay every event from position 0, in one transaction.
 * TRUNCATE takes the tables' lock, so a concurrent append waits and applies its own events after the rebuild.
 */
export async function rebuildProjection(store: PgEventStore, projection: Projection, batchSize = 1000): Promise<number> {
  return store.db.transaction(async (tx) => {
    if (projection.tables.length) await tx.query(`TRUNCATE ${projection.tables.join(', ')}`);
    let after = 0n;
    let count = 0;
    for (;;) {
      const batch = await store.readFrom(after, batchSize, tx);
      for (const event of batch) await projection.apply(tx, event);
      count += batch.length;
      if (batch.length < batchSize) return count;
      after = batch[batch.length - 1].globalPosition;
    }
  });
}
