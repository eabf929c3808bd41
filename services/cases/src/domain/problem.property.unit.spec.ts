import fc from 'fast-check';
import { DomainError } from '@qingyuan/domain';
import { problemDecider, type ProblemCommand, type ProblemEvent, type ProblemState } from './problem';

const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2026, 10, 2 + n)).toISOString().slice(0, 10));
const user = fc.constantFrom('u-town', 'u-bureau', 'u-verifier');
const text = fc.constantFrom('说明', '整改完成', '需要延期');

const command: fc.Arbitrary<ProblemCommand> = fc.oneof(
  fc.record({ kind: fc.constant('triage' as const), category: fc.constantFrom('water', 'air'), severity: fc.constantFrom('general' as const, 'serious' as const, 'major' as const), crossTown: fc.boolean(), crossDepartment: fc.boolean() }),
  fc.record({
    kind: fc.constant('assign' as const), townCode: fc.constant('330782001'), leadDepartment: fc.constantFrom('eco-env', 'water'),
    cooperatingDepartments: fc.subarray(['water', 'transport']), responsiblePerson: fc.constant({ name: '王' }), measures: text,
    severity: fc.constant('general' as const), timeLimit: fc.oneof(fc.record({ workingDays: fc.integer({ min: 1, max: 20 }) }), fc.record({ date: day }), fc.constant({})), today: day,
  }),
  fc.record({ kind: fc.constant('sign-off' as const), today: day, deadline: day, warnOn: day }),
  fc.record({ kind: fc.constant('return' as const), reason: text }),
  fc.record({ kind: fc.constant('report-progress' as const), summary: text, attachments: fc.constant([] as string[]) }),
  fc.record({ kind: fc.constant('request-extension' as const), requestedDeadline: day, reason: text }),
  fc.record({ kind: fc.constant('decide-extension' as const), approved: fc.boolean(), warnOn: day }),
  fc.record({ kind: fc.constant('report-rectification' as const), summary: text, evidence: fc.subarray(['照片', '文件']), reportedBy: user }),
  fc.record({ kind: fc.constant('verify' as const), passed: fc.boolean(), opinion: text, verifiedBy: user, today: day, handlingWorkingDays: fc.nat(40) }),
  fc.record({ kind: fc.constant('warn' as const), deadline: day, workingDaysLeft: fc.nat(5) }),
  fc.record({ kind: fc.constant('mark-overdue' as const), deadline: day, today: day }),
  fc.record({ kind: fc.constant('supervise' as const), level: fc.constantFrom('supervised' as const, 'listed' as const), note: text }),
  fc.record({ kind: fc.constant('escalate-to-city' as const), reason: text }),
  fc.record({ kind: fc.constant('mark-suspected-crime' as const), basis: text, criteria: fc.constant([] as string[]) }),
  fc.record({ kind: fc.constant('recur' as const), newProblemId: fc.uuid(), reason: fc.constantFrom('recurrence' as const, 'complaint' as const), note: text }),
  fc.record({
    kind: fc.constant('note-judicial-progress' as const), transferId: fc.constantFrom('t1', 't2'), transferKind: fc.constant('criminal' as const),
    status: fc.constantFrom('sent' as const, 'received' as const, 'filed' as const), note: fc.constant({ zh: '行刑衔接', en: 'Transfer' }),
  }),
);

const opened: ProblemEvent = {
  type: 'ProblemOpened',
  data: { problemId: 'p1', number: 'YW-2026-000001', clueIds: ['c1'], channel: 'public-web', category: 'water', description: '黑水', location: { townCode: '330782001' }, openedOn: '2026-11-02' },
};

/** Which status each event may lead to from which status: the lifecycle's graph. */
const ALLOWED: Record<string, Array<[string, string]>> = {
  ProblemAssigned: [['open', 'assigned'], ['returned', 'assigned']],
  ProblemSignedOff: [['assigned', 'rectifying']],
  ProblemReturned: [['assigned', 'returned']],
  RectificationReported: [['rectifying', 'verifying']],
  RectificationVerified: [['verifying', 'rectifying'], ['verifying', 'verifying']],
  ProblemClosed: [['verifying', 'closed']],
};

describe('problem decider invariants under random command sequences (fast-check)', () => {
  it('holds the lifecycle rules whatever staff, timers and consumers try', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        let state: ProblemState = problemDecider.evolve(problemDecider.initialState(), opened);
        const history: ProblemEvent[] = [opened];
        for (const c of commands) {
          let events: ProblemEvent[];
          try {
            events = problemDecider.decide(c, state);
          } catch (error) {
            // A refusal is always a domain error with a Chinese and an English reason, and changes nothing.
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).zh).toMatch(/[\u4e00-\u9fff]/);
            continue;
          }
          const before = state;
          for (const e of events) {
            const from = state.status;
            state = problemDecider.evolve(state, e);
            const allowed = ALLOWED[e.type];
            if (allowed) expect(allowed).toContainEqual([from, state.status]);
            else expect(state.status).toBe(from);
            history.push(e);
          }
          // Closed is final: only a reopening link, or the judicial bridge's feedback, may follow it.
          if (before.status === 'closed') expect(events.every((e) => e.type === 'ProblemRecurred' || e.type === 'JudicialProgressNoted')).toBe(true);
          // A close-out comes with a passed verification by someone other than the rectifier, with evidence.
          if (events.some((e) => e.type === 'ProblemClosed')) {
            const verified = events.find((e) => e.type === 'RectificationVerified');
            expect(verified?.data).toMatchObject({ passed: true });
            expect((verified!.data as { verifiedBy: string }).verifiedBy).not.toBe(before.rectifiedBy);
            expect(before.evidenceCount).toBeGreaterThan(0);
          }
          // One lead department, never also co-operating; a deadline exactly when the clock has started.
          if (state.leadDepartment) expect(state.cooperatingDepartments).not.toContain(state.leadDepartment);
          const signed = history.some((e) => e.type === 'ProblemSignedOff');
          expect(state.deadline !== undefined).toBe(signed);
        }
        // A transfer's status is never noted twice in a row (it may come back to one later).
        const noted = history.filter((e) => e.type === 'JudicialProgressNoted').map((e) => e.data as { transferId: string; status: string });
        for (const [i, n] of noted.entries()) {
          const previous = noted.slice(0, i).reverse().find((m) => m.transferId === n.transferId);
          expect(previous?.status).not.toBe(n.status);
        }
        // Warnings and overdue marks are never repeated for the same deadline.
        for (const type of ['DeadlineWarningIssued', 'ProblemOverdue']) {
          const deadlines = history.filter((e) => e.type === type).map((e) => (e.data as { deadline: string }).deadline);
          const moved = history.filter((e) => e.type === 'ExtensionDecided' || e.type === 'ProblemSignedOff').length;
          expect(deadlines.length).toBeLessThanOrEqual(new Set(deadlines).size + moved);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
