import { deciderSpec } from '@qingyuan/domain';
import { clueDecider, type ClueCommand } from './clue';

const { given, when, refusal } = deciderSpec(clueDecider);

const register: ClueCommand = {
  kind: 'register',
  clueId: 'c1',
  channel: 'public-web',
  category: 'air',
  description: '夜间冒黄烟',
  location: { lat: 29.3, lng: 120.07, townCode: '330782005' },
  townSource: 'map',
  reporter: { anonymous: true, insider: false },
  receiptCodeHash: 'h',
};
const [registered] = when([], register);
const accept: ClueCommand = { kind: 'accept', mergedClueIds: [] };
const [accepted] = when([registered], accept);
const progress = (stage: 'accepted' | 'assigned' | 'verifying' | 'rectifying' | 'closed'): ClueCommand => ({
  kind: 'record-progress',
  problemId: 'p1',
  stage,
  sourceEventId: `e-${stage}`,
});

describe('clue decider (线索登记 → 受理 / 不予受理 / 转办 / 并案 → 进度)', () => {
  it('accepts with the clue content and its current town, for cases', () => {
    expect(accepted).toEqual({
      type: 'ClueAccepted',
      data: {
        clueId: 'c1',
        channel: 'public-web',
        category: 'air',
        description: '夜间冒黄烟',
        location: { lat: 29.3, lng: 120.07, townCode: '330782005' },
      },
    });
  });

  it('carries a corrected town, a problem to join and merged clues into the acceptance', () => {
    const [corrected] = when([registered], { kind: 'correct-town', townCode: '330782001', reason: '地址在稠城' });
    expect(corrected.data).toEqual({ clueId: 'c1', townCode: '330782001', previousTownCode: '330782005', reason: '地址在稠城' });
    const [joined] = when([registered, corrected], { kind: 'accept', joinProblemId: 'p9', mergedClueIds: ['c2'] });
    expect(joined.data).toMatchObject({ location: { townCode: '330782001' }, joinProblemId: 'p9', mergedClueIds: ['c2'] });
    expect(when([registered, corrected], { kind: 'correct-town', townCode: '330782001' })).toEqual([]);
  });

  it('decides a clue only once: accept, reject with a reason code, or refer', () => {
    const [rejected] = when([registered], { kind: 'reject', reasonCode: 'out-of-scope', reason: '属于市场监管' });
    expect(rejected.data).toEqual({ clueId: 'c1', reasonCode: 'out-of-scope', reason: '属于市场监管' });
    const [referred] = when([registered], { kind: 'refer', authority: '市场监管局' });
    expect(given([registered, referred]).publicStage).toBe('referred');
    for (const done of [accepted, rejected, referred]) {
      expect(refusal(() => when([registered, done], accept))).toBe('CLUE_ALREADY_DECIDED');
    }
    expect(refusal(() => when([], accept))).toBe('CLUE_NOT_FOUND');
  });

  it('merges into an open clue, never into itself or a decided one, and can undo it', () => {
    expect(refusal(() => when([registered], { kind: 'merge', intoClueId: 'c1', target: { status: 'received' } }))).toBe('MERGE_INTO_ITSELF');
    expect(refusal(() => when([registered], { kind: 'merge', intoClueId: 'c0', target: { status: 'rejected' } }))).toBe('MERGE_TARGET_CLOSED');
    const [merged] = when([registered], { kind: 'merge', intoClueId: 'c0', target: { status: 'accepted' } });
    expect(merged).toEqual({ type: 'ClueMerged', data: { clueId: 'c1', intoClueId: 'c0' } });
    expect(refusal(() => when([registered, merged], accept))).toBe('CLUE_ALREADY_DECIDED');
    const [unmerged] = when([registered, merged], { kind: 'unmerge' });
    expect(unmerged).toEqual({ type: 'ClueUnmerged', data: { clueId: 'c1', fromClueId: 'c0' } });
    expect(given([registered, merged, unmerged]).status).toBe('received');
    expect(refusal(() => when([registered], { kind: 'unmerge' }))).toBe('CLUE_NOT_MERGED');
  });

  it('records a dismissed duplicate suggestion once', () => {
    const [dismissed] = when([registered], { kind: 'dismiss-duplicate', candidateClueId: 'c7' });
    expect(when([registered, dismissed], { kind: 'dismiss-duplicate', candidateClueId: 'c7' })).toEqual([]);
  });

  it('records each new public stage once and never goes back, except a failed verification', () => {
    const linked = when([registered, accepted], progress('accepted'));
    expect(linked).toHaveLength(1);
    const assigned = when([registered, accepted, ...linked], progress('assigned'));
    const history = [registered, accepted, ...linked, ...assigned];
    expect(when(history, progress('assigned'))).toEqual([]);
    expect(when(history, progress('accepted'))).toEqual([]);
    const verifying = when(history, progress('verifying'));
    expect(when([...history, ...verifying], progress('rectifying'))).toHaveLength(1);
  });

  it('follows the problem for a merged clue, and ignores progress for an undecided one', () => {
    const [merged] = when([registered], { kind: 'merge', intoClueId: 'c0', target: { status: 'accepted' } });
    expect(when([registered, merged], progress('assigned'))).toHaveLength(1);
    expect(when([registered], progress('closed'))).toEqual([]);
  });
});
