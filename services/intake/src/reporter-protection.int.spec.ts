import { http, startIntakeForTest, type IntakeUnderTest } from './testing/harness';

const CANARY = { name: '金丝雀保密员', phone: '13955556666', idNumber: '33078219850505123X', address: '义乌市金丝雀弄9号' };
const CANARY_STRINGS = [CANARY.name, CANARY.phone, CANARY.idNumber, CANARY.address, '金丝雀'];

describe('reporter protection: the identity vault, repeat reporters, crypto-shredding, the blacklist', () => {
  let intake: IntakeUnderTest;
  let clueIds: string[] = [];

  beforeAll(async () => {
    intake = await startIntakeForTest('reporter_protection');
    for (const description of ['同一举报人第一次举报：夜间偷排', '同一举报人第二次举报：暗管排污']) {
      const sent = await http(intake.url, 'POST', '/api/intake/reports', {
        json: { category: 'water', description, anonymous: false, insider: true, reporter: CANARY, location: { address: '廿三里街道' } },
      });
      expect(sent.status).toBe(201);
    }
    const list = await http(intake.url, 'GET', '/api/intake/clues', { token: intake.token(['analyst']) });
    clueIds = list.body.map((c: { clueId: string }) => c.clueId);
  });

  afterAll(async () => {
    await intake?.stop();
  });

  it('shows staff how often the same person reported, never who', async () => {
    const analyst = intake.token(['analyst']);
    const detail = await http(intake.url, 'GET', `/api/intake/clues/${clueIds[0]}`, { token: analyst });
    expect(detail.body.reporter).toEqual({ anonymous: false, insider: true, realName: true });
    expect(detail.body.reportsBySamePerson).toBe(2);
    const seen = [detail, await http(intake.url, 'GET', '/api/intake/clues', { token: analyst }), await http(intake.url, 'GET', `/api/intake/clues/${clueIds[0]}/duplicates`, { token: analyst })];
    for (const answer of seen) for (const canary of CANARY_STRINGS) expect(JSON.stringify(answer.body)).not.toContain(canary);
  });

  it('opens the identity only to the identity officer, with a purpose, and records the access first', async () => {
    const asAnalyst = await http(intake.url, 'POST', `/api/intake/clues/${clueIds[0]}/reporter/view`, { token: intake.token(['analyst']), json: { purpose: '核实举报内容' } });
    expect(asAnalyst.status).toBe(403);
    for (const canary of CANARY_STRINGS) expect(JSON.stringify(asAnalyst.body)).not.toContain(canary);
    const officer = intake.token(['identity-officer']);
    const noPurpose = await http(intake.url, 'POST', `/api/intake/clues/${clueIds[0]}/reporter/view`, { token: officer, json: {} });
    expect(noPurpose.status).toBe(400);
    const viewed = await http(intake.url, 'POST', `/api/intake/clues/${clueIds[0]}/reporter/view`, { token: officer, json: { purpose: '奖励发放核实身份', caseRef: 'reward-7' } });
    expect(viewed.status).toBe(200);
    expect(viewed.body).toEqual(CANARY);
    const log = await intake.sql('SELECT purpose, case_ref FROM intake_vault.access_log');
    expect(log).toEqual([{ purpose: '奖励发放核实身份', case_ref: 'reward-7' }]);
  });

  it('keeps the identity out of every event, log line and Kafka-bound envelope', async () => {
    const stored = await intake.sql<{ all: string }>(`SELECT string_agg(data::text || metadata::text, ' ') AS all FROM intake.events`);
    const everything = stored[0].all + JSON.stringify(intake.logs);
    for (const canary of CANARY_STRINGS) expect(everything).not.toContain(canary);
    expect(intake.logs.length).toBeGreaterThan(0);
  });

  it('blacklists a proven malicious reporter by keyed hash: their next real-name report is refused', async () => {
    const blocked = await http(intake.url, 'POST', `/api/intake/clues/${clueIds[1]}/reporter/blacklist`, { token: intake.token(['admin']), json: { reason: '多次恶意虚假举报，经核实' } });
    expect(blocked.status).toBe(200);
    const again = await http(intake.url, 'POST', '/api/intake/reports', {
      json: { category: 'air', description: '再次举报的内容测试', anonymous: false, reporter: { name: '换个名字', phone: CANARY.phone }, location: { address: '稠城街道' } },
    });
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('REPORTER_BLOCKED');
    const stored = await intake.sql('SELECT phone_hmac FROM intake_vault.blacklist');
    expect(JSON.stringify(stored)).not.toContain(CANARY.phone);
  });

  it('destroys the identity for good (crypto-shredding) while the clue history stays valid', async () => {
    const admin = intake.token(['admin']);
    const destroyed = await http(intake.url, 'POST', `/api/intake/clues/${clueIds[0]}/reporter/destroy`, { token: admin, json: { reason: '举报人申请删除个人信息' } });
    expect(destroyed.status).toBe(200);
    const officer = intake.token(['identity-officer']);
    const gone = await http(intake.url, 'POST', `/api/intake/clues/${clueIds[0]}/reporter/view`, { token: officer, json: { purpose: '再次查阅测试' } });
    expect(gone.status).toBe(404);
    const events = await intake.sql<{ event_type: string }>(`SELECT event_type FROM intake.events WHERE stream_id LIKE 'privacy-%'`);
    expect(events.map((e) => e.event_type)).toEqual(['ReporterKeyDestroyed']);
    const detail = await http(intake.url, 'GET', `/api/intake/clues/${clueIds[0]}`, { token: intake.token(['analyst']) });
    expect(detail.status).toBe(200);
    expect(detail.body.description).toContain('同一举报人');
  });
});
