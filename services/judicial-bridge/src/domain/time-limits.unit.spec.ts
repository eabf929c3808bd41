import fc from 'fast-check';
import { SHIPPED_OVERRIDES, WorkingCalendar, shanghaiDate } from '@qingyuan/calendar';
import type { JudicialEvent, JudicialEventMap, TransferKind } from '@qingyuan/contracts';
import { DEFAULT_TIME_LIMITS, STEPS, dueAt, limitStartedBy, timeLimitProblems, warnAt, type Step, type TimeLimit, type TimeUnit } from './time-limits';

const calendar = new WorkingCalendar(SHIPPED_OVERRIDES);
/** An instant given as Beijing wall time. */
const bj = (local: string) => new Date(`${local}+08:00`);
/** The end of a day, Beijing time, as dueAt gives it. */
const endOf = (day: string) => bj(`${day}T23:59:59.999`);
const due = (start: Date, amount: number, unit: TimeUnit) => dueAt(start, { amount, unit }, calendar);
const fields = (problems: Array<{ field: string }>) => problems.map((p) => p.field);

describe('the default limits (regulations §4)', () => {
  it.each<[Step, TimeLimit['party'], number, TimeUnit]>([
    ['approval', 'bureau', 3, 'days'], // 2020 规定 art. 5: the head decides within 3 days of the report
    ['send', 'bureau', 24, 'hours'], // art. 5 / 2017 办法 art. 6: within 24 h of approval
    ['send-detention', 'bureau', 3, 'working-days'], // 2015 暂行办法: all in working days
    ['supplement', 'bureau', 3, 'days'], // 2017 办法 art. 8
    ['filing', 'police', 3, 'days'], // 2017 办法 art. 9
    ['filing-verification', 'police', 7, 'days'],
    ['filing-major', 'police', 30, 'days'],
    ['detention-decision', 'police', 5, 'working-days'],
    ['reconsideration-request', 'bureau', 3, 'working-days'], // 2017 办法 art. 11
    ['reconsideration-decision', 'police', 3, 'working-days'],
    ['supervision-proposal', 'bureau', 3, 'days'], // 2020 规定 art. 9
    ['filing-after-order', 'police', 15, 'days'], // SPP 2001: file within 15 days of the notice
  ])('%s: %s, %i %s', (step, party, amount, unit) => {
    expect(DEFAULT_TIME_LIMITS[step]).toMatchObject({ party, amount, unit });
  });

  it('covers every step, each with its basis and a bilingual label, and passes its own check', () => {
    expect(Object.keys(DEFAULT_TIME_LIMITS).sort()).toEqual([...STEPS].sort());
    for (const limit of Object.values(DEFAULT_TIME_LIMITS)) {
      expect(limit.basis).toMatch(/《.+》/);
      expect(limit.zh.trim()).not.toBe('');
      expect(limit.en.trim()).not.toBe('');
    }
    expect(timeLimitProblems(DEFAULT_TIME_LIMITS)).toEqual([]);
  });
});

describe('dueAt in hours', () => {
  it('runs from the instant itself, to the millisecond', () => {
    const start = new Date('2026-11-02T03:17:42.123Z');
    expect(due(start, 24, 'hours')).toEqual(new Date('2026-11-03T03:17:42.123Z'));
    expect(due(start, 1, 'hours')).toEqual(new Date('2026-11-02T04:17:42.123Z'));
  });

  it('is not moved by a weekend or a holiday (国庆 2026)', () => {
    expect(due(bj('2026-09-30T16:00:00'), 24, 'hours')).toEqual(bj('2026-10-01T16:00:00'));
    expect(due(bj('2026-11-06T18:30:00'), 24, 'hours')).toEqual(bj('2026-11-07T18:30:00'));
  });
});

describe('dueAt in days (2017 办法 art. 38)', () => {
  it('does not count the start day and ends at the end of the last day, Beijing time', () => {
    expect(due(bj('2026-11-02T10:00:00'), 3, 'days')).toEqual(endOf('2026-11-05')); // Mon → Thu
    expect(due(bj('2026-11-02T10:00:00'), 3, 'days').toISOString()).toBe('2026-11-05T15:59:59.999Z');
    expect(due(bj('2026-11-02T10:00:00'), 1, 'days')).toEqual(endOf('2026-11-03'));
  });

  it('counts the same from any time of the start day', () => {
    for (const time of ['00:00:00', '00:00:01', '12:00:00', '23:59:59.999']) expect(due(bj(`2026-11-02T${time}`), 3, 'days')).toEqual(endOf('2026-11-05'));
  });

  it('takes the start day in Beijing, not in UTC', () => {
    // 2026-11-01T16:30Z is already Monday 2 November in Beijing (a UTC date would say Sunday and end on Wednesday)
    expect(due(new Date('2026-11-01T16:30:00Z'), 3, 'days')).toEqual(endOf('2026-11-05'));
    expect(due(new Date('2026-11-02T15:59:59.999Z'), 3, 'days')).toEqual(endOf('2026-11-05'));
    expect(due(new Date('2026-11-02T16:00:00Z'), 3, 'days')).toEqual(endOf('2026-11-06'));
  });

  it('moves a last day on a weekend to the next working day', () => {
    expect(due(bj('2026-11-04T09:00:00'), 3, 'days')).toEqual(endOf('2026-11-09')); // Sat 7 → Mon 9
    expect(due(bj('2026-11-05T09:00:00'), 3, 'days')).toEqual(endOf('2026-11-09')); // Sun 8 → Mon 9
    expect(due(bj('2026-11-06T09:00:00'), 3, 'days')).toEqual(endOf('2026-11-09')); // Mon 9 itself
  });

  it('moves a last day in 国庆 2026 (Thu 1 – Wed 7 October) to Thursday 8 October', () => {
    expect(due(bj('2026-09-28T10:00:00'), 3, 'days')).toEqual(endOf('2026-10-08')); // 1 Oct
    expect(due(bj('2026-09-30T10:00:00'), 3, 'days')).toEqual(endOf('2026-10-08')); // 3 Oct
    expect(due(bj('2026-10-01T10:00:00'), 3, 'days')).toEqual(endOf('2026-10-08')); // 4 Oct
    expect(due(bj('2026-09-16T10:00:00'), 15, 'days')).toEqual(endOf('2026-10-08')); // filing after an order, 1 Oct
    expect(due(bj('2026-09-24T10:00:00'), 7, 'days')).toEqual(endOf('2026-10-08')); // verification, 1 Oct
  });

  it('ends on a make-up working day: Saturday 10 October 2026 is worked (调休)', () => {
    expect(due(bj('2026-10-07T10:00:00'), 3, 'days')).toEqual(endOf('2026-10-10'));
  });

  it('does not lengthen the period for a holiday inside it, only for a last day that is one', () => {
    expect(due(bj('2026-09-29T10:00:00'), 15, 'days')).toEqual(endOf('2026-10-14'));
    expect(due(bj('2026-10-02T10:00:00'), 6, 'days')).toEqual(endOf('2026-10-08'));
  });

  it('moves a last day in 春节 2027 (Fri 5 – Mon 8 February) past the weekend inside it, to Tuesday 9', () => {
    expect(due(bj('2027-02-02T10:00:00'), 3, 'days')).toEqual(endOf('2027-02-09')); // Fri 5
    expect(due(bj('2027-02-05T10:00:00'), 3, 'days')).toEqual(endOf('2027-02-09')); // Mon 8
    expect(due(bj('2027-01-29T10:00:00'), 7, 'days')).toEqual(endOf('2027-02-09'));
  });
});

describe('dueAt in working days', () => {
  it('counts working days after the start day, skipping the weekend', () => {
    expect(due(bj('2026-11-02T10:00:00'), 3, 'working-days')).toEqual(endOf('2026-11-05')); // Mon → Thu
    expect(due(bj('2026-11-05T10:00:00'), 3, 'working-days')).toEqual(endOf('2026-11-10')); // Thu → Tue
    expect(due(bj('2026-11-07T10:00:00'), 3, 'working-days')).toEqual(endOf('2026-11-11')); // from a Saturday: Mon, Tue, Wed
    expect(due(bj('2026-11-02T10:00:00'), 5, 'working-days')).toEqual(endOf('2026-11-09'));
  });

  it('skips 国庆 2026 and counts its make-up Saturday', () => {
    expect(due(bj('2026-09-29T10:00:00'), 3, 'working-days')).toEqual(endOf('2026-10-09')); // Wed 30, Thu 8, Fri 9
    expect(due(bj('2026-09-30T10:00:00'), 3, 'working-days')).toEqual(endOf('2026-10-10')); // Thu 8, Fri 9, Sat 10 (调休)
    expect(due(bj('2026-10-03T10:00:00'), 5, 'working-days')).toEqual(endOf('2026-10-13')); // 8, 9, 10, 12, 13
  });

  it('skips 春节 2027', () => {
    expect(due(bj('2027-02-03T10:00:00'), 5, 'working-days')).toEqual(endOf('2027-02-12')); // Thu 4, Tue 9 … Fri 12
    expect(due(bj('2027-02-04T10:00:00'), 1, 'working-days')).toEqual(endOf('2027-02-09'));
  });

  it('takes the start day in Beijing: a start late on Friday UTC is already Saturday there', () => {
    expect(due(new Date('2026-11-06T17:00:00Z'), 1, 'working-days')).toEqual(endOf('2026-11-09'));
    expect(due(new Date('2026-11-06T15:00:00Z'), 1, 'working-days')).toEqual(endOf('2026-11-09'));
    expect(due(new Date('2026-11-05T17:00:00Z'), 1, 'working-days')).toEqual(endOf('2026-11-09')); // Fri 6 in Beijing
    expect(due(new Date('2026-11-05T15:00:00Z'), 1, 'working-days')).toEqual(endOf('2026-11-06')); // still Thu 5
  });
});

describe('dueAt over 2026–2027 (fast-check)', () => {
  const instant = fc.integer({ min: Date.UTC(2025, 11, 20), max: Date.UTC(2027, 10, 30) }).map((ms) => new Date(ms));
  const oneDay = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

  it('in days: ends at the end of the first working day on or after the start day + n, Beijing time', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), (start, amount) => {
        const end = due(start, amount, 'days');
        const last = shanghaiDate(end);
        expect(end).toEqual(endOf(last));
        expect(calendar.isWorkingDay(last)).toBe(true);
        const nominal = oneDay(shanghaiDate(start), amount);
        expect(last >= nominal).toBe(true);
        for (let d = nominal; d < last; d = oneDay(d, 1)) expect(calendar.isWorkingDay(d)).toBe(false);
      }),
    );
  });

  it('in working days: ends at the end of the n-th working day after the start day, Beijing time', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), (start, amount) => {
        const end = due(start, amount, 'working-days');
        const last = shanghaiDate(end);
        expect(end).toEqual(endOf(last));
        expect(calendar.isWorkingDay(last)).toBe(true);
        expect(calendar.workingDaysBetween(shanghaiDate(start), last)).toBe(amount);
      }),
    );
  });

  it('never ends before the hours or the days it gives have run', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), (start, amount) => {
        expect(due(start, amount, 'hours').getTime() - start.getTime()).toBe(amount * 3_600_000);
        expect(due(start, amount, 'days').getTime()).toBeGreaterThan(start.getTime() + amount * 86_400_000);
        expect(due(start, amount, 'working-days').getTime()).toBeGreaterThan(start.getTime() + amount * 86_400_000);
      }),
    );
  });
});

describe('warnAt', () => {
  it('warns when two thirds of the period have gone', () => {
    const start = new Date('2026-11-02T02:00:00Z');
    expect(warnAt(start, due(start, 24, 'hours'))).toEqual(new Date('2026-11-02T18:00:00Z'));
    expect(warnAt(start, new Date('2026-11-05T02:00:00Z'))).toEqual(new Date('2026-11-04T02:00:00Z'));
  });

  it('leaves a third of the period to act, whatever the limit (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 1) }), fc.integer({ min: 3, max: 90 * 86_400_000 }), (from, length) => {
        const start = new Date(from);
        const end = new Date(from + length);
        const warn = warnAt(start, end);
        expect(warn.getTime()).toBeGreaterThan(start.getTime());
        expect(warn.getTime()).toBeLessThan(end.getTime());
        expect(Math.abs(3 * (end.getTime() - warn.getTime()) - length)).toBeLessThanOrEqual(3);
      }),
    );
  });
});

describe('timeLimitProblems', () => {
  const table = (patch: Record<string, unknown>) => ({ ...DEFAULT_TIME_LIMITS, ...patch });

  it.each([null, undefined, 3, 'days', [], [DEFAULT_TIME_LIMITS]])('refuses %p as a whole: it is not a table of limits', (rules) => {
    expect(timeLimitProblems(rules)).toEqual([{ field: 'rules', zh: '须为各环节的时限表', en: 'must be a table of limits by step' }]);
  });

  it.each([1, 3, 365])('accepts an amount of %p', (amount) => {
    expect(timeLimitProblems(table({ filing: { ...DEFAULT_TIME_LIMITS.filing, amount } }))).toEqual([]);
  });

  it.each([0, -3, 1.5, 366, '3', null, Number.NaN, Number.POSITIVE_INFINITY])('refuses an amount of %p', (amount) => {
    expect(timeLimitProblems(table({ filing: { ...DEFAULT_TIME_LIMITS.filing, amount } }))).toEqual([{ field: 'rules.filing.amount', zh: '须为 1 到 365 的整数', en: 'must be a whole number from 1 to 365' }]);
  });

  it.each(['weeks', 'day', 'Days', '', undefined])('refuses the unit %p', (unit) => {
    expect(fields(timeLimitProblems(table({ approval: { ...DEFAULT_TIME_LIMITS.approval, unit } })))).toEqual(['rules.approval.unit']);
  });

  it.each(['hours', 'days', 'working-days'])('accepts the unit %p', (unit) => {
    expect(timeLimitProblems(table({ approval: { ...DEFAULT_TIME_LIMITS.approval, unit } }))).toEqual([]);
  });

  it.each(['supervisor', 'Police', '', undefined])('refuses the party %p', (party) => {
    expect(fields(timeLimitProblems(table({ send: { ...DEFAULT_TIME_LIMITS.send, party } })))).toEqual(['rules.send.party']);
  });

  it.each(['bureau', 'police', 'procuratorate', 'court'])('accepts the party %p', (party) => {
    expect(timeLimitProblems(table({ send: { ...DEFAULT_TIME_LIMITS.send, party } }))).toEqual([]);
  });

  it('refuses a table with a step missing, on all three fields of that step', () => {
    for (const step of STEPS) {
      const { [step]: _gone, ...rest } = DEFAULT_TIME_LIMITS;
      expect(fields(timeLimitProblems(rest))).toEqual([`rules.${step}.amount`, `rules.${step}.unit`, `rules.${step}.party`]);
    }
    expect(fields(timeLimitProblems(table({ supplement: null })))).toEqual(['rules.supplement.amount', 'rules.supplement.unit', 'rules.supplement.party']);
  });

  it('refuses a step it does not know, and reports every problem at once', () => {
    expect(fields(timeLimitProblems(table({ 'arrest-review': { party: 'procuratorate', amount: 7, unit: 'days' } })))).toEqual(['rules.arrest-review']);
    const problems = timeLimitProblems({ ...table({ filing: { party: 'x', amount: 0, unit: 'y' } }), 'filing-extra': DEFAULT_TIME_LIMITS.filing });
    expect(fields(problems)).toEqual(['rules.filing.amount', 'rules.filing.unit', 'rules.filing.party', 'rules.filing-extra']);
    expect(timeLimitProblems({})).toHaveLength(3 * STEPS.length);
  });
});

describe('limitStartedBy', () => {
  const ev = <K extends keyof JudicialEventMap>(type: K, data: Partial<JudicialEventMap[K]> = {}) => ({ type, data: { transferId: 't1', ...data } }) as unknown as JudicialEvent;

  it.each<[string, Step | undefined, Step | undefined, JudicialEvent]>([
    ['a report submitted', 'approval', 'approval', ev('TransferSubmitted', { report: 'r' })],
    ['an approval', 'send', 'send-detention', ev('TransferApprovalDecided', { approved: true })],
    ['a refusal to transfer', undefined, undefined, ev('TransferApprovalDecided', { approved: false, reasons: 'x' })],
    ['a receipt', 'filing', 'detention-decision', ev('TransferReceived', { receiptNumber: 'R' })],
    ['a supplement', 'filing', 'detention-decision', ev('MaterialsSupplemented', { materialIds: ['m'] })],
    ['a request for materials', 'supplement', 'supplement', ev('MaterialsRequested', { missing: 'x' })],
    ['an extension to verify', 'filing-verification', 'filing-verification', ev('FilingReviewExtended', { reason: 'verification' })],
    ['an extension for a major case', 'filing-major', 'filing-major', ev('FilingReviewExtended', { reason: 'major' })],
    ['a filing', undefined, undefined, ev('FilingDecided', { filed: true, documentNumber: 'L' })],
    ['a refusal to file', 'reconsideration-request', 'reconsideration-request', ev('FilingDecided', { filed: false, documentNumber: 'N', reasons: 'x' })],
    ['a request to reconsider', 'reconsideration-decision', 'reconsideration-decision', ev('ReconsiderationRequested', { grounds: 'g' })],
    ['a filing on reconsideration', undefined, undefined, ev('ReconsiderationDecided', { filed: true, documentNumber: 'L' })],
    ['a refusal upheld', 'supervision-proposal', 'supervision-proposal', ev('ReconsiderationDecided', { filed: false, documentNumber: 'N', reasons: 'x' })],
    ['an order to file', 'filing-after-order', 'filing-after-order', ev('SupervisionDecided', { orderedFiling: true, documentNumber: 'S' })],
    ['supervision closed', undefined, undefined, ev('SupervisionDecided', { orderedFiling: false, documentNumber: 'S', reasons: 'x' })],
  ])('%s starts %p on a criminal transfer and %p on a detention one', (_, criminal, detention, event) => {
    expect(limitStartedBy(event, 'criminal')).toBe(criminal);
    expect(limitStartedBy(event, 'detention')).toBe(detention);
  });

  it.each([
    'TransferDrafted',
    'TransferMaterialAdded',
    'ThresholdChecked',
    'TransferSent',
    'SupervisionProposed',
    'ArrestDecided',
    'ProsecutionReviewStarted',
    'ProsecutionDecided',
    'JudgmentRecorded',
    'DetentionDecided',
    'TransferWithdrawn',
    'TransferDeadlineWarned',
    'TransferOverdue',
    'TransferProgressed',
    'SuspectOutcomeRecorded',
  ] as Array<keyof JudicialEventMap>)('%s starts no limit', (type) => {
    for (const kind of ['criminal', 'detention'] as TransferKind[]) expect(limitStartedBy(ev(type, { approved: true, filed: false, detained: true } as never), kind)).toBeUndefined();
  });
});
