import { randomBytes } from 'node:crypto';
import { encodeFrame, formatCp, formatDataSegment, formatHj212Time, formatQn, type FactorFields } from '@qingyuan/hj212';
import type { GatewayOptions } from './gateway/hj212-gateway';
import { eventually, MonitoringUnderTest, waterDevice, type DeviceClient } from './testing/harness';

/** The HJ 212 gateway over real TCP: framing in the wild, limits, authentication, protocol versions, scale. */

const mn = (n: number) => `3307829${String(n).padStart(16, '0')}`;
const MN = { main: mn(1), v2005: mn(2005), v2025: mn(2025) };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const rtd = (v: number): Record<string, FactorFields> => ({ w01018: { Rtd: String(v), Flag: 'N' }, w21003: { Rtd: '1.2', Flag: 'N' } });
/** A Modbus-TCP "read holding registers" poll some loggers answer on the same port. */
const MODBUS_POLL = Buffer.from([0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x01, 0x03, 0x00, 0x00, 0x00, 0x0a]);
/** Options the harness passes straight to the gateway (MonitoringConfig['hj212'] does not list them all). */
const gatewayOptions = (o: Partial<GatewayOptions>) => o as Parameters<typeof MonitoringUnderTest.start>[1];

const NOW = new Date('2027-01-10T02:00:00Z');
let qnTick = 0;
let dataTick = 0;
/** Distinct QNs (formatQn has millisecond resolution) and distinct real-time data times within the last hours. */
const nextQn = () => formatQn(new Date(NOW.getTime() + qnTick++));
const nextDataTime = () => new Date(NOW.getTime() - 3 * 3_600_000 + 1000 * dataTick++);

interface FrameInput {
  mn: string;
  cn?: string;
  pw?: string;
  /** null: no Flag (HJ/T 212-2005) */
  flag?: number | null;
  /** null: no QN (HJ/T 212-2005) */
  qn?: string | null;
  pnum?: number;
  pno?: number;
  dataTime?: Date;
  values?: Record<string, FactorFields>;
}

function frame(f: FrameInput): { bytes: Buffer; qn: string } {
  const qn = f.qn === null ? undefined : (f.qn ?? nextQn());
  const cp = formatCp(f.dataTime ? { DataTime: formatHj212Time(f.dataTime) } : {}, f.values ?? {});
  const flag = f.flag === null ? undefined : (f.flag ?? 5);
  const segment = formatDataSegment({ qn, st: '32', cn: f.cn ?? '2011', pw: f.pw ?? '123456', mn: f.mn, flag, pnum: f.pnum, pno: f.pno }, cp);
  return { bytes: encodeFrame(segment), qn: qn ?? '' };
}

describe('HJ 212 gateway over real TCP', () => {
  let t: MonitoringUnderTest;
  const clients: DeviceClient[] = [];
  const open = async (on: MonitoringUnderTest = t) => {
    const c = await on.device();
    c.socket.setNoDelay(true);
    clients.push(c);
    return c;
  };
  const counters = () => t.service.gateway!.counters;
  const realtimeRows = async (m: string, at?: Date) =>
    (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM monitoring.realtime_data WHERE mn = $1 AND ($2::timestamptz IS NULL OR data_time = $2)', [m, at ?? null]))[0].n;
  const acked = (c: DeviceClient, qn: string) => c.answers.filter((a) => a.cn === '9014' && a.qn === qn);

  beforeAll(async () => {
    t = await MonitoringUnderTest.start('monitoring_gateway', gatewayOptions({ frameTimeoutMs: 500, maxAuthFailures: 3, maxInFlightPerConnection: 4 }));
    await t.registerEnterprise();
    await t.registerDevice(waterDevice(MN.main));
    await t.registerDevice(waterDevice(MN.v2005, { standard: '2005' }));
    await t.registerDevice(waterDevice(MN.v2025, { standard: '2025' }));
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(() => t?.stop());

  it('skips AT chatter, random bytes and a Modbus poll, acknowledges the frame after them and keeps the connection', async () => {
    const c = await open();
    const garbage = Buffer.from(randomBytes(512).map((b) => (b === 0x23 ? 0x20 : b))); // a "#" is covered below
    const first = frame({ mn: MN.main, dataTime: nextDataTime(), values: rtd(20) });
    c.write('AT+CSQ\r\n');
    c.write(garbage);
    c.write(MODBUS_POLL);
    c.write(first.bytes);
    await c.ackFor(first.qn);
    const second = frame({ mn: MN.main, dataTime: nextDataTime(), values: rtd(21) });
    c.write(Buffer.concat([Buffer.from('AT+CSQ\r\n+CSQ: 23,99\r\nOK\r\n'), MODBUS_POLL, second.bytes, Buffer.from('AT+CGATT?\r\n')]));
    await c.ackFor(second.qn);
    await sleep(50);
    expect(c.closed).toBe(false);
    expect(t.service.gateway!.connectionCount).toBe(1);
  });

  // A stray '#' right before a frame ("###0123…"): the reader gives up on "##" + "#012" and must resync one byte on,
  // not two, or it eats the first '#' of the real frame.
  it('acknowledges a frame that follows garbage ending in a stray "#"', async () => {
    const c = await open();
    const f = frame({ mn: MN.main, dataTime: nextDataTime(), values: rtd(20) });
    c.write(Buffer.concat([Buffer.from('noise#'), f.bytes]));
    await c.until(() => acked(c, f.qn)[0], 1500);
  });

  it('acknowledges three frames that arrive in one write (sticky packets)', async () => {
    const c = await open();
    const frames = [30, 31, 32].map((v) => {
      const dataTime = nextDataTime();
      return { dataTime, ...frame({ mn: MN.main, dataTime, values: rtd(v) }) };
    });
    c.write(Buffer.concat(frames.map((f) => f.bytes)));
    for (const f of frames) await c.ackFor(f.qn);
    for (const f of frames) expect(await realtimeRows(MN.main, f.dataTime)).toBe(1);
  });

  it('acknowledges a frame written byte by byte, and one written in three pieces with pauses, only once it is whole', async () => {
    const c = await open();
    const bytewise = frame({ mn: MN.main, dataTime: nextDataTime(), values: rtd(22) });
    for (const byte of bytewise.bytes) {
      c.write(Buffer.from([byte]));
      await new Promise((r) => setImmediate(r));
    }
    await c.ackFor(bytewise.qn);
    const pieces = frame({ mn: MN.main, dataTime: nextDataTime(), values: rtd(23) });
    const cut = [0, 5, 60, pieces.bytes.length];
    for (let i = 0; i < 3; i++) {
      c.write(pieces.bytes.subarray(cut[i], cut[i + 1]));
      if (i < 2) {
        await sleep(150);
        expect(acked(c, pieces.qn)).toHaveLength(0);
      }
    }
    await c.ackFor(pieces.qn);
    expect(c.closed).toBe(false);
  });

  it('keeps a busy connection whose reads always end inside a frame (the frame timer restarts with each frame)', async () => {
    const c = await open();
    const frames = range(10).map(() => frame({ mn: MN.main, dataTime: nextDataTime(), values: rtd(24) }));
    const length = frames[0].bytes.length;
    expect(frames.every((f) => f.bytes.length === length)).toBe(true);
    const stream = Buffer.concat(frames.map((f) => f.bytes));
    const before = counters().dropped['slow-frame'];
    // chunks of length + 37 bytes never end on a frame boundary; 8 chunks 150 ms apart outlast frameTimeoutMs (500)
    for (let at = 0; at < stream.length; at += length + 37) {
      c.write(stream.subarray(at, at + length + 37));
      await sleep(150);
    }
    for (const f of frames) await c.ackFor(f.qn);
    expect(c.closed).toBe(false);
    expect(counters().dropped['slow-frame']).toBe(before);
  });

  it('refuses an oversize frame (##9999) without an ack and acknowledges the good frame after it on the same connection', async () => {
    const c = await open();
    const before = counters().oversize;
    const dataTime = nextDataTime();
    const head = formatDataSegment({ qn: nextQn(), st: '32', cn: '2011', pw: '123456', mn: MN.main, flag: 5 }, `DataTime=${formatHj212Time(dataTime)};w01018-Rtd=99,w01018-Flag=N;w01018-Info=`);
    const big = encodeFrame(`${head}${'x'.repeat(9999 - head.length - 2)}&&`);
    expect(big.subarray(0, 6).toString()).toBe('##9999');
    c.write(big);
    const good = frame({ mn: MN.main, dataTime: nextDataTime(), values: rtd(25) });
    c.write(good.bytes);
    await c.ackFor(good.qn);
    expect(counters().oversize).toBeGreaterThan(before);
    expect(c.answers.filter((a) => a.cn === '9014')).toHaveLength(1);
    expect(await realtimeRows(MN.main, dataTime)).toBe(0);
    expect(c.closed).toBe(false);
  });

  it('acknowledges neither an unknown MN nor a wrong PW, and closes the connection at maxAuthFailures (3)', async () => {
    const c = await open();
    const before = { ...counters(), dropped: { ...counters().dropped } };
    const unknown = frame({ mn: mn(999_999), dataTime: nextDataTime(), values: rtd(1) });
    const wrong = frame({ mn: MN.main, pw: '654321', dataTime: nextDataTime(), values: rtd(1) });
    c.write(unknown.bytes);
    c.write(wrong.bytes);
    await eventually(async () => counters().authFailures >= before.authFailures + 2);
    await sleep(100);
    expect(c.answers).toHaveLength(0);
    expect(c.closed).toBe(false);
    c.write(frame({ mn: MN.main, pw: '000000', dataTime: nextDataTime(), values: rtd(1) }).bytes);
    await c.until(() => c.closed);
    expect(counters().dropped['auth-failures']).toBe(before.dropped['auth-failures'] + 1);
    expect(await realtimeRows(mn(999_999))).toBe(0);
    expect(await t.sql('SELECT 1 FROM monitoring.realtime_data WHERE mn = $1 AND values->\'w01018\'->>\'Rtd\' = $2', [MN.main, '1'])).toHaveLength(0);
  });

  it('stores a 2005 upload (no QN, no Flag: no ack asked) without answering it', async () => {
    const c = await open();
    const dataTime = nextDataTime();
    c.write(frame({ mn: MN.v2005, qn: null, flag: null, dataTime, values: rtd(26) }).bytes);
    await eventually(async () => (await realtimeRows(MN.v2005, dataTime)) === 1);
    await sleep(200);
    expect(c.answers).toHaveLength(0);
  });

  it('acknowledges a 2025 upload (Flag=9) with a 2025 answer (Flag=8)', async () => {
    const c = await open();
    const f = frame({ mn: MN.v2025, flag: 9, dataTime: nextDataTime(), values: rtd(27) });
    c.write(f.bytes);
    expect(await c.ackFor(f.qn)).toMatchObject({ st: '91', cn: '9014', mn: MN.v2025, flag: 8, standard: '2025' });
  });

  it('answers a time calibration request (1013, Flag=5) with 9013 and sends a 1012 with the platform time', async () => {
    const c = await open();
    const f = frame({ mn: MN.main, cn: '1013', flag: 5 });
    c.write(f.bytes);
    const notice = await c.until(() => c.answers.find((a) => a.cn === '9013'));
    expect(notice).toMatchObject({ qn: f.qn, st: '91', mn: MN.main, flag: 4 });
    const setTime = await c.until(() => c.answers.find((a) => a.cn === '1012'));
    expect(setTime).toMatchObject({ mn: MN.main, pw: '123456', ackRequired: true, cp: { SystemTime: formatHj212Time(t.now) } });
    // the logger's answer to the 1012 is not data: nothing is stored, nothing answered, the connection stays
    c.write(frame({ mn: MN.main, cn: '9011', qn: setTime.qn, flag: 4 }).bytes);
    await sleep(100);
    expect(c.closed).toBe(false);
  });

  it('acknowledges each part of a split upload (Flag=7, PNUM=2) and stores both under one MN + CN + DataTime', async () => {
    const c = await open();
    const dataTime = new Date('2027-01-10T00:00:00Z');
    const qn = nextQn();
    const parts = [
      frame({ mn: MN.main, cn: '2061', flag: 7, qn, pnum: 2, pno: 1, dataTime, values: { w01018: { Avg: '31.0', Flag: 'N' } } }),
      frame({ mn: MN.main, cn: '2061', flag: 7, qn, pnum: 2, pno: 2, dataTime, values: { w21003: { Avg: '1.1', Flag: 'N' } } }),
    ];
    for (const p of parts) c.write(p.bytes);
    await c.until(() => acked(c, qn).length === 2 || undefined);
    const rows = await t.sql<{ part: number; values: any }>('SELECT part, values FROM monitoring.hourly_data WHERE mn = $1 AND data_time = $2 ORDER BY part', [MN.main, dataTime]);
    expect(rows.map((r) => r.part)).toEqual([1, 2]);
    expect(rows[0].values.w01018).toEqual({ Avg: '31.0', Flag: 'N' });
    expect(rows[1].values.w21003).toEqual({ Avg: '1.1', Flag: 'N' });
  });

  it('accepts and stores a back-filled (补传) hourly upload of a day earlier', async () => {
    const c = await open();
    const dataTime = new Date(NOW.getTime() - 86_400_000);
    const f = frame({ mn: MN.main, cn: '2061', dataTime, values: { w01018: { Avg: '28.0', Flag: 'N' } } });
    c.write(f.bytes);
    await c.ackFor(f.qn);
    expect(await t.sql('SELECT 1 FROM monitoring.hourly_data WHERE mn = $1 AND data_time = $2', [MN.main, dataTime])).toHaveLength(1);
  });

  it('acknowledges but refuses into rejected_frames an upload dated a year ahead (DATA_TIME_OUT_OF_RANGE)', async () => {
    const c = await open();
    const dataTime = new Date(NOW.getTime() + 365 * 86_400_000);
    const f = frame({ mn: MN.main, dataTime, values: rtd(29) });
    c.write(f.bytes);
    await c.ackFor(f.qn);
    expect(await realtimeRows(MN.main, dataTime)).toBe(0);
    const rejected = await t.sql<{ reason: string; frame: string }>('SELECT reason, frame FROM monitoring.rejected_frames WHERE mn = $1', [MN.main]);
    expect(rejected).toEqual([{ reason: 'DATA_TIME_OUT_OF_RANGE', frame: expect.stringContaining(`QN=${f.qn}`) }]);
    const listed = await t.call('GET', `/api/monitoring/rejected-frames?mn=${MN.main}`, t.staff(['analyst']));
    expect(listed.body).toEqual([expect.objectContaining({ reason: 'DATA_TIME_OUT_OF_RANGE' })]);
  });

  it('keeps reading a connection that writes 200 frames at once with maxInFlightPerConnection 4 (paused, resumed, all acked)', async () => {
    const c = await open();
    const warmUp = frame({ mn: MN.main, dataTime: nextDataTime(), values: rtd(20) });
    c.write(warmUp.bytes);
    await c.ackFor(warmUp.qn); // the gateway knows the MN: frames are accepted as they are read
    const before = counters().pauses;
    // ~800-byte frames: 160 KB arrive in several reads, so reading must resume for the later ones to be seen at all
    const values = Object.fromEntries(range(25).map((i) => [`w${String(1001 + i).padStart(5, '0')}`, { Rtd: '12.50', Flag: 'N' }]));
    const dataTimes = range(200).map(() => nextDataTime());
    const frames = dataTimes.map((dataTime) => frame({ mn: MN.main, dataTime, values: { ...values, ...rtd(33) } }));
    c.write(Buffer.concat(frames.map((f) => f.bytes)));
    await c.until(() => frames.every((f) => acked(c, f.qn).length === 1) || undefined, 15_000);
    expect(counters().pauses).toBeGreaterThan(before);
    const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM monitoring.realtime_data WHERE mn = $1 AND data_time = ANY($2::timestamptz[])', [MN.main, dataTimes]);
    expect(n).toBe(200);
    expect(c.closed).toBe(false);
  });

  it('serves 2,000 concurrent connections of 50 devices: every frame acknowledged and stored once, every connection closed after', async () => {
    const mns = range(50).map((i) => mn(10_000 + i));
    for (const m of mns) await t.registerDevice(waterDevice(m));
    const connections: DeviceClient[] = [];
    // in steps the gateway accepts before the next (an overflowing accept queue costs a 1 s SYN retransmission)
    for (let i = 0; i < 2000; i += 200) {
      connections.push(...(await Promise.all(range(200).map(() => open()))));
      await eventually(async () => t.service.gateway!.connectionCount === connections.length);
    }
    const base = NOW.getTime() - 2 * 3_600_000;
    const qns = connections.map((c, i) =>
      c.send({ mn: mns[i % 50], cn: '2011', dataTime: new Date(base + i * 1000), values: rtd(10 + ((i * 7) % 40)), at: new Date(NOW.getTime() + 1_000_000 + i) }),
    );
    await eventually(async () => connections.every((c, i) => c.answers.some((a) => a.cn === '9014' && a.qn === qns[i])), 15_000);
    const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM monitoring.realtime_data WHERE mn = ANY($1::text[])', [mns]);
    expect(n).toBe(2000);
    clients.splice(0).forEach((c) => c.close());
    await eventually(async () => t.service.gateway!.connectionCount === 0);
  }, 40_000);
});

describe('HJ 212 gateway time limits', () => {
  let t: MonitoringUnderTest;
  let c: DeviceClient | undefined;
  const dropped = () => ({ ...t.service.gateway!.counters.dropped });

  beforeAll(async () => {
    t = await MonitoringUnderTest.start('monitoring_gateway_limits', gatewayOptions({ idleTimeoutMs: 1500, frameTimeoutMs: 500 }));
    await t.registerEnterprise();
    await t.registerDevice(waterDevice(MN.main));
  });
  afterEach(() => c?.close());
  afterAll(() => t?.stop());

  it('closes a slow-loris connection (a frame begun, then a byte every 100 ms) after frameTimeoutMs', async () => {
    c = await t.device();
    const before = dropped();
    const f = frame({ mn: MN.main, dataTime: nextDataTime(), values: rtd(20) }).bytes;
    const started = Date.now();
    c.write(f.subarray(0, 20));
    for (let i = 20; !c.closed && i < f.length - 1 && Date.now() - started < 3000; i++) {
      await sleep(100);
      c.write(f.subarray(i, i + 1));
    }
    await c.until(() => c!.closed, 1000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(dropped()).toEqual({ ...before, 'slow-frame': before['slow-frame'] + 1 });
  });

  it('closes an idle connection after idleTimeoutMs', async () => {
    c = await t.device();
    const before = dropped();
    const started = Date.now();
    await c.until(() => c!.closed, 4000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1450);
    expect(dropped()).toEqual({ ...before, idle: before.idle + 1 });
  });

  it('closes a connection that sends only garbage after idleTimeoutMs (bytes alone do not keep it alive)', async () => {
    c = await t.device();
    const before = dropped();
    const started = Date.now();
    for (let i = 0; !c.closed && i < 40; i++) {
      c.write('AT+CSQ\r\n');
      await sleep(100);
    }
    expect(c.closed).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1450);
    expect(dropped()).toEqual({ ...before, idle: before.idle + 1 });
  });

  it('keeps a connection that sends a frame every 250 ms well past idleTimeoutMs', async () => {
    c = await t.device();
    for (let i = 0; i < 10; i++) {
      const f = frame({ mn: MN.main, dataTime: nextDataTime(), values: rtd(20) });
      c.write(f.bytes);
      await c.ackFor(f.qn);
      await sleep(250);
    }
    expect(c.closed).toBe(false);
  });
});
