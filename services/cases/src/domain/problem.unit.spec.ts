import { DomainError } from '@qingyuan/domain';
import { problemDecider, type ProblemCommand, type ProblemEvent } from './problem';

const given = (events: ProblemEvent[]) => events.reduce(problemDecider.evolve, problemDecider.initialState());
const when = (events: ProblemEvent[], command: ProblemCommand) => problemDecider.decide(command, given(events));

const opened: ProblemEvent = {
  type: 'ProblemOpened',
  data: { problemId: 'p1', clueIds: ['c1'], channel: 'public-web', category: 'water', description: '黑水', location: { address: '稠城' } },
};
const assign: ProblemCommand = {
  kind: 'assign',
  townCode: '330782001',
  leadDepartment: 'water',
  responsiblePerson: { name: '王五' },
  measures: '封堵排口',
  deadline: '2026-12-31',
  today: '2026-11-29',
};
const assigned: ProblemEvent = {
  type: 'ProblemAssigned',
  data: { problemId: 'p1', townCode: '330782001', leadDepartment: 'water', responsiblePerson: { name: '王五' }, measures: '封堵排口', deadline: '2026-12-31' },
};
const rectified: ProblemEvent = {
  type: 'RectificationReported',
  data: { problemId: 'p1', summary: '已封堵', evidence: ['照片1'], reportedBy: 'u-town' },
};

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('the decider accepted the command');
}

describe('problem decider (立案 → 交办 → 整改 → 核查销号)', () => {
  it('opens a problem once', () => {
    expect(when([], { kind: 'open', ...opened.data })).toEqual([opened]);
    expect(refusal(() => when([opened], { kind: 'open', ...opened.data }))).toBe('PROBLEM_EXISTS');
  });

  it('assigns an open problem with a deadline not in the past', () => {
    expect(when([opened], assign)).toEqual([assigned]);
    expect(refusal(() => when([opened], { ...assign, deadline: '2026-11-28' }))).toBe('DEADLINE_IN_PAST');
    expect(refusal(() => when([opened, assigned], assign))).toBe('PROBLEM_WRONG_STATUS');
    expect(refusal(() => when([], assign))).toBe('PROBLEM_NOT_FOUND');
  });

  it('takes a rectification report only while assigned', () => {
    const command: ProblemCommand = { kind: 'report-rectification', summary: '已封堵', evidence: ['照片1'], reportedBy: 'u-town' };
    expect(when([opened, assigned], command)).toEqual([rectified]);
    expect(refusal(() => when([opened], command))).toBe('PROBLEM_WRONG_STATUS');
  });

  it('closes out (销号) on a passed verification by someone else', () => {
    const events = when([opened, assigned, rectified], { kind: 'verify', passed: true, opinion: '现场核实', verifiedBy: 'u-bureau' });
    expect(events.map((e) => e.type)).toEqual(['RectificationVerified', 'ProblemClosed']);
    expect(events[1].data).toEqual({ problemId: 'p1', clueIds: ['c1'] });
  });

  it('returns a failed verification to rectification', () => {
    const failed = when([opened, assigned, rectified], { kind: 'verify', passed: false, opinion: '仍有渗漏', verifiedBy: 'u-bureau' });
    expect(failed.map((e) => e.type)).toEqual(['RectificationVerified']);
    expect(given([opened, assigned, rectified, ...failed]).status).toBe('assigned');
  });

  it('does not let the person who reported the rectification verify it', () => {
    expect(
      refusal(() => when([opened, assigned, rectified], { kind: 'verify', passed: true, opinion: 'ok', verifiedBy: 'u-town' })),
    ).toBe('VERIFIER_IS_ASSIGNEE');
  });

  it('refuses to close out without evidence', () => {
    const bare: ProblemEvent = { ...rectified, data: { ...rectified.data, evidence: [] } } as ProblemEvent;
    expect(refusal(() => when([opened, assigned, bare], { kind: 'verify', passed: true, opinion: 'ok', verifiedBy: 'u-bureau' }))).toBe(
      'CLOSE_WITHOUT_EVIDENCE',
    );
  });
});
