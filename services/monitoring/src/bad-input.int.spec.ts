import { randomUUID } from 'node:crypto';
import { DEFAULT_ALARM_RULES } from './domain/alarm-rules';
import { MonitoringUnderTest, waterDevice, type StaffMember } from './testing/harness';

/** Bad input to monitoring is refused with a clear message in both languages, and nothing is written. */

const MN = { open: '33078200000000000000401', verifying: '33078200000000000000402', cleared: '33078200000000000000403' };

describe('monitoring refuses bad input and writes nothing', () => {
  let t: MonitoringUnderTest;
  let analyst: StaffMember;
  let admin: StaffMember;
  let leader: StaffMember;
  let otherTown: StaffMember;
  const alarm = {} as Record<keyof typeof MN, string>;

  const post = (who: StaffMember, path: string, body: unknown = {}) => t.call('POST', path, who, body);
  const act = (who: StaffMember, id: string, action: string, body: unknown = {}) => post(who, `/api/monitoring/alarms/${id}/${action}`, body);
  const device = (overrides: Record<string, unknown>) => ({ ...waterDevice('33078200000000000000499'), ...overrides });
  const factor = (overrides: Record<string, unknown> = {}) => ({ code: 'w01018', name: '化学需氧量', unit: 'mg/L', hourLimit: 50, rangeMin: 0, rangeMax: 500, ...overrides });
  const rules = (overrides: Record<string, unknown>) => ({ rules: { ...DEFAULT_ALARM_RULES, ...overrides } });
  const trend = (query: string, mn = MN.open) => t.call('GET', `/api/monitoring/devices/${mn}/trend?${query}`, analyst);

  beforeAll(async () => {
    t = await MonitoringUnderTest.start('monitoring_bad_input');
    analyst = t.staff(['analyst']);
    admin = t.staff(['admin']);
    leader = t.staff(['leader']);
    otherTown = t.staff(['town-officer'], { towns: ['330782001'] });
    await t.registerEnterprise();
    for (const mn of Object.values(MN)) await t.registerDevice(waterDevice(mn));
    // registered weeks before the harness clock: the sweep finds all three silent
    await t.service.sweeps.offline();
    const rows = await t.sql<{ mn: string; alarm_id: string }>(`SELECT mn, alarm_id FROM monitoring.alarms WHERE kind = 'offline'`);
    for (const key of Object.keys(MN) as Array<keyof typeof MN>) alarm[key] = rows.find((r) => r.mn === MN[key])!.alarm_id;
    expect((await act(analyst, alarm.verifying, 'verification')).status).toBe(201);
    expect((await act(analyst, alarm.cleared, 'close', { note: '设备已拆除' })).status).toBe(201);
  });
  afterAll(() => t?.stop());

  const CASES: Array<{ name: string; call: () => Promise<{ status: number; body: any }>; status: number; code: string }> = [
    // device registration
    { name: 'an MN with a dash', call: () => post(analyst, '/api/monitoring/devices', device({ mn: '330782-0001' })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'an MN of 25 characters', call: () => post(analyst, '/api/monitoring/devices', device({ mn: '3'.repeat(25) })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a PW over 6 characters', call: () => post(analyst, '/api/monitoring/devices', device({ pw: '1234567' })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a PW with punctuation', call: () => post(analyst, '/api/monitoring/devices', device({ pw: '12;456' })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a device without factors', call: () => post(analyst, '/api/monitoring/devices', device({ factors: undefined })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a device with an empty factor list', call: () => post(analyst, '/api/monitoring/devices', device({ factors: [] })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a factor listed twice', call: () => post(analyst, '/api/monitoring/devices', device({ factors: [factor(), factor()] })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a negative hourly limit', call: () => post(analyst, '/api/monitoring/devices', device({ factors: [factor({ hourLimit: -5 })] })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a range maximum not above its minimum', call: () => post(analyst, '/api/monitoring/devices', device({ factors: [factor({ rangeMin: 100, rangeMax: 100 })] })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'an unknown medium', call: () => post(analyst, '/api/monitoring/devices', device({ medium: 'soil' })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'an unknown standard', call: () => post(analyst, '/api/monitoring/devices', device({ standard: '2010' })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a real-time interval of 0 s', call: () => post(analyst, '/api/monitoring/devices', device({ realtimeIntervalSeconds: 0 })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'an unknown field', call: () => post(analyst, '/api/monitoring/devices', device({ secret: 'x' })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'an enterprise not in the registry', call: () => post(analyst, '/api/monitoring/devices', device({ uscc: '91330782MA2999999X' })), status: 404, code: 'ENTERPRISE_NOT_FOUND' },
    { name: 'a registration by a town officer', call: () => post(otherTown, '/api/monitoring/devices', device({})), status: 403, code: 'FORBIDDEN' },
    // alarm rules
    { name: 'rules with an unknown tier', call: () => t.call('PUT', '/api/monitoring/rules', admin, rules({ offline: { intervals: 3, tier: 'purple' } })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rules with exceedance steps that do not increase', call: () => t.call('PUT', '/api/monitoring/rules', admin, rules({ exceedanceTiers: [{ minMultiple: 2, tier: 'orange' }, { minMultiple: 1.5, tier: 'red' }] })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rules with zero counts', call: () => t.call('PUT', '/api/monitoring/rules', admin, rules({ zero: { values: 0, tier: 'yellow' }, constant: { values: 0, maxSpreadShare: 0.02, tier: 'yellow' } })), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rules given as a list', call: () => t.call('PUT', '/api/monitoring/rules', admin, { rules: [] }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'rules saved by an analyst', call: () => t.call('PUT', '/api/monitoring/rules', analyst, rules({})), status: 403, code: 'FORBIDDEN' },
    // alarm actions out of order or incomplete
    { name: 'supervision before any verification', call: () => act(leader, alarm.open, 'supervision', { department: '执法队', requirement: '整改', dueDays: 10 }), status: 409, code: 'NOT_CONFIRMED' },
    { name: 'a verification result without an open task', call: () => act(analyst, alarm.open, 'verification/result', { result: 'confirmed', findings: '属实', evidenceRefs: ['照片 1'] }), status: 409, code: 'NO_VERIFICATION' },
    { name: 'a result recorded by a town officer of another town', call: () => act(otherTown, alarm.verifying, 'verification/result', { result: 'false-alarm', findings: '误报' }), status: 403, code: 'NOT_YOUR_TASK' },
    { name: 'a confirmed result without evidence', call: () => act(analyst, alarm.verifying, 'verification/result', { result: 'confirmed', findings: '属实', evidenceRefs: ['  '] }), status: 422, code: 'EVIDENCE_REQUIRED' },
    { name: 'an unknown verification result', call: () => act(analyst, alarm.verifying, 'verification/result', { result: 'maybe', findings: '不确定' }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'empty findings', call: () => act(analyst, alarm.verifying, 'verification/result', { result: 'false-alarm', findings: '' }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'blank findings', call: () => act(analyst, alarm.verifying, 'verification/result', { result: 'false-alarm', findings: '   ' }), status: 422, code: 'FINDINGS_REQUIRED' },
    { name: 'a second verification while one is open', call: () => act(analyst, alarm.verifying, 'verification'), status: 409, code: 'VERIFICATION_OPEN' },
    { name: 'closing a cleared alarm', call: () => act(analyst, alarm.cleared, 'close', { note: '再次解除' }), status: 409, code: 'ALARM_NOT_OPEN' },
    { name: 'an empty remote warning', call: () => act(analyst, alarm.open, 'remote-warning', { message: '' }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a blank remote warning', call: () => act(analyst, alarm.open, 'remote-warning', { message: '   ' }), status: 422, code: 'MESSAGE_REQUIRED' },
    { name: 'a blank closing note', call: () => act(analyst, alarm.open, 'close', { note: '  ' }), status: 422, code: 'NOTE_REQUIRED' },
    { name: 'an explanation before any remote warning', call: () => act(analyst, alarm.open, 'explanation', { explanation: '设备检修' }), status: 409, code: 'NOT_WARNED' },
    { name: 'closing a supervision never ordered', call: () => act(leader, alarm.open, 'supervision/close', { outcome: '已整改' }), status: 409, code: 'NOT_SUPERVISED' },
    { name: 'supervision due in 0 days', call: () => act(leader, alarm.open, 'supervision', { department: '执法队', requirement: '整改', dueDays: 0 }), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a malformed alarm id', call: () => act(analyst, 'not-an-alarm', 'acknowledge'), status: 404, code: 'ALARM_NOT_FOUND' },
    { name: 'an unknown alarm', call: () => t.call('GET', `/api/monitoring/alarms/${randomUUID()}`, analyst), status: 404, code: 'ALARM_NOT_FOUND' },
    { name: 'an alarm list filtered by an unknown tier', call: () => t.call('GET', '/api/monitoring/alarms?tier=purple', analyst), status: 400, code: 'VALIDATION_FAILED' },
    // trends
    { name: 'a trend over a week', call: () => trend('factor=w01018&period=week&at=2027-01-10'), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a trend without a date', call: () => trend('factor=w01018&period=day'), status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a trend with a malformed date', call: () => trend('factor=w01018&period=month&at=2027/01'), status: 422, code: 'BAD_DATE' },
    { name: 'a trend of month 13', call: () => trend('factor=w01018&period=month&at=2027-13'), status: 422, code: 'BAD_DATE' },
    { name: 'a trend of 30 February', call: () => trend('factor=w01018&period=day&at=2027-02-30'), status: 422, code: 'BAD_DATE' },
    { name: 'a trend of a factor the device does not monitor', call: () => trend('factor=a21026&period=day&at=2027-01-10'), status: 422, code: 'FACTOR_NOT_MONITORED' },
    { name: 'a trend of an unknown device', call: () => trend('factor=w01018&period=day&at=2027-01-10', '33078200000000000000999'), status: 404, code: 'DEVICE_NOT_FOUND' },
  ];

  const snapshot = async () =>
    (
      await t.sql(`SELECT (SELECT count(*) FROM monitoring.events)::int AS events, (SELECT count(*) FROM monitoring.rule_versions)::int AS rules,
        (SELECT count(*) FROM monitoring.devices)::int AS devices, (SELECT count(*) FROM monitoring.verification_tasks)::int AS tasks,
        (SELECT md5(string_agg(row_to_json(a)::text, '' ORDER BY alarm_id)) FROM monitoring.alarms a) AS alarms`)
    )[0];

  it.each(CASES.map((c) => [c.name, c] as const))('refuses %s', async (_name, c) => {
    const before = await snapshot();
    const answer = await c.call();
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: c.status, code: c.code });
    expect(answer.body.zh).toEqual(expect.any(String));
    expect(answer.body.en).toEqual(expect.any(String));
    expect(await snapshot()).toEqual(before);
  });

  it('lists every problem of a device registration and of a rule table, each with its field in both languages', async () => {
    const registration = await post(analyst, '/api/monitoring/devices', device({ mn: 'MN-1', factors: [factor({ hourLimit: -1 }), factor({ rangeMin: 5, rangeMax: 1 })] }));
    expect(registration.status).toBe(400);
    expect(registration.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['factors[0].hourLimit', 'factors[1].code', 'factors[1].rangeMax', 'mn']);
    const table = await t.call('PUT', '/api/monitoring/rules', admin, rules({
      offline: { intervals: 3, tier: 'purple' },
      exceedanceTiers: [{ minMultiple: 2, tier: 'orange' }, { minMultiple: 2, tier: 'red' }],
      zero: { values: 0, tier: 'yellow' },
    }));
    expect(table.status).toBe(400);
    expect(table.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['exceedanceTiers[1].minMultiple', 'offline.tier', 'zero.values']);
    for (const e of [...registration.body.errors, ...table.body.errors]) {
      expect(e).toEqual({ field: expect.any(String), zh: expect.stringContaining(e.field), en: expect.stringContaining(e.field) });
    }
    expect((await t.sql('SELECT 1 FROM monitoring.rule_versions')).length).toBe(1);
  });

  it('covers at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });
});
