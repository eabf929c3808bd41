import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PlatformSecrets {
  authSecret: string;
  masterKey: string;
}

/**
 * Secrets of an embedded run: from the environment when given, otherwise generated once and kept in
 * <dataDir>/secrets.json (mode 600). An operator of a distributed run sets them in the environment.
 */
export function loadSecrets(dataDir: string): PlatformSecrets {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secrets.json');
  let stored: Partial<PlatformSecrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<PlatformSecrets>;
  const secrets: PlatformSecrets = {
    authSecret: process.env.QINGYUAN_AUTH_SECRET ?? stored.authSecret ?? randomBytes(32).toString('base64url'),
    masterKey: process.env.QINGYUAN_MASTER_KEY ?? stored.masterKey ?? randomBytes(32).toString('base64'),
  };
  if (!existsSync(file)) {
    writeFileSync(file, JSON.stringify({ authSecret: secrets.authSecret, masterKey: secrets.masterKey }, null, 2), { mode: 0o600 });
  }
  return secrets;
}
