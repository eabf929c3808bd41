import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DATA_TABLES } from '../storage/data-tables';

/**
 * Measurement values as `json` (kept as sent, only validated) instead of `jsonb`, and the MN compared bytewise
 * (COLLATE "C"): at 10,000 uploads a second, jsonb's conversion and locale-aware comparisons in the key's index made
 * the insert about three times as expensive for PostgreSQL. Trend queries read a day of rows at a time, for which
 * extracting from json is cheap enough.
 */
export class MonitoringDataJson1766000000002 implements MigrationInterface {
  name = 'MonitoringDataJson1766000000002';

  async up(q: QueryRunner): Promise<void> {
    for (const table of DATA_TABLES) {
      await q.query(`ALTER TABLE monitoring.${table.name} ALTER COLUMN values TYPE json USING values::json, ALTER COLUMN mn TYPE text COLLATE "C"`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of DATA_TABLES) {
      await q.query(`ALTER TABLE monitoring.${table.name} ALTER COLUMN values TYPE jsonb USING values::jsonb, ALTER COLUMN mn TYPE text COLLATE "default"`);
    }
  }
}
