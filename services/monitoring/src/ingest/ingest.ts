import { parseDataSegment, type Hj212Mode } from '@qingyuan/hj212';
import type { PgEventStore, Tx } from '@qingyuan/event-store';
import type { JsonLogger } from '@qingyuan/telemetry';
import type { AlarmBook, DeviceView } from '../alarms/alarm-book';
import { decide } from '../domain/decide';
import { judgeUpload, newDeviceWindow, type Condition, type DeviceWindow, type MayBeOpen } from '../domain/judge';
import { uploadOf, type Upload } from '../domain/upload';
import type { DeviceDirectory } from '../registry/device-directory';
import type { AlarmRuleSource } from '../settings/alarm-rule-source';
import type { DataStore } from '../storage/data-store';
import type { DeviceActivity } from './device-activity';
import type { AcceptedFrame, FrameSink } from './frames';

export interface IngestOptions {
  mode: Hj212Mode;
  clock: () => Date;
  logger: JsonLogger;
  /** data times further in the future than this are refused (a logger with a wrong clock) */
  maxFutureMs?: number;
  /** and older than this (a partition a city would have dropped) */
  maxAgeMs?: number;
}

interface Rejected {
  receivedAt: number;
  mn?: string;
  reason: string;
  frame: string;
}

/**
 * The ingest worker: decodes the frames a gateway accepted, stores each upload once, judges the new ones and writes
 * the alarms they decide — data and alarms in one transaction, so a failed batch is retried whole and judged again.
 */
export class Ingest implements FrameSink {
  private readonly windows = new Map<string, DeviceWindow>();

  constructor(
    private readonly store: PgEventStore,
    private readonly devices: DeviceDirectory,
    private readonly data: DataStore,
    private readonly book: AlarmBook,
    private readonly rules: AlarmRuleSource,
    private readonly activity: DeviceActivity,
    private readonly options: IngestOptions,
  ) {}

  async accept(frames: AcceptedFrame[]): Promise<void> {
    if (frames.length === 0) return;
    const uploads: Upload[] = [];
    const owners: DeviceView[] = [];
    const rejected: Rejected[] = [];
    const seen: AcceptedFrame[] = [];
    const now = this.options.clock().getTime();
    for (const f of frames) {
      const result = f.message ? { valid: true as const, message: f.message } : parseDataSegment({ data: f.data, declaredLength: f.data.length, crc: '', tolerated: [] }, this.options.mode);
      if (!result.valid) {
        rejected.push({ receivedAt: f.receivedAt, mn: f.mn, reason: result.problem.error, frame: f.data.toString('utf8') });
        continue;
      }
      const mn = result.message.mn ?? f.mn;
      const device = await this.device(mn);
      if (!device) {
        rejected.push({ receivedAt: f.receivedAt, mn, reason: 'UNKNOWN_DEVICE', frame: f.data.toString('utf8') });
        continue;
      }
      seen.push(f);
      const u = uploadOf(result.message, f.receivedAt);
      if (!('upload' in u)) continue;
      const t = u.upload.dataTime.getTime();
      if (t > now + (this.options.maxFutureMs ?? 86_400_000) || t < now - (this.options.maxAgeMs ?? 5 * 366 * 86_400_000)) {
        rejected.push({ receivedAt: f.receivedAt, mn, reason: 'DATA_TIME_OUT_OF_RANGE', frame: f.data.toString('utf8') });
        continue;
      }
      uploads.push(u.upload);
      owners.push(device);
    }
    await this.data.preparePartitions(uploads);
    const rules = await this.rules.current();
    try {
      const fresh = await this.store.db.transaction(async (tx) => {
        const stored = await this.data.insert(tx, uploads);
        await this.judge(tx, uploads, owners, stored, rules);
        await this.recordRejected(tx, rejected);
        return stored;
      });
      this.noteStored(seen, uploads, fresh, rejected);
    } catch (error) {
      // 23514: no partition for a row — one was dropped under us; the retried batch makes it again.
      if (pgCode(error) === '23514') this.data.forgetPartitions();
      this.options.logger.emit('error', 'hj212 batch not stored; it will be retried', { frames: frames.length, error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  /** The fresh uploads in data-time order with their devices (active ones), judged against the alarms open now. */
  private async judge(tx: Tx, uploads: Upload[], owners: DeviceView[], fresh: Set<Upload>, rules: Awaited<ReturnType<AlarmRuleSource['current']>>): Promise<void> {
    const judged: Array<{ u: Upload; device: DeviceView }> = [];
    const devices = new Map<string, DeviceView>();
    for (let i = 0; i < uploads.length; i++) {
      if (!fresh.has(uploads[i]) || !owners[i].active) continue;
      judged.push({ u: uploads[i], device: owners[i] });
      devices.set(owners[i].deviceId, owners[i]);
    }
    if (devices.size === 0) return;
    judged.sort((a, b) => a.u.dataTime.getTime() - b.u.dataTime.getTime());
    // The open alarms first: a normal reading then says nothing about alarms that are not open.
    const open = await this.book.openAlarms([...devices.keys()], tx);
    const openByDevice = new Map<string, Set<string>>();
    for (const a of open.values()) {
      const set = openByDevice.get(a.deviceId);
      if (set) set.add(`${a.kind}|${a.factor ?? ''}`);
      else openByDevice.set(a.deviceId, new Set([`${a.kind}|${a.factor ?? ''}`]));
    }
    const conditions = new Map<string, Condition[]>();
    for (const { u, device } of judged) {
      let window = this.windows.get(device.deviceId);
      if (!window) this.windows.set(device.deviceId, (window = newDeviceWindow()));
      const openHere = openByDevice.get(device.deviceId);
      const found = judgeUpload(device, rules.rules, u, window, openHere ? (kind, factor) => openHere.has(`${kind}|${factor ?? ''}`) : NONE_OPEN);
      if (found.length === 0) continue;
      const list = conditions.get(device.deviceId);
      if (list) list.push(...found);
      else conditions.set(device.deviceId, found);
    }
    const decided = [];
    for (const [deviceId, list] of conditions) {
      for (const decision of decide(deviceId, list, open)) decided.push({ device: devices.get(deviceId)!, decision });
    }
    await this.book.applyAll(tx, decided, rules);
  }

  /** Counters and last-seen per device, for what was stored (written a second later by DeviceActivity). */
  private noteStored(seen: AcceptedFrame[], uploads: Upload[], fresh: Set<Upload>, rejected: Rejected[]): void {
    for (const f of seen) this.activity.add(f.mn, { frames: 1, lastSeen: f.receivedAt });
    for (const u of uploads) {
      if (fresh.has(u)) this.activity.add(u.mn, { lastData: u.dataTime.getTime() });
      else this.activity.add(u.mn, { duplicates: 1 });
    }
    for (const r of rejected) if (r.mn) this.activity.add(r.mn, { rejected: 1 });
  }

  private async recordRejected(tx: Tx, rejected: Rejected[]): Promise<void> {
    if (rejected.length === 0) return;
    await tx.query(
      `INSERT INTO monitoring.rejected_frames (received_at, mn, reason, frame)
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[])`,
      [rejected.map((r) => new Date(r.receivedAt).toISOString()), rejected.map((r) => r.mn ?? null), rejected.map((r) => r.reason), rejected.map((r) => r.frame)],
    );
    this.options.logger.emit('warn', 'hj212 frames refused after acceptance', { count: rejected.length, reasons: [...new Set(rejected.map((r) => r.reason))] });
  }

  /** A device registered a moment ago may not be in this worker's directory yet: look again once. */
  private async device(mn: string): Promise<DeviceView | undefined> {
    const known = this.devices.get(mn);
    if (known) return known;
    await this.devices.refresh();
    return this.devices.get(mn);
  }
}

const NONE_OPEN: MayBeOpen = () => false;

const pgCode = (error: unknown): string | undefined => (error as { code?: string })?.code ?? (error as { driverError?: { code?: string } })?.driverError?.code;
