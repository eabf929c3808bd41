import type { Tx } from './db';
import type { PgEventStore } from './event-store';
import { LOG_START, type LogPosition, type StoredEvent } from './types';

export type Publish = (events: StoredEvent[]) => Promise<void>;

export interface RelayOptions {
  /** checkpoint name, also the advisory-lock key: one active relay per name */
  name: string;
  batchSize?: number;
  /** poll interval when idle; appends in this process wake the relay at once */
  idleMs?: number;
  onError?: (error: unknown) => void;
}

export async function readCheckpoint(store: PgEventStore, name: string, sql = store.db as Pick<Tx, 'query'>): Promise<LogPosition> {
  const { rows } = await sql.query<{ last_tx_id: string; last_position: string }>(
    `SELECT last_tx_id::text AS last_tx_id, last_position FROM ${store.schema}.checkpoints WHERE name = $1`,
    [name],
  );
  return rows.length ? { txId: rows[0].last_tx_id, position: BigInt(rows[0].last_position) } : LOG_START;
}

export async function writeCheckpoint(store: PgEventStore, name: string, at: LogPosition, sql = store.db as Pick<Tx, 'query'>): Promise<void> {
  await sql.query(
    `INSERT INTO ${store.schema}.checkpoints (name, last_tx_id, last_position, updated_at)
     VALUES ($1, $2::xid8, $3, now())
     ON CONFLICT (name) DO UPDATE SET last_tx_id = EXCLUDED.last_tx_id, last_position = EXCLUDED.last_position,
       updated_at = now()`,
    [name, at.txId, at.position.toString()],
  );
}

/**
 * Publishes a service's events, in commit-safe order, from its events table (the outbox) to the bus.
 * At-least-once: the checkpoint moves only after the bus acknowledged the whole batch, so a crash in between
 * re-sends the batch and consumers deduplicate through their inbox.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private unsubscribe?: () => void;
  private leader = false;
  private woken = false;
  private failing?: { since: Date; error: string };

  constructor(
    private readonly store: PgEventStore,
    private readonly publish: Publish,
    private readonly options: RelayOptions,
  ) {}

  get isLeader(): boolean {
    return this.leader;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Set while publishing fails (the bus or the database is unreachable); cleared by the next success. */
  get failure(): { since: Date; error: string } | undefined {
    return this.failing;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.store.db.onCommit(() => this.wake());
    this.loop = this.runUntilStopped();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake();
    await this.loop;
  }

  /** Publish one batch; returns how many events went out. Used by the loop and by tests. */
  async publishBatch(): Promise<number> {
    const name = this.options.name;
    const from = await readCheckpoint(this.store, name);
    const events = await this.store.readAll(from, this.options.batchSize ?? 500);
    if (events.length === 0) return 0;
    await this.publish(events);
    const last = events[events.length - 1];
    await writeCheckpoint(this.store, name, { txId: last.txId, position: last.globalPosition });
    return events.length;
  }

  private wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Leadership lives on one connection; when it breaks, take a new one and try for the lock again. */
  private async runUntilStopped(): Promise<void> {
    while (this.running) {
      try {
        await this.store.db.withConnection((lockConnection) => this.lead(lockConnection));
      } catch (error) {
        this.leader = false;
        this.noteFailure(error);
        await this.sleep(1000);
      }
    }
  }

  private async lead(lockConnection: Tx): Promise<void> {
    const key = `relay:${this.store.schema}:${this.options.name}`;
    while (this.running) {
      if (this.leader) {
        // A broken lock connection means the server already released the lock: stop publishing at once.
        await lockConnection.query('SELECT 1');
      } else {
        const { rows } = await lockConnection.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key]);
        this.leader = rows[0].locked;
      }
      if (this.leader) {
        try {
          const published = await this.publishBatch();
          this.failing = undefined;
          if (published > 0) continue;
        } catch (error) {
          this.noteFailure(error);
        }
      }
      await this.sleep(this.leader ? (this.options.idleMs ?? 200) : 1000);
    }
    if (this.leader) {
      await lockConnection.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
      this.leader = false;
    }
  }

  private noteFailure(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.failing = { since: this.failing?.since ?? new Date(), error: message };
    this.options.onError?.(error);
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
