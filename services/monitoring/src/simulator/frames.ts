import { encodeMessage, formatHj212Time, formatQn, type FactorFields, type OutgoingHeader } from '@qingyuan/hj212';
import type { SimulatedDevice } from './devices';
import { anomalyStart, PeriodAggregator, realtimeFields, runStateAt, sampleAt, type Anomaly } from './values';

/** One frame a simulated data logger writes. */
export interface OutgoingFrame {
  cn: string;
  /** absent on HJ/T 212-2005 uploads */
  qn?: string;
  dataTime: string;
  /** the Flag asks for a 9014 (A=1): every 2017/2025 upload; 2005 uploads without Flag ask for nothing */
  ack: boolean;
  bytes: Buffer;
}

/** Flag of an upload: version bits and A=1 (2017: 5, 2025: 9); none for 2005. */
export const UPLOAD_FLAG: Record<SimulatedDevice['input']['standard'], number | undefined> = { '2005': undefined, '2017': 5, '2025': 9 };

/** MinInterval values HJ 212-2017 allows (minutes). */
const MIN_INTERVALS = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30];

/** The minute-data period for a real-time interval: the shortest allowed one that is not shorter than it. */
export function minuteIntervalFor(intervalSeconds: number): number {
  return MIN_INTERVALS.find((m) => m * 60 >= intervalSeconds) ?? 30;
}

/**
 * The frames of one device, tick by tick: each real-time reading gives a 2011 (and a 2021 run state when the device
 * has a process pair), preceded by the 2051 / 2061 / 2031 of any minute, hour or day period it closed.
 */
export class FrameSource {
  /** readings so far */
  readings = 0;
  private lastQnMs = 0;
  private lastDataTimeMs = -Infinity;
  private readonly minute: PeriodAggregator;
  private readonly hour: PeriodAggregator;
  private readonly day: PeriodAggregator;
  readonly minuteInterval: number;

  constructor(
    readonly device: SimulatedDevice,
    options: { minuteInterval?: number } = {},
  ) {
    this.minuteInterval = options.minuteInterval ?? minuteIntervalFor(device.input.realtimeIntervalSeconds);
    this.minute = new PeriodAggregator(device, this.minuteInterval * 60_000);
    this.hour = new PeriodAggregator(device, 3_600_000);
    this.day = new PeriodAggregator(device, 86_400_000);
  }

  /** The frames of a reading taken at `time` (device clock); `anomaly` applies once its `afterFrames` have passed. */
  tick(time: Date, anomaly?: Anomaly): OutgoingFrame[] {
    if (anomaly && this.readings < anomalyStart(anomaly)) anomaly = undefined;
    this.readings += 1;
    // DataTime has whole seconds; two readings in the same second would be one record for the platform.
    let ms = Math.floor(time.getTime() / 1000) * 1000;
    if (ms <= this.lastDataTimeMs) ms = this.lastDataTimeMs + 1000;
    this.lastDataTimeMs = ms;
    const samples = sampleAt(this.device, new Date(ms), anomaly);
    const seconds = this.device.input.realtimeIntervalSeconds;
    const qnAt = Math.max(time.getTime(), ms);
    const out: OutgoingFrame[] = [];
    const periods: Array<[PeriodAggregator, string]> = [[this.minute, '2051'], [this.hour, '2061'], [this.day, '2031']];
    for (const [aggregator, cn] of periods) {
      const closed = aggregator.add(ms, samples, seconds);
      if (closed) out.push(this.frame(cn, closed.start, closed.values, qnAt));
    }
    out.push(this.frame('2011', new Date(ms), realtimeFields(samples, this.device), qnAt));
    if (this.device.input.process) out.push(this.frame('2021', new Date(ms), runStateAt(this.device, anomaly), qnAt));
    return out;
  }

  /** A QN per frame, strictly increasing per device: replies are matched on it. */
  private nextQn(atMs: number): string {
    this.lastQnMs = Math.max(atMs, this.lastQnMs + 1);
    return formatQn(new Date(this.lastQnMs));
  }

  private frame(cn: string, dataTime: Date, values: Record<string, FactorFields>, qnAt: number): OutgoingFrame {
    const { input, st } = this.device;
    const flag = UPLOAD_FLAG[input.standard];
    const qn = flag === undefined ? undefined : this.nextQn(qnAt);
    const header: OutgoingHeader = { qn, st, cn, pw: input.pw, mn: input.mn, flag };
    const time = formatHj212Time(dataTime);
    return { cn, qn, dataTime: time, ack: flag !== undefined, bytes: encodeMessage(header, { DataTime: time }, values) };
  }
}
