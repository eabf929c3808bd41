import { SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import { uuidv7, type EventMetadata } from '@qingyuan/contracts';
import { asStoredJson } from './canonical-json';
import { checkSchemaName, type Db, type Sql, type Tx } from './db';
import { ConcurrencyConflict, StreamAlreadyExists } from './errors';
import { GENESIS_HASH, eventHash } from './hash-chain';
import type { AppendResult, ExpectedVersion, LogPosition, NewEvent, StoredEvent } from './types';

/** Runs inside the append transaction, e.g. to keep a read model in step with the stream. */
export type AppendHook = (tx: Tx, events: StoredEvent[]) => Promise<void>;

interface EventRow {
  global_position: string;
  tx_id: string;
  stream_id: string;
  stream_version: string;
  event_id: string;
  event_type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date | string;
  prev_hash: Buffer;
  hash: Buffer;
}

const tracer = trace.getTracer('qingyuan-event-store');

const COLUMNS = `global_position, tx_id::text AS tx_id, stream_id, stream_version, event_id, event_type,
  schema_version, data, metadata, recorded_at, prev_hash, hash`;

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    globalPosition: BigInt(row.global_position),
    txId: row.tx_id,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    eventId: row.event_id,
    type: row.event_type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: new Date(row.recorded_at).toISOString(),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The append-only event store of one service, in that service's PostgreSQL schema.
 * Append checks the expected version under the stream's row lock, so the per-stream hash chain is computed
 * without races and a conflict is an error, never an overwrite.
 */
export class PgEventStore {
  private readonly hooks: AppendHook[] = [];

  constructor(
    readonly db: Db,
    readonly schema: string,
  ) {
    checkSchemaName(schema);
  }

  /** Register work that must commit together with every append (inline projections). */
  onAppend(hook: AppendHook): void {
    this.hooks.push(hook);
  }

  async append(
    streamId: string,
    expected: ExpectedVersion,
    events: NewEvent[],
    metadata: EventMetadata,
  ): Promise<AppendResult> {
    return this.db.transaction((tx) => this.appendIn(tx, streamId, expected, events, metadata));
  }

  /**
   * Append within a caller's transaction (e.g. together with an inbox record), in a span of its own whose
   * trace context is stamped on the events, so the bus hop and the consumers continue the same trace.
   */
  async appendIn(
    tx: Tx,
    streamId: string,
    expected: ExpectedVersion,
    events: NewEvent[],
    metadata: EventMetadata,
  ): Promise<AppendResult> {
    return tracer.startActiveSpan(`append ${events[0]?.type ?? ''}`, { attributes: { 'qingyuan.stream_id': streamId } }, async (span) => {
      try {
        const carrier: Record<string, string> = {};
        propagation.inject(context.active(), carrier);
        return await this.appendUntraced(tx, streamId, expected, events, carrier.traceparent ? { ...metadata, traceparent: carrier.traceparent } : metadata);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
        throw error;
      } finally {
        span.end();
      }
    });
  }

  private async appendUntraced(
    tx: Tx,
    streamId: string,
    expected: ExpectedVersion,
    events: NewEvent[],
    metadata: EventMetadata,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('nothing to append');
    const s = this.schema;
    const head = await this.lockStream(tx, streamId, expected);
    if (metadata.commandId) {
      // A retried command (a flaky phone connection) gets its first result back instead of a second write.
      const earlier = await this.eventsOfCommand(tx, streamId, metadata.commandId);
      if (earlier.length > 0) return { streamId, nextVersion: earlier[earlier.length - 1].streamVersion, events: earlier };
    }
    const actual = head.version;
    if (typeof expected === 'number' && actual !== expected) throw new ConcurrencyConflict(streamId, expected, actual);
    let prevHash: Buffer = head.headHash;
    const recordedAt = new Date().toISOString();
    const stored: Array<Omit<StoredEvent, 'globalPosition' | 'txId'>> = events.map((event, i) => {
      const fields = {
        streamId,
        streamVersion: actual + 1 + i,
        eventId: uuidv7(),
        type: event.type,
        schemaVersion: event.schemaVersion ?? 1,
        data: asStoredJson(event.data),
        metadata: asStoredJson(metadata),
        recordedAt,
      };
      const hash = eventHash(prevHash, fields);
      const row = { ...fields, prevHash, hash };
      prevHash = hash;
      return row;
    });
    const nextVersion = actual + events.length;
    const values: unknown[] = [];
    const tuples = stored.map((e, i) => {
      values.push(e.streamId, e.streamVersion, e.eventId, e.type, e.schemaVersion, JSON.stringify(e.data),
        JSON.stringify(e.metadata), e.recordedAt, e.prevHash, e.hash);
      const p = i * 10;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}::jsonb, $${p + 7}::jsonb, $${p + 8}, $${p + 9}, $${p + 10})`;
    });
    const n = values.length;
    values.push(nextVersion, prevHash, streamId);
    // One round trip: the events and the stream's new head together.
    const inserted = await tx.query<{ global_position: string; tx_id: string }>(
      `WITH appended AS (
         INSERT INTO ${s}.events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata,
           recorded_at, prev_hash, hash)
         VALUES ${tuples.join(', ')} RETURNING global_position, tx_id),
       moved AS (UPDATE ${s}.streams SET version = $${n + 1}, head_hash = $${n + 2}, updated_at = now() WHERE stream_id = $${n + 3})
       SELECT global_position, tx_id::text AS tx_id FROM appended ORDER BY global_position`,
      values,
    );
    const result = stored.map((e, i) => ({
      ...e,
      globalPosition: BigInt(inserted.rows[i].global_position),
      txId: inserted.rows[i].tx_id,
    }));
    for (const hook of this.hooks) await hook(tx, result);
    return { streamId, nextVersion, events: result };
  }

  /**
   * Take the stream's row lock (creating the stream when the expectation allows it). The lock serialises the
   * writers of one stream, so the version check and the hash chain are race-free. An existing stream costs one query,
   * and so does a new one appended with 'no-stream'.
   */
  private async lockStream(tx: Tx, streamId: string, expected: ExpectedVersion): Promise<{ version: number; headHash: Buffer }> {
    if (expected === 'no-stream') {
      // A new stream: the row this transaction inserts is its lock (a concurrent creator waits on the key, then fails).
      const created = await tx.query(
        `INSERT INTO ${this.schema}.streams (stream_id, version, head_hash) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING`,
        [streamId, GENESIS_HASH],
      );
      if (created.rowCount === 0) throw new StreamAlreadyExists(streamId);
      return { version: 0, headHash: GENESIS_HASH };
    }
    const lock = () =>
      tx.query<{ version: string; head_hash: Buffer }>(
        `SELECT version, head_hash FROM ${this.schema}.streams WHERE stream_id = $1 FOR UPDATE`,
        [streamId],
      );
    let head = await lock();
    if (head.rows.length === 0) {
      if (typeof expected === 'number' && expected !== 0) throw new ConcurrencyConflict(streamId, expected, 0);
      await tx.query(`INSERT INTO ${this.schema}.streams (stream_id, version, head_hash) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING`, [streamId, GENESIS_HASH]);
      head = await lock();
    }
    return { version: Number(head.rows[0].version), headHash: head.rows[0].head_hash };
  }

  async readStream(streamId: string, sql: Sql = this.db): Promise<StoredEvent[]> {
    const { rows } = await sql.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.events WHERE stream_id = $1 ORDER BY stream_version`,
      [streamId],
    );
    return rows.map(toStoredEvent);
  }

  /**
   * Events after a position, in commit-safe order: only transactions older than the oldest one still running
   * are read, so an event committed late can never fall behind a reader's checkpoint.
   */
  async readAll(after: LogPosition, limit: number, sql: Sql = this.db): Promise<StoredEvent[]> {
    const { rows } = await sql.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.events
        WHERE (tx_id, global_position) > ($1::xid8, $2::bigint)
          AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY events.tx_id, events.global_position
        LIMIT $3`,
      [after.txId, after.position.toString(), limit],
    );
    return rows.map(toStoredEvent);
  }

  /** Every event after a global position, in position order (rebuilds and audits, not relays). */
  async readFrom(afterPosition: bigint, limit: number, sql: Sql = this.db): Promise<StoredEvent[]> {
    const { rows } = await sql.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
      [afterPosition.toString(), limit],
    );
    return rows.map(toStoredEvent);
  }

  async streamVersion(streamId: string, sql: Sql = this.db): Promise<number> {
    const { rows } = await sql.query<{ version: string }>(
      `SELECT version FROM ${this.schema}.streams WHERE stream_id = $1`,
      [streamId],
    );
    return rows.length ? Number(rows[0].version) : 0;
  }

  private async eventsOfCommand(sql: Sql, streamId: string, commandId: string): Promise<StoredEvent[]> {
    const { rows } = await sql.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.schema}.events
        WHERE stream_id = $1 AND metadata ? 'commandId' AND metadata->>'commandId' = $2 ORDER BY stream_version`,
      [streamId, commandId],
    );
    return rows.map(toStoredEvent);
  }
}
