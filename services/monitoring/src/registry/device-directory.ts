import type { Sql } from '@qingyuan/event-store';
import type { DeviceView } from '../alarms/alarm-book';

interface Row {
  mn: string;
  pw_hash: string | null;
  data: Omit<DeviceView, 'pwHash' | 'registeredAt'>;
  registered_at: Date;
  updated_at: Date;
  stamp: string;
}

/**
 * A change is stamped when its transaction writes it but seen only once that commits, so a registration committed
 * after a later-stamped one would fall behind the watermark: every look reads this far back again.
 */
const OVERLAP_MS = 5 * 60_000;

/**
 * The device registry as the gateway and the ingest workers read it: all devices in memory, refreshed by what changed
 * since the last look (and a little before), so a new device or a changed password is picked up within one refresh
 * interval.
 */
export class DeviceDirectory {
  private readonly byMn = new Map<string, DeviceView>();
  private readonly mnOf = new Map<string, string>();
  private readonly stampOf = new Map<string, string>();
  private seenUpTo = 0;
  private refreshing?: Promise<void>;
  private refreshedAt = 0;

  constructor(private readonly db: Sql) {}

  get(mn: string): DeviceView | undefined {
    return this.byMn.get(mn);
  }

  get size(): number {
    return this.byMn.size;
  }

  /** An unknown MN may be a device registered a moment ago: look again, at most once per `minGapMs`, sharing one query. */
  async refreshIfStale(minGapMs = 500): Promise<void> {
    const wait = this.refreshedAt + minGapMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return this.refresh();
  }

  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = undefined;
      this.refreshedAt = Date.now();
    });
    return this.refreshing;
  }

  /** What changed in the overlap is told apart by its stamp; only those rows are read whole. */
  private async load(): Promise<void> {
    const { rows: stamps } = await this.db.query<{ mn: string; stamp: string }>(
      `SELECT d.mn, greatest(d.updated_at, c.updated_at)::text AS stamp
         FROM monitoring.devices d LEFT JOIN monitoring.device_credentials c ON c.mn = d.mn
        WHERE greatest(d.updated_at, c.updated_at) >= $1`,
      [new Date(this.seenUpTo - OVERLAP_MS).toISOString()],
    );
    const changed = stamps.filter((r) => this.stampOf.get(r.mn) !== r.stamp).map((r) => r.mn);
    if (changed.length === 0) return;
    const { rows } = await this.db.query<Row>(
      `SELECT d.mn, c.pw_hash, d.data, d.registered_at, greatest(d.updated_at, c.updated_at) AS updated_at,
              greatest(d.updated_at, c.updated_at)::text AS stamp
         FROM monitoring.devices d LEFT JOIN monitoring.device_credentials c ON c.mn = d.mn
        WHERE d.mn = ANY($1::text[])`,
      [changed],
    );
    for (const r of rows) {
      const before = this.mnOf.get(r.data.deviceId);
      if (before !== undefined && before !== r.mn) this.byMn.delete(before); // the device's MN changed
      this.mnOf.set(r.data.deviceId, r.mn);
      this.byMn.set(r.mn, { ...r.data, pwHash: r.pw_hash ?? undefined, registeredAt: r.registered_at });
      this.stampOf.set(r.mn, r.stamp);
      this.seenUpTo = Math.max(this.seenUpTo, r.updated_at.getTime());
    }
  }
}
