import type { EnforcementEvent, InspectionTaskCreated } from '@qingyuan/contracts';
import { DomainError, deciderSpec } from '@qingyuan/domain';
import { inspectionDecider, type InspectionCommand } from './inspection';

const { given, when, refusal } = deciderSpec(inspectionDecider);

/** The refusal's code and kind (deciderSpec's refusal gives the code only). */
function refused(f: () => unknown): { code: string; kind: string; zh: string } {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, kind: error.kind, zh: error.zh };
    throw error;
  }
  throw new Error('the decider accepted the command');
}

const task: InspectionTaskCreated = { taskId: 't1', enterpriseId: 'e1', inspectorIds: ['u-wang', 'u-li'], kind: 'random', drawId: 'd1' };
const created: EnforcementEvent = { type: 'InspectionTaskCreated', data: task };
type Result = Extract<InspectionCommand, { kind: 'record' }>['result'];
const record = (over: Partial<Result> = {}): InspectionCommand => ({
  kind: 'record',
  result: { result: 'violation', findings: '废水直排', evidence: ['photo-1.jpg'], category: 'water', inspectedOn: '2026-11-03', recordedBy: 'u-wang', ...over },
});
const recorded = (events: EnforcementEvent[], command: InspectionCommand = record()) => [...events, ...when(events, command)];

describe('creating an inspection task', () => {
  it('assigns the task to its inspectors', () => {
    expect(when([], { kind: 'create', task })).toEqual([created]);
    expect(given([created])).toEqual({ status: 'assigned', task });
  });

  it('needs at least two distinct enforcement officers (行政处罚法 art. 42)', () => {
    for (const inspectorIds of [[], ['u-wang'], ['u-wang', 'u-wang']]) {
      expect(refused(() => when([], { kind: 'create', task: { ...task, inspectorIds } }))).toEqual({
        code: 'TWO_INSPECTORS_REQUIRED',
        kind: 'invalid',
        zh: '检查须由两名以上执法人员进行',
      });
    }
    expect(when([], { kind: 'create', task: { ...task, inspectorIds: ['u-wang', 'u-wang', 'u-li'] } })).toHaveLength(1);
    expect(when([], { kind: 'create', task: { ...task, kind: 'targeted', drawId: undefined, trigger: { problemId: 'p1' }, inspectorIds: ['a', 'b', 'c'] } })).toHaveLength(1);
  });

  it('is idempotent: creating an existing task again changes nothing', () => {
    expect(when([created], { kind: 'create', task: { ...task, inspectorIds: ['u-zhao', 'u-qian'] } })).toEqual([]);
    const done = recorded([created]);
    expect(when(done, { kind: 'create', task })).toEqual([]);
    // even an invalid repeat does not throw: the task exists already
    expect(when([created], { kind: 'create', task: { ...task, inspectorIds: ['u-wang'] } })).toEqual([]);
  });
});

describe('recording the result', () => {
  it('records once, for the task and enterprise of the task, by an assigned inspector', () => {
    expect(when([created], record({ recordedBy: 'u-li' }))).toEqual([
      {
        type: 'InspectionRecorded',
        data: { taskId: 't1', enterpriseId: 'e1', result: 'violation', findings: '废水直排', evidence: ['photo-1.jpg'], category: 'water', inspectedOn: '2026-11-03', recordedBy: 'u-li' },
      },
    ]);
    expect(given(recorded([created])).status).toBe('done');
  });

  it('refuses a result for a task that does not exist', () => {
    expect(refused(() => when([], record()))).toMatchObject({ code: 'TASK_NOT_FOUND', kind: 'not-found' });
  });

  it('lets only an assigned inspector record', () => {
    expect(refused(() => when([created], record({ recordedBy: 'u-zhao' })))).toEqual({
      code: 'NOT_AN_INSPECTOR',
      kind: 'forbidden',
      zh: '只有被指派的执法人员可以记录检查结果',
    });
    expect(refusal(() => when([created], record({ recordedBy: '' })))).toBe('NOT_AN_INSPECTOR');
  });

  it('records only once, whoever tries again', () => {
    const done = recorded([created]);
    expect(refused(() => when(done, record()))).toMatchObject({ code: 'INSPECTION_RECORDED', kind: 'conflict' });
    expect(refusal(() => when(done, record({ recordedBy: 'u-li', result: 'compliant', evidence: [] })))).toBe('INSPECTION_RECORDED');
  });

  it('needs evidence for problems or a violation, not for a clean inspection', () => {
    for (const result of ['problems', 'violation'] as const) {
      expect(refused(() => when([created], record({ result, evidence: [] })))).toMatchObject({ code: 'EVIDENCE_REQUIRED', kind: 'invalid' });
      expect(when([created], record({ result, evidence: ['监测报告.pdf'] }))).toHaveLength(1);
    }
    expect(when([created], record({ result: 'compliant', findings: '', evidence: [] }))).toMatchObject([{ type: 'InspectionRecorded', data: { result: 'compliant', evidence: [] } }]);
  });

  it('checks the inspector before the evidence', () => {
    expect(refusal(() => when([created], record({ recordedBy: 'u-zhao', evidence: [] })))).toBe('NOT_AN_INSPECTOR');
  });

  it('ignores events that are not its own', () => {
    const other: EnforcementEvent = { type: 'CreditRated', data: { enterpriseId: 'e1', level: 'red', rule: 'manual', reason: '', ruleVersion: 1 } };
    expect(given([created, other])).toEqual(given([created]));
    expect(given([other])).toEqual({ status: 'none' });
  });
});
