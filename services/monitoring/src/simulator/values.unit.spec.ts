import { simulatedDevices, type SimulatedDevice } from './devices';
import { converted, runStateAt, sampleAt, type Anomaly, type Sample } from './values';

// 40 devices: 27 wastewater, 13 flue gas, all factor sets
const devices = simulatedDevices(40, { intervalSeconds: 30 });
const DAY_START = Date.parse('2026-03-02T00:00:00+08:00');
const STEP = 30_000;

/** One reading every `step` ms over `hours`. */
function series(d: SimulatedDevice, hours = 24, anomaly?: Anomaly, step = STEP): Array<Record<string, Sample>> {
  return Array.from({ length: (hours * 3600_000) / step }, (_, i) => sampleAt(d, new Date(DAY_START + i * step), anomaly));
}
const judged = (s: Sample) => s.zs ?? s.value;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const hourly = (readings: number[], perHour = 120) => Array.from({ length: readings.length / perHour }, (_, h) => mean(readings.slice(h * perHour, h * perHour + perHour)));

describe('simulated values', () => {
  it('stay in realistic ranges over a day: inside the measuring range, hourly averages at 30–80 % of the limit', () => {
    let realtime = 0;
    let aboveLimit = 0;
    const outside: string[] = [];
    const hourShares: number[] = [];
    for (const d of devices) {
      const day = series(d, 24, undefined, 60_000);
      for (const f of d.input.factors) {
        const values = day.map((s) => judged(s[f.code]));
        if (Math.min(...values) < (f.rangeMin ?? 0) || Math.max(...values) > (f.rangeMax ?? Infinity)) outside.push(`${d.index} ${f.code}`);
        if (day.some((s) => s[f.code].flag !== 'N')) outside.push(`${d.index} ${f.code} flag`);
        if (!f.hourLimit) continue;
        hourShares.push(...hourly(values, 60).map((avg) => avg / f.hourLimit!));
        realtime += values.length;
        aboveLimit += values.filter((v) => v > f.hourLimit!).length;
      }
    }
    expect(outside).toEqual([]);
    expect(Math.min(...hourShares)).toBeGreaterThan(0.3);
    expect(Math.max(...hourShares)).toBeLessThan(0.8);
    // a real-time spike above the limit happens, rarely (hourly averages never exceed)
    expect(aboveLimit / realtime).toBeLessThan(0.002);
  });

  it('keep typical magnitudes: pH 6.5–8.5, water 17–30 ℃, O2 6–12.5 %, flue gas 35–75 ℃', () => {
    const ranges: Record<string, [number, number]> = { w01001: [6.5, 8.5], w01010: [17, 30], a19001: [6, 12.5], a01012: [35, 75] };
    const seen: Record<string, number[]> = {};
    for (const d of devices) for (const s of series(d, 2)) for (const code of Object.keys(ranges)) if (s[code]) (seen[code] ??= []).push(s[code].value);
    for (const [code, [lo, hi]] of Object.entries(ranges)) {
      expect([code, Math.min(...seen[code]) > lo, Math.max(...seen[code]) < hi]).toEqual([code, true, true]);
    }
  });

  it('vary enough not to look constant: any 30 consecutive readings spread over more than 2 % of the range', () => {
    const tight: string[] = [];
    for (const d of devices) {
      const day = series(d, 4);
      for (const f of d.input.factors.filter((x) => x.rangeMax !== undefined)) {
        const values = day.map((s) => judged(s[f.code]));
        for (let i = 30; i <= values.length; i += 5) {
          const window = values.slice(i - 30, i);
          if (Math.max(...window) - Math.min(...window) <= 0.02 * (f.rangeMax! - (f.rangeMin ?? 0))) tight.push(`${d.index} ${f.code} @${i}`);
        }
      }
    }
    expect(tight).toEqual([]);
  });

  it('are deterministic for a device and an instant', () => {
    const at = new Date('2026-03-02T10:00:00+08:00');
    expect(sampleAt(devices[0], at)).toEqual(sampleAt(simulatedDevices(1)[0], at));
    expect(sampleAt(devices[0], at)).not.toEqual(sampleAt(devices[3], at));
  });

  it('flue gas: the converted value is the measured one × (21 − 6) / (21 − O2)', () => {
    for (const s of series(devices[2], 1)) {
      expect(s.a21026.zs).toBeCloseTo(converted(s.a21026.value, s.a19001.value, 6), 1);
      expect(s.a19001.zs).toBeUndefined();
    }
  });
});

describe('anomalies', () => {
  const water = devices[0]; // COD first
  const gas = devices[2]; // SO2 first

  it('exceedance: ×2.5 on the chosen factor (default the first: COD, SO2), hourly averages above the limit', () => {
    for (const [d, code, other] of [[water, 'w01018', 'w21003'], [gas, 'a21026', 'a21002']] as const) {
      const normal = series(d, 3);
      const bad = series(d, 3, { kind: 'exceedance' });
      bad.forEach((s, i) => {
        expect(judged(s[code]) / judged(normal[i][code])).toBeCloseTo(2.5, 1);
        expect(s[other]).toEqual(normal[i][other]);
      });
      const limit = d.input.factors.find((f) => f.code === code)!.hourLimit!;
      for (const avg of hourly(bad.map((s) => judged(s[code])))) expect(avg).toBeGreaterThan(limit * 1.05);
    }
    const nh3 = series(water, 1, { kind: 'exceedance', factor: 'w21003' });
    expect(hourly(nh3.map((s) => s.w21003.value))[0]).toBeGreaterThan(5);
  });

  it('constant: one fixed value (converted one too for flue gas); zero: 0', () => {
    const fixed = series(water, 1, { kind: 'constant', value: 31.5 });
    expect(new Set(fixed.map((s) => s.w01018.value))).toEqual(new Set([31.5]));
    const gasFixed = series(gas, 1, { kind: 'constant' });
    expect(new Set(gasFixed.map((s) => s.a21026.value)).size).toBe(1);
    expect(new Set(gasFixed.map((s) => s.a21026.zs)).size).toBe(1);
    expect(series(gas, 1, { kind: 'zero' }).every((s) => s.a21026.value === 0 && s.a21026.zs === 0)).toBe(true);
  });

  it('tampering: every reading hugs 90–99 % of the limit with a tiny spread', () => {
    for (const [d, code] of [[water, 'w01018'], [gas, 'a21026']] as const) {
      const limit = d.input.factors.find((f) => f.code === code)!.hourLimit!;
      const values = series(d, 6, { kind: 'tampering' }).map((s) => judged(s[code]));
      for (const v of values) {
        expect(v).toBeGreaterThanOrEqual(limit * 0.9);
        expect(v).toBeLessThanOrEqual(limit * 0.99);
      }
      const sd = Math.sqrt(mean(values.map((v) => (v - mean(values)) ** 2)));
      expect(sd / limit).toBeLessThan(0.01);
    }
  });

  it('flags: Flag=D on every factor, or on the chosen one', () => {
    const all = sampleAt(water, new Date(DAY_START), { kind: 'flags' });
    expect(Object.values(all).every((s) => s.flag === 'D')).toBe(true);
    const one = sampleAt(water, new Date(DAY_START), { kind: 'flags', factor: 'w21003' });
    expect(Object.entries(one).filter(([, s]) => s.flag === 'D').map(([code]) => code)).toEqual(['w21003']);
  });

  it('process: treatment SB2-RS=0 while production SB1-RS=1', () => {
    expect(runStateAt(water)).toEqual({ SB1: { RS: '1' }, SB2: { RS: '1' } });
    expect(runStateAt(water, { kind: 'process' })).toEqual({ SB1: { RS: '1' }, SB2: { RS: '0' } });
    expect(runStateAt(devices[1], { kind: 'process' })).toEqual({});
  });
});
