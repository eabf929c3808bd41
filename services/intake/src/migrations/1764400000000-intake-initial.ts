import { eventStoreDdl } from '@qingyuan/event-store';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IntakeInitial1764400000000 implements MigrationInterface {
  name = 'IntakeInitial1764400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of eventStoreDdl('intake')) await q.query(statement);
    await q.query(`CREATE TABLE intake.clue_view (
      clue_id uuid PRIMARY KEY,
      receipt_hash text NOT NULL UNIQUE,
      channel text NOT NULL,
      category text NOT NULL,
      description text NOT NULL,
      location jsonb NOT NULL,
      town_code text,
      observed_at timestamptz,
      anonymous boolean NOT NULL,
      insider boolean NOT NULL,
      has_identity boolean NOT NULL,
      status text NOT NULL,
      public_stage text NOT NULL,
      problem_id uuid,
      reject_reason text,
      registered_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version bigint NOT NULL
    )`);
    await q.query('CREATE INDEX clue_view_status ON intake.clue_view (status, registered_at DESC)');
    await q.query(`CREATE TABLE intake.clue_public_history (
      clue_id uuid NOT NULL,
      version bigint NOT NULL,
      stage text NOT NULL,
      note text,
      assignment jsonb,
      at timestamptz NOT NULL,
      PRIMARY KEY (clue_id, version)
    )`);
    // The identity vault: its own schema, so a database role for the rest of intake can be denied it.
    await q.query('CREATE SCHEMA IF NOT EXISTS intake_vault');
    await q.query(`CREATE TABLE intake_vault.subject_keys (
      key_id uuid PRIMARY KEY,
      wrapped_dek bytea NOT NULL,
      kek_id text NOT NULL,
      alg text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      destroyed_at timestamptz,
      destroyed_by text,
      destroy_reason text
    )`);
    await q.query(`CREATE TABLE intake_vault.reporters (
      reporter_ref uuid PRIMARY KEY,
      key_id uuid NOT NULL REFERENCES intake_vault.subject_keys,
      enc_identity bytea NOT NULL,
      alg text NOT NULL,
      phone_hmac bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX reporters_phone_hmac ON intake_vault.reporters (phone_hmac)');
    await q.query(`CREATE TABLE intake_vault.access_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      reporter_ref uuid NOT NULL,
      actor_id text NOT NULL,
      purpose text NOT NULL,
      case_ref text NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA intake_vault CASCADE');
    await q.query('DROP TABLE intake.clue_public_history, intake.clue_view');
  }
}
