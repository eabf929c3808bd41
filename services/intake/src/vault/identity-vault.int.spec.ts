import { randomBytes } from 'node:crypto';
import { Db } from '@qingyuan/event-store';
import { openDatabase } from '@qingyuan/service-kit';
import { createTestDatabase, type TestDatabase } from '@qingyuan/testing';
import type { DataSource } from 'typeorm';
import { INTAKE_MIGRATIONS } from '../intake.service';
import { parseMasterKey } from './envelope-crypto';
import { IdentityVault } from './identity-vault';

describe('reporter identity vault (举报人身份保险库) on a real PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let db: Db;
  const masterKey = parseMasterKey(randomBytes(32).toString('base64'));
  const identity = { name: '保密张', phone: '13700001111', idNumber: '330782199001011234' };

  beforeAll(async () => {
    database = await createTestDatabase('vault');
    dataSource = await openDatabase({ url: database.url, schema: 'intake', migrations: INTAKE_MIGRATIONS });
    db = new Db(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('stores only ciphertext, and records who read an identity, why and for which case', async () => {
    const vault = new IdentityVault(masterKey);
    const ref = await vault.store(db, identity);
    const [row] = await dataSource.query('SELECT enc_identity, alg FROM intake_vault.reporters WHERE reporter_ref = $1', [ref]);
    expect(row.alg).toBe('aes-256-gcm');
    expect(row.enc_identity.toString('latin1')).not.toContain(identity.phone);

    const read = await vault.resolve(db, ref, { actorId: 'u-reward', purpose: '奖励发放', caseRef: 'reward-1' });
    expect(read).toEqual(identity);
    const log = await dataSource.query('SELECT actor_id, purpose, case_ref FROM intake_vault.access_log WHERE reporter_ref = $1', [ref]);
    expect(log).toEqual([{ actor_id: 'u-reward', purpose: '奖励发放', case_ref: 'reward-1' }]);
  });

  it('cannot recover an identity once its data key is destroyed (crypto-shredding)', async () => {
    const vault = new IdentityVault(masterKey);
    const ref = await vault.store(db, identity);
    await dataSource.query(
      `UPDATE intake_vault.subject_keys SET wrapped_dek = '\\x', destroyed_at = now(), destroyed_by = 'dpo', destroy_reason = 'erasure request'
        WHERE key_id = (SELECT key_id FROM intake_vault.reporters WHERE reporter_ref = $1)`,
      [ref],
    );
    expect(await vault.resolve(db, ref, { actorId: 'u', purpose: 'test', caseRef: 'x' })).toBeUndefined();
  });

  it('refuses another master key than the one that wrapped the stored data keys', async () => {
    const other = new IdentityVault(parseMasterKey(randomBytes(32).toString('hex')));
    await expect(other.checkMasterKey(db)).rejects.toThrow(/not the key of the identity vault/);
    await expect(new IdentityVault(masterKey).checkMasterKey(db)).resolves.toBeUndefined();
  });
});
