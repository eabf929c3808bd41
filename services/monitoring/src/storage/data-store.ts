import type { Sql } from '@qingyuan/event-store';
import type { Upload } from '../domain/upload';
import { DATA_TABLES, partitionOf, tableOf, type DataTable } from './data-tables';

/**
 * Writes uploads in batches (one INSERT … SELECT FROM unnest per table) and says which were new: MN + CN + DataTime
 * (+ part) is the key, so a resent or back-filled upload already stored is skipped and judged only once.
 */
export class DataStore {
  private readonly partitions = new Set<string>();
  private readonly making = new Map<string, Promise<void>>();

  constructor(private readonly db: Sql) {}

  /** After an operator dropped old partitions (retention), this process must stop believing they exist. */
  forgetPartitions(): void {
    this.partitions.clear();
  }

  /** Makes the partitions the uploads need, outside any transaction (a rolled-back one would leave the cache wrong). */
  async preparePartitions(uploads: Upload[]): Promise<void> {
    for (const u of uploads) await this.ensurePartition(tableOf(u.kind), u.dataTime);
  }

  /** The uploads that were not stored before (partitions prepared first). */
  async insert(sql: Sql, uploads: Upload[]): Promise<Set<Upload>> {
    const byTable = new Map<DataTable, Upload[]>();
    for (const u of uploads) {
      const table = tableOf(u.kind);
      const list = byTable.get(table);
      if (list) list.push(u);
      else byTable.set(table, [u]);
    }
    const stored = new Set<Upload>();
    for (const [table, rows] of byTable) {
      const byKey = new Map<string, Upload>();
      for (const u of rows) {
        const key = keyOf(u.mn, u.cn, u.dataTime.getTime(), u.part);
        if (!byKey.has(key)) byKey.set(key, u); // a duplicate within the batch: the first one is stored
      }
      // One JSON document is cheaper for PostgreSQL to take apart than six array literals (about twice as fast), and
      // as json rather than jsonb the values are kept as sent; times go as epoch milliseconds, cheaper than ISO text.
      const { rows: inserted } = await sql.query<{ mn: string; cn: number; t: string; part: number }>(
        `INSERT INTO monitoring.${table.name} (mn, cn, data_time, part, received_at, values)
         SELECT r.mn, r.cn, to_timestamp(r.t / 1000.0), r.part, to_timestamp(r.ra / 1000.0), r.v
           FROM json_to_recordset($1::json) AS r(mn text, cn int2, t float8, part int2, ra float8, v json)
         ON CONFLICT DO NOTHING RETURNING mn, cn, (extract(epoch FROM data_time) * 1000)::bigint::text AS t, part`,
        [JSON.stringify(rows.map((r) => ({ mn: r.mn, cn: Number(r.cn), t: r.dataTime.getTime(), part: r.part, ra: r.receivedAt, v: r.values })))],
      );
      for (const i of inserted) {
        const u = byKey.get(keyOf(i.mn, String(i.cn), Number(i.t), i.part));
        if (u) stored.add(u);
      }
    }
    return stored;
  }

  /** Partitions are made on first use, once per process at a time; other processes may race, and IF NOT EXISTS still fails on the loser. */
  private async ensurePartition(table: DataTable, dataTime: Date): Promise<void> {
    const p = partitionOf(table, dataTime);
    if (this.partitions.has(p.name)) return;
    let making = this.making.get(p.name);
    if (!making) {
      making = this.createPartition(table, p).finally(() => this.making.delete(p.name));
      this.making.set(p.name, making);
    }
    await making;
  }

  private async createPartition(table: DataTable, p: ReturnType<typeof partitionOf>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.db.query(
          `CREATE TABLE IF NOT EXISTS monitoring.${p.name} PARTITION OF monitoring.${table.name} FOR VALUES FROM ('${p.from.toISOString()}') TO ('${p.to.toISOString()}')`,
        );
        break;
      } catch (error) {
        if (attempt >= 2) throw error;
      }
    }
    this.partitions.add(p.name);
  }
}

const CST_MS = 8 * 3_600_000;

const keyOf = (mn: string, cn: string, t: number, part: number) => `${mn}|${Number(cn)}|${t}|${part}`;

export type TrendPeriod = 'day' | 'month' | 'year';

export interface TrendPoint {
  dataTime: string;
  value?: number;
  min?: number;
  max?: number;
  flag?: string;
}

/**
 * A factor's trend for a day (minute data, real-time when a device sends no minute data), a month (hourly data) or a
 * year (daily data), from the partition(s) the period covers.
 */
export async function trend(db: Sql, mn: string, factor: string, period: TrendPeriod, from: Date, converted = false): Promise<{ source: string; points: TrendPoint[] }> {
  const local = new Date(from.getTime() + CST_MS);
  const [y, m, d] = [local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()];
  const end = period === 'day' ? Date.UTC(y, m, d + 1) : period === 'month' ? Date.UTC(y, m + 1, 1) : Date.UTC(y + 1, 0, 1);
  const to = new Date(end - CST_MS);
  const sources = period === 'day' ? ['minute_data', 'realtime_data'] : period === 'month' ? ['hourly_data'] : ['daily_data'];
  for (const source of sources) {
    const main = source === 'realtime_data' ? 'Rtd' : 'Avg';
    const field = converted ? `Zs${main}` : main;
    const { rows } = await db.query<{ t: Date; v: string | null; mi: string | null; ma: string | null; f: string | null }>(
      `SELECT data_time AS t, values->$2->>$3 AS v, values->$2->>$4 AS mi, values->$2->>$5 AS ma, values->$2->>'Flag' AS f
         FROM monitoring.${source} WHERE mn = $1 AND data_time >= $6 AND data_time < $7 AND values->$2 IS NOT NULL ORDER BY data_time LIMIT 50000`,
      [mn, factor, field, converted ? 'ZsMin' : 'Min', converted ? 'ZsMax' : 'Max', from.toISOString(), to.toISOString()],
    );
    if (rows.length || source === sources[sources.length - 1]) {
      return {
        source,
        points: rows.map((r) => ({ dataTime: r.t.toISOString(), value: num(r.v), min: num(r.mi), max: num(r.ma), flag: r.f ?? undefined })),
      };
    }
  }
  return { source: sources[0], points: [] };
}

const num = (v: string | null) => (v === null || v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));

export const DATA_TABLE_NAMES = DATA_TABLES.map((t) => t.name);
