import type { DeviceFactor } from '@qingyuan/contracts';
import type { DeviceInput } from '../domain/device';
import { stringHash, uniform } from './random';

/** How one factor's values are generated (see values.ts). */
export interface FactorModel {
  /** mean of the value; for converted flue-gas factors, of the converted (折算) value */
  mean: number;
  /** standard deviation of the noise, as a share of the mean */
  noise: number;
  /** amplitude of the daily cycle, as a share of the mean (peak at 14:00 CST) */
  daily: number;
  decimals: number;
  /** what `-Cou` accumulates: m³ of discharge (flow factors) or kg of pollutant */
  cou?: 'flow' | 'mass';
}

export interface SimulatedDevice {
  /** 1-based device number: the MN ends in it and anomalies name it */
  index: number;
  seed: number;
  /** ST of its uploads: 32 wastewater, 31 flue gas */
  st: '31' | '32';
  /** registration, ready for the platform's device registry */
  input: DeviceInput;
  models: Record<string, FactorModel>;
  /** flue gas: reference O2 (%) of the converted values (GB 13223 coal boilers: 6 %) */
  referenceO2?: number;
}

export interface SimulatedDevicesOptions {
  /** MN prefix, padded with the device number to 24 characters (default 33078200: 浙江省义乌市 330782) */
  mnPrefix?: string;
  /** real-time upload interval in seconds (default 30) */
  intervalSeconds?: number;
}

interface CatalogueEntry {
  code: string;
  name: string;
  unit: string;
  /** hourly and daily limit (discharge permit values) */
  limit?: number;
  rangeMin?: number;
  rangeMax?: number;
  converted?: boolean;
  /** per-device mean drawn from this span: a share of the limit when there is one, else absolute */
  mean: [number, number];
  noise: number;
  daily: number;
  decimals: number;
  cou?: 'flow' | 'mass';
}

// Limits: GB 18918 class 1A-like permit values for wastewater; ultra-low emission (超低排放) for coal boilers.
// Means of 45–65 % of the limit keep normal values below it and make ×2.5 (the exceedance anomaly) clearly above,
// still inside the measuring range. The noise's standard deviation is at least 2 % of the range even at the daily
// trough, so that 30 readings never look constant to the platform's rule (spread ≤ 2 % of the range); temperatures
// vary too little for that and are registered without a range.
const WATER: CatalogueEntry[] = [
  { code: 'w01018', name: '化学需氧量 COD', unit: 'mg/L', limit: 50, rangeMax: 150, mean: [0.45, 0.65], noise: 0.15, daily: 0.1, decimals: 2, cou: 'mass' },
  { code: 'w21003', name: '氨氮 NH3-N', unit: 'mg/L', limit: 5, rangeMax: 15, mean: [0.45, 0.65], noise: 0.15, daily: 0.1, decimals: 3, cou: 'mass' },
  { code: 'w21011', name: '总磷 TP', unit: 'mg/L', limit: 0.5, rangeMax: 2, mean: [0.45, 0.65], noise: 0.2, daily: 0.08, decimals: 3, cou: 'mass' },
  { code: 'w21001', name: '总氮 TN', unit: 'mg/L', limit: 15, rangeMax: 50, mean: [0.45, 0.65], noise: 0.16, daily: 0.08, decimals: 2, cou: 'mass' },
  // pH has no limit of the permit kind: 6–9 is given as the range, so leaving it is an out-of-range alarm.
  { code: 'w01001', name: 'pH 值', unit: '无量纲', rangeMin: 6, rangeMax: 9, mean: [7.1, 7.8], noise: 0.015, daily: 0.01, decimals: 2 },
  { code: 'w01010', name: '水温', unit: '℃', mean: [20, 27], noise: 0.03, daily: 0.05, decimals: 1 },
  { code: 'w00000', name: '废水流量', unit: 'L/s', rangeMax: 100, mean: [20, 35], noise: 0.15, daily: 0.25, decimals: 2, cou: 'flow' },
];

const GAS: CatalogueEntry[] = [
  { code: 'a21026', name: '二氧化硫 SO2', unit: 'mg/m³', limit: 35, rangeMax: 100, converted: true, mean: [0.45, 0.65], noise: 0.15, daily: 0.08, decimals: 2, cou: 'mass' },
  { code: 'a21002', name: '氮氧化物 NOx', unit: 'mg/m³', limit: 50, rangeMax: 150, converted: true, mean: [0.45, 0.65], noise: 0.15, daily: 0.08, decimals: 2, cou: 'mass' },
  { code: 'a34013', name: '烟尘', unit: 'mg/m³', limit: 10, rangeMax: 30, converted: true, mean: [0.45, 0.65], noise: 0.15, daily: 0.08, decimals: 2, cou: 'mass' },
  { code: 'a19001', name: '氧含量 O2', unit: '%', rangeMax: 25, mean: [8.5, 10], noise: 0.06, daily: 0.02, decimals: 2 },
  { code: 'a01012', name: '烟气温度', unit: '℃', mean: [45, 60], noise: 0.04, daily: 0.03, decimals: 1 },
  { code: 'a01011', name: '烟气流速', unit: 'm/s', rangeMax: 40, mean: [10, 16], noise: 0.1, daily: 0.1, decimals: 2 },
  { code: 'a00000', name: '废气流量', unit: 'm³/s', rangeMax: 200, mean: [50, 90], noise: 0.1, daily: 0.1, decimals: 2, cou: 'flow' },
];

/** The process pair of a device that has one: production SB1 and treatment SB2, running at RS ≥ 1. */
export const PROCESS_PAIR = {
  production: { code: 'SB1', field: 'RS', threshold: 1 },
  treatment: { code: 'SB2', field: 'RS', threshold: 1 },
} as const;

/** Yiwu city centre, around which devices are placed. */
const YIWU = { lat: 29.306, lng: 120.075 };

export const mediumOf = (index: number) => (index % 3 === 0 ? 'gas' : 'water');
export const standardOf = (index: number): DeviceInput['standard'] => (index % 20 === 13 ? '2005' : index % 10 === 7 ? '2025' : '2017');
export const hasProcessPair = (index: number) => index % 4 === 1;

/** Which catalogue factors a device carries: all the gas ones; for water, TP/TN and temperature on some. */
function factorsOf(index: number): CatalogueEntry[] {
  if (mediumOf(index) === 'gas') return GAS;
  return WATER.filter((f) => {
    if (f.code === 'w21011' || f.code === 'w21001') return index % 2 === 1;
    if (f.code === 'w01010') return index % 3 === 1;
    return true;
  });
}

export function mnOf(index: number, prefix = '33078200'): string {
  const digits = 24 - prefix.length;
  const number = String(index);
  if (!/^[0-9A-Za-z]*$/.test(prefix) || number.length > digits) throw new RangeError(`MN prefix ${prefix} leaves no room for device ${index}`);
  return prefix + number.padStart(digits, '0');
}

/** A 6-character access password, fixed per MN. */
export function pwOf(mn: string): string {
  return String(100000 + Math.floor(uniform(stringHash(mn), 7) * 900000));
}

function simulatedDevice(index: number, options: SimulatedDevicesOptions): SimulatedDevice {
  const mn = mnOf(index, options.mnPrefix);
  const seed = stringHash(mn);
  const medium = mediumOf(index);
  const models: Record<string, FactorModel> = {};
  const factors: DeviceFactor[] = factorsOf(index).map((f) => {
    const share = f.mean[0] + (f.mean[1] - f.mean[0]) * uniform(seed, stringHash(f.code), 11);
    models[f.code] = { mean: f.limit ? f.limit * share : share, noise: f.noise, daily: f.daily, decimals: f.decimals, cou: f.cou };
    const factor: DeviceFactor = { code: f.code, name: f.name, unit: f.unit };
    if (f.rangeMax !== undefined) Object.assign(factor, { rangeMin: f.rangeMin ?? 0, rangeMax: f.rangeMax });
    if (f.limit) Object.assign(factor, { hourLimit: f.limit, dayLimit: f.limit });
    if (f.converted) factor.converted = true;
    return factor;
  });
  const input: DeviceInput = {
    mn,
    pw: pwOf(mn),
    enterpriseName: `仿真排污单位 ${String(index).padStart(4, '0')}`,
    outletCode: medium === 'water' ? 'DW001' : 'DA001',
    outletName: medium === 'water' ? '废水总排放口' : '1 号锅炉烟囱',
    medium,
    standard: standardOf(index),
    factors,
    realtimeIntervalSeconds: options.intervalSeconds ?? 30,
    location: {
      lat: Math.round((YIWU.lat + (uniform(seed, 21) - 0.5) * 0.16) * 1e5) / 1e5,
      lng: Math.round((YIWU.lng + (uniform(seed, 22) - 0.5) * 0.2) * 1e5) / 1e5,
    },
  };
  if (hasProcessPair(index)) input.process = { production: { ...PROCESS_PAIR.production }, treatment: { ...PROCESS_PAIR.treatment } };
  return { index, seed, st: medium === 'water' ? '32' : '31', input, models, referenceO2: medium === 'gas' ? 6 : undefined };
}

/** Devices 1..count, the same for the same arguments: about 2/3 wastewater, 1/3 flue gas; mostly HJ 212-2017. */
export function simulatedDevices(count: number, options: SimulatedDevicesOptions = {}): SimulatedDevice[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError('count must be a whole number');
  const interval = options.intervalSeconds ?? 30;
  if (!Number.isInteger(interval) || interval < 1) throw new RangeError('intervalSeconds must be a whole number ≥ 1');
  return Array.from({ length: count }, (_, i) => simulatedDevice(i + 1, options));
}

/** The registrations of `simulatedDevices(count, options)`, to send to the platform before simulating. */
export function simulatedDeviceInputs(count: number, options: SimulatedDevicesOptions = {}): DeviceInput[] {
  return simulatedDevices(count, options).map((d) => d.input);
}
