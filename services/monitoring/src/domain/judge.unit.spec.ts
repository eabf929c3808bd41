import type { AlarmKind, DeviceFactor, DeviceRegistered } from '@qingyuan/contracts';
import { DEFAULT_ALARM_RULES, type AlarmRules } from './alarm-rules';
import { judgeUpload, judgedValue, newDeviceWindow, type Condition, type DeviceWindow } from './judge';
import type { DataKind, Upload } from './upload';

type Device = Pick<DeviceRegistered, 'factors' | 'keyPolluter' | 'process'>;

const T0 = Date.UTC(2026, 4, 1, 0, 0, 0);
const STEP: Record<DataKind, number> = { realtime: 30_000, minute: 60_000, hour: 3_600_000, day: 86_400_000, 'run-state': 60_000 };
const CN: Record<DataKind, string> = { realtime: '2011', minute: '2051', hour: '2061', day: '2031', 'run-state': '2021' };

/** Short runs so each rule can be walked through by hand. */
const RULES: AlarmRules = {
  ...structuredClone(DEFAULT_ALARM_RULES),
  zero: { values: 3, tier: 'yellow' },
  constant: { values: 5, maxSpreadShare: 0.02, tier: 'yellow' },
  deviceFlag: { flags: ['F', 'D', 'B', 'T'], values: 3, tier: 'blue' },
  nearLimit: { minShare: 0.9, hours: 3, tier: 'orange' },
  processCondition: { readings: 2, tier: 'orange' },
};
const withS: AlarmRules = { ...RULES, validFlags: ['N', 'S'] };

const COD: DeviceFactor = { code: 'w01018', name: '化学需氧量', unit: 'mg/L', hourLimit: 100, dayLimit: 80 };
const SO2: DeviceFactor = { code: 'a21026', name: '二氧化硫', unit: 'mg/m3', hourLimit: 35, converted: true };
const device = (factors: DeviceFactor[], extra: Partial<Device> = {}): Device => ({ factors, keyPolluter: false, ...extra });

const upload = (kind: DataKind, i: number, values: Upload['values']): Upload => ({
  mn: '33078200000001', cn: CN[kind], kind, dataTime: new Date(T0 + i * STEP[kind]), part: 0, receivedAt: T0 + i * STEP[kind] + 7_000, values,
});
const MAIN: Record<DataKind, string> = { realtime: 'Rtd', minute: 'Avg', hour: 'Avg', day: 'Avg', 'run-state': 'RS' };
type Reading = number | string | [number | string, string];

/** Feeds one value per upload (with its flag, N when not given) and returns each upload's conditions. */
function feed(dev: Device, rules: AlarmRules, kind: DataKind, readings: Reading[], w: DeviceWindow = newDeviceWindow(), code = dev.factors[0].code) {
  return readings.map((r, i) => {
    const [value, flag] = Array.isArray(r) ? r : [r, 'N'];
    return judgeUpload(dev, rules, upload(kind, i, { [code]: { [MAIN[kind]]: String(value), Flag: flag } }), w);
  });
}
const of = (conditions: Condition[], kind: AlarmKind) => conditions.filter((c) => c.kind === kind);
const one = (conditions: Condition[], kind: AlarmKind) => {
  const found = of(conditions, kind);
  expect(found).toHaveLength(1);
  return found[0];
};
const presence = (steps: Condition[][], kind: AlarmKind) => steps.map((s) => of(s, kind).map((c) => c.present).join(',') || '-');

describe('marked data are never used to judge (regulations §5.3)', () => {
  const judgedKinds: AlarmKind[] = ['negative', 'zero', 'constant', 'out-of-range', 'exceedance-hour', 'exceedance-day', 'near-limit'];
  const ranged = { ...COD, rangeMin: 0, rangeMax: 500 };

  it.each(['F', 'M', 'D', 'C', 'T', 'B', 'S', 'P', 'x'])('%s data judge nothing but device flags', (flag) => {
    const dev = device([ranged]);
    const steps = [
      ...feed(dev, RULES, 'realtime', [[-5, flag], [0, flag], [0, flag], [0, flag], [900, flag], [7, flag], [7, flag], [7, flag], [7, flag], [7, flag]]),
      ...feed(dev, RULES, 'hour', [[500, flag], [95, flag], [95, flag], [95, flag]]),
      ...feed(dev, RULES, 'day', [[500, flag]]),
    ];
    for (const kind of judgedKinds) expect(steps.flat().filter((c) => c.kind === kind)).toEqual([]);
  });

  it('S is judged when the rules mark it valid', () => {
    const dev = device([COD]);
    expect(one(feed(dev, withS, 'hour', [[150, 'S']])[0], 'exceedance-hour')).toMatchObject({ present: true, tier: 'orange' });
    expect(one(feed(dev, withS, 'realtime', [[-1, 'S']])[0], 'negative').present).toBe(true);
  });

  it('a value without a Flag is taken as N', () => {
    const c = judgeUpload(device([COD]), RULES, upload('hour', 0, { w01018: { Avg: '150' } }), newDeviceWindow());
    expect(one(c, 'exceedance-hour')).toMatchObject({ present: true, evidence: { values: [{ value: 150, flag: 'N' }] } });
  });

  it('marked zeros and constants do not count towards a run', () => {
    const zeros = feed(device([COD]), RULES, 'realtime', [0, 0, [0, 'D'], [0, 'M'], [0, 'C'], [0, 'S']]);
    expect(zeros.flat().filter((c) => c.kind === 'zero' && c.present)).toEqual([]);
    const flat = feed(device([COD]), RULES, 'realtime', [10, 10, 10, 10, [10, 'M'], [10, 'C'], [10, 'S']]);
    expect(flat.flat().filter((c) => c.kind === 'constant')).toEqual([]);
  });

  it('an empty or non-numeric value is not judged', () => {
    const steps = feed(device([COD]), RULES, 'hour', ['', ' ', 'abc', 'NaN']);
    expect(steps.flat()).toEqual([]);
    expect(judgedValue(COD, 'hour', { Avg: '1e2' })).toBe(100);
    expect(judgedValue(COD, 'realtime', { Avg: '5' })).toBeUndefined();
  });
});

describe('device-flag', () => {
  it('opens after N consecutive flagged values, naming the flags, and is cleared by an N value', () => {
    const steps = feed(device([COD]), RULES, 'realtime', [[1, 'D'], [1, 'B'], [1, 'T'], [1, 'D'], 2, [1, 'F']]);
    expect(presence(steps, 'device-flag')).toEqual(['-', '-', 'true', 'true', 'false', '-']);
    const opened = one(steps[2], 'device-flag');
    expect(opened.tier).toBe('blue');
    expect(opened.summary).toContain('化学需氧量');
    expect(opened.summary).toContain('连续 3 个');
    expect(opened.summary).toContain('D/B/T');
    expect(opened.evidence.note).toBe('flags DBT');
    expect(opened.evidence.values).toEqual([{ dataTime: new Date(T0 + 2 * 30_000).toISOString(), value: 1, flag: 'T' }]);
  });

  it('an N value in between starts the count again', () => {
    const steps = feed(device([COD]), RULES, 'realtime', [[1, 'D'], [1, 'D'], 5, [1, 'D'], [1, 'D'], [1, 'D']]);
    expect(presence(steps, 'device-flag')).toEqual(['-', '-', 'false', '-', '-', 'true']);
  });
});

describe('negative and out-of-range', () => {
  it('a negative value opens, a non-negative one clears', () => {
    const steps = feed(device([COD]), RULES, 'realtime', [-0.5, 0.5, 0]);
    expect(presence(steps, 'negative')).toEqual(['true', 'false', 'false']);
    expect(one(steps[0], 'negative')).toMatchObject({ tier: 'yellow', factor: 'w01018', dataTime: new Date(T0) });
    expect(one(steps[0], 'negative').summary).toContain('化学需氧量 出现负值 -0.5');
  });

  it('is judged only with a measuring range', () => {
    expect(feed(device([COD]), RULES, 'realtime', [99999]).flat().filter((c) => c.kind === 'out-of-range')).toEqual([]);
    const steps = feed(device([{ ...COD, rangeMin: 5, rangeMax: 500 }]), RULES, 'realtime', [600, 400, 2, 500, 5]);
    expect(presence(steps, 'out-of-range')).toEqual(['true', 'false', 'true', 'false', 'false']);
    expect(one(steps[0], 'out-of-range').summary).toContain('超出量程 5～500');
  });

  it('a negative value below the range is a negative, not also out of range', () => {
    const [step] = feed(device([{ ...COD, rangeMin: 0, rangeMax: 500 }]), RULES, 'realtime', [-3]);
    expect(one(step, 'negative').present).toBe(true);
    expect(one(step, 'out-of-range').present).toBe(false);
  });
});

describe('zero', () => {
  it('opens after N zeros and not before, stays while zero, and is cleared by a non-zero', () => {
    const steps = feed(device([COD]), RULES, 'realtime', [0, 0, 0, 0, 1.2, 0]);
    expect(presence(steps, 'zero')).toEqual(['-', '-', 'true', 'true', 'false', '-']);
    expect(one(steps[2], 'zero')).toMatchObject({ tier: 'yellow', summary: '化学需氧量 连续 3 个零值' });
    expect(one(steps[3], 'zero').summary).toContain('连续 4 个');
  });

  it('a non-zero before N starts the count again', () => {
    const steps = feed(device([COD]), RULES, 'realtime', [0, 0, 3, 0, 0]);
    expect(steps.flat().filter((c) => c.kind === 'zero' && c.present)).toEqual([]);
  });

  it('keeps a run per factor', () => {
    const dev = device([COD, { ...COD, code: 'w21003', name: '氨氮' }]);
    const w = newDeviceWindow();
    const steps = [0, 0, 0].map((v, i) =>
      judgeUpload(dev, RULES, upload('realtime', i, { w01018: { Rtd: String(v), Flag: 'N' }, w21003: { Rtd: String(i), Flag: 'N' } }), w));
    expect(of(steps[2], 'zero').map((c) => [c.factor, c.present])).toEqual([['w01018', true], ['w21003', false]]);
  });

  it('ignores codes the device does not monitor', () => {
    const steps = feed(device([COD]), RULES, 'realtime', [0, 0, 0, -1], newDeviceWindow(), 'w99999');
    expect(steps.flat()).toEqual([]);
  });
});

describe('constant', () => {
  const ranged = { ...COD, rangeMin: 0, rangeMax: 500 }; // 2 % of range = 10

  it('opens after `values` values spread within 2 % of the range, not before', () => {
    const steps = feed(device([ranged]), RULES, 'realtime', [100, 105, 110, 102, 101]);
    expect(presence(steps, 'constant')).toEqual(['-', '-', '-', '-', 'true']);
    const c = one(steps[4], 'constant');
    expect(c.tier).toBe('yellow');
    expect(c.summary).toContain('化学需氧量 连续 5 个数据恒定');
    expect(c.evidence.note).toBe('spread 10 over 5 values');
    expect(c.evidence.values.map((v) => v.value)).toEqual([100, 105, 110, 102, 101]);
  });

  it('does not open with a spread above 2 % of the range', () => {
    const steps = feed(device([ranged]), RULES, 'realtime', [100, 105, 110.5, 102, 101]);
    expect(presence(steps, 'constant')).toEqual(['-', '-', '-', '-', 'false']);
  });

  it('uses the range from rangeMin to rangeMax', () => {
    const narrow = { ...COD, rangeMin: 400, rangeMax: 500 }; // 2 % of 100 = 2
    expect(presence(feed(device([narrow]), RULES, 'realtime', [450, 451, 452, 450, 450]), 'constant')[4]).toBe('true');
    expect(presence(feed(device([narrow]), RULES, 'realtime', [450, 451, 453, 450, 450]), 'constant')[4]).toBe('false');
  });

  it('needs an exact constant without a range', () => {
    expect(presence(feed(device([COD]), RULES, 'realtime', [7.3, 7.3, 7.3, 7.3, 7.3]), 'constant')[4]).toBe('true');
    expect(presence(feed(device([COD]), RULES, 'realtime', [7.3, 7.3, 7.3, 7.3, 7.31]), 'constant')[4]).toBe('false');
  });

  it('is not raised for a run of zeros (that is the zero rule)', () => {
    for (const f of [COD, ranged]) {
      const steps = feed(device([f]), RULES, 'realtime', [0, 0, 0, 0, 0, 0, 0]);
      expect(steps.flat().filter((c) => c.kind === 'constant')).toEqual([]);
    }
  });

  it('is cleared when the values vary again', () => {
    const steps = feed(device([ranged]), RULES, 'realtime', [50, 50, 50, 50, 50, 50, 200]);
    expect(presence(steps, 'constant')).toEqual(['-', '-', '-', '-', 'true', 'true', 'false']);
  });

  it('evidence keeps the flags the values came with', () => {
    const steps = feed(device([COD]), withS, 'realtime', [[12, 'S'], [12, 'S'], [12, 'S'], [12, 'S'], [12, 'S']]);
    expect(one(steps[4], 'constant').evidence.values.map((v) => v.flag)).toEqual(['S', 'S', 'S', 'S', 'S']);
  });
});

describe('exceedance', () => {
  it('compares the hourly Avg with hourLimit, with evidence and a Chinese summary', () => {
    const [step] = feed(device([COD]), RULES, 'hour', [150]);
    const c = one(step, 'exceedance-hour');
    expect(c).toMatchObject({ present: true, tier: 'orange', factor: 'w01018', dataTime: new Date(T0) });
    expect(c.evidence).toEqual({
      factor: 'w01018', factorName: '化学需氧量', unit: 'mg/L', limit: 100, multiple: 1.5,
      values: [{ dataTime: new Date(T0).toISOString(), value: 150, flag: 'N' }], frameReceivedAt: new Date(T0 + 7_000).toISOString(), note: undefined,
    });
    expect(c.summary).toContain('化学需氧量（w01018）小时均值');
    expect(c.summary).toContain('1.5 倍');
    expect(c.summary).not.toContain('折算');
  });

  it.each<[number, boolean, string | undefined]>([
    [99, false, undefined], [100, false, undefined], [100.5, false, 'orange'], [199, false, 'orange'], [200, false, 'red'], [150, true, 'red'], [100, true, undefined],
  ])('hourly %p (key polluter %p) → %p', (value, keyPolluter, tier) => {
    const c = one(feed(device([COD], { keyPolluter }), RULES, 'hour', [value])[0], 'exceedance-hour');
    expect(c.present).toBe(tier !== undefined);
    expect(c.tier).toBe(tier);
  });

  it('compares the daily Avg with dayLimit, not hourLimit', () => {
    const day = one(feed(device([COD]), RULES, 'day', [95])[0], 'exceedance-day');
    expect(day).toMatchObject({ present: true, tier: 'orange', evidence: { limit: 80, multiple: 1.19 } });
    expect(day.summary).toContain('日均值');
    expect(one(feed(device([COD]), RULES, 'hour', [95])[0], 'exceedance-hour').present).toBe(false);
    expect(feed(device([COD]), RULES, 'day', [95]).flat().filter((c) => c.kind !== 'exceedance-day')).toEqual([]);
  });

  it('judges nothing without a limit, and never on real-time or minute values', () => {
    const noLimit = { ...COD, hourLimit: undefined, dayLimit: undefined };
    expect(feed(device([noLimit]), RULES, 'hour', [1e6]).flat()).toEqual([]);
    expect(feed(device([noLimit]), RULES, 'day', [1e6]).flat()).toEqual([]);
    for (const kind of ['realtime', 'minute'] as const) {
      expect(feed(device([COD]), RULES, kind, [1e6]).flat().filter((c) => c.kind.startsWith('exceedance'))).toEqual([]);
    }
  });

  it('uses ZsAvg for a converted factor and ignores the raw Avg', () => {
    const hour = (values: Record<string, string>) => judgeUpload(device([SO2]), RULES, upload('hour', 0, { a21026: { ...values, Flag: 'N' } }), newDeviceWindow());
    const high = one(hour({ Avg: '30', ZsAvg: '50' }), 'exceedance-hour');
    expect(high).toMatchObject({ present: true, tier: 'orange', evidence: { limit: 35, multiple: 1.43, values: [{ value: 50 }] } });
    expect(high.evidence.note).toContain('折算');
    expect(high.summary).toContain('（折算） 50');
    expect(one(hour({ Avg: '50', ZsAvg: '30' }), 'exceedance-hour').present).toBe(false);
    expect(hour({ Avg: '500' })).toEqual([]);
    expect(judgedValue(SO2, 'realtime', { Rtd: '5', ZsRtd: '8' })).toBe(8);
    expect(one(feed(device([{ ...SO2, converted: false }]), RULES, 'hour', [30])[0], 'exceedance-hour').present).toBe(false);
  });
});

describe('near-limit', () => {
  it('opens after N consecutive hours within [0.9, 1] × limit, and clears when below', () => {
    const steps = feed(device([COD]), RULES, 'hour', [92, 95, 100, 90, 89]);
    expect(presence(steps, 'near-limit')).toEqual(['-', '-', 'true', 'true', 'false']);
    const c = one(steps[2], 'near-limit');
    expect(c).toMatchObject({ tier: 'orange', evidence: { limit: 100, multiple: 1 } });
    expect(c.summary).toContain('化学需氧量 连续 3 小时均值贴近限值');
    expect(one(steps[2], 'exceedance-hour').present).toBe(false);
  });

  it('an exceedance or a low hour starts the count again; invalid hours neither count nor break', () => {
    expect(presence(feed(device([COD]), RULES, 'hour', [95, 95, 101, 95, 95]), 'near-limit')).toEqual(['-', '-', 'false', '-', '-']);
    expect(presence(feed(device([COD]), RULES, 'hour', [95, [95, 'D'], 95, [95, 'M'], 95]), 'near-limit')).toEqual(['-', '-', '-', '-', 'true']);
  });

  it('daily averages do not count', () => {
    expect(feed(device([COD]), RULES, 'day', [75, 75, 75, 75]).flat().filter((c) => c.kind === 'near-limit')).toEqual([]);
  });
});

describe('process-condition', () => {
  const process = { production: { code: 'SB1', field: 'RS', threshold: 1 }, treatment: { code: 'SB2', field: 'RS', threshold: 1 } };
  const dev = device([COD], { process });
  const run = (pairs: Array<[number, number] | null>) => {
    const w = newDeviceWindow();
    return pairs.map((p, i) => judgeUpload(dev, RULES, upload('run-state', i, p ? { SB1: { RS: String(p[0]) }, SB2: { RS: String(p[1]) } } : { SB1: { RS: '1' } }), w));
  };

  it('opens after N readings of production running while treatment is stopped, and clears when consistent', () => {
    const steps = run([[1, 0], [1, 0], [1, 0], [1, 1]]);
    expect(presence(steps, 'process-condition')).toEqual(['-', 'true', 'true', 'false']);
    const c = one(steps[1], 'process-condition');
    expect(c.tier).toBe('orange');
    expect(c.factor).toBeUndefined();
    expect(c.summary).toContain('生产设施运行（SB1 = 1）而治理设施停运（SB2 = 0），连续 2 次');
    expect(c.evidence.values.map((v) => [v.flag, v.value])).toEqual([['SB1-RS', 1], ['SB2-RS', 0]]);
    expect(c.evidence.frameReceivedAt).toBe(new Date(T0 + 60_000 + 7_000).toISOString());
  });

  it('both stopped is consistent; a reading missing a signal judges nothing', () => {
    expect(presence(run([[1, 0], [0, 0], [1, 0]]), 'process-condition')).toEqual(['-', 'false', '-']);
    expect(presence(run([[1, 0], null, [1, 0]]), 'process-condition')).toEqual(['-', '-', 'true']);
  });

  it('judges nothing for a device without process signals', () => {
    const w = newDeviceWindow();
    const steps = [0, 1, 2].map((i) => judgeUpload(device([COD]), RULES, upload('run-state', i, { SB1: { RS: '1' }, SB2: { RS: '0' } }), w));
    expect(steps.flat()).toEqual([]);
  });
});

describe('evidence', () => {
  it('every condition of a reading carries its factor, value, flag and the frame receipt time', () => {
    const [step] = feed(device([{ ...COD, rangeMin: 0, rangeMax: 500 }]), RULES, 'realtime', [42]);
    expect(step.map((c) => c.kind).sort()).toEqual(['device-flag', 'negative', 'out-of-range', 'zero']);
    for (const c of step) {
      expect(c.present).toBe(false);
      expect(c.evidence).toMatchObject({ factor: 'w01018', factorName: '化学需氧量', unit: 'mg/L', frameReceivedAt: new Date(T0 + 7_000).toISOString() });
      expect(c.evidence.values).toEqual([{ dataTime: new Date(T0).toISOString(), value: 42, flag: 'N' }]);
    }
  });
});
