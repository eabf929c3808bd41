import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisation accounts (社会组织、环保管家、行业协会、技术服务机构) speak for their organisation. */
export class IdentityOrganisations1764500000000 implements MigrationInterface {
  name = 'IdentityOrganisations1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE identity.users
      ADD COLUMN organisation_code text, ADD COLUMN organisation_name text, ADD COLUMN organisation_kind text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE identity.users DROP COLUMN organisation_code, DROP COLUMN organisation_name, DROP COLUMN organisation_kind');
  }
}
