import { readFileSync } from 'node:fs';
import { readDrawRecord, verifyRecord, type DrawRecord } from '@qingyuan/enforcement-service';
import { Db, PgEventStore } from '@qingyuan/event-store';
import { DataSource } from 'typeorm';

/**
 * `draw verify <drawId>` reads the draw's record from the database; `draw verify --file record.json` checks a record
 * downloaded from GET /api/enforcement/draws/:id/record, with no database at all. Either prints the verification as
 * JSON; true when the recomputation matches byte for byte.
 */
export async function drawVerify(target: { drawId: string; databaseUrl: string } | { file: string }, out: (line: string) => void): Promise<boolean> {
  const record = 'file' in target ? (JSON.parse(readFileSync(target.file, 'utf8')) as DrawRecord) : await fromDatabase(target.databaseUrl, target.drawId);
  const verification = verifyRecord(record);
  out(JSON.stringify({ drawId: record.performed.drawId, ...verification, seedHash: record.committed.seedHash, resultHash: record.performed.resultHash }, null, 2));
  out(verification.ok ? '抽取复核通过：结果可由公布的输入与种子逐字节重现 / verified: the result is reproduced byte for byte' : `抽取复核不通过 / NOT verified: ${verification.mismatches.join(', ')}`);
  return verification.ok;
}

async function fromDatabase(databaseUrl: string, drawId: string): Promise<DrawRecord> {
  const dataSource = await new DataSource({ type: 'postgres', url: databaseUrl, poolSize: 1, applicationName: 'qingyuan-draw-verify' }).initialize();
  try {
    return await readDrawRecord(new PgEventStore(new Db(dataSource), 'enforcement'), drawId);
  } finally {
    await dataSource.destroy();
  }
}
