import { deviceProblems, type DeviceInput } from './device';

const good = (): DeviceInput => ({
  mn: '33078200000001',
  pw: '123456',
  enterpriseId: 'e-1',
  outletCode: 'DW001',
  outletName: '总排口',
  medium: 'water',
  standard: '2017',
  factors: [
    { code: 'w01018', name: '化学需氧量', unit: 'mg/L', hourLimit: 100, dayLimit: 80, rangeMin: 0, rangeMax: 500 },
    { code: 'w21003', name: '氨氮', unit: 'mg/L', hourLimit: 8 },
    { code: 'w01001', name: 'pH值', unit: '' },
  ],
  realtimeIntervalSeconds: 30,
  process: { production: { code: 'SB1', field: 'RS', threshold: 1 }, treatment: { code: 'SB2', field: 'RS', threshold: 1 } },
  location: { lat: 29.3, lng: 120.07 },
});
/** The input with some parts replaced, including ones the types would not allow (imports and JSON bodies are untyped). */
const with_ = (patch: Record<string, unknown>): DeviceInput => ({ ...good(), ...patch }) as DeviceInput;
const fields = (d: DeviceInput) => deviceProblems(d).map((p) => p.field);
const withFactor = (factor: Record<string, unknown>) => with_({ factors: [{ code: 'w01018', name: '化学需氧量', unit: 'mg/L', ...factor }] });

describe('deviceProblems', () => {
  it('accepts a complete water device, and a flue-gas one with converted limits', () => {
    expect(deviceProblems(good())).toEqual([]);
    expect(deviceProblems(with_({
      medium: 'gas', standard: '2025', process: undefined, location: undefined,
      factors: [{ code: 'a21026', name: '二氧化硫', unit: 'mg/m3', hourLimit: 35, converted: true, rangeMin: 0, rangeMax: 200 }],
    }))).toEqual([]);
  });

  it('names the enterprise by registry id, credit code or name', () => {
    expect(fields(with_({ enterpriseId: undefined, uscc: '91330782MA2EXAMPL1' }))).toEqual([]);
    expect(fields(with_({ enterpriseId: undefined, enterpriseName: '义乌某印染有限公司' }))).toEqual([]);
    expect(fields(with_({ enterpriseId: undefined }))).toEqual(['enterpriseId']);
    expect(fields(with_({ enterpriseId: '', uscc: '', enterpriseName: '   ' }))).toEqual(['enterpriseId']);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['MN too long (25)', { mn: '3'.repeat(25) }, 'mn'],
    ['MN empty', { mn: '' }, 'mn'],
    ['MN with a dash', { mn: '330782-0001' }, 'mn'],
    ['MN a number', { mn: 33078200000001 }, 'mn'],
    ['PW too long (7)', { pw: '1234567' }, 'pw'],
    ['PW empty', { pw: '' }, 'pw'],
    ['PW with a symbol', { pw: '12345!' }, 'pw'],
    ['no outlet code', { outletCode: '  ' }, 'outletCode'],
    ['outlet code missing', { outletCode: undefined }, 'outletCode'],
    ['medium air', { medium: 'air' }, 'medium'],
    ['standard 2010', { standard: '2010' }, 'standard'],
    ['standard as a number', { standard: 2017 }, 'standard'],
    ['interval 0', { realtimeIntervalSeconds: 0 }, 'realtimeIntervalSeconds'],
    ['interval 1.5', { realtimeIntervalSeconds: 1.5 }, 'realtimeIntervalSeconds'],
    ['interval above a day', { realtimeIntervalSeconds: 86_401 }, 'realtimeIntervalSeconds'],
    ['no factors', { factors: [] }, 'factors'],
    ['factors not a list', { factors: 'w01018' }, 'factors'],
    ['latitude 91', { location: { lat: 91, lng: 120 } }, 'location'],
    ['longitude -181', { location: { lat: 29, lng: -181 } }, 'location'],
    ['latitude missing', { location: { lng: 120 } }, 'location'],
    ['production signal without code', { process: { production: { field: 'RS', threshold: 1 }, treatment: { code: 'SB2', field: 'RS', threshold: 1 } } }, 'process.production'],
    ['treatment signal without field', { process: { production: { code: 'SB1', field: 'RS', threshold: 1 }, treatment: { code: 'SB2', field: '', threshold: 1 } } }, 'process.treatment'],
    ['treatment threshold as text', { process: { production: { code: 'SB1', field: 'RS', threshold: 1 }, treatment: { code: 'SB2', field: 'RS', threshold: '1' } } }, 'process.treatment'],
    ['treatment signal missing', { process: { production: { code: 'SB1', field: 'RS', threshold: 1 } } }, 'process.treatment'],
  ])('refuses %s, naming %s', (_name, patch, field) => {
    const problems = deviceProblems(with_(patch));
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problems[0].zh).toMatch(/[\u4e00-\u9fff]/);
    expect(problems[0].en.length).toBeGreaterThan(0);
  });

  it.each([1, 60, 86_400])('accepts an interval of %p seconds', (realtimeIntervalSeconds) => {
    expect(fields(with_({ realtimeIntervalSeconds }))).toEqual([]);
  });

  it('accepts the longest MN and the boundary coordinates', () => {
    expect(fields(with_({ mn: 'A'.repeat(24), pw: 'a', location: { lat: -90, lng: 180 } }))).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a code that is not HJ 212', { code: 'w01-018' }, 'factors[0].code'],
    ['a missing code', { code: undefined }, 'factors[0].code'],
    ['a blank name', { name: '  ' }, 'factors[0].name'],
    ['a unit that is not text', { unit: 1 }, 'factors[0].unit'],
    ['an hourly limit of 0', { hourLimit: 0 }, 'factors[0].hourLimit'],
    ['a negative daily limit', { dayLimit: -5 }, 'factors[0].dayLimit'],
    ['a daily limit of NaN', { dayLimit: NaN }, 'factors[0].dayLimit'],
    ['a limit as text', { hourLimit: '100' }, 'factors[0].hourLimit'],
    ['a range minimum as text', { rangeMin: '0' }, 'factors[0].rangeMin'],
    ['an infinite range maximum', { rangeMax: Infinity }, 'factors[0].rangeMax'],
    ['an empty range', { rangeMin: 10, rangeMax: 10 }, 'factors[0].rangeMax'],
    ['an inverted range', { rangeMin: 500, rangeMax: 0 }, 'factors[0].rangeMax'],
  ])('refuses a factor with %s, naming %s', (_name, factor, field) => {
    expect(fields(withFactor(factor))).toEqual([field]);
  });

  it('refuses a factor listed twice, naming the second', () => {
    const dup = with_({ factors: [...good().factors, { code: 'w21003', name: '氨氮（二）', unit: 'mg/L' }] });
    expect(deviceProblems(dup)).toEqual([{ field: 'factors[3].code', zh: '因子重复', en: 'is listed twice' }]);
  });

  it('refuses a missing factor entry without looking further into it', () => {
    expect(fields(with_({ factors: [null, good().factors[0]] }))).toEqual(['factors[0].code']);
  });

  it('accepts a range with one bound only, and a limit without a range', () => {
    expect(fields(withFactor({ rangeMax: 500 }))).toEqual([]);
    expect(fields(withFactor({ rangeMin: 0 }))).toEqual([]);
    expect(fields(withFactor({ hourLimit: 0.5 }))).toEqual([]);
  });

  it('lists every problem of a bad registration at once, each with its field', () => {
    const bad = {
      mn: 'MN-1', pw: '', outletCode: '', medium: 'soil', standard: '2005x', realtimeIntervalSeconds: -1,
      factors: [{ code: 'w01018', name: '', unit: 'mg/L', hourLimit: -1 }, { code: 'w01018', name: 'COD', unit: 'mg/L', rangeMin: 9, rangeMax: 1 }],
      process: { production: { code: 'SB 1', field: 'RS', threshold: 1 }, treatment: { code: 'SB2', field: 'RS', threshold: 1 } },
      location: { lat: 200, lng: 0 },
    } as unknown as DeviceInput;
    expect(fields(bad)).toEqual([
      'mn', 'pw', 'enterpriseId', 'outletCode', 'medium', 'standard', 'realtimeIntervalSeconds',
      'factors[0].name', 'factors[0].hourLimit', 'factors[1].code', 'factors[1].rangeMax', 'process.production', 'location',
    ]);
  });
});
