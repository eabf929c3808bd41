import type { EventEnvelope } from '@qingyuan/messaging';
import { eventually, MonitoringUnderTest, waterDevice, type DeviceClient, type StaffMember } from './testing/harness';

/** From alarm to action over HTTP, on alarms opened over TCP and by the offline sweep. */

const MN = {
  red: '33078200000000000000101', // key polluter, town 003: hourly exceedance
  keyYellow: '33078200000000000000102', // key polluter, town 003: offline
  confirmed: '33078200000000000000103', // town 003: offline, verification confirms it
  falseAlarm: '33078200000000000000104', // town 003: offline, verification finds a false alarm
  elsewhere: '33078200000000000000105', // town 001: offline
};
const USCC = { key: '91330782MA2000001X', plain: '91330782MA2000003X', elsewhere: '91330782MA2000002X' };
const HOUR = 3_600_000;

describe('monitoring alarms → remote warning → site verification → supervision', () => {
  let t: MonitoringUnderTest;
  let device: DeviceClient;
  let analyst: StaffMember;
  let leader: StaffMember;
  let department: StaffMember;
  let town: StaffMember;
  let otherTown: StaffMember;
  const alarmOf = {} as Record<keyof typeof MN, string>;

  const post = (who: StaffMember, path: string, body: unknown = {}) => t.call('POST', `/api/monitoring/alarms/${path}`, who, body);
  const detail = async (id: string, who = analyst) => (await t.call('GET', `/api/monitoring/alarms/${id}`, who)).body;
  const later = (ms = 600_000) => (t.now = new Date(t.now.getTime() + ms));
  const raised = (alarmId: string) => t.published.filter((e: EventEnvelope) => e.type === 'MonitoringAlarmRaised' && (e.data as { alarmId: string }).alarmId === alarmId);
  const list = async (query: string, who = analyst): Promise<string[]> => {
    const answer = await t.call('GET', `/api/monitoring/alarms?${query}`, who);
    expect(answer.status).toBe(200);
    return answer.body.map((a: { alarmId: string }) => a.alarmId);
  };

  beforeAll(async () => {
    t = await MonitoringUnderTest.start('monitoring_alarm_actions');
    analyst = t.staff(['analyst']);
    leader = t.staff(['leader']);
    department = t.staff(['department-officer']);
    town = t.staff(['town-officer'], { towns: ['330782003'] });
    otherTown = t.staff(['town-officer'], { towns: ['330782001'] });
    await t.registerEnterprise({ uscc: USCC.key, name: '义乌市重点印染有限公司', keyPolluter: true });
    await t.registerEnterprise({ uscc: USCC.plain, name: '义乌市某某水洗有限公司' });
    await t.registerEnterprise({ uscc: USCC.elsewhere, name: '义乌市外镇电镀有限公司', townCode: '330782001' });
    await t.registerDevice(waterDevice(MN.red, { uscc: USCC.key }));
    await t.registerDevice(waterDevice(MN.keyYellow, { uscc: USCC.key }));
    await t.registerDevice(waterDevice(MN.confirmed, { uscc: USCC.plain }));
    await t.registerDevice(waterDevice(MN.falseAlarm, { uscc: USCC.plain }));
    await t.registerDevice(waterDevice(MN.elsewhere, { uscc: USCC.elsewhere }));
    device = await t.device();
  });
  afterAll(async () => {
    device?.close();
    await t?.stop();
  });

  it('opens a red alarm from an hourly upload over TCP, raised to intake once', async () => {
    await device.ackFor(device.send({ mn: MN.red, cn: '2061', dataTime: new Date('2027-01-10T01:00:00Z'), values: { w01018: { Avg: '120', Flag: 'N' } } }));
    const opened = await eventually(async () => t.published.find((e) => e.type === 'AlarmOpened' && (e.data as { mn: string }).mn === MN.red));
    expect(opened.data).toMatchObject({ tier: 'red', kind: 'exceedance-hour', factor: 'w01018' });
    alarmOf.red = (opened.data as { alarmId: string }).alarmId;
    await eventually(async () => raised(alarmOf.red).length === 1);
    // the silent devices (registered weeks before the harness clock) go offline: yellow, below the clue tier
    await t.service.sweeps.offline();
    const rows = await t.sql<{ mn: string; alarm_id: string; tier: string }>(`SELECT mn, alarm_id, tier FROM monitoring.alarms WHERE kind = 'offline'`);
    for (const key of ['keyYellow', 'confirmed', 'falseAlarm', 'elsewhere'] as const) {
      const row = rows.find((r) => r.mn === MN[key])!;
      expect(row.tier).toBe('yellow');
      alarmOf[key] = row.alarm_id;
    }
    expect(rows.find((r) => r.mn === MN.red)).toBeUndefined();
  });

  it('is acknowledged once (a second acknowledgement is 409)', async () => {
    later();
    expect((await post(town, `${alarmOf.red}/acknowledge`, { note: '已签收' })).status).toBe(201);
    const again = await post(analyst, `${alarmOf.red}/acknowledge`);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'ALREADY_ACKNOWLEDGED' });
    expect((await detail(alarmOf.red)).acknowledgedAt).toEqual(expect.any(String));
  });

  it('warns the enterprise remotely with a reply due in 24 h, and records its explanation', async () => {
    later();
    expect((await post(analyst, `${alarmOf.red}/remote-warning`, { message: '请于 24 小时内说明 COD 超标原因' })).status).toBe(201);
    const warned = await detail(alarmOf.red);
    expect(warned.stage).toBe('warned');
    expect(warned.warning).toMatchObject({ message: '请于 24 小时内说明 COD 超标原因', replyDueAt: new Date(t.now.getTime() + 24 * HOUR).toISOString() });
    later();
    expect((await post(town, `${alarmOf.red}/explanation`, { explanation: '调节池检修，已恢复' })).status).toBe(201);
    expect((await detail(alarmOf.red)).warning).toMatchObject({ explanation: '调节池检修，已恢复' });
  });

  it('sends the town to verify a key polluter’s red alarm within 4 h; the town officer confirms it with evidence', async () => {
    later();
    expect((await post(analyst, `${alarmOf.red}/verification`, { assigneeName: '佛堂镇环保员' })).status).toBe(201);
    const verifying = await detail(alarmOf.red);
    expect(verifying.stage).toBe('verifying');
    expect(verifying.tasks).toEqual([expect.objectContaining({ townCode: '330782003', status: 'assigned', dueAt: new Date(t.now.getTime() + 4 * HOUR).toISOString() })]);
    expect((await t.call('GET', '/api/monitoring/verification-tasks/mine', town)).body.map((x: { alarmId: string }) => x.alarmId)).toContain(alarmOf.red);
    later();
    const recorded = await post(town, `${alarmOf.red}/verification/result`, { result: 'confirmed', findings: '总排口 COD 快检 118 mg/L', evidenceRefs: ['IMG_0412.jpg', '采样单 2027-0110-01'] });
    expect(recorded.status).toBe(201);
    const verified = await detail(alarmOf.red);
    expect(verified.stage).toBe('verified');
    expect(verified.tasks[0]).toMatchObject({ status: 'recorded', result: 'confirmed', evidenceRefs: ['IMG_0412.jpg', '采样单 2027-0110-01'] });
    await new Promise((r) => setTimeout(r, 200));
    expect(raised(alarmOf.red)).toHaveLength(1); // already a clue since it opened red
  });

  it('orders supervision due in N days and closes it', async () => {
    later();
    expect((await post(leader, `${alarmOf.red}/supervision`, { department: '义乌市生态环境分局执法队', requirement: '限期整改并复测', dueDays: 15 })).status).toBe(201);
    const supervised = await detail(alarmOf.red);
    expect(supervised.stage).toBe('supervised');
    expect(supervised.supervision).toMatchObject({ department: '义乌市生态环境分局执法队', dueAt: new Date(t.now.getTime() + 15 * 86_400_000).toISOString() });
    later();
    expect((await post(department, `${alarmOf.red}/supervision/close`, { outcome: '已整改，复测达标' })).status).toBe(201);
    expect((await detail(alarmOf.red)).stage).toBe('closed');
  });

  it('keeps every action as an event on the alarm’s stream with its actor', async () => {
    const { timeline } = await detail(alarmOf.red);
    expect(timeline.map((e: { type: string; actor: { kind: string; id: string } }) => [e.type, e.actor.kind === 'system' ? 'system' : e.actor.id])).toEqual([
      ['AlarmOpened', 'system'],
      ['MonitoringAlarmRaised', 'system'],
      ['AlarmAcknowledged', town.userId],
      ['RemoteWarningIssued', analyst.userId],
      ['EnterpriseExplained', town.userId],
      ['SiteVerificationAssigned', analyst.userId],
      ['SiteVerificationRecorded', town.userId],
      ['SupervisionOrdered', leader.userId],
      ['SupervisionClosed', department.userId],
    ]);
    expect(await t.eventTypes(`alarm-${alarmOf.red}`)).toEqual(timeline.map((e: { type: string }) => e.type));
  });

  it('verifies a key polluter’s yellow alarm on the red tier’s clock (4 h), a plain one on its own (48 h)', async () => {
    later();
    await post(analyst, `${alarmOf.keyYellow}/verification`);
    await post(analyst, `${alarmOf.confirmed}/verification`);
    expect((await detail(alarmOf.keyYellow)).tasks[0].dueAt).toBe(new Date(t.now.getTime() + 4 * HOUR).toISOString());
    expect((await detail(alarmOf.confirmed)).tasks[0].dueAt).toBe(new Date(t.now.getTime() + 48 * HOUR).toISOString());
  });

  it('turns a yellow alarm whose verification is confirmed into a clue, once', async () => {
    expect(raised(alarmOf.confirmed)).toHaveLength(0);
    await post(town, `${alarmOf.confirmed}/verification/result`, { result: 'confirmed', findings: '数采仪断电，企业夜间生产', evidenceRefs: ['执法记录仪 0007'] });
    const clue = await eventually(async () => raised(alarmOf.confirmed)[0]);
    expect(clue.data).toMatchObject({ deviceMn: MN.confirmed, level: 'warning', category: 'water', location: { townCode: '330782003' } });
    expect((clue.data as { summary: string }).summary).toContain('现场核查属实');
    // verified again, confirmed again: still one clue
    expect((await post(analyst, `${alarmOf.confirmed}/verification`)).status).toBe(201);
    expect((await post(analyst, `${alarmOf.confirmed}/verification/result`, { result: 'confirmed', findings: '复核属实', evidenceRefs: ['照片 2'] })).status).toBe(201);
    await new Promise((r) => setTimeout(r, 200));
    expect(raised(alarmOf.confirmed)).toHaveLength(1);
    expect((await detail(alarmOf.confirmed)).clueRaised).toBe(true);
  });

  it('records a false alarm without evidence and raises no clue', async () => {
    await post(analyst, `${alarmOf.falseAlarm}/verification`);
    const answer = await post(town, `${alarmOf.falseAlarm}/verification/result`, { result: 'false-alarm', findings: '通讯中断，设备正常运行' });
    expect(answer.status).toBe(201);
    expect((await post(analyst, `${alarmOf.falseAlarm}/close`, { note: '核查为误报' })).status).toBe(201);
    await new Promise((r) => setTimeout(r, 200));
    expect(raised(alarmOf.falseAlarm)).toHaveLength(0);
    expect(await detail(alarmOf.falseAlarm)).toMatchObject({ status: 'cleared', stage: 'verified', clueRaised: false, tasks: [expect.objectContaining({ result: 'false-alarm', evidenceRefs: [] })] });
  });

  it('filters the alarm list by tier, status and stage', async () => {
    expect(await list('tier=red')).toEqual([alarmOf.red]);
    expect((await list('tier=yellow')).sort()).toEqual([alarmOf.keyYellow, alarmOf.confirmed, alarmOf.falseAlarm, alarmOf.elsewhere].sort());
    expect(await list('stage=closed')).toEqual([alarmOf.red]);
    expect((await list('stage=verified')).sort()).toEqual([alarmOf.confirmed, alarmOf.falseAlarm].sort());
    expect(await list('status=cleared')).toEqual([alarmOf.falseAlarm]);
    expect((await list('status=open&stage=alarm')).sort()).toEqual([alarmOf.elsewhere]);
    expect((await list('status=open&kind=offline&stage=verifying'))).toEqual([alarmOf.keyYellow]);
  });

  it('shows a town officer only the alarms of their towns, and lets them act on no other', async () => {
    expect(await list('', otherTown)).toEqual([alarmOf.elsewhere]);
    expect(await list('', town)).not.toContain(alarmOf.elsewhere);
    expect((await list('', town)).length).toBe(4);
    expect((await t.call('GET', `/api/monitoring/alarms/${alarmOf.red}`, otherTown)).status).toBe(404);
    const foreign = await post(town, `${alarmOf.elsewhere}/acknowledge`);
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 404, code: 'ALARM_NOT_FOUND' });
    expect((await detail(alarmOf.elsewhere)).acknowledgedAt).toBeNull();
    expect((await post(otherTown, `${alarmOf.elsewhere}/acknowledge`)).status).toBe(201);
  });
});
