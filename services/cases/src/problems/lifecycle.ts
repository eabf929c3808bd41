import { shanghaiDate } from '@qingyuan/calendar';
import { streamIds, uuidv7, type Category, type ConsultationKind, type ProblemOpened, type JointActionKind, type ReopenReason, type ResponsiblePerson, type Severity, type SupervisionLevel, type VerifiedViolation } from '@qingyuan/contracts';
import type { Principal } from '@qingyuan/auth';
import { DomainError } from '@qingyuan/domain';
import type { AppendResult } from '@qingyuan/event-store';
import { actorOf, notFound } from '@qingyuan/service-kit';
import type { ProblemCommand, ProblemState } from '../domain/problem';
import type { CaseSettings } from '../settings/case-settings';
import type { ProblemStore } from './problem-store';
import { canSee, isAssignedUnit, type ScopedProblem } from './scope';

export interface AssignInput {
  townCode?: string;
  leadDepartment?: string;
  cooperatingDepartments?: string[];
  responsiblePerson: ResponsiblePerson;
  measures: string;
  requirements?: string;
  severity?: Severity;
  workingDays?: number;
  deadline?: string;
}

const NOT_IN_SCOPE = () => notFound('问题不存在或不在您的管辖范围内', 'No such problem in your scope', 'PROBLEM_NOT_FOUND');
const NOT_YOUR_UNIT = () =>
  new DomainError('NOT_ASSIGNED_UNIT', '只有承办的镇街或牵头部门可以办理此事项', 'Only the assigned town or lead department can do this', 'forbidden');

/**
 * The staff side of the problem lifecycle. Every command first checks that the problem is in the caller's scope
 * (so a town-A officer cannot touch a town-B problem) and, where it matters, that the caller is the assigned unit.
 */
export class ProblemLifecycle {
  constructor(
    private readonly problems: ProblemStore,
    private readonly settings: CaseSettings,
    private readonly clock: () => Date,
  ) {}

  today(): string {
    return shanghaiDate(this.clock());
  }

  triage(id: string, p: Principal, input: { category: string; severity: Severity; crossTown: boolean; crossDepartment: boolean; note?: string }, version?: number) {
    return this.act(id, p, version, () => ({ kind: 'triage', ...input }));
  }

  consult(id: string, p: Principal, consultation: { kind: ConsultationKind; date: string; participants: string[]; conclusion: string; attachments: string[] }) {
    return this.act(id, p, undefined, () => ({ kind: 'record-consultation', consultation }));
  }

  /** 交办: town from the location unless corrected, lead department from the category matrix unless chosen. */
  async assign(id: string, p: Principal, input: AssignInput, version?: number): Promise<AppendResult> {
    const { settings, matrix } = await this.settings.get();
    return this.act(id, p, version, (state) => {
      const severity = input.severity ?? state.severity ?? 'general';
      const defaults = matrix.find((m) => m.category === state.category);
      const leadDepartment = input.leadDepartment ?? defaults?.leadDepartment;
      const townCode = input.townCode ?? state.townCode;
      if (!townCode) throw new DomainError('TOWN_REQUIRED', '无法从位置确定镇街，请选择属地镇街', 'The town could not be found from the location; choose one', 'invalid');
      if (!leadDepartment) throw new DomainError('LEAD_REQUIRED', '请选择牵头部门', 'Choose the lead department', 'invalid');
      const cooperating = (input.cooperatingDepartments ?? defaults?.cooperating ?? []).filter((d) => d !== leadDepartment);
      return {
        kind: 'assign',
        townCode,
        leadDepartment,
        cooperatingDepartments: cooperating,
        responsiblePerson: input.responsiblePerson,
        measures: input.measures,
        requirements: input.requirements,
        severity,
        timeLimit: input.deadline ? { date: input.deadline } : { workingDays: input.workingDays ?? settings.timeLimitWorkingDays[severity] },
        today: this.today(),
      };
    });
  }

  /** 签收: the clock starts; the deadline and its warning day are fixed in working days from today. */
  async signOff(id: string, p: Principal, version?: number): Promise<AppendResult> {
    const { calendar, settings } = await this.settings.get();
    return this.act(id, p, version, (state) => {
      const today = this.today();
      const limit = state.timeLimit ?? {};
      const deadline = limit.date ?? calendar.addWorkingDays(today, limit.workingDays ?? settings.timeLimitWorkingDays.general);
      return { kind: 'sign-off', today, deadline, warnOn: this.warnOn(calendar, deadline, settings.warningWorkingDays, today) };
    }, { unit: true });
  }

  giveBack(id: string, p: Principal, reason: string, version?: number) {
    return this.act(id, p, version, () => ({ kind: 'return', reason }), { unit: true });
  }

  progress(id: string, p: Principal, summary: string, attachments: string[]) {
    return this.act(id, p, undefined, () => ({ kind: 'report-progress', summary, attachments }), { unitOrCooperating: true });
  }

  requestExtension(id: string, p: Principal, requestedDeadline: string, reason: string, version?: number) {
    return this.act(id, p, version, () => ({ kind: 'request-extension', requestedDeadline, reason }), { unit: true });
  }

  async decideExtension(id: string, p: Principal, approved: boolean, note: string | undefined, version?: number): Promise<AppendResult> {
    const { calendar, settings } = await this.settings.get();
    return this.act(id, p, version, (state) => {
      const deadline = approved && state.requestedDeadline ? state.requestedDeadline : state.deadline ?? this.today();
      return { kind: 'decide-extension', approved, note, warnOn: this.warnOn(calendar, deadline, settings.warningWorkingDays, this.today()) };
    });
  }

  rectify(id: string, p: Principal, summary: string, evidence: string[], version?: number) {
    return this.act(id, p, version, () => ({ kind: 'report-rectification', summary, evidence, reportedBy: p.userId }), { unit: true });
  }

  async verify(id: string, p: Principal, finding: { passed: boolean; opinion: string; violation?: VerifiedViolation }, version?: number): Promise<AppendResult> {
    const { calendar } = await this.settings.get();
    return this.act(id, p, version, (state) => {
      const today = this.today();
      return { kind: 'verify', ...finding, verifiedBy: p.userId, today, handlingWorkingDays: calendar.workingDaysBetween(state.openedOn ?? today, today) };
    });
  }

  supervise(id: string, p: Principal, level: SupervisionLevel, note: string) {
    return this.act(id, p, undefined, () => ({ kind: 'supervise', level, note }));
  }

  escalate(id: string, p: Principal, reason: string) {
    return this.act(id, p, undefined, () => ({ kind: 'escalate-to-city', reason }));
  }

  jointAction(id: string, p: Principal, action: { kind: JointActionKind; departments: string[]; date: string; summary: string }) {
    return this.act(id, p, undefined, () => ({ kind: 'record-joint-action', action }));
  }

  suspectCrime(id: string, p: Principal, basis: string, criteria: string[]) {
    return this.act(id, p, undefined, () => ({ kind: 'mark-suspected-crime', basis, criteria }));
  }

  /** 重办: a new problem linked to the closed one, in the same transaction as the link on the old one. */
  async reopen(id: string, p: Principal, reason: ReopenReason, note: string): Promise<{ newProblemId: string }> {
    await this.visible(id, p);
    const newProblemId = uuidv7();
    await this.problems.store.db.transaction(async (tx) => {
      const old = await this.problems.state(id, tx);
      await this.problems.run(id, { kind: 'recur', newProblemId, reason, note }, actorOf(p), { tx });
      const opened = (await this.problems.store.readStream(streamIds.problem(id), tx))[0].data as ProblemOpened;
      await this.problems.open(
        tx,
        {
          problemId: newProblemId,
          clueIds: old.clueIds,
          channel: opened.channel,
          category: (old.category ?? opened.category) as Category,
          description: `【重办】${opened.description}`,
          location: opened.location,
          observedAt: opened.observedAt,
          openedOn: this.today(),
          reopenedFrom: { problemId: id, reason, note },
        },
        actorOf(p),
        {},
      );
    });
    return { newProblemId };
  }

  private warnOn(calendar: { subtractWorkingDays(d: string, n: number): string }, deadline: string, days: number, today: string): string {
    const warn = calendar.subtractWorkingDays(deadline, days);
    return warn < today ? today : warn;
  }

  private async visible(id: string, p: Principal): Promise<ScopedProblem> {
    const { rows } = await this.problems.store.db.query<ScopedProblem>(
      'SELECT town_code, lead_department, cooperating_departments FROM cases.problem_view WHERE problem_id = $1',
      [id],
    );
    if (!rows[0] || !canSee(p, rows[0])) throw NOT_IN_SCOPE();
    return rows[0];
  }

  private async act(
    id: string,
    p: Principal,
    version: number | undefined,
    build: (state: ProblemState) => ProblemCommand,
    who: { unit?: boolean; unitOrCooperating?: boolean } = {},
  ): Promise<AppendResult> {
    const scoped = await this.visible(id, p);
    if (who.unit && !isAssignedUnit(p, scoped)) throw NOT_YOUR_UNIT();
    if (who.unitOrCooperating && !isAssignedUnit(p, scoped) && !p.departments.some((d) => scoped.cooperating_departments.includes(d))) throw NOT_YOUR_UNIT();
    return this.problems.run(id, build, actorOf(p), { expectedVersion: version });
  }
}
