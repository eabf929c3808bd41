import { http, startIntakeForTest, type IntakeUnderTest } from './testing/harness';

const CANARY = { name: '金丝雀领奖人', phone: '13977778888', idNumber: '33078219920202123X' };
const CANARY_STRINGS = [CANARY.name, CANARY.phone, CANARY.idNumber, '金丝雀'];

describe('an anonymous reporter identifies to claim a reward; finance reads the identity only with a second approver', () => {
  let intake: IntakeUnderTest;
  let code: string;
  let clueId: string;
  const finance = { userId: 'u-finance-1' };

  beforeAll(async () => {
    intake = await startIntakeForTest('identity_requests');
    const sent = await http(intake.url, 'POST', '/api/intake/reports', {
      json: { category: 'water', description: '匿名举报：某厂暗管夜间排污', anonymous: true, location: { address: '佛堂镇' } },
    });
    code = sent.body.receiptCode;
    clueId = (await intake.sql<{ clue_id: string }>('SELECT clue_id FROM intake.clue_view'))[0].clue_id;
  });
  afterAll(() => intake?.stop());

  const as = (roles: Parameters<IntakeUnderTest['token']>[0], userId?: string) => intake.token(roles, userId ? { userId } : {});

  it('refuses to ask for an identity an anonymous reporter has not given', async () => {
    const asked = await http(intake.url, 'POST', `/api/intake/clues/${clueId}/reporter/requests`, { token: as(['finance'], finance.userId), json: { purpose: '奖励发放核实身份', caseRef: 'r-1' } });
    expect(asked.status).toBe(404);
    expect(asked.body.code).toBe('NO_IDENTITY');
  });

  it('takes the identity with the receipt code into the vault, once, and records only a reference in the event', async () => {
    const bad = await http(intake.url, 'POST', `/api/intake/receipts/${code}/identify`, { json: { ...CANARY, idNumber: '123' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toContain(CANARY.phone);
    const unknown = await http(intake.url, 'POST', '/api/intake/receipts/AAAA-BBBB-CCCC-DDDD-EEEE/identify', { json: CANARY });
    expect(unknown.status).toBe(404);
    const done = await http(intake.url, 'POST', `/api/intake/receipts/${code}/identify`, { json: CANARY });
    expect(done).toMatchObject({ status: 200, body: { identified: true } });
    const again = await http(intake.url, 'POST', `/api/intake/receipts/${code}/identify`, { json: CANARY });
    expect(again).toMatchObject({ status: 409, body: { code: 'REPORTER_ALREADY_IDENTIFIED' } });
    const detail = await http(intake.url, 'GET', `/api/intake/clues/${clueId}`, { token: as(['analyst']) });
    expect(detail.body.reporter).toMatchObject({ anonymous: true, realName: true });
    const events = await intake.sql<{ event_type: string; data: { reporterRef: string } }>(`SELECT event_type, data FROM intake.events WHERE event_type = 'ReporterIdentified'`);
    expect(events).toHaveLength(1);
    expect(events[0].data.reporterRef).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets the asker read it once, after someone else approved, and records who asked, why and who approved', async () => {
    const asker = as(['finance'], finance.userId);
    expect((await http(intake.url, 'POST', `/api/intake/clues/${clueId}/reporter/requests`, { token: as(['analyst']), json: { purpose: '核实', caseRef: 'r-1' } })).status).toBe(403);
    const asked = await http(intake.url, 'POST', `/api/intake/clues/${clueId}/reporter/requests`, { token: asker, json: { purpose: '奖励发放核实身份', caseRef: 'reward-abc' } });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ clueId, status: 'pending', requestedBy: finance.userId, caseRef: 'reward-abc' });
    const id = asked.body.requestId;

    expect((await http(intake.url, 'POST', `/api/intake/identity-requests/${id}/view`, { token: asker })).body.code).toBe('IDENTITY_REQUEST_NOT_APPROVED');
    const self = await http(intake.url, 'POST', `/api/intake/identity-requests/${id}/approve`, { token: as(['identity-officer', 'finance'], finance.userId), json: {} });
    expect(self).toMatchObject({ status: 403, body: { code: 'APPROVER_IS_REQUESTER' } });
    const approver = as(['identity-officer'], 'u-identity-officer');
    const pending = await http(intake.url, 'GET', '/api/intake/identity-requests?status=pending', { token: approver });
    expect(pending.body.items.map((r: { requestId: string }) => r.requestId)).toEqual([id]);
    expect((await http(intake.url, 'POST', `/api/intake/identity-requests/${id}/approve`, { token: approver, json: { note: '用于发放' } })).body).toMatchObject({ status: 'approved', approvedBy: 'u-identity-officer' });
    expect((await http(intake.url, 'POST', `/api/intake/identity-requests/${id}/approve`, { token: as(['reward-approver']), json: {} })).body.code).toBe('IDENTITY_REQUEST_DECIDED');

    expect((await http(intake.url, 'POST', `/api/intake/identity-requests/${id}/view`, { token: as(['finance'], 'u-other-finance') })).body.code).toBe('NOT_THE_REQUESTER');
    const read = await http(intake.url, 'POST', `/api/intake/identity-requests/${id}/view`, { token: asker });
    expect(read).toMatchObject({ status: 200, body: CANARY });
    expect((await http(intake.url, 'POST', `/api/intake/identity-requests/${id}/view`, { token: asker })).body.code).toBe('IDENTITY_ALREADY_VIEWED');

    expect(await intake.sql('SELECT actor_id, purpose, case_ref, approved_by, request_id FROM intake_vault.access_log')).toEqual([
      { actor_id: finance.userId, purpose: '奖励发放核实身份', case_ref: 'reward-abc', approved_by: 'u-identity-officer', request_id: id },
    ]);
    const disclosed = await intake.sql<{ data: Record<string, string> }>(`SELECT data FROM intake.events WHERE event_type = 'ReporterIdentityDisclosed'`);
    expect(disclosed.map((d) => d.data)).toEqual([
      { requestId: id, clueId, caseRef: 'reward-abc', purpose: '奖励发放核实身份', requestedBy: finance.userId, approvedBy: 'u-identity-officer' },
    ]);
  });

  it('refuses a request with a reason and keeps the identity out of every event, list and log', async () => {
    const asked = await http(intake.url, 'POST', `/api/intake/clues/${clueId}/reporter/requests`, { token: as(['reward-officer'], 'u-officer'), json: { purpose: '再次核实', caseRef: 'reward-abc' } });
    const refused = await http(intake.url, 'POST', `/api/intake/identity-requests/${asked.body.requestId}/refuse`, { token: as(['reward-approver']), json: { reason: '已核实过，无需再查' } });
    expect(refused.body).toMatchObject({ status: 'refused', reason: '已核实过，无需再查' });
    const list = await http(intake.url, 'GET', '/api/intake/identity-requests', { token: as(['reward-approver']) });
    const stored = await intake.sql<{ all: string }>(`SELECT string_agg(data::text || metadata::text, ' ') AS all FROM intake.events`);
    const everything = stored[0].all + JSON.stringify(intake.logs) + JSON.stringify(list.body);
    for (const canary of CANARY_STRINGS) expect(everything).not.toContain(canary);
  });
});
