import type { EnforcementEvent, InspectionRecorded, InspectionTaskCreated } from '@qingyuan/contracts';
import { DomainError, type Decider } from '@qingyuan/domain';

/** An inspection task (检查任务): created from a draw or targeted, then its result recorded once, by one of its inspectors. */
export interface InspectionState {
  status: 'none' | 'assigned' | 'done';
  task?: InspectionTaskCreated;
}

export type InspectionCommand =
  | { kind: 'create'; task: InspectionTaskCreated }
  | { kind: 'record'; result: Omit<InspectionRecorded, 'taskId' | 'enterpriseId'> };

const refuse = (code: string, zh: string, en: string, kind: 'invalid' | 'conflict' | 'not-found' | 'forbidden' = 'conflict') => new DomainError(code, zh, en, kind);

export const inspectionDecider: Decider<InspectionState, InspectionCommand, EnforcementEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve(state, event) {
    if (event.type === 'InspectionTaskCreated') return { status: 'assigned', task: event.data };
    if (event.type === 'InspectionRecorded') return { ...state, status: 'done' };
    return state;
  },
  decide(command, state) {
    switch (command.kind) {
      case 'create': {
        if (state.status !== 'none') return [];
        // 行政处罚法 art. 42: at least two enforcement officers.
        if (new Set(command.task.inspectorIds).size < 2) {
          throw refuse('TWO_INSPECTORS_REQUIRED', '检查须由两名以上执法人员进行', 'An inspection needs at least two enforcement officers', 'invalid');
        }
        return [{ type: 'InspectionTaskCreated', data: command.task }];
      }
      case 'record': {
        if (state.status === 'none') throw refuse('TASK_NOT_FOUND', '检查任务不存在', 'No such inspection task', 'not-found');
        if (state.status === 'done') throw refuse('INSPECTION_RECORDED', '该任务的检查结果已记录', 'The result of this inspection is already recorded');
        if (!state.task!.inspectorIds.includes(command.result.recordedBy)) {
          throw refuse('NOT_AN_INSPECTOR', '只有被指派的执法人员可以记录检查结果', 'Only the assigned officers may record the result', 'forbidden');
        }
        if (command.result.result !== 'compliant' && command.result.evidence.length === 0) {
          throw refuse('EVIDENCE_REQUIRED', '发现问题或违法行为时须附证据', 'Problems or a violation need evidence', 'invalid');
        }
        return [{ type: 'InspectionRecorded', data: { taskId: state.task!.taskId, enterpriseId: state.task!.enterpriseId, ...command.result } }];
      }
    }
  },
};
