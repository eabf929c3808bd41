import { simulatedDevices, type SimulatedDevice } from './devices';
import { SimulatedLogger, type LoggerOptions } from './logger';
import { addCounters, LatencyHistogram, newCounters, type LoggerCounters } from './stats';
import { ANOMALY_KINDS, type Anomaly, type AnomalyKind } from './values';

export interface SimulationOptions {
  host?: string;
  /** the platform's HJ 212 port (9212) */
  port?: number;
  /** how many devices (numbered 1..N, see `simulatedDevices`), or the devices themselves */
  devices: number | SimulatedDevice[];
  /** real-time interval in seconds (30) */
  interval?: number;
  mnPrefix?: string;
  /** device number (1-based) or MN → the anomaly it shows */
  anomalies?: Record<string, Anomaly | AnomalyKind>;
  /** fast mode: DataTime advances by the interval per reading, as fast as `rate` allows */
  fast?: boolean;
  /** fast mode: frames per second over all devices (split evenly); unlimited when absent */
  rate?: number;
  startAt?: Date;
  /** new connections per second while starting (500), so 1,000 devices do not connect in the same millisecond */
  connectRate?: number;
  /** passed to every logger: ackTimeoutMs, retries, reconnect delays, maxInFlight, … */
  logger?: Omit<LoggerOptions, 'port' | 'host' | 'anomaly' | 'fast' | 'rate' | 'startAt'>;
}

export interface SimulationStats extends LoggerCounters {
  devices: number;
  connected: number;
  inFlight: number;
  /** ack latency from the first sending of a frame to its 9014, ms */
  ackP50?: number;
  ackP99?: number;
  ackMax?: number;
}

/** Anomalies by device number, checked against the devices (unknown device or factor, process without a pair). */
export function resolveAnomalies(devices: SimulatedDevice[], anomalies: SimulationOptions['anomalies'] = {}): Map<number, Anomaly> {
  const out = new Map<number, Anomaly>();
  for (const [key, given] of Object.entries(anomalies)) {
    const anomaly: Anomaly = typeof given === 'string' ? { kind: given } : given;
    const device = devices.find((d) => d.input.mn === key) ?? (/^\d+$/.test(key) ? devices.find((d) => d.index === Number(key)) : undefined);
    if (!device) throw new RangeError(`anomaly for ${key}: no such device (devices 1–${devices.length} or their MN)`);
    if (!ANOMALY_KINDS.includes(anomaly.kind)) throw new RangeError(`anomaly ${String(anomaly.kind)}: not one of ${ANOMALY_KINDS.join(', ')}`);
    if (anomaly.factor !== undefined && !device.input.factors.some((f) => f.code === anomaly.factor)) {
      throw new RangeError(`anomaly for device ${device.index}: it has no factor ${anomaly.factor} (${device.input.factors.map((f) => f.code).join(', ')})`);
    }
    if (anomaly.kind === 'process' && !device.input.process) {
      const withPair = devices.filter((d) => d.input.process).map((d) => d.index).slice(0, 8);
      throw new RangeError(`anomaly process for device ${device.index}: it has no process pair (devices with one: ${withPair.join(', ')}…)`);
    }
    out.set(device.index, anomaly);
  }
  return out;
}

/** N simulated data loggers against one platform: started with a connection ramp, stopped together. */
export class Simulation {
  readonly devices: SimulatedDevice[];
  readonly loggers: SimulatedLogger[];
  private rampTimer?: NodeJS.Timeout;
  private readonly connectRate: number;

  constructor(options: SimulationOptions) {
    const interval = options.interval ?? 30;
    this.devices = typeof options.devices === 'number'
      ? simulatedDevices(options.devices, { intervalSeconds: interval, mnPrefix: options.mnPrefix })
      : options.devices;
    const anomalies = resolveAnomalies(this.devices, options.anomalies);
    const rate = options.rate !== undefined && this.devices.length > 0 ? options.rate / this.devices.length : undefined;
    const startAt = options.startAt ?? new Date();
    this.connectRate = options.connectRate ?? 500;
    this.loggers = this.devices.map((device) => new SimulatedLogger(device, {
      ...options.logger,
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 9212,
      anomaly: anomalies.get(device.index),
      fast: options.fast,
      rate,
      startAt,
    }));
  }

  /** Starts the loggers, `connectRate` per second (checked every 10 ms, catching up when timers run late). */
  start(): void {
    let next = 0;
    const began = performance.now();
    const batch = () => {
      const due = Math.min(this.loggers.length, Math.floor(((performance.now() - began) * this.connectRate) / 1000) + 1);
      for (; next < due; next++) this.loggers[next].start();
      this.rampTimer = next < this.loggers.length ? setTimeout(batch, 10) : undefined;
    };
    batch();
  }

  /** Stops every logger; with `drainMs`, each first waits that long at most for outstanding acks. */
  async stop(options: { drainMs?: number } = {}): Promise<void> {
    if (this.rampTimer) clearTimeout(this.rampTimer);
    await Promise.all(this.loggers.map((l) => l.stop(options)));
  }

  stats(): SimulationStats {
    const counters = newCounters();
    const latency = new LatencyHistogram();
    let connected = 0;
    let inFlight = 0;
    for (const l of this.loggers) {
      addCounters(counters, l.counters);
      latency.merge(l.latency);
      if (l.isConnected) connected += 1;
      inFlight += l.inFlight;
    }
    return {
      ...counters,
      devices: this.loggers.length,
      connected,
      inFlight,
      ackP50: latency.quantile(0.5),
      ackP99: latency.quantile(0.99),
      ackMax: latency.count > 0 ? latency.max : undefined,
    };
  }
}

const ms = (n: number | undefined) => (n === undefined ? '–' : n < 10 ? n.toFixed(2) : n.toFixed(0));

/** One line: sent, acked, resent, ack p50/p99 and the rest. */
export function formatStats(s: SimulationStats): string {
  return `sent ${s.sent} acked ${s.acked} resent ${s.resent} failed ${s.failed} in-flight ${s.inFlight}` +
    ` ack p50 ${ms(s.ackP50)} ms p99 ${ms(s.ackP99)} ms connected ${s.connected}/${s.devices} conn-errors ${s.connectionErrors}` +
    (s.dropped > 0 ? ` dropped ${s.dropped}` : '') + (s.timeSets > 0 ? ` time-sets ${s.timeSets}` : '');
}
