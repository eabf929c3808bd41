import { checkSchemaName } from './db';

/**
 * DDL of the event store inside a service's own schema. Services call it from their first migration.
 * The events table is also the outbox; the trigger makes stored events append-only even for the owner role.
 */
export function eventStoreDdl(schemaName: string): string[] {
  const s = checkSchemaName(schemaName);
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `CREATE TABLE ${s}.streams (
      stream_id text PRIMARY KEY,
      version bigint NOT NULL,
      head_hash bytea NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE ${s}.events (
      global_position bigint GENERATED ALWAYS AS IDENTITY,
      tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      stream_id text NOT NULL,
      stream_version bigint NOT NULL,
      event_id uuid NOT NULL,
      event_type text NOT NULL,
      schema_version int NOT NULL,
      data jsonb NOT NULL,
      metadata jsonb NOT NULL,
      recorded_at timestamptz NOT NULL,
      prev_hash bytea NOT NULL,
      hash bytea NOT NULL,
      PRIMARY KEY (stream_id, stream_version),
      UNIQUE (event_id),
      UNIQUE (global_position)
    )`,
    `CREATE INDEX events_tx_position ON ${s}.events (tx_id, global_position)`,
    `CREATE INDEX events_command_id ON ${s}.events (stream_id, (metadata->>'commandId')) WHERE metadata ? 'commandId'`,
    `CREATE FUNCTION ${s}.refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % refused on %.events', TG_OP, TG_TABLE_SCHEMA
          USING ERRCODE = 'insufficient_privilege';
      END $$`,
    `CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON ${s}.events
      FOR EACH ROW EXECUTE FUNCTION ${s}.refuse_event_change()`,
    `CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON ${s}.events
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.refuse_event_change()`,
    `CREATE TABLE ${s}.checkpoints (
      name text PRIMARY KEY,
      last_tx_id xid8 NOT NULL DEFAULT '0',
      last_position bigint NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE TABLE ${s}.inbox (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      stream_id text NOT NULL,
      stream_version bigint NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`,
    `CREATE TABLE ${s}.dead_letters (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      consumer text NOT NULL,
      topic text NOT NULL,
      event_id uuid,
      event_type text,
      payload jsonb NOT NULL,
      error text NOT NULL,
      attempts int NOT NULL,
      dead_at timestamptz NOT NULL DEFAULT now(),
      redriven_at timestamptz
    )`,
  ];
}

export function dropEventStoreDdl(schemaName: string): string[] {
  const s = checkSchemaName(schemaName);
  return [
    `DROP TABLE IF EXISTS ${s}.dead_letters, ${s}.inbox, ${s}.checkpoints, ${s}.streams`,
    `DROP TRIGGER IF EXISTS events_no_truncate ON ${s}.events`,
    `DROP TABLE IF EXISTS ${s}.events`,
    `DROP FUNCTION IF EXISTS ${s}.refuse_event_change()`,
  ];
}
