import type { Worker } from 'node:worker_threads';
import { eventually, MonitoringUnderTest, waterDevice, type DeviceClient } from './testing/harness';

const MN = '33078200000000000000071';
const OTHER = '33078200000000000000072';

// The platform runs the gateway in a worker thread of the monitoring process; the same path, through real TCP.
describe('monitoring: the HJ 212 gateway in a worker thread', () => {
  let t: MonitoringUnderTest;
  let device: DeviceClient;

  beforeAll(async () => {
    t = await MonitoringUnderTest.start('monitoring_gateway_thread', { thread: true, maxAuthFailures: 3 });
    await t.registerEnterprise();
    await t.registerDevice(waterDevice(MN));
    device = await t.device();
  });

  afterAll(async () => {
    device?.close();
    await t?.stop();
  });

  it('stores an upload once it arrives from the thread and acknowledges it after', async () => {
    const dataTime = new Date('2027-01-10T01:10:00Z');
    const ack = await device.ackFor(device.send({ mn: MN, cn: '2011', dataTime, values: { w01018: { Rtd: '31.5', Flag: 'N' } } }));
    expect(ack).toMatchObject({ cn: '9014', mn: MN });
    const rows = await t.sql<{ values: any }>('SELECT values FROM monitoring.realtime_data WHERE mn = $1 AND data_time = $2', [MN, dataTime]);
    expect(rows.map((r) => r.values.w01018)).toEqual([{ Rtd: '31.5', Flag: 'N' }]);
    await eventually(async () => t.service.gateway!.counters.framesDurable >= 1 && t.service.gateway!.connectionCount === 1);
  });

  it('keeps the frames of a batch apart (one buffer crosses the threads) and stores a resend once', async () => {
    const times = [0, 1, 2, 3, 4].map((m) => new Date(Date.UTC(2027, 0, 10, 1, 20 + m)));
    const qns = times.map((dataTime, i) => device.send({ mn: MN, cn: '2011', dataTime, values: { w01018: { Rtd: String(40 + i), Flag: 'N' } }, at: new Date(Date.now() + i) }));
    await Promise.all(qns.map((qn) => device.ackFor(qn)));
    await device.ackFor(device.send({ mn: MN, cn: '2011', dataTime: times[0], values: { w01018: { Rtd: '40', Flag: 'N' } }, at: new Date(Date.now() + 10) }));
    const rows = await t.sql<{ v: string }>(`SELECT values->'w01018'->>'Rtd' AS v FROM monitoring.realtime_data WHERE mn = $1 AND data_time = ANY($2::timestamptz[]) ORDER BY data_time`, [MN, times]);
    expect(rows.map((r) => r.v)).toEqual(['40', '41', '42', '43', '44']);
  });

  it('learns a device registered after it started, and refuses a wrong password', async () => {
    await t.registerDevice(waterDevice(OTHER));
    const other = await t.device();
    try {
      await other.ackFor(other.send({ mn: OTHER, cn: '2011', dataTime: new Date('2027-01-10T01:30:00Z'), values: { w01018: { Rtd: '12', Flag: 'N' } } }));
      const before = t.service.gateway!.counters.authFailures;
      const qn = other.send({ mn: OTHER, pw: '000000', cn: '2011', dataTime: new Date('2027-01-10T01:31:00Z'), values: { w01018: { Rtd: '13', Flag: 'N' } } });
      await eventually(async () => t.service.gateway!.counters.authFailures > before);
      expect(other.answers.find((a) => a.qn === qn)).toBeUndefined();
      expect(await t.sql('SELECT 1 FROM monitoring.realtime_data WHERE mn = $1 AND data_time = $2', [OTHER, new Date('2027-01-10T01:31:00Z')])).toHaveLength(0);
    } finally {
      other.close();
    }
  });

  it('starts a thread that stopped unasked again on the same port', async () => {
    const thread = t.service.gateway as unknown as { worker: Worker; port: number };
    const [before, port] = [thread.worker, thread.port];
    await before.terminate();
    await eventually(async () => thread.worker !== before && t.logs.some((l) => l.msg === 'HJ 212 gateway thread stopped; starting it again'));
    expect(thread.port).toBe(port);
    const again = await eventually(async () => t.device().catch(() => undefined));
    try {
      const ack = await again.ackFor(again.send({ mn: MN, cn: '2011', dataTime: new Date('2027-01-10T01:50:00Z'), values: { w01018: { Rtd: '21', Flag: 'N' } } }));
      expect(ack).toMatchObject({ cn: '9014', mn: MN });
    } finally {
      again.close();
    }
  });

  it('closes a connection after repeated wrong passwords and says so through the service’s logger', async () => {
    const intruder = await t.device();
    for (let i = 0; i < 3; i++) intruder.send({ mn: MN, pw: '999999', cn: '2011', dataTime: new Date(Date.UTC(2027, 0, 10, 1, 40 + i)), values: { w01018: { Rtd: '1', Flag: 'N' } } });
    await intruder.until(() => intruder.closed);
    const record = await eventually(async () => t.logs.find((l) => l.msg === 'hj212 connection closed'));
    expect(record).toMatchObject({ level: 'info', reason: 'auth-failures' });
    expect(JSON.stringify(record)).not.toContain('999999');
  });
});
