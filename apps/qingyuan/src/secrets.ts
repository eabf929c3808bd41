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
  const stored: Partial<PlatformSecrets> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<PlatformSecrets>) : {};
  // Only generated values are written to the file; values from the environment stay where the operator keeps them.
  const generated: Partial<PlatformSecrets> = { ...stored };
  if (!process.env.QINGYUAN_AUTH_SECRET && !stored.authSecret) generated.authSecret = randomBytes(32).toString('base64url');
  if (!process.env.QINGYUAN_MASTER_KEY && !stored.masterKey) generated.masterKey = randomBytes(32).toString('base64');
  if (generated.authSecret !== stored.authSecret || generated.masterKey !== stored.masterKey) {
    writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  }
  return {
    authSecret: process.env.QINGYUAN_AUTH_SECRET ?? generated.authSecret!,
    masterKey: process.env.QINGYUAN_MASTER_KEY ?? generated.masterKey!,
  };
}
