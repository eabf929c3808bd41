import type { Sql } from '@qingyuan/event-store';

interface Activity {
  frames: number;
  duplicates: number;
  rejected: number;
  lastSeen: number;
  lastData: number;
}

/**
 * Per-device counters and last-seen times, written at most once a second in one statement rather than with every
 * batch: at 10,000 frames/s the per-batch update of a thousand device rows cost more than storing the data. What a
 * crash loses is a second of counters; last-seen drives the offline rule, whose threshold is minutes.
 */
export class DeviceActivity {
  private pending = new Map<string, Activity>();
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Sql,
    private readonly everyMs = 1000,
  ) {}

  add(mn: string, change: Partial<Activity>): void {
    const a = this.pending.get(mn) ?? { frames: 0, duplicates: 0, rejected: 0, lastSeen: 0, lastData: 0 };
    a.frames += change.frames ?? 0;
    a.duplicates += change.duplicates ?? 0;
    a.rejected += change.rejected ?? 0;
    a.lastSeen = Math.max(a.lastSeen, change.lastSeen ?? 0);
    a.lastData = Math.max(a.lastData, change.lastData ?? 0);
    this.pending.set(mn, a);
    this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), this.everyMs);
    this.timer.unref?.();
  }

  /** Writes what has accumulated (also called on stop, and by tests that read the counters). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    this.flushing = this.flushing.then(() => (batch.size ? this.write(batch) : undefined));
    return this.flushing;
  }

  private async write(batch: Map<string, Activity>): Promise<void> {
    const rows = [...batch].map(([mn, a]) => ({
      mn,
      frames: a.frames,
      duplicates: a.duplicates,
      rejected: a.rejected,
      seen: a.lastSeen ? new Date(a.lastSeen).toISOString() : null,
      data: a.lastData ? new Date(a.lastData).toISOString() : null,
    }));
    await this.db.query(
      `UPDATE monitoring.devices d SET frames = d.frames + s.frames, duplicates = d.duplicates + s.duplicates, rejected = d.rejected + s.rejected,
         last_seen_at = greatest(d.last_seen_at, s.seen), last_data_time = greatest(d.last_data_time, s.data)
       FROM jsonb_to_recordset($1::jsonb) AS s(mn text, frames int, duplicates int, rejected int, seen timestamptz, data timestamptz)
       WHERE d.mn = s.mn`,
      [JSON.stringify(rows)],
    );
  }
}
