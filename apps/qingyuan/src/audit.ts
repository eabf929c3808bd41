import { Db, GENESIS_HASH, PgEventStore, eventHash, verifyStore, type VerifyReport } from '@qingyuan/event-store';
import { DataSource } from 'typeorm';

/** The schemas holding an event store, one per event-sourced service. */
export const EVENT_STORE_SCHEMAS = ['intake', 'cases', 'rewards', 'enforcement', 'judicial', 'monitoring'];

const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

async function withStores<T>(databaseUrl: string, work: (stores: PgEventStore[]) => Promise<T>): Promise<T> {
  const dataSource = await new DataSource({ type: 'postgres', url: databaseUrl, poolSize: 2, applicationName: 'qingyuan-audit' }).initialize();
  try {
    const { rows } = await new Db(dataSource).query<{ schema: string }>(
      `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'events' AND table_schema = ANY($1)`,
      [EVENT_STORE_SCHEMAS],
    );
    const db = new Db(dataSource);
    return await work(rows.map((r) => new PgEventStore(db, r.schema)));
  } finally {
    await dataSource.destroy();
  }
}

/** `audit verify`: recompute every chain; exit code 1 when any link is broken. */
export async function auditVerify(databaseUrl: string, out: (line: string) => void): Promise<boolean> {
  const reports: VerifyReport[] = await withStores(databaseUrl, (stores) => Promise.all(stores.map((s) => verifyStore(s))));
  let ok = true;
  for (const r of reports) {
    out(`${r.schema}: ${r.streams} streams, ${r.events} events, ${r.breaks.length ? `${r.breaks.length} BROKEN` : 'all chains intact 链完整'}`);
    for (const b of r.breaks) {
      ok = false;
      out(`  BROKEN ${b.streamId} at version ${b.streamVersion}: ${b.reason}`);
    }
  }
  return ok;
}

/** `audit replay <stream>`: the stream's full history, each event's hash checked against its predecessor. */
export async function auditReplay(databaseUrl: string, streamId: string, out: (line: string) => void): Promise<boolean> {
  return withStores(databaseUrl, async (stores) => {
    for (const store of stores) {
      const events = await store.readStream(streamId);
      if (events.length === 0) continue;
      out(`stream ${streamId} (${store.schema}), ${events.length} events`);
      let prev: Buffer = GENESIS_HASH;
      let intact = true;
      for (const e of events) {
        const good = e.prevHash.equals(prev) && eventHash(prev, e).equals(e.hash);
        intact &&= good;
        prev = e.hash;
        const actor = e.metadata.actor;
        const who = actor.kind === 'user' ? `${actor.name ?? ''} (${actor.id})` : actor.kind === 'public' ? '公众 public' : `${actor.kind}:${actor.id ?? ''}`;
        out(`#${e.streamVersion} ${shanghai.format(new Date(e.recordedAt))} ${e.type} by ${who} ${good ? 'ok' : 'HASH MISMATCH'}`);
        out(`   ${JSON.stringify(e.data)}`);
      }
      const verdict = (await verifyStore(store, streamId)).breaks;
      out(verdict.length === 0 && intact ? 'chain intact 链完整' : `chain BROKEN: ${JSON.stringify(verdict)}`);
      return verdict.length === 0 && intact;
    }
    out(`no stream ${streamId}`);
    return false;
  });
}
