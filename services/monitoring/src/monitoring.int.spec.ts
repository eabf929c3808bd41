import type { MonitoringAlarmRaised } from '@qingyuan/contracts';
import { eventually, MonitoringUnderTest, waterDevice, type DeviceClient } from './testing/harness';

const MN = '33078200000000000000001';
const hour = (h: number) => new Date(Date.UTC(2027, 0, 10, h - 8, 0, 0));

describe('monitoring: device → gateway → storage → tiered alarms → clue', () => {
  let t: MonitoringUnderTest;
  let device: DeviceClient;

  beforeAll(async () => {
    t = await MonitoringUnderTest.start('monitoring');
    await t.registerEnterprise();
    await t.registerDevice(waterDevice(MN));
    device = await t.device();
  });

  afterAll(async () => {
    device?.close();
    await t?.stop();
  });

  it('links the device to the enterprise of enforcement’s registry', async () => {
    const answer = await t.call('GET', `/api/monitoring/devices/${MN}`, t.staff(['analyst']));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ mn: MN, enterpriseName: '义乌市某某印染有限公司', townCode: '330782003', industry: '纺织印染', keyPolluter: false });
    expect(answer.body.pwHash).toBeUndefined();
    // The PW's hash stays beside the registry: not in the event store, so never on Kafka.
    const [{ all }] = await t.sql<{ all: string }>(`SELECT string_agg(data::text, ' ') AS all FROM monitoring.events WHERE event_type = 'DeviceRegistered'`);
    const [{ pw_hash: hash }] = await t.sql<{ pw_hash: string }>('SELECT pw_hash FROM monitoring.device_credentials WHERE mn = $1', [MN]);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(all).not.toContain(hash);
    expect(all).not.toContain('123456');
  });

  it('acknowledges a real-time upload with 9014 echoing its QN once it is stored', async () => {
    const qn = device.send({ mn: MN, cn: '2011', dataTime: new Date('2027-01-10T01:00:00Z'), values: { w01018: { Rtd: '32.5', Flag: 'N' }, w21003: { Rtd: '1.2', Flag: 'N' } } });
    const ack = await device.ackFor(qn);
    expect(ack).toMatchObject({ st: '91', cn: '9014', mn: MN, flag: 4 });
    const rows = await t.sql<{ values: any }>('SELECT values FROM monitoring.realtime_data WHERE mn = $1', [MN]);
    expect(rows).toHaveLength(1);
    expect(rows[0].values.w01018).toEqual({ Rtd: '32.5', Flag: 'N' });
  });

  it('stores a resent upload (same MN + CN + DataTime, new QN) once and still acknowledges it', async () => {
    const dataTime = new Date('2027-01-10T01:00:30Z');
    const values = { w01018: { Rtd: '33.0', Flag: 'N' } };
    await device.ackFor(device.send({ mn: MN, cn: '2011', dataTime, values }));
    await device.ackFor(device.send({ mn: MN, cn: '2011', dataTime, values, at: new Date(Date.now() + 5) }));
    const rows = await t.sql('SELECT 1 FROM monitoring.realtime_data WHERE mn = $1 AND data_time = $2', [MN, dataTime]);
    expect(rows).toHaveLength(1);
    await t.service.activity.flush();
    const [d] = await t.sql<{ duplicates: string }>('SELECT duplicates FROM monitoring.devices WHERE mn = $1', [MN]);
    expect(Number(d.duplicates)).toBe(1);
  });

  it('neither acknowledges nor stores a frame with a wrong password', async () => {
    const before = t.service.gateway!.counters.authFailures;
    const qn = device.send({ mn: MN, pw: '654321', cn: '2011', dataTime: new Date('2027-01-10T01:01:00Z'), values: { w01018: { Rtd: '1', Flag: 'N' } } });
    await eventually(async () => t.service.gateway!.counters.authFailures > before);
    await new Promise((r) => setTimeout(r, 100));
    expect(device.answers.find((a) => a.qn === qn)).toBeUndefined();
    expect(await t.sql('SELECT 1 FROM monitoring.realtime_data WHERE data_time = $1', [new Date('2027-01-10T01:01:00Z')])).toHaveLength(0);
  });

  it('opens a red alarm for an hourly average 2.4 × the limit and hands it to intake as a clue', async () => {
    await device.ackFor(device.send({ mn: MN, cn: '2061', dataTime: hour(9), values: { w01018: { Avg: '120', Min: '80', Max: '150', Flag: 'N' } } }));
    const opened = await eventually(async () => t.published.find((e) => e.type === 'AlarmOpened'));
    expect(opened.data).toMatchObject({ mn: MN, factor: 'w01018', kind: 'exceedance-hour', tier: 'red', enterpriseName: '义乌市某某印染有限公司', rulesVersion: 1 });
    expect((opened.data as any).evidence).toMatchObject({ limit: 50, multiple: 2.4, values: [{ value: 120, flag: 'N' }] });
    expect((opened.data as any).summary).toContain('2.4 倍');
    const clue = (await eventually(async () => t.published.find((e) => e.type === 'MonitoringAlarmRaised'))).data as MonitoringAlarmRaised;
    expect(clue).toMatchObject({ deviceMn: MN, level: 'serious', category: 'water', location: { townCode: '330782003' } });
  });

  it('opens the alarm once while it persists, and clears it when a valid hourly average is back within the limit', async () => {
    await device.ackFor(device.send({ mn: MN, cn: '2061', dataTime: hour(10), values: { w01018: { Avg: '130', Flag: 'N' } } }));
    await device.ackFor(device.send({ mn: MN, cn: '2061', dataTime: hour(11), values: { w01018: { Avg: '300', Flag: 'D' } } }));
    expect(t.published.filter((e) => e.type === 'AlarmOpened')).toHaveLength(1);
    await device.ackFor(device.send({ mn: MN, cn: '2061', dataTime: hour(12), values: { w01018: { Avg: '31.5', Flag: 'N' } } }));
    await eventually(async () => t.published.find((e) => e.type === 'AlarmCleared'));
    const [alarm] = await t.sql<{ status: string }>('SELECT status FROM monitoring.alarms');
    expect(alarm.status).toBe('cleared');
  });

  it('draws the month’s hourly trend from storage', async () => {
    const answer = await t.call('GET', `/api/monitoring/devices/${MN}/trend?factor=w01018&period=month&at=2027-01`, t.staff(['analyst']));
    expect(answer.status).toBe(200);
    expect(answer.body.source).toBe('hourly_data');
    expect(answer.body.points.map((p: any) => p.value)).toEqual([120, 130, 300, 31.5]);
    expect(answer.body.limit).toBe(50);
  });
});
