import { decodeFrame, encodeFrame, encodeMessage, type FactorFields, type Hj212Message, type Hj212Mode, type OutgoingHeader } from '@qingyuan/hj212';
import { DEFAULT_ALARM_RULES } from './alarm-rules';
import { judgeUpload, newDeviceWindow } from './judge';
import { DATA_KIND_OF_CN, uploadOf, type Upload } from './upload';

const MN = '33078200000001';
const RECEIVED = Date.UTC(2026, 4, 1, 0, 35, 12, 345);

/** A message exactly as the gateway gets it: encoded to a frame with length and CRC, then decoded (strict unless told). */
function message(header: Partial<OutgoingHeader>, cp: Record<string, string>, values: Record<string, FactorFields> = {}, mode: Hj212Mode = 'strict'): Hj212Message {
  const bytes = encodeMessage({ qn: '20260501083512345', st: '32', cn: '2011', pw: '123456', mn: MN, flag: 5, ...header }, cp, values);
  const decoded = decodeFrame(bytes, { mode });
  if (!decoded.valid) throw new Error(`test frame did not decode: ${JSON.stringify(decoded.problem)}`);
  return decoded.message;
}
const uploaded = (m: Hj212Message, receivedAt = RECEIVED): Upload => {
  const result = uploadOf(m, receivedAt);
  if (!('upload' in result)) throw new Error(`skipped: ${result.skip}`);
  return result.upload;
};

describe('uploadOf', () => {
  it('makes an upload of a real-time frame, reading DataTime as China Standard Time', () => {
    const m = message({ cn: '2011' }, { DataTime: '20260501083000' }, { w01018: { Rtd: '27.4', Flag: 'N' }, w00000: { Rtd: '12.5', Flag: 'N' } });
    expect(uploadOf(m, RECEIVED)).toEqual({
      upload: {
        mn: MN, cn: '2011', kind: 'realtime', dataTime: new Date('2026-05-01T00:30:00.000Z'), part: 0, receivedAt: RECEIVED,
        values: { w01018: { Rtd: '27.4', Flag: 'N' }, w00000: { Rtd: '12.5', Flag: 'N' } },
      },
    });
  });

  it.each([
    ['2011', 'realtime'],
    ['2051', 'minute'],
    ['2061', 'hour'],
    ['2031', 'day'],
    ['2021', 'run-state'],
  ] as const)('CN %s is %s data', (cn, kind) => {
    expect(DATA_KIND_OF_CN[cn]).toBe(kind);
    const u = uploaded(message({ cn }, { DataTime: '20260501000000' }, { w01018: { Avg: '1', Flag: 'N' } }));
    expect(u).toMatchObject({ cn, kind });
  });

  it.each(['9014', '9011', '1011', '2081', '3020', '2041'])('skips CN %s: not a data upload', (cn) => {
    expect(uploadOf(message({ cn }, { DataTime: '20260501000000' }), RECEIVED)).toEqual({ skip: 'not-data' });
  });

  it('skips a data frame without MN (only lenient decoding lets one through)', () => {
    const m = message({ mn: undefined }, { DataTime: '20260501000000' }, { w01018: { Rtd: '1' } }, 'lenient');
    expect(m.tolerated).toContain('MISSING_MN');
    expect(uploadOf(m, RECEIVED)).toEqual({ skip: 'not-data' });
  });

  it.each([
    ['missing', undefined],
    ['impossible date', '20260231120000'],
    ['hour 24', '20260501240000'],
    ['too short', '202605010000'],
    ['not digits', '2026-05-01T00:00'],
  ])('skips a data frame whose DataTime is %s', (_name, dataTime) => {
    const cp: Record<string, string> = dataTime === undefined ? {} : { DataTime: dataTime };
    expect(uploadOf(message({ cn: '2061' }, cp, { w01018: { Avg: '1', Flag: 'N' } }), RECEIVED)).toEqual({ skip: 'no-data-time' });
  });

  it('converts across the date line of CST: 2026-05-01 07:00 CST is 2026-04-30 23:00 UTC', () => {
    expect(uploaded(message({ cn: '2061' }, { DataTime: '20260501070000' })).dataTime.toISOString()).toBe('2026-04-30T23:00:00.000Z');
  });

  it('keeps the part number of a split message, and 0 otherwise', () => {
    const cp = { DataTime: '20260501080000' };
    expect(uploaded(message({ cn: '2061', flag: 7, pnum: 3, pno: 2 }, cp, { a21026: { Avg: '20', Flag: 'N' } }))).toMatchObject({ part: 2 });
    expect(uploaded(message({ cn: '2061', flag: 7, pnum: 3, pno: 1 }, cp, { a21002: { Avg: '20', Flag: 'N' } }))).toMatchObject({ part: 1 });
    expect(uploaded(message({ cn: '2061' }, cp)).part).toBe(0);
  });

  it('passes the receipt time and the values through untouched', () => {
    const values = { a21026: { Avg: '48.2', ZsAvg: '56.9', Min: '40.1', Max: '60.3', Flag: 'N' }, SB1: { RS: '1' } };
    const u = uploaded(message({ cn: '2061', st: '31' }, { DataTime: '20260501080000' }, values), 42);
    expect(u.receivedAt).toBe(42);
    expect(u.values).toEqual(values);
  });

  it('works on a frame built from a hand-written data segment', () => {
    const bytes = encodeFrame(`QN=20260501083512345;ST=32;CN=2061;PW=123456;MN=${MN};Flag=5;CP=&&DataTime=20260501080000;w01018-Avg=150.0,w01018-Flag=N&&`);
    const decoded = decodeFrame(bytes);
    expect(decoded.valid).toBe(true);
    const u = decoded.valid ? uploaded(decoded.message) : undefined;
    expect(u).toMatchObject({ kind: 'hour', values: { w01018: { Avg: '150.0', Flag: 'N' } }, dataTime: new Date('2026-05-01T00:00:00Z') });
  });
});

describe('from frame to condition', () => {
  const device = { factors: [{ code: 'a21026', name: '二氧化硫', unit: 'mg/m3', hourLimit: 35, converted: true }], keyPolluter: true };

  it('an hourly frame with a converted value above the limit is a red exceedance of a key polluter, citing the frame', () => {
    const u = uploaded(message({ cn: '2061', st: '31' }, { DataTime: '20260501080000' }, { a21026: { Avg: '30.0', ZsAvg: '52.5', Flag: 'N' } }));
    const [c] = judgeUpload(device, DEFAULT_ALARM_RULES, u, newDeviceWindow()).filter((x) => x.kind === 'exceedance-hour');
    expect(c).toMatchObject({ present: true, tier: 'red', dataTime: new Date('2026-05-01T00:00:00Z') });
    expect(c.evidence).toMatchObject({ limit: 35, multiple: 1.5, frameReceivedAt: new Date(RECEIVED).toISOString(), values: [{ value: 52.5, flag: 'N' }] });
    expect(c.summary).toContain('二氧化硫（a21026）小时均值（折算） 52.5 mg/m3');
    expect(c.summary).toContain('1.5 倍');
  });

  it('the same frame flagged D judges no exceedance', () => {
    const u = uploaded(message({ cn: '2061', st: '31' }, { DataTime: '20260501080000' }, { a21026: { Avg: '30.0', ZsAvg: '52.5', Flag: 'D' } }));
    expect(judgeUpload(device, DEFAULT_ALARM_RULES, u, newDeviceWindow())).toEqual([]);
  });
});
