import type { DataKind } from '../domain/upload';

/**
 * One table per kind of data, partitioned by data time: real-time and minute data by month, hourly and daily data by
 * year. A city's 1,000 devices at a 30 s real-time interval write about 86 million real-time rows a month.
 */
export interface DataTable {
  name: string;
  kinds: DataKind[];
  partition: 'month' | 'year';
}

export const DATA_TABLES: DataTable[] = [
  { name: 'realtime_data', kinds: ['realtime', 'run-state'], partition: 'month' },
  { name: 'minute_data', kinds: ['minute'], partition: 'month' },
  { name: 'hourly_data', kinds: ['hour'], partition: 'year' },
  { name: 'daily_data', kinds: ['day'], partition: 'year' },
];

export const tableOf = (kind: DataKind): DataTable => DATA_TABLES.find((t) => t.kinds.includes(kind))!;

const CST_MS = 8 * 3_600_000;

/** The partition holding a data time: bounds in China Standard Time, so a month or year is Yiwu's month or year. */
export function partitionOf(table: DataTable, dataTime: Date): { name: string; from: Date; to: Date } {
  const local = new Date(dataTime.getTime() + CST_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  const from = table.partition === 'month' ? Date.UTC(y, m, 1) : Date.UTC(y, 0, 1);
  const to = table.partition === 'month' ? Date.UTC(y, m + 1, 1) : Date.UTC(y + 1, 0, 1);
  const suffix = table.partition === 'month' ? `${y}${String(m + 1).padStart(2, '0')}` : `${y}`;
  return { name: `${table.name}_${suffix}`, from: new Date(from - CST_MS), to: new Date(to - CST_MS) };
}
