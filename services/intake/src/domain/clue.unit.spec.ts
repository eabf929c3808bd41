import { DomainError } from '@qingyuan/domain';
import { clueDecider, type ClueCommand, type ClueEvent } from './clue';

const given = (events: ClueEvent[]) => events.reduce(clueDecider.evolve, clueDecider.initialState());
const when = (events: ClueEvent[], command: ClueCommand) => clueDecider.decide(command, given(events));

const register: ClueCommand = {
  kind: 'register',
  clueId: 'c1',
  channel: 'public-web',
  category: 'air',
  description: '夜间冒黄烟',
  location: { lat: 29.3, lng: 120.07 },
  reporter: { anonymous: true, insider: false },
  receiptCodeHash: 'h',
};
const [registered] = when([], register);
const [accepted] = when([registered], { kind: 'accept' });

describe('clue decider (线索登记 → 受理/不予受理 → 进度)', () => {
  it('registers, then accepts with the clue content for cases', () => {
    expect(registered.type).toBe('ClueRegistered');
    expect(accepted).toEqual({
      type: 'ClueAccepted',
      data: { clueId: 'c1', channel: 'public-web', category: 'air', description: '夜间冒黄烟', location: { lat: 29.3, lng: 120.07 } },
    });
  });

  it('decides a clue only once', () => {
    expect(() => when([registered, accepted], { kind: 'reject', reason: '重复' })).toThrow(DomainError);
    expect(() => when([], { kind: 'accept' })).toThrow(/No such clue/);
  });

  it('records each new public stage once and never goes back, except a failed verification', () => {
    const progress = (stage: 'accepted' | 'assigned' | 'verifying' | 'rectifying' | 'closed') =>
      ({ kind: 'record-progress', problemId: 'p1', stage, sourceEventId: `e-${stage}` }) as ClueCommand;
    const linked = when([registered, accepted], progress('accepted'));
    expect(linked).toHaveLength(1);
    const assigned = when([registered, accepted, ...linked], progress('assigned'));
    expect(assigned).toHaveLength(1);
    const history = [registered, accepted, ...linked, ...assigned];
    expect(when(history, progress('assigned'))).toEqual([]);
    expect(when(history, progress('accepted'))).toEqual([]);
    const verifying = when(history, progress('verifying'));
    expect(when([...history, ...verifying], progress('rectifying'))).toHaveLength(1);
  });

  it('ignores progress for a clue that was never accepted', () => {
    expect(when([registered], { kind: 'record-progress', problemId: 'p1', stage: 'closed', sourceEventId: 'e' })).toEqual([]);
  });
});
