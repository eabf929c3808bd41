import { eventStoreDdl } from '@qingyuan/event-store';
import { ruleVersionsDdl } from '@qingyuan/service-kit';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_REQUIRED_MATERIALS } from '../domain/materials';
import { DEFAULT_THRESHOLDS } from '../domain/thresholds';
import { DEFAULT_TIME_LIMITS } from '../domain/time-limits';
import { DEFAULT_AGENCIES } from '../transfers/agencies';

export class JudicialInitial1765100000000 implements MigrationInterface {
  name = 'JudicialInitial1765100000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of eventStoreDdl('judicial')) await q.query(statement);
    for (const [statement, params] of ruleVersionsDdl('judicial', [
      { kind: 'time-limits', rules: DEFAULT_TIME_LIMITS, note: 'regulations §4: 2020 规定, 2017 办法, SPP 2001, 2015 暂行办法' },
      { kind: 'materials', rules: DEFAULT_REQUIRED_MATERIALS, note: '2020 规定第六条' },
      { kind: 'thresholds', rules: DEFAULT_THRESHOLDS, note: '法释〔2023〕7号' },
    ])) {
      await q.query(statement, params);
    }
    // 行刑衔接 agencies; liaison accounts and API keys speak for one of them.
    await q.query(`CREATE TABLE judicial.agencies (
      code text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('police', 'procuratorate', 'court')),
      name text NOT NULL,
      is_default boolean NOT NULL DEFAULT false
    )`);
    for (const a of DEFAULT_AGENCIES) await q.query('INSERT INTO judicial.agencies (code, kind, name, is_default) VALUES ($1, $2, $3, true)', [a.code, a.kind, a.name]);
    // System-to-system access for an agency's own platform: only the SHA-256 of a key's secret is kept.
    await q.query(`CREATE TABLE judicial.api_keys (
      key_id text PRIMARY KEY,
      agency_code text NOT NULL REFERENCES judicial.agencies (code),
      secret_sha256 bytea NOT NULL,
      label text NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz
    )`);
    // Durable timers: one row per legal time limit, written in the transaction of the event that starts it.
    await q.query(`CREATE TABLE judicial.timers (
      timer_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      transfer_id uuid NOT NULL,
      step text NOT NULL,
      party text NOT NULL,
      start_at timestamptz NOT NULL,
      warn_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      warned boolean NOT NULL DEFAULT false,
      overdue boolean NOT NULL DEFAULT false,
      closed_at timestamptz
    )`);
    await q.query('CREATE INDEX timers_transfer ON judicial.timers (transfer_id, start_at)');
    await q.query('CREATE INDEX timers_open ON judicial.timers (warn_at, due_at) WHERE closed_at IS NULL');
    // Suspected crimes reported by cases and enforcement, waiting for an officer to draft the transfer.
    await q.query(`CREATE TABLE judicial.leads (
      lead_id text PRIMARY KEY,
      source text NOT NULL,
      problem_id uuid,
      enforcement_case_id uuid,
      enterprise_id uuid,
      title text NOT NULL,
      basis text NOT NULL,
      criteria jsonb NOT NULL,
      town_code text,
      transfer_id uuid,
      received_at timestamptz NOT NULL
    )`);
    // Read models.
    await q.query(`CREATE TABLE judicial.transfers (
      transfer_id uuid PRIMARY KEY,
      kind text NOT NULL,
      status text NOT NULL,
      title text NOT NULL,
      suspect jsonb NOT NULL,
      problem_id uuid,
      enterprise_id uuid,
      town_code text,
      police_code text NOT NULL,
      procuratorate_code text NOT NULL,
      court_code text,
      sent boolean NOT NULL DEFAULT false,
      drafted jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      status_since timestamptz NOT NULL,
      version int NOT NULL
    )`);
    await q.query('CREATE INDEX transfers_status ON judicial.transfers (status, status_since)');
    await q.query(`CREATE TABLE judicial.transfer_history (
      event_id uuid PRIMARY KEY,
      transfer_id uuid NOT NULL,
      stream_version int NOT NULL,
      type text NOT NULL,
      status text NOT NULL,
      data jsonb NOT NULL,
      actor text,
      at timestamptz NOT NULL
    )`);
    await q.query('CREATE INDEX transfer_history_transfer ON judicial.transfer_history (transfer_id, at)');
    await q.query(`CREATE TABLE judicial.consultations (
      consultation_id uuid PRIMARY KEY,
      transfer_id uuid,
      held_on date NOT NULL,
      topic text NOT NULL,
      participants jsonb NOT NULL,
      conclusions text NOT NULL,
      recorded_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA judicial CASCADE');
  }
}
