import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Identity resolution with a second approver (e.g. finance paying a reward), in the vault's schema. */
export class IntakeIdentityRequests1764800000000 implements MigrationInterface {
  name = 'IntakeIdentityRequests1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE intake_vault.identity_requests (
      request_id uuid PRIMARY KEY,
      clue_id uuid NOT NULL,
      reporter_ref uuid NOT NULL,
      purpose text NOT NULL,
      case_ref text NOT NULL,
      requested_by text NOT NULL,
      requested_at timestamptz NOT NULL DEFAULT now(),
      status text NOT NULL DEFAULT 'pending',
      decided_by text,
      decided_at timestamptz,
      reason text,
      viewed_at timestamptz
    )`);
    await q.query('CREATE INDEX identity_requests_status ON intake_vault.identity_requests (status, requested_at DESC)');
    await q.query('ALTER TABLE intake_vault.access_log ADD COLUMN approved_by text, ADD COLUMN request_id uuid');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE intake_vault.access_log DROP COLUMN approved_by, DROP COLUMN request_id');
    await q.query('DROP TABLE intake_vault.identity_requests');
  }
}
