import { organisationCheckCharacter, usccCheckCharacter } from '@qingyuan/enforcement-service';
import { eventually } from '@qingyuan/testing';
import { staff } from './closed-loop';
import { Client } from './http-client';

export interface EnforcementLoopResult {
  drawId: string;
  enterpriseId: string;
  taskId: string;
  problemId: string;
}

/** A valid credit code that differs with n. */
function uscc(n: number): string {
  const org = `MA3${String(n % 100_000).padStart(5, '0')}`;
  const first17 = `91330782${org}${organisationCheckCharacter(org)}`;
  return first17 + usccCheckCharacter(first17);
}

/**
 * 双随机 through the gateway: an enterprise registered, a pool of two inspectors, a plan, the committed draw
 * performed and verified, an inspector recording a violation on site — and the violation becoming a problem in cases
 * (enforcement → intake accepts the clue → cases opens the problem), over whichever bus the platform runs on.
 */
export async function runEnforcementLoop(base: string, adminPassword: string, tag: string): Promise<EnforcementLoopResult> {
  const admin = await new Client(base).signIn('admin', adminPassword);
  const officer = await staff(admin, `enforcement-${tag}`, ['enforcement-officer']);
  const analyst = await staff(admin, `enforcement-analyst-${tag}`, ['analyst']);
  const inspectors = [await staff(admin, `inspector-a-${tag}`, ['inspector']), await staff(admin, `inspector-b-${tag}`, ['inspector'])];
  const ok = async <T>(answer: Promise<{ status: number; body: T }>, status = [200, 201]) => {
    const a = await answer;
    expect(status).toContain(a.status);
    return a.body;
  };

  const enterprise = await ok(
    officer.post('/api/enforcement/enterprises', {
      name: `义乌市${tag}印染有限公司`, uscc: uscc(Date.now()), townCode: '330782001', address: '义乌市稠城街道工业园 8 号',
      location: { lat: 29.31, lng: 120.08 }, industry: '纺织印染', permitClass: 'key', keyPolluter: true,
    }),
  );
  for (const [i, inspector] of inspectors.entries()) {
    const { userId } = (await inspector.get('/api/auth/me')).body;
    await ok(officer.call('PUT', `/api/enforcement/inspectors/${userId}`, { inspectorId: userId, name: `执法员${i + 1}`, formerEmployers: [], declaredConflicts: [], active: true }));
  }
  const all = { green: 1, blue: 1, yellow: 1, red: 1 };
  const plan = await ok(officer.post('/api/enforcement/plans', { name: `${tag} 双随机抽查`, period: '2027-Q1', items: ['污染防治设施运行情况'], ratios: { key: all, general: all, special: all } }));
  const committed = await ok(officer.post(`/api/enforcement/plans/${plan.planId}/draws`, {}));
  const performed = await ok(officer.post(`/api/enforcement/draws/${committed.drawId}/perform`, {}));
  expect(performed.selections.map((s: { enterpriseId: string }) => s.enterpriseId)).toContain(enterprise.enterpriseId);
  expect((await officer.get(`/api/enforcement/draws/${committed.drawId}/verification`)).body).toMatchObject({ ok: true });

  const [task] = (await inspectors[0].get(`/api/enforcement/tasks?drawId=${committed.drawId}`)).body;
  await ok(
    inspectors[0].post(`/api/enforcement/tasks/${task.taskId}/result`, {
      result: 'violation', findings: `${tag}：废水处理设施停运，生产废水经雨水管外排`, evidence: ['执法记录仪 DSJ-0001', '采样单 001'], category: 'water',
    }),
  );
  const problemId: string = await eventually(async () => {
    const clues = (await analyst.get('/api/intake/clues?channel=inspection&limit=500')).body as Array<{ clueId: string; description: string; status: string; problemId: string | null }>;
    return clues.find((c) => c.description.includes(`${tag}：废水处理设施停运`) && c.status === 'accepted' && c.problemId)?.problemId ?? undefined;
  }, { what: 'the problem opened from the inspection', timeoutMs: 30_000 });
  const problem = await eventually(async () => {
    const answer = await analyst.get(`/api/cases/problems/${problemId}`);
    return answer.status === 200 && answer.body;
  }, { what: 'the problem in cases' });
  expect(problem).toMatchObject({ status: { code: 'open' }, category: { code: 'water' } });
  return { drawId: committed.drawId, enterpriseId: enterprise.enterpriseId, taskId: task.taskId, problemId };
}
