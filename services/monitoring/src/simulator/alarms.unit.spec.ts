import { decodeFrame } from '@qingyuan/hj212';
import { DEFAULT_ALARM_RULES } from '../domain/alarm-rules';
import { judgeUpload, newDeviceWindow } from '../domain/judge';
import { uploadOf } from '../domain/upload';
import { simulatedDevices, type SimulatedDevice } from './devices';
import { FrameSource } from './frames';
import type { Anomaly } from './values';

const devices = simulatedDevices(40, { intervalSeconds: 60 });
// 18:00 CST for 8 hours: crosses midnight, so daily data are judged too
const START = Date.parse('2026-03-02T18:00:00+08:00');

/** The alarm kinds the platform's own rules raise on what the simulator sends (frames → strict decode → judge). */
function alarmsRaised(d: SimulatedDevice, anomaly?: Anomaly, hours = 8): string[] {
  const source = new FrameSource(d);
  const window = newDeviceWindow();
  const registered = { factors: d.input.factors, keyPolluter: false, process: d.input.process };
  const kinds = new Set<string>();
  for (let i = 0; i < hours * 60; i++) {
    for (const frame of source.tick(new Date(START + i * 60_000), anomaly)) {
      const result = decodeFrame(frame.bytes, { mode: 'strict' });
      if (!result.valid) throw new Error(result.problem.message);
      const upload = uploadOf(result.message, Date.now());
      if (!('upload' in upload)) throw new Error(`not data: ${frame.cn}`);
      for (const c of judgeUpload(registered, DEFAULT_ALARM_RULES, upload.upload, window)) if (c.present) kinds.add(`${c.kind}${c.factor ? ` ${c.factor}` : ''}`);
    }
  }
  return [...kinds].sort();
}

describe('simulated anomalies against the platform alarm rules (judge.ts, default rules)', () => {
  it('normal devices raise nothing: water with a process pair, flue gas, HJ/T 212-2005, HJ 212-2025', () => {
    const raised = [1, 2, 3, 4, 5, 6, 7, 9, 13, 27, 33].map((index) => [index, alarmsRaised(devices[index - 1])] as const);
    expect(raised.filter(([, kinds]) => kinds.length > 0)).toEqual([]);
  });

  it.each<[string, number, Anomaly, string[]]>([
    ['exceedance (COD)', 1, { kind: 'exceedance' }, ['exceedance-day w01018', 'exceedance-hour w01018']],
    ['exceedance (SO2, converted)', 3, { kind: 'exceedance' }, ['exceedance-day a21026', 'exceedance-hour a21026']],
    ['exceedance (NH3-N, HJ/T 212-2005 device)', 13, { kind: 'exceedance', factor: 'w21003' }, ['exceedance-day w21003', 'exceedance-hour w21003']],
    ['constant', 1, { kind: 'constant' }, ['constant w01018']],
    ['zero', 3, { kind: 'zero' }, ['zero a21026']],
    ['flags (one factor)', 1, { kind: 'flags', factor: 'w21003' }, ['device-flag w21003']],
    ['process', 5, { kind: 'process' }, ['process-condition']],
  ])('%s raises exactly its alarm', (_name, index, anomaly, expected) => {
    expect(alarmsRaised(devices[index - 1], anomaly)).toEqual(expected);
  });

  it('tampering raises near-limit (hugging the limit for 6 hours), with a constant alarm for its tiny spread', () => {
    const raised = alarmsRaised(devices[0], { kind: 'tampering' });
    expect(raised).toContain('near-limit w01018');
    expect(raised.every((kind) => kind.endsWith('w01018'))).toBe(true);
    expect(raised.some((kind) => kind.startsWith('exceedance'))).toBe(false);
  });

  it('an anomaly starts after `afterFrames` normal readings', () => {
    expect(alarmsRaised(devices[0], { kind: 'zero', afterFrames: 100 }, 2)).toEqual(['zero w01018']);
    // 115 normal readings, then 5 zeros: fewer than the 10 the rule needs
    expect(alarmsRaised(devices[0], { kind: 'zero', afterFrames: 115 }, 2)).toEqual([]);
  });
});
