import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityInitial1764400000000 implements MigrationInterface {
  name = 'IdentityInitial1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE identity.users (
      user_id uuid PRIMARY KEY,
      username text NOT NULL UNIQUE,
      display_name text NOT NULL,
      password_hash text NOT NULL,
      roles text[] NOT NULL,
      towns text[] NOT NULL DEFAULT '{}',
      departments text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true,
      failed_attempts int NOT NULL DEFAULT 0,
      locked_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Sign-ins and account changes, for the administrator and the auditor (no passwords, no tokens).
    await q.query(`CREATE TABLE identity.audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_id text,
      action text NOT NULL,
      username text NOT NULL,
      detail jsonb NOT NULL DEFAULT '{}'
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE identity.audit_log, identity.users');
  }
}
