import { compareIds } from './canonical-json';
import type { DrawCandidate, DrawInspector, DrawInputs } from './draw-inputs';
import type { DrawPrng } from './draw-prng';

/** Why a selected enterprise got no inspectors: it stays selected, and staff assign it by hand or widen the pool. */
export type UnassignedReason = 'recusal-leaves-too-few' | 'inspectors-at-capacity';

export const UNASSIGNED_REASONS: Record<UnassignedReason, { zh: string; en: string }> = {
  'recusal-leaves-too-few': { zh: '回避后可选执法人员不足', en: 'Too few inspectors left after recusal' },
  'inspectors-at-capacity': { zh: '可选执法人员任务已满', en: 'The eligible inspectors have reached their task limit' },
};

/** Why an inspector may not go to an enterprise, or undefined when they may (行政处罚法 art. 43 and the no-repeat rule). */
export function recusalReason(
  inspector: DrawInspector,
  enterprise: Pick<DrawCandidate, 'enterpriseId' | 'townCode'>,
  inputs: Pick<DrawInputs, 'recusal' | 'previousInspectors'>,
): 'declared-conflict' | 'former-employer' | 'same-town' | 'previous-inspector' | undefined {
  const id = enterprise.enterpriseId;
  if (inspector.declaredConflicts.includes(id)) return 'declared-conflict';
  if (inputs.recusal.formerEmployer && inspector.formerEmployers.includes(id)) return 'former-employer';
  if (inputs.recusal.sameTown && inspector.townCode !== undefined && inspector.townCode === enterprise.townCode) return 'same-town';
  if ((inputs.previousInspectors[id] ?? []).includes(inspector.inspectorId)) return 'previous-inspector';
  return undefined;
}

export interface Assignment {
  enterprise: DrawCandidate;
  inspectorIds?: string[];
  unassigned?: UnassignedReason;
}

/**
 * Inspectors for each selected enterprise, in enterpriseId order: the eligible ones are the pool (sorted by
 * inspectorId) minus the recused and those already at the task limit; inspectorsPerTask of them are chosen by partial
 * Fisher–Yates. With too few eligible the enterprise is left unassigned and no random word is read: recusal is never
 * relaxed to fill a task.
 */
export function assignInspectors(prng: DrawPrng, selected: readonly DrawCandidate[], inputs: DrawInputs): Assignment[] {
  const pool = [...inputs.pool].sort((a, b) => compareIds(a.inspectorId, b.inspectorId));
  const perTask = inputs.plan.inspectorsPerTask;
  const limit = inputs.plan.maxTasksPerInspector ?? Infinity;
  const load = new Map<string, number>();
  const ordered = [...selected].sort((a, b) => compareIds(a.enterpriseId, b.enterpriseId));
  return ordered.map((enterprise): Assignment => {
    const free = pool.filter((i) => recusalReason(i, enterprise, inputs) === undefined);
    const eligible = free.filter((i) => (load.get(i.inspectorId) ?? 0) < limit);
    if (eligible.length < perTask) {
      return { enterprise, unassigned: free.length < perTask ? 'recusal-leaves-too-few' : 'inspectors-at-capacity' };
    }
    const chosen = prng.choose(eligible, perTask).map((i) => i.inspectorId);
    for (const id of chosen) load.set(id, (load.get(id) ?? 0) + 1);
    return { enterprise, inspectorIds: chosen.sort(compareIds) };
  });
}
