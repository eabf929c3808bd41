import { eventually } from '@qingyuan/testing';
import { staff } from './closed-loop';
import { Client } from './http-client';

/** A liaison account of an agency: the role and the organisation it speaks for. */
async function liaison(admin: Client, username: string, kind: 'police' | 'procuratorate' | 'court', code: string, name: string): Promise<Client> {
  const created = await admin.post('/api/admin/users', { username, displayName: `${name}联络员`, roles: [`${kind}-liaison`], organisation: { code, name, kind } });
  expect(created.status).toBe(201);
  return new Client(admin.base).signIn(username, created.body.password);
}

/**
 * 行刑衔接 through the gateway, from an open problem: the analyst marks it a suspected crime → the bridge's lead → the
 * officer drafts with a team of two, adds the materials, submits → the head approves → sent → the police receive and
 * file → the procuratorate approves the arrest. Checks the feedback: the problem's timeline and judicialStatus in
 * cases, and the enterprise's credit in enforcement. Returns the transfer id.
 */
export async function runJudicialLoop(base: string, adminPassword: string, tag: string, problemId: string, enterpriseId: string): Promise<string> {
  const admin = await new Client(base).signIn('admin', adminPassword);
  const analyst = await staff(admin, `judicial-analyst-${tag}`, ['analyst']);
  const officer = await staff(admin, `judicial-officer-${tag}`, ['judicial-officer']);
  const colleague = await staff(admin, `judicial-colleague-${tag}`, ['judicial-officer']);
  const head = await staff(admin, `bureau-head-${tag}`, ['bureau-head']);
  const police = await liaison(admin, `police-${tag}`, 'police', 'yw-police', '义乌市公安局');
  const procuratorate = await liaison(admin, `procuratorate-${tag}`, 'procuratorate', 'yw-procuratorate', '义乌市人民检察院');
  const ok = async (answer: Promise<{ status: number; body: any }>) => {
    const a = await answer;
    if (a.status !== 200 && a.status !== 201) throw new Error(`HTTP ${a.status}: ${JSON.stringify(a.body)}`);
    return a.body;
  };

  await ok(analyst.post(`/api/cases/problems/${problemId}/suspected-crime`, { basis: `${tag}：暗管排放印染废水，涉嫌污染环境罪`, criteria: ['通过暗管排放有毒物质'] }));
  const lead = await eventually(async () => ((await officer.get('/api/judicial/leads')).body as Array<{ leadId: string; problemId?: string }>).find((l) => l.problemId === problemId), { what: 'the lead in the bridge' });
  const ids = await Promise.all([officer, colleague].map(async (c) => (await c.get('/api/auth/me')).body.userId as string));
  const drafted = await ok(
    officer.post('/api/judicial/transfers', {
      kind: 'criminal', title: `${tag} 暗管排污案`, summary: '双随机检查发现暗管，采样超标。', suspect: { kind: 'enterprise', name: `义乌市${tag}印染有限公司` },
      teamIds: ids, leadId: lead.leadId, enterpriseId,
    }),
  );
  const on = (path: string) => `/api/judicial/transfers/${drafted.transferId}${path}`;
  for (const materialKind of ['transfer-letter', 'investigation-report', 'items-list', 'test-reports']) {
    await ok(officer.post(on('/materials'), { materialKind, title: materialKind, reference: `卷一 ${materialKind}` }));
  }
  await ok(officer.post(on('/submission'), { report: '建议移送公安机关。' }));
  await ok(head.post(on('/approval'), { approved: true }));
  await ok(officer.post(on('/sending'), {}));
  await ok(police.post(on('/receipt'), { receiptNumber: `${tag}-接-1` }));
  await ok(police.post(on('/filing'), { filed: true, documentNumber: `义公环立字〔2027〕${tag}` }));
  await ok(procuratorate.post(on('/arrest'), { approved: true, documentNumber: `义检捕〔2027〕${tag}`, date: '2027-03-20' }));

  const problem = await eventually(async () => {
    const answer = await analyst.get(`/api/cases/problems/${problemId}`);
    return answer.body?.judicialStatus?.code === 'filed' && answer.body;
  }, { what: 'the transfer noted on the problem', timeoutMs: 30_000 });
  expect(problem.judicialStatus).toMatchObject({ code: 'filed' });
  const timeline = (await analyst.get(`/api/cases/problems/${problemId}/timeline`)).body;
  expect(JSON.stringify(timeline)).toContain(`义公环立字〔2027〕${tag}`);
  const enterprise = await eventually(async () => {
    const e = (await analyst.get(`/api/enforcement/enterprises/${enterpriseId}`)).body;
    return e?.creditHistory?.some((h: { rule: string }) => h.rule === 'criminal-transfer') && e;
  }, { what: 'the credit moved by the transfer' });
  expect(enterprise).toMatchObject({ creditLevel: 'red', objectClass: 'special' });
  return drafted.transferId;
}
