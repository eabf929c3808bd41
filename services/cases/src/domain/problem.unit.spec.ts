import { deciderSpec } from '@qingyuan/domain';
import { problemDecider, type ProblemCommand, type ProblemEvent } from './problem';

const { given, when, refusal } = deciderSpec(problemDecider);

const opened: ProblemEvent = {
  type: 'ProblemOpened',
  data: { problemId: 'p1', number: 'YW-2026-000001', clueIds: ['c1'], channel: 'public-web', category: 'water', description: '黑水', location: { address: '稠城', townCode: '330782001' }, openedOn: '2026-11-02' },
};
const assign: ProblemCommand = {
  kind: 'assign', townCode: '330782001', leadDepartment: 'water', cooperatingDepartments: ['eco-env'], responsiblePerson: { name: '王五' },
  measures: '封堵排口', severity: 'general', timeLimit: { workingDays: 15 }, today: '2026-11-02',
};
const [assigned] = when([opened], assign);
const [signed] = when([opened, assigned], { kind: 'sign-off', today: '2026-11-03', deadline: '2026-11-24', warnOn: '2026-11-19' });
const [rectified] = when([opened, assigned, signed], { kind: 'report-rectification', summary: '已封堵', evidence: ['照片1'], reportedBy: 'u-town' });
const verify = (passed: boolean, verifiedBy = 'u-bureau', today = '2026-11-20'): ProblemCommand => ({ kind: 'verify', passed, opinion: '现场核实', verifiedBy, today, handlingWorkingDays: 14 });

describe('problem decider (立案 → 研判 → 交办 → 签收 → 整改 → 核查销号)', () => {
  it('opens a problem once', () => {
    expect(refusal(() => when([opened], { kind: 'open', ...opened.data } as ProblemCommand))).toBe('PROBLEM_EXISTS');
  });

  it('triages, and records a consultation on a hard case', () => {
    const [triaged] = when([opened], { kind: 'triage', category: 'hazardous-waste', severity: 'major', crossTown: true, crossDepartment: false });
    expect(given([opened, triaged])).toMatchObject({ category: 'hazardous-waste', severity: 'major', crossTown: true });
    const [consultation] = when([opened], { kind: 'record-consultation', consultation: { kind: 'expert-review', date: '2026-11-05', participants: ['张专家'], conclusion: '需跨部门处置', attachments: [] } });
    expect(consultation.type).toBe('ConsultationRecorded');
  });

  it('assigns one lead department that is not also a co-operating one, with a time limit', () => {
    expect(assigned.data).toMatchObject({ leadDepartment: 'water', cooperatingDepartments: ['eco-env'], timeLimit: { workingDays: 15 } });
    expect(refusal(() => when([opened], { ...assign, cooperatingDepartments: ['water'] } as ProblemCommand))).toBe('LEAD_ALSO_COOPERATING');
    expect(refusal(() => when([opened], { ...assign, timeLimit: {} } as ProblemCommand))).toBe('TIME_LIMIT_MISSING');
    expect(refusal(() => when([opened], { ...assign, timeLimit: { date: '2026-11-01' } } as ProblemCommand))).toBe('DEADLINE_IN_PAST');
    expect(refusal(() => when([opened, assigned], assign))).toBe('PROBLEM_WRONG_STATUS');
  });

  it('starts the clock at sign-off, or goes back to the bureau when returned', () => {
    expect(given([opened, assigned, signed])).toMatchObject({ status: 'rectifying', deadline: '2026-11-24' });
    const [returned] = when([opened, assigned], { kind: 'return', reason: '不属于本镇职责' });
    expect(given([opened, assigned, returned]).status).toBe('returned');
    expect(when([opened, assigned, returned], assign)[0].type).toBe('ProblemAssigned');
    expect(refusal(() => when([opened, assigned, signed], { kind: 'return', reason: 'x' }))).toBe('PROBLEM_WRONG_STATUS');
  });

  it('takes one extension request at a time and moves the deadline only when approved', () => {
    const history = [opened, assigned, signed];
    expect(refusal(() => when(history, { kind: 'request-extension', requestedDeadline: '2026-11-20', reason: 'x' }))).toBe('EXTENSION_NOT_LATER');
    const [requested] = when(history, { kind: 'request-extension', requestedDeadline: '2026-12-15', reason: '设备采购周期长' });
    expect(refusal(() => when([...history, requested], { kind: 'request-extension', requestedDeadline: '2026-12-20', reason: 'x' }))).toBe('EXTENSION_PENDING');
    const [approved] = when([...history, requested], { kind: 'decide-extension', approved: true, warnOn: '2026-12-10' });
    expect(given([...history, requested, approved]).deadline).toBe('2026-12-15');
    const [refused] = when([...history, requested], { kind: 'decide-extension', approved: false, warnOn: '2026-11-19' });
    expect(given([...history, requested, refused]).deadline).toBe('2026-11-24');
  });

  it('closes out (销号) on a pass by someone else, on time or not, with evidence', () => {
    const events = when([opened, assigned, signed, rectified], verify(true));
    expect(events.map((e) => e.type)).toEqual(['RectificationVerified', 'ProblemClosed']);
    expect(events[1].data).toMatchObject({ problemId: 'p1', clueIds: ['c1'], closedOn: '2026-11-20', onTime: true, handlingWorkingDays: 14, number: 'YW-2026-000001', category: 'water' });
    expect((when([opened, assigned, signed, rectified], verify(true, 'u-bureau', '2026-11-30'))[1].data as { onTime: boolean }).onTime).toBe(false);
    expect(refusal(() => when([opened, assigned, signed, rectified], verify(true, 'u-town')))).toBe('VERIFIER_IS_ASSIGNEE');
    expect(refusal(() => when([opened, assigned], verify(true)))).toBe('PROBLEM_WRONG_STATUS');
  });

  it('carries the violation established at close-out to ProblemClosed, for rewards', () => {
    const violation = { confirmed: true, kinds: ['evading-supervision' as const] };
    const events = when([opened, assigned, signed, rectified], { ...verify(true), violation } as ProblemCommand);
    expect(events[0].data).toMatchObject({ violation });
    expect(events[1].data).toMatchObject({ violation });
    expect(refusal(() => when([opened, assigned, signed, rectified], { ...verify(true), violation: { confirmed: true, kinds: [] } } as ProblemCommand))).toBe('VIOLATION_KINDS_REQUIRED');
    expect(refusal(() => when([opened, assigned, signed, rectified], { ...verify(true), violation: { confirmed: false, kinds: ['other-egregious'] } } as ProblemCommand))).toBe(
      'VIOLATION_KINDS_WITHOUT_VIOLATION',
    );
  });

  it('returns a failed verification to rectification', () => {
    const failed = when([opened, assigned, signed, rectified], verify(false));
    expect(given([opened, assigned, signed, rectified, ...failed]).status).toBe('rectifying');
  });

  it('refuses every command after close-out except reopening, which it allows once', () => {
    const closed = [opened, assigned, signed, rectified, ...when([opened, assigned, signed, rectified], verify(true))];
    expect(refusal(() => when(closed, { kind: 'report-progress', summary: 'x', attachments: [] }))).toBe('PROBLEM_CLOSED');
    expect(refusal(() => when(closed, { kind: 'supervise', level: 'listed', note: 'x' }))).toBe('PROBLEM_CLOSED');
    const [recurred] = when(closed, { kind: 'recur', newProblemId: 'p2', reason: 'recurrence', note: '又排了' });
    expect(recurred.data).toEqual({ problemId: 'p1', newProblemId: 'p2', reason: 'recurrence', note: '又排了' });
    expect(refusal(() => when([...closed, recurred], { kind: 'recur', newProblemId: 'p3', reason: 'complaint', note: 'x' }))).toBe('ALREADY_REOPENED');
  });

  it('warns and marks overdue once per deadline, and not after close-out or a moved deadline', () => {
    const history = [opened, assigned, signed];
    const [warned] = when(history, { kind: 'warn', deadline: '2026-11-24', workingDaysLeft: 3 });
    expect(warned.type).toBe('DeadlineWarningIssued');
    expect(when([...history, warned], { kind: 'warn', deadline: '2026-11-24', workingDaysLeft: 3 })).toEqual([]);
    expect(when(history, { kind: 'mark-overdue', deadline: '2026-11-24', today: '2026-11-24' })).toEqual([]);
    const [overdue] = when(history, { kind: 'mark-overdue', deadline: '2026-11-24', today: '2026-11-25' });
    expect(overdue.type).toBe('ProblemOverdue');
    expect(when([...history, overdue], { kind: 'mark-overdue', deadline: '2026-11-24', today: '2026-11-26' })).toEqual([]);
    expect(when(history, { kind: 'mark-overdue', deadline: '2026-11-01', today: '2026-11-25' })).toEqual([]);
  });

  it('escalates to the city only what crosses towns or departments; lists for supervision once', () => {
    expect(refusal(() => when([opened], { kind: 'escalate-to-city', reason: 'x' }))).toBe('NOT_CROSS_BOUNDARY');
    const [triaged] = when([opened], { kind: 'triage', category: 'water', severity: 'serious', crossTown: false, crossDepartment: true });
    expect(when([opened, triaged], { kind: 'escalate-to-city', reason: '水务与环保意见不一' })[0].type).toBe('ProblemEscalatedToCity');
    const [listed] = when([opened], { kind: 'supervise', level: 'listed', note: '挂牌' });
    expect(refusal(() => when([opened, listed], { kind: 'supervise', level: 'supervised', note: 'x' }))).toBe('ALREADY_LISTED');
  });

  it('notes the judicial bridge\'s progress in any status, also after close-out, never the same status twice in a row, without moving the lifecycle', () => {
    const closed = [opened, assigned, signed, rectified, ...when([opened, assigned, signed, rectified], verify(true))];
    const note = (status: 'filed' | 'received', documentNumber?: string): ProblemCommand => ({
      kind: 'note-judicial-progress',
      transferId: 't1',
      transferKind: 'criminal',
      status,
      documentNumber,
      note: { zh: `行刑衔接：${status}`, en: `Transfer: ${status}` },
    });
    for (const history of [[opened], [opened, assigned], [opened, assigned, signed], [opened, assigned, signed, rectified], closed]) {
      const before = given(history);
      const events = when(history, note('filed', '义公环立字〔2027〕3号'));
      expect(events).toEqual([
        {
          type: 'JudicialProgressNoted',
          data: { problemId: 'p1', transferId: 't1', kind: 'criminal', status: 'filed', documentNumber: '义公环立字〔2027〕3号', note: { zh: '行刑衔接：filed', en: 'Transfer: filed' } },
        },
      ]);
      const after = given([...history, ...events]);
      expect(after.status).toBe(before.status);
      expect(after.judicialStatus).toBe('filed');
      // A redelivered or replayed step notes nothing new; another status or another transfer does.
      expect(when([...history, ...events], note('filed', '义公环立字〔2027〕3号'))).toEqual([]);
      expect(when([...history, ...events], note('received'))).toHaveLength(1);
      expect(when([...history, ...events], { ...note('filed'), transferId: 't2' } as ProblemCommand)).toHaveLength(1);
      // a transfer may come back to a status (received → materials requested → received): noted again
      const received = when([...history, ...events], note('received'));
      expect(when([...history, ...events, ...received], note('filed'))).toHaveLength(1);
    }
    expect((when([opened], note('received'))[0].data as object)).not.toHaveProperty('documentNumber');
    expect(refusal(() => when([], note('filed')))).toBe('PROBLEM_NOT_FOUND');
  });

  it('publishes a suspected crime once, with what the judicial bridge needs', () => {
    const [marked] = when([opened], { kind: 'mark-suspected-crime', basis: '暗管偷排含重金属废水', criteria: ['超标三倍以上'] });
    expect(marked.data).toEqual({ problemId: 'p1', number: 'YW-2026-000001', category: 'water', townCode: '330782001', basis: '暗管偷排含重金属废水', criteria: ['超标三倍以上'] });
    expect(when([opened, marked], { kind: 'mark-suspected-crime', basis: 'x', criteria: [] })).toEqual([]);
  });
});
