/**
 * The kernel every context's domain code uses: the decider shape and the domain error.
 * No I/O and no framework here, so deciders are tested without a database.
 */

export { canonicalJson, type Json } from './canonical-json';

/** A rule the domain refuses a command by. Messages are bilingual because they reach the user. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly kind: 'invalid' | 'not-found' | 'conflict' | 'forbidden' | 'unauthenticated' = 'conflict',
  ) {
    super(en);
    this.name = 'DomainError';
  }
}

/** An event as a decider produces it. */
export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
  /** defaults to 1; bump it (and add an upcaster) when the shape changes */
  schemaVersion?: number;
}

/** Pure domain logic: command + state → events; state + event → state. */
export interface Decider<State, Command, Event extends DomainEvent> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

/** For specs of a decider: fold events into state, decide a command on them, and the code a refusal carries. */
export function deciderSpec<State, Command, Event extends DomainEvent>(decider: Decider<State, Command, Event>) {
  const given = (events: Event[]) => events.reduce(decider.evolve, decider.initialState());
  return {
    given,
    when: (events: Event[], command: Command) => decider.decide(command, given(events)),
    refusal(f: () => unknown): string {
      try {
        f();
      } catch (error) {
        if (error instanceof DomainError) return error.code;
        throw error;
      }
      throw new Error('the decider accepted the command');
    },
  };
}
