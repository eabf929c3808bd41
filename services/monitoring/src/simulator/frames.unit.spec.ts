import { decodeFrame, toNumber, type Hj212Message } from '@qingyuan/hj212';
import { simulatedDevices, type SimulatedDevice } from './devices';
import { FrameSource, minuteIntervalFor } from './frames';
import { converted } from './values';

const devices = simulatedDevices(40, { intervalSeconds: 30 });
const device = (index: number) => devices[index - 1];
// 09:58:00 CST: the run crosses the 10:00 hour turn and ends after 11:00
const START = Date.parse('2026-03-02T09:58:00+08:00');

function run(d: SimulatedDevice, readings: number, intervalMs = 30_000): Hj212Message[] {
  const source = new FrameSource(d);
  const out: Hj212Message[] = [];
  for (let i = 0; i < readings; i++) {
    for (const frame of source.tick(new Date(START + i * intervalMs))) {
      const result = decodeFrame(frame.bytes, { mode: 'strict' });
      if (!result.valid) throw new Error(`${frame.bytes.toString()} → ${JSON.stringify(result.problem)}`);
      expect(result.message.cn).toBe(frame.cn);
      expect(result.message.qn).toBe(frame.qn);
      out.push(result.message);
    }
  }
  return out;
}

const byCn = (messages: Hj212Message[], cn: string) => messages.filter((m) => m.cn === cn);

describe('simulator frames', () => {
  it.each([
    ['water, HJ 212-2017, process pair', 1, '2017', 5, '32'],
    ['flue gas, HJ 212-2017', 3, '2017', 5, '31'],
    ['water, HJ 212-2025', 7, '2025', 9, '32'],
    ['water, HJ/T 212-2005, process pair', 13, '2005', undefined, '32'],
    ['flue gas, HJ 212-2025', 27, '2025', 9, '31'],
    ['flue gas, HJ/T 212-2005, process pair', 33, '2005', undefined, '31'],
  ])('%s: every frame decodes in strict mode with its standard, Flag, ST, MN and PW', (_name, index, standard, flag, st) => {
    const d = device(index);
    expect(d.input.standard).toBe(standard);
    const messages = run(d, 2 * 120 + 10);
    for (const m of messages) {
      expect(m.standard).toBe(standard);
      expect(m.flag).toBe(flag);
      expect(m.ackRequired).toBe(flag !== undefined);
      expect(m.st).toBe(st);
      expect(m.mn).toBe(d.input.mn);
      expect(m.pw).toBe(d.input.pw);
      expect(m.tolerated).toEqual([]);
      expect(m.length).toBeLessThanOrEqual(1024);
      if (standard === '2005') expect(m.qn).toBeUndefined();
      else expect(m.qn).toMatch(/^\d{17}$/);
    }
    if (standard !== '2005') {
      const qns = messages.map((m) => m.qn!);
      expect([...qns].sort()).toEqual(qns);
      expect(new Set(qns).size).toBe(qns.length);
    }
    expect(byCn(messages, '2021').length).toBe(d.input.process ? byCn(messages, '2011').length : 0);
  });

  it('sends 2011 every reading, 2051 at each minute turn and 2061 at each hour turn, DataTime = start of the period', () => {
    const messages = run(device(1), 130);
    const realtime = byCn(messages, '2011');
    expect(realtime).toHaveLength(130);
    expect(realtime[0].cp.DataTime).toBe('20260302095800');
    expect(realtime[1].cp.DataTime).toBe('20260302095830');
    const minutes = byCn(messages, '2051').map((m) => m.cp.DataTime);
    expect(minutes.slice(0, 3)).toEqual(['20260302095800', '20260302095900', '20260302100000']);
    expect(minutes).toHaveLength(64);
    expect(byCn(messages, '2061').map((m) => m.cp.DataTime)).toEqual(['20260302090000', '20260302100000']);
    // the hour frame comes before the 2011 of the reading that closed it
    const at = messages.findIndex((m) => m.cn === '2061' && m.cp.DataTime === '20260302100000');
    expect(messages[at + 1].cn).toBe('2011');
    expect(messages[at + 1].cp.DataTime).toBe('20260302110000');
  });

  it('hourly Avg/Min/Max are those of the real-time values sent; Cou of flow is the discharged m³', () => {
    const messages = run(device(1), 130);
    const hour = byCn(messages, '2061')[1];
    const rtd = byCn(messages, '2011').filter((m) => m.cp.DataTime.startsWith('2026030210'));
    expect(rtd).toHaveLength(120);
    for (const code of ['w01018', 'w21003', 'w01001', 'w00000']) {
      const values = rtd.map((m) => toNumber(m.values[code].Rtd)!);
      const avg = values.reduce((a, b) => a + b, 0) / values.length;
      expect(toNumber(hour.values[code].Avg)).toBeCloseTo(avg, 1);
      expect(toNumber(hour.values[code].Min)).toBe(Math.min(...values));
      expect(toNumber(hour.values[code].Max)).toBe(Math.max(...values));
      expect(hour.values[code].Flag).toBe('N');
    }
    const flows = rtd.map((m) => toNumber(m.values.w00000.Rtd)!);
    expect(toNumber(hour.values.w00000.Cou)).toBeCloseTo(flows.reduce((a, b) => a + (b * 30) / 1000, 0), 2);
    expect(hour.values.w01001.Cou).toBeUndefined();
  });

  it('flue gas carries ZsRtd and ZsMin/ZsAvg/ZsMax, converted to 6 % O2 from the O2 sent', () => {
    const d = device(3);
    const messages = run(d, 130);
    for (const m of byCn(messages, '2011')) {
      const o2 = toNumber(m.values.a19001.Rtd)!;
      for (const code of ['a21026', 'a21002', 'a34013']) {
        const rtd = toNumber(m.values[code].Rtd)!;
        expect(toNumber(m.values[code].ZsRtd)).toBeCloseTo(converted(rtd, o2, 6), 1);
      }
      expect(m.values.a19001.ZsRtd).toBeUndefined();
    }
    const hour = byCn(messages, '2061')[1];
    expect(Object.keys(hour.values.a21026)).toEqual(['Cou', 'Min', 'Avg', 'Max', 'ZsMin', 'ZsAvg', 'ZsMax', 'Flag']);
  });

  it('2021 carries the run state of the process pair', () => {
    const [state] = byCn(run(device(1), 1), '2021');
    expect(state.values).toEqual({ SB1: { RS: '1' }, SB2: { RS: '1' } });
  });

  it('readings in the same second still get distinct DataTimes (the platform de-duplicates by MN + CN + DataTime)', () => {
    const messages = run(device(3), 5, 200);
    expect(byCn(messages, '2011').map((m) => m.cp.DataTime)).toEqual(['20260302095800', '20260302095801', '20260302095802', '20260302095803', '20260302095804']);
  });

  it('uses the shortest allowed MinInterval that covers the real-time interval', () => {
    expect([1, 30, 60, 61, 300, 3600].map(minuteIntervalFor)).toEqual([1, 1, 1, 2, 5, 30]);
  });
});
