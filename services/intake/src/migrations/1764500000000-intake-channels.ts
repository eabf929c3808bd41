import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every channel: sources, attachments, town boundaries, merges, patrols, the blacklist. */
export class IntakeChannels1764500000000 implements MigrationInterface {
  name = 'IntakeChannels1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.clue_view
      ADD COLUMN town_source text NOT NULL DEFAULT 'unknown',
      ADD COLUMN town_approximate boolean NOT NULL DEFAULT false,
      ADD COLUMN source jsonb NOT NULL DEFAULT '{}',
      ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN registered_by text,
      ADD COLUMN reporter_ref uuid,
      ADD COLUMN merged_into uuid,
      ADD COLUMN reject_code text,
      ADD COLUMN referred_to text,
      ADD COLUMN dismissed uuid[] NOT NULL DEFAULT '{}',
      ALTER COLUMN receipt_hash DROP NOT NULL`);
    await q.query(`CREATE INDEX clue_view_candidates ON intake.clue_view (category, registered_at)
      WHERE status IN ('received', 'accepted')`);
    await q.query('CREATE INDEX clue_view_registered_by ON intake.clue_view (registered_by, registered_at DESC)');
    await q.query('CREATE INDEX clue_view_merged_into ON intake.clue_view (merged_into) WHERE merged_into IS NOT NULL');
    await q.query('CREATE INDEX clue_view_problem ON intake.clue_view (problem_id) WHERE problem_id IS NOT NULL');
    // Photos and videos: the original for staff, a copy without metadata for anything shown publicly.
    await q.query(`CREATE TABLE intake.attachments (
      attachment_id uuid PRIMARY KEY,
      clue_id uuid NOT NULL,
      kind text NOT NULL,
      media_type text NOT NULL,
      size int NOT NULL,
      sha256 text NOT NULL,
      original bytea NOT NULL,
      public_copy bytea,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX attachments_clue ON intake.attachments (clue_id)');
    // An official town-boundary GeoJSON uploaded by an operator replaces the approximate built-in one.
    await q.query(`CREATE TABLE intake.town_boundaries (
      version int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      geojson jsonb NOT NULL,
      uploaded_by text NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      note text
    )`);
    await q.query(`CREATE TABLE intake.patrol_check_ins (
      check_in_id uuid PRIMARY KEY,
      user_id text NOT NULL,
      role text NOT NULL,
      grid_code text NOT NULL,
      town_code text,
      at timestamptz NOT NULL,
      position jsonb
    )`);
    await q.query('CREATE INDEX patrol_check_ins_grid ON intake.patrol_check_ins (grid_code, at DESC)');
    await q.query(`CREATE TABLE intake_vault.blacklist (
      phone_hmac bytea PRIMARY KEY,
      reason text NOT NULL,
      added_by text NOT NULL,
      added_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE intake_vault.blacklist, intake.patrol_check_ins, intake.town_boundaries, intake.attachments');
  }
}
