import type { CasesEvent } from '@qingyuan/contracts';
import type { Decider } from '@qingyuan/domain';
import type { ProblemCommand } from './problem-commands';
import { decideProblem } from './problem-decide';
import { evolveProblem, initialProblemState, type ProblemState } from './problem-state';

export type { ProblemCommand } from './problem-commands';
export { STATUS_LABELS } from './problem-decide';
export type { ProblemState, ProblemStatus } from './problem-state';
export type ProblemEvent = CasesEvent;

export const problemDecider: Decider<ProblemState, ProblemCommand, ProblemEvent> = {
  initialState: initialProblemState,
  evolve: evolveProblem,
  decide: decideProblem,
};
