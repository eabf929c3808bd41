import type { FactorFields } from '@qingyuan/hj212';
import type { SimulatedDevice } from './devices';
import { gaussian, stringHash, uniform } from './random';

export const ANOMALY_KINDS = ['exceedance', 'constant', 'zero', 'offline', 'tampering', 'flags', 'process'] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

/** A fault injected into one device. */
export interface Anomaly {
  kind: AnomalyKind;
  /** factor code (default: the device's first factor, COD or SO2; for `flags`, every factor) */
  factor?: string;
  /** the fixed value of `constant` (default: the factor's mean) */
  value?: number;
  /** real-time frames sent normally before the anomaly starts (default 0; `offline`: 3, so the device was seen) */
  afterFrames?: number;
}

/** Readings sent normally before the anomaly starts. */
export function anomalyStart(anomaly: Anomaly): number {
  return anomaly.afterFrames ?? (anomaly.kind === 'offline' ? 3 : 0);
}

/** One reading of a factor: the measured value, the converted (折算) value for flue gas, the data flag. */
export interface Sample {
  value: number;
  zs?: number;
  flag: string;
}

export const EXCEEDANCE_FACTOR = 2.5;
const HOUR_MS = 3_600_000;
const CST_MS = 8 * HOUR_MS;

const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;

/** The factor an anomaly acts on, when it acts on one. */
export function anomalyFactor(device: SimulatedDevice, anomaly: Anomaly): string | undefined {
  if (anomaly.factor) return anomaly.factor;
  return anomaly.kind === 'flags' ? undefined : device.input.factors[0].code;
}

/** Daily cycle (peak 14:00 CST, trough 02:00) plus noise around the factor's mean; never negative. */
function modelValue(device: SimulatedDevice, code: string, ms: number): number {
  const m = device.models[code];
  const hourOfDay = (((ms + CST_MS) % (24 * HOUR_MS)) + 24 * HOUR_MS) % (24 * HOUR_MS) / HOUR_MS;
  const cycle = 1 + m.daily * Math.sin((2 * Math.PI * (hourOfDay - 8)) / 24);
  const noise = 1 + m.noise * gaussian(device.seed, stringHash(code), Math.floor(ms / 1000));
  return Math.max(0, m.mean * cycle * noise);
}

/** Converted (折算) value to the reference O2: C × (21 − O2ref) / (21 − O2). */
export function converted(value: number, o2: number, referenceO2: number): number {
  return (value * (21 - referenceO2)) / (21 - Math.min(o2, 20));
}

/** Every factor's reading of a device at `time`, with the anomaly applied (none when undefined). */
export function sampleAt(device: SimulatedDevice, time: Date, anomaly?: Anomaly): Record<string, Sample> {
  const ms = time.getTime();
  const target = anomaly ? anomalyFactor(device, anomaly) : undefined;
  const o2 = device.models.a19001 ? round(modelValue(device, 'a19001', ms), device.models.a19001.decimals) : undefined;
  const out: Record<string, Sample> = {};
  for (const factor of device.input.factors) {
    const m = device.models[factor.code];
    const ratio = factor.converted && o2 !== undefined && device.referenceO2 !== undefined ? converted(1, o2, device.referenceO2) : undefined;
    // The model drives what the rules judge: the converted value for flue gas, the measured one otherwise.
    let judged = modelValue(device, factor.code, ms);
    let flag = 'N';
    if (anomaly && (target === undefined || target === factor.code)) {
      const limit = factor.hourLimit ?? factor.rangeMax ?? m.mean * 2;
      switch (anomaly.kind) {
        case 'exceedance':
          judged *= EXCEEDANCE_FACTOR;
          break;
        case 'constant':
          judged = anomaly.value ?? round(m.mean, m.decimals);
          break;
        case 'zero':
          judged = 0;
          break;
        case 'tampering': {
          // hugging the limit: a per-device level of 92–97 % with a spread of a fraction of a percent
          const level = 0.92 + 0.05 * uniform(device.seed, 31);
          judged = limit * Math.min(0.99, Math.max(0.9, level + 0.004 * gaussian(device.seed, stringHash(factor.code), Math.floor(ms / 1000), 5)));
          break;
        }
        case 'flags':
          flag = 'D';
          break;
      }
    }
    const constant = anomaly?.kind === 'constant' && target === factor.code;
    // A stuck analyser also freezes the converted value: the mean O2 is used, not the current one.
    const r = ratio === undefined ? undefined : constant ? converted(1, device.models.a19001.mean, device.referenceO2 ?? 6) : ratio;
    const value = r === undefined ? judged : judged / r;
    const sample: Sample = { value: round(value, m.decimals), flag };
    if (r !== undefined) sample.zs = round(judged, m.decimals);
    out[factor.code] = sample;
  }
  return out;
}

/** Run state of the process pair: both running, except the treatment under the `process` anomaly. */
export function runStateAt(device: SimulatedDevice, anomaly?: Anomaly): Record<string, FactorFields> {
  const p = device.input.process;
  if (!p) return {};
  return { [p.production.code]: { [p.production.field]: '1' }, [p.treatment.code]: { [p.treatment.field]: anomaly?.kind === 'process' ? '0' : '1' } };
}

/** Real-time fields: Rtd (ZsRtd for flue gas) and Flag. */
export function realtimeFields(samples: Record<string, Sample>, device: SimulatedDevice): Record<string, FactorFields> {
  const out: Record<string, FactorFields> = {};
  for (const [code, s] of Object.entries(samples)) {
    const decimals = device.models[code].decimals;
    out[code] = s.zs === undefined
      ? { Rtd: s.value.toFixed(decimals), Flag: s.flag }
      : { Rtd: s.value.toFixed(decimals), ZsRtd: s.zs.toFixed(decimals), Flag: s.flag };
  }
  return out;
}

interface Accumulator {
  n: number;
  sum: number;
  min: number;
  max: number;
  zsSum: number;
  zsMin: number;
  zsMax: number;
  abnormal: number;
  lastAbnormal: string;
  cou: number;
}

const emptyAccumulator = (): Accumulator => ({
  n: 0, sum: 0, min: Infinity, max: -Infinity, zsSum: 0, zsMin: Infinity, zsMax: -Infinity, abnormal: 0, lastAbnormal: 'N', cou: 0,
});

/**
 * Minute / hour / day statistics of the real-time readings actually sent, as a data logger keeps them: when a
 * reading falls in a new period, the closed period's Cou/Min/Avg/Max(/Zs*)/Flag are returned.
 */
export class PeriodAggregator {
  private start?: number;
  private readonly acc = new Map<string, Accumulator>();

  /** `lengthMs` divides a day; periods are aligned on China Standard Time. */
  constructor(
    private readonly device: SimulatedDevice,
    readonly lengthMs: number,
  ) {}

  periodStart(ms: number): number {
    return Math.floor((ms + CST_MS) / this.lengthMs) * this.lengthMs - CST_MS;
  }

  /** Adds one reading (taken `seconds` after the previous one); returns the period it closed, if any. */
  add(ms: number, samples: Record<string, Sample>, seconds: number): { start: Date; values: Record<string, FactorFields> } | undefined {
    const start = this.periodStart(ms);
    let closed: { start: Date; values: Record<string, FactorFields> } | undefined;
    if (this.start !== undefined && start !== this.start && this.acc.size > 0) closed = { start: new Date(this.start), values: this.fields() };
    if (start !== this.start) this.acc.clear();
    this.start = start;
    const cou = couOf(this.device, samples, seconds);
    for (const [code, s] of Object.entries(samples)) {
      let a = this.acc.get(code);
      if (!a) this.acc.set(code, (a = emptyAccumulator()));
      a.n += 1;
      a.sum += s.value;
      a.min = Math.min(a.min, s.value);
      a.max = Math.max(a.max, s.value);
      if (s.zs !== undefined) {
        a.zsSum += s.zs;
        a.zsMin = Math.min(a.zsMin, s.zs);
        a.zsMax = Math.max(a.zsMax, s.zs);
      }
      if (s.flag !== 'N') {
        a.abnormal += 1;
        a.lastAbnormal = s.flag;
      }
      a.cou += cou[code] ?? 0;
    }
    return closed;
  }

  private fields(): Record<string, FactorFields> {
    const out: Record<string, FactorFields> = {};
    const gas = this.device.input.medium === 'gas';
    for (const [code, a] of this.acc) {
      const m = this.device.models[code];
      const f = (n: number) => n.toFixed(m.decimals);
      const fields: FactorFields = {};
      // m³ with 2 decimals; kg with 4, else a minute of total phosphorus (about 0.4 g) rounds to nothing
      if (m.cou) fields.Cou = a.cou.toFixed(m.cou === 'flow' ? 2 : 4);
      Object.assign(fields, { Min: f(a.min), Avg: f(a.sum / a.n), Max: f(a.max) });
      if (a.zsMin !== Infinity) Object.assign(fields, { ZsMin: f(a.zsMin), ZsAvg: f(a.zsSum / a.n), ZsMax: f(a.zsMax) });
      // HJ 212-2017 examples: water is abnormal if any reading was; flue gas is N while ≥ 75 % of readings were N
      fields.Flag = gas ? (a.abnormal > a.n * 0.25 ? 'D' : 'N') : a.lastAbnormal;
      out[code] = fields;
    }
    return out;
  }
}

/** Amounts over `seconds`: flow → m³; concentration × discharged volume → kg (mg/L × m³ = g; mg/m³ × m³ = mg). */
export function couOf(device: SimulatedDevice, samples: Record<string, Sample>, seconds: number): Record<string, number> {
  const gas = device.input.medium === 'gas';
  const flow = samples[gas ? 'a00000' : 'w00000'];
  if (!flow) return {};
  const volume = gas ? flow.value * seconds : (flow.value * seconds) / 1000;
  const out: Record<string, number> = {};
  for (const [code, s] of Object.entries(samples)) {
    const cou = device.models[code].cou;
    if (cou === 'flow') out[code] = volume;
    else if (cou === 'mass') out[code] = gas ? (s.value * volume) / 1e6 : (s.value * volume) / 1000;
  }
  return out;
}
