import { fromDayNumber, shanghaiDate, toDayNumber } from '@qingyuan/calendar';
import {
  nameUuid,
  streamIds,
  uuidv7,
  type EventMetadata,
  type InspectionFindingRecorded,
  type InspectionRecorded,
  type InspectionTaskCreated,
  type PenaltyCaseOpened,
} from '@qingyuan/contracts';
import type { Principal } from '@qingyuan/auth';
import { DomainError } from '@qingyuan/domain';
import { handleCommand, type AppendResult, type PgEventStore, type Tx } from '@qingyuan/event-store';
import { actorOf, eventMetadata } from '@qingyuan/service-kit';
import type { CreditTrigger } from '../domain/credit';
import { inspectionDecider, type InspectionCommand } from '../domain/inspection';
import { penaltyCaseDecider } from '../domain/penalty-case';
import type { CreditKeeper } from '../registry/credit-keeper';

/** 行政处罚法 art. 60: a decision within 90 days of filing. */
export const DECIDE_WITHIN_DAYS = 90;

const CREDIT_OF: Record<InspectionRecorded['result'], CreditTrigger> = {
  compliant: 'clean-inspection',
  problems: 'problems-found',
  violation: 'violation',
};

export const caseIdOfTask = (taskId: string) => nameUuid('penalty-case-of-task', taskId);

/**
 * Inspection tasks and their results. A result moves the enterprise's credit; problems found become a clue in intake
 * (through InspectionFindingRecorded); a violation also opens a penalty case here and, in intake, a clue accepted at
 * once, so cases opens the problem — all in the transaction that records the result.
 */
export class Inspections {
  constructor(
    private readonly store: PgEventStore,
    private readonly credit: CreditKeeper,
    private readonly clock: () => Date,
  ) {}

  today(): string {
    return shanghaiDate(this.clock());
  }

  async createTargeted(p: Principal, task: { enterpriseId: string; inspectorIds: string[]; trigger: InspectionTaskCreated['trigger'] }): Promise<string> {
    const taskId = uuidv7();
    await this.store.db.transaction(async (tx) => {
      await this.credit.requireEnterprise(tx, task.enterpriseId);
      await this.requireInspectors(tx, task.inspectorIds, task.enterpriseId);
      await this.create(tx, { taskId, enterpriseId: task.enterpriseId, inspectorIds: task.inspectorIds, kind: 'targeted', trigger: task.trigger }, eventMetadata(actorOf(p)));
    });
    return taskId;
  }

  create(tx: Tx, task: InspectionTaskCreated, metadata: EventMetadata): Promise<AppendResult> {
    return this.run(tx, task.taskId, { kind: 'create', task }, metadata);
  }

  record(p: Principal, taskId: string, result: Omit<InspectionRecorded, 'taskId' | 'enterpriseId' | 'recordedBy' | 'inspectedOn'> & { inspectedOn?: string }): Promise<AppendResult> {
    return this.store.db.transaction(async (tx) => {
      const metadata = eventMetadata(actorOf(p));
      const recorded = await this.run(tx, taskId, { kind: 'record', result: { ...result, inspectedOn: result.inspectedOn ?? this.today(), recordedBy: p.userId } }, metadata);
      const event = recorded.events[0];
      const data = event.data as InspectionRecorded;
      await this.credit.apply(tx, data.enterpriseId, CREDIT_OF[data.result], event.eventId, metadata);
      if (data.result !== 'compliant') await this.reportFinding(tx, data, event.eventId, metadata);
      if (data.result === 'violation') await this.openCase(tx, data, metadata);
      return recorded;
    });
  }

  private async reportFinding(tx: Tx, d: InspectionRecorded, eventId: string, metadata: EventMetadata): Promise<void> {
    const { rows } = await tx.query<{ name: string; address: string; town_code: string | null; location: { lat: number; lng: number } | null }>(
      'SELECT name, address, town_code, location FROM enforcement.enterprises WHERE enterprise_id = $1',
      [d.enterpriseId],
    );
    const e = rows[0];
    const location = d.location ?? e.location ?? undefined;
    const finding: InspectionFindingRecorded = {
      findingId: nameUuid('finding', eventId),
      inspectionId: d.taskId,
      enterpriseId: d.enterpriseId,
      enterpriseName: e.name,
      violation: d.result === 'violation',
      category: d.category ?? 'other',
      summary: d.findings,
      at: `${d.inspectedOn}T00:00:00+08:00`,
      location: { ...(location ? { lat: location.lat, lng: location.lng } : {}), address: e.address, ...(e.town_code ? { townCode: e.town_code } : {}) },
    };
    await this.store.appendIn(tx, streamIds.inspection(d.taskId), 'any', [{ type: 'InspectionFindingRecorded', data: finding }], metadata);
  }

  private async openCase(tx: Tx, d: InspectionRecorded, metadata: EventMetadata): Promise<void> {
    const caseId = caseIdOfTask(d.taskId);
    const openedOn = this.today();
    const opened: PenaltyCaseOpened = {
      caseId,
      enterpriseId: d.enterpriseId,
      taskId: d.taskId,
      summary: d.findings,
      openedOn,
      decideBy: fromDayNumber(toDayNumber(openedOn) + DECIDE_WITHIN_DAYS),
    };
    await handleCommand(this.store, streamIds.enforcementCase(caseId), penaltyCaseDecider, { kind: 'open', opened }, metadata, { tx });
  }

  /** Every inspector must be in the active pool and free of a declared conflict with the enterprise (art. 43). */
  private async requireInspectors(tx: Tx, inspectorIds: string[], enterpriseId: string): Promise<void> {
    const { rows } = await tx.query<{ inspector_id: string; declared_conflicts: string[]; former_employers: string[] }>(
      'SELECT inspector_id, declared_conflicts, former_employers FROM enforcement.inspectors WHERE active AND inspector_id = ANY($1)',
      [inspectorIds],
    );
    const unknown = inspectorIds.filter((id) => !rows.some((r) => r.inspector_id === id));
    if (unknown.length) throw new DomainError('INSPECTOR_UNKNOWN', `不在执法人员库中：${unknown.join('、')}`, `Not in the inspector pool: ${unknown.join(', ')}`, 'invalid');
    const conflicted = rows.filter((r) => r.declared_conflicts.includes(enterpriseId) || r.former_employers.includes(enterpriseId));
    if (conflicted.length) {
      throw new DomainError('INSPECTOR_RECUSED', '有执法人员与该单位存在利害关系，应当回避', 'An inspector has a conflict with this enterprise and must recuse', 'invalid');
    }
  }

  private run(tx: Tx, taskId: string, command: InspectionCommand, metadata: EventMetadata): Promise<AppendResult> {
    return handleCommand(this.store, streamIds.inspection(taskId), inspectionDecider, command, metadata, { tx });
  }
}
