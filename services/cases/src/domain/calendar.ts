/** The calendar day in Asia/Shanghai (UTC+8, no daylight saving): deadlines are Yiwu's days, not UTC's. */
export function shanghaiDate(at: Date = new Date()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
