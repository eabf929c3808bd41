import type { EnforcementEvent, PenaltyCaseOpened } from '@qingyuan/contracts';
import { DomainError, deciderSpec } from '@qingyuan/domain';
import { penaltyCaseDecider, type PenaltyCaseCommand } from './penalty-case';

const { given, when, refusal } = deciderSpec(penaltyCaseDecider);

function refused(f: () => unknown): { code: string; kind: string } {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, kind: error.kind };
    throw error;
  }
  throw new Error('the decider accepted the command');
}

/** Run commands in order, each on the events so far. */
const play = (commands: PenaltyCaseCommand[], from: EnforcementEvent[] = []) => commands.reduce((events, c) => [...events, ...when(events, c)], from);

const opened: PenaltyCaseOpened = { caseId: 'k1', enterpriseId: 'e1', taskId: 't1', problemId: 'p1', summary: '超标排放', openedOn: '2026-11-03', decideBy: '2027-02-01' };
const open: PenaltyCaseCommand = { kind: 'open', opened };
const conditions = [
  { condition: 'minor', met: true },
  { condition: 'corrected-in-time', met: true },
  { condition: 'no-harm', met: false },
];
const notExempt: PenaltyCaseCommand = { kind: 'check-exemption', check: { exempt: false, ruleId: 'art33-minor', conditions, listVersion: 3, checkedOn: '2026-11-10' } };
const education = '已当场对当事人进行法治宣传教育并制作笔录';
const exempt: PenaltyCaseCommand = { kind: 'check-exemption', check: { exempt: true, ruleId: 'art33-minor', conditions: conditions.map((c) => ({ ...c, met: true })), education, listVersion: 3, checkedOn: '2026-11-10' } };
const decide = (fineFen = 5_000_000): PenaltyCaseCommand => ({ kind: 'decide', decisionNumber: '义环罚〔2026〕12号', legalBasis: '《水污染防治法》第八十三条', fineFen, decidedOn: '2026-11-20' });
const transfer: PenaltyCaseCommand = { kind: 'transfer', reason: '涉嫌污染环境罪' };

describe('opening a case', () => {
  it('opens once; opening again changes nothing', () => {
    expect(when([], open)).toEqual([{ type: 'PenaltyCaseOpened', data: opened }]);
    expect(given(play([open]))).toEqual({ status: 'open', opened });
    expect(when(play([open]), { kind: 'open', opened: { ...opened, summary: '另一案' } })).toEqual([]);
    expect(when(play([open, notExempt, decide()]), open)).toEqual([]);
  });

  it('refuses every other command on a case never opened', () => {
    for (const command of [notExempt, exempt, decide(), transfer]) expect(refused(() => when([], command))).toEqual({ code: 'CASE_NOT_FOUND', kind: 'not-found' });
  });
});

describe('the minor-violation check comes first', () => {
  it('refuses a penalty before the list was checked', () => {
    expect(refused(() => when(play([open]), decide()))).toEqual({ code: 'EXEMPTION_NOT_CHECKED', kind: 'conflict' });
  });

  it('records a check that does not exempt on the case, which stays open for a penalty', () => {
    expect(when(play([open]), notExempt)).toEqual([
      { type: 'MinorViolationChecked', data: { caseId: 'k1', enterpriseId: 'e1', exempt: false, ruleId: 'art33-minor', conditions, listVersion: 3, checkedOn: '2026-11-10' } },
    ]);
    const state = given(play([open, notExempt]));
    expect(state.status).toBe('open');
    expect(state.checked).toMatchObject({ exempt: false, ruleId: 'art33-minor' });
  });

  it('decides the penalty after the check, on the case, enterprise and problem', () => {
    expect(when(play([open, notExempt]), decide())).toEqual([
      {
        type: 'PenaltyDecided',
        data: { caseId: 'k1', enterpriseId: 'e1', problemId: 'p1', decisionNumber: '义环罚〔2026〕12号', legalBasis: '《水污染防治法》第八十三条', fineFen: 5_000_000, decidedOn: '2026-11-20' },
      },
    ]);
    expect(given(play([open, notExempt, decide()])).status).toBe('penalised');
  });

  it('does not need the check to transfer a suspected crime', () => {
    expect(when(play([open]), transfer)).toEqual([{ type: 'SuspectedCrimeTransferred', data: { caseId: 'k1', enterpriseId: 'e1', problemId: 'p1', reason: '涉嫌污染环境罪' } }]);
    expect(given(play([open, transfer])).status).toBe('transferred');
    expect(when(play([open, notExempt]), transfer)).toHaveLength(1);
  });
});

describe('an exemption (不予处罚, 行政处罚法 art. 33)', () => {
  it('needs the education of the party on the record (art. 33(3))', () => {
    const { education: _none, ...check } = (exempt as Extract<PenaltyCaseCommand, { kind: 'check-exemption' }>).check;
    expect(refused(() => when(play([open]), { kind: 'check-exemption', check }))).toEqual({ code: 'EDUCATION_REQUIRED', kind: 'invalid' });
    expect(refusal(() => when(play([open]), { kind: 'check-exemption', check: { ...check, education: '' } }))).toBe('EDUCATION_REQUIRED');
    expect(refusal(() => when(play([open]), { kind: 'check-exemption', check: { ...check, education: ' \n\t ' } }))).toBe('EDUCATION_REQUIRED');
  });

  it('closes the case as exempted, with the education recorded', () => {
    const [event] = when(play([open]), exempt);
    expect(event).toMatchObject({ type: 'MinorViolationChecked', data: { caseId: 'k1', exempt: true, education } });
    expect(given(play([open, exempt])).status).toBe('exempted');
  });

  it('does not need education when the check does not exempt', () => {
    expect(when(play([open]), notExempt)).toHaveLength(1);
  });
});

describe('a decided case', () => {
  it('refuses every further command once exempted', () => {
    const events = play([open, exempt]);
    for (const command of [notExempt, exempt, decide(), transfer]) expect(refused(() => when(events, command))).toEqual({ code: 'CASE_CLOSED', kind: 'conflict' });
  });

  it.each([
    ['penalised', [open, notExempt, decide()]],
    ['penalised without a fine (警告)', [open, notExempt, decide(0)]],
  ] as Array<[string, PenaltyCaseCommand[]]>)('once %s, refuses another check or penalty but may still be transferred (2017 办法 art. 6(8))', (_, history) => {
    const events = play(history);
    for (const command of [notExempt, exempt, decide()]) expect(refused(() => when(events, command))).toEqual({ code: 'CASE_CLOSED', kind: 'conflict' });
    expect(when(events, transfer)).toEqual([expect.objectContaining({ type: 'SuspectedCrimeTransferred' })]);
    expect(given(play([...history, transfer])).status).toBe('transferred');
  });

  it('once transferred, refuses a second transfer but may still be penalised after the check (2020 规定 art. 10)', () => {
    expect(refused(() => when(play([open, transfer]), transfer))).toEqual({ code: 'CASE_TRANSFERRED', kind: 'conflict' });
    expect(refused(() => when(play([open, transfer]), decide()))).toEqual({ code: 'EXEMPTION_NOT_CHECKED', kind: 'conflict' });
    expect(when(play([open, transfer]), notExempt)).toHaveLength(1);
    const state = given(play([open, notExempt, transfer, decide()]));
    expect(state).toMatchObject({ status: 'transferred', penalised: true, transferred: true });
    expect(refused(() => when(play([open, notExempt, transfer, decide()]), decide()))).toEqual({ code: 'CASE_CLOSED', kind: 'conflict' });
  });
});

describe('the fine', () => {
  it.each([-1, -0.5, 1.5, 100.01, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1, '100' as unknown as number])('refuses %p fen', (fineFen) => {
    expect(refused(() => when(play([open, notExempt]), decide(fineFen)))).toEqual({ code: 'FINE_INVALID', kind: 'invalid' });
  });

  it.each([0, 1, 10_000_000, Number.MAX_SAFE_INTEGER])('accepts %p fen', (fineFen) => {
    expect(when(play([open, notExempt]), decide(fineFen))).toMatchObject([{ type: 'PenaltyDecided', data: { fineFen } }]);
  });

  it('checks that the list was consulted before looking at the fine', () => {
    expect(refusal(() => when(play([open]), decide(-1)))).toBe('EXEMPTION_NOT_CHECKED');
  });
});
