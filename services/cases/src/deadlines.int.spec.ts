import { CasesUnderTest } from './testing/harness';

const TOWN = '330782002';

describe('deadlines in working days, with durable timers that survive restarts', () => {
  let t: CasesUnderTest;

  beforeAll(async () => {
    t = await CasesUnderTest.start('cases_deadlines');
  });

  afterAll(async () => {
    await t?.stop();
  });

  const markers = async (id: string) =>
    (await t.sql<{ event_type: string }>(
      `SELECT event_type FROM cases.events WHERE stream_id = $1 AND event_type IN ('DeadlineWarningIssued', 'ProblemOverdue') ORDER BY stream_version`,
      [`problem-${id}`],
    )).map((r) => r.event_type);

  it('counts over holidays and make-up working days from the calendar', async () => {
    t.now = new Date('2026-09-29T02:00:00Z'); // Tue 29 Sep 2026, Beijing time
    const id = await t.openProblem(TOWN);
    await t.call('POST', `/api/cases/problems/${id}/assignment`, t.token(['analyst']), { responsiblePerson: { name: '陈' }, measures: '整改', workingDays: 3 });
    await t.call('POST', `/api/cases/problems/${id}/sign-off`, t.token(['town-officer'], { towns: [TOWN] }));
    // 30 Sep is a working day, 1–7 Oct the National Day holiday, Sat 10 Oct a make-up working day.
    const p = (await t.call('GET', `/api/cases/problems/${id}`, t.token(['analyst']))).body;
    expect(p.deadline).toBe('2026-10-09');
    const calendar = (await t.call('GET', '/api/cases/settings/calendar?year=2026', t.token(['analyst']))).body;
    expect(calendar).toContainEqual({ date: '2026-10-10', kind: 'makeup-workday', name: expect.any(String), confirmed: expect.any(Boolean) });
  });

  it('warns and marks overdue exactly once across restarts, even when the service was down on the day', async () => {
    t.now = new Date('2026-11-30T02:00:00Z'); // Monday
    const id = await t.openProblem(TOWN);
    await t.call('POST', `/api/cases/problems/${id}/assignment`, t.token(['analyst']), { responsiblePerson: { name: '林' }, measures: '整改', workingDays: 3 });
    await t.call('POST', `/api/cases/problems/${id}/sign-off`, t.token(['town-officer'], { towns: [TOWN] }));
    expect((await t.call('GET', `/api/cases/problems/${id}`, t.token(['analyst']))).body.deadline).toBe('2026-12-03');
    const timers = await t.sql('SELECT kind, due_on::text AS due_on, fired FROM cases.deadline_timers WHERE problem_id = $1 ORDER BY kind', [id]);
    expect(timers).toEqual([
      { kind: 'overdue', due_on: '2026-12-04', fired: false },
      { kind: 'warning', due_on: '2026-11-30', fired: false },
    ]);

    await t.restart(); // the warning is due today: the first tick after start fires it
    await waitFor(async () => (await markers(id)).length === 1);
    expect(await markers(id)).toEqual(['DeadlineWarningIssued']);

    await t.down();
    t.now = new Date('2026-12-07T02:00:00Z'); // down over the deadline; back on Monday 7 Dec
    await t.up();
    await waitFor(async () => (await markers(id)).length === 2);
    await t.restart();
    await t.restart();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await markers(id)).toEqual(['DeadlineWarningIssued', 'ProblemOverdue']);
    const p = (await t.call('GET', `/api/cases/problems/${id}`, t.token(['analyst']))).body;
    expect(p).toMatchObject({ overdue: true, warned: true });
    const overdueList = (await t.call('GET', '/api/cases/problems?overdue=true', t.token(['analyst']))).body;
    expect(overdueList.items.map((x: { problemId: string }) => x.problemId)).toContain(id);
  });

  it('moves the timers with an approved extension, and drops them at close-out', async () => {
    t.now = new Date('2026-12-07T02:00:00Z');
    const id = await t.openProblem(TOWN);
    const analyst = t.token(['analyst']);
    const town = t.token(['town-officer'], { towns: [TOWN] });
    await t.call('POST', `/api/cases/problems/${id}/assignment`, analyst, { responsiblePerson: { name: '郑' }, measures: '整改', workingDays: 10 });
    await t.call('POST', `/api/cases/problems/${id}/sign-off`, town);
    await t.call('POST', `/api/cases/problems/${id}/extension-request`, town, { requestedDeadline: '2027-01-29', reason: '冬季施工受限' });
    await t.call('POST', `/api/cases/problems/${id}/extension-decision`, analyst, { approved: true });
    const moved = await t.sql('SELECT kind, due_on::text AS due_on FROM cases.deadline_timers WHERE problem_id = $1 ORDER BY kind', [id]);
    expect(moved).toEqual([{ kind: 'overdue', due_on: '2027-01-30' }, { kind: 'warning', due_on: '2027-01-26' }]);
    await t.call('POST', `/api/cases/problems/${id}/rectification`, town, { summary: '完成', evidence: ['照片'] });
    await t.call('POST', `/api/cases/problems/${id}/verification`, t.token(['verifier']), { passed: true, opinion: '通过' });
    expect(await t.sql('SELECT 1 FROM cases.deadline_timers WHERE problem_id = $1', [id])).toEqual([]);
  });
});

async function waitFor(probe: () => Promise<boolean>, timeoutMs = 10000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
