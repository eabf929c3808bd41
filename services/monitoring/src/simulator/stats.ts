/** What a simulated data logger counts. */
export interface LoggerCounters {
  /** frames written for the first time */
  sent: number;
  /** frames whose 9014 came back */
  acked: number;
  /** retransmissions after an ack timeout */
  resent: number;
  /** frames given up after the last retry */
  failed: number;
  /** frames dropped from a full backlog while disconnected */
  dropped: number;
  connects: number;
  /** socket errors and closes by the platform */
  connectionErrors: number;
  /** 1012 time-set requests answered */
  timeSets: number;
  /** 9011 / 9012 / 9013 answers written */
  answers: number;
  /** frames from the platform that did not decode */
  badFrames: number;
}

export const newCounters = (): LoggerCounters => ({
  sent: 0, acked: 0, resent: 0, failed: 0, dropped: 0, connects: 0, connectionErrors: 0, timeSets: 0, answers: 0, badFrames: 0,
});

export function addCounters(into: LoggerCounters, from: LoggerCounters): LoggerCounters {
  for (const key of Object.keys(into) as Array<keyof LoggerCounters>) into[key] += from[key];
  return into;
}

// Log-scaled buckets of 4 % from 10 µs: quantiles within 4 % without keeping every sample (a benchmark acks millions).
const BASE_MS = 0.01;
const GROWTH = 1.04;
const BUCKETS = Math.ceil(Math.log(3_600_000 / BASE_MS) / Math.log(GROWTH)) + 1;

/** Ack latencies in milliseconds. */
export class LatencyHistogram {
  private readonly buckets = new Uint32Array(BUCKETS);
  count = 0;
  max = 0;

  record(ms: number): void {
    const i = ms <= BASE_MS ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log(ms / BASE_MS) / Math.log(GROWTH)));
    this.buckets[i] += 1;
    this.count += 1;
    if (ms > this.max) this.max = ms;
  }

  merge(other: LatencyHistogram): this {
    for (let i = 0; i < BUCKETS; i++) this.buckets[i] += other.buckets[i];
    this.count += other.count;
    this.max = Math.max(this.max, other.max);
    return this;
  }

  /** The q-quantile (0..1), as the upper bound of its bucket; undefined without samples. */
  quantile(q: number): number | undefined {
    if (this.count === 0) return undefined;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.buckets[i];
      if (seen >= rank) return Math.min(this.max, BASE_MS * GROWTH ** i);
    }
    return this.max;
  }
}
