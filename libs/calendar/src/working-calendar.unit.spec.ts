import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from './calendar-day';
import { SHIPPED_OVERRIDES } from './china-holidays';
import { WorkingCalendar, type DayOverride } from './working-calendar';

const calendar = new WorkingCalendar(SHIPPED_OVERRIDES);

/** Day-by-day reference, for comparison only. */
function naiveAdd(cal: WorkingCalendar, start: string, n: number): string {
  let day = toDayNumber(start);
  if (n === 0) {
    while (!cal.isWorkingDay(fromDayNumber(day))) day++;
    return fromDayNumber(day);
  }
  for (let left = n; left > 0; ) if (cal.isWorkingDay(fromDayNumber(++day))) left--;
  return fromDayNumber(day);
}

const dayIn = (from: string, to: string) =>
  fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);

describe('WorkingCalendar with the shipped 2026–2027 overrides', () => {
  it('counts Monday–Friday as working days and weekends as rest days', () => {
    expect(calendar.isWorkingDay('2026-03-06')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2026-03-07')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-03-09')).toBe(true); // Monday
  });

  it('knows a holiday block and the make-up Saturdays around it', () => {
    expect(calendar.isWorkingDay('2026-02-13')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // make-up Saturday
    for (let d = 15; d <= 23; d++) expect(calendar.isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(calendar.isWorkingDay('2026-02-24')).toBe(true);
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true); // make-up Saturday
    expect(calendar.isWorkingDay('2026-09-20')).toBe(true); // make-up Sunday
    expect(calendar.isWorkingDay('2026-10-07')).toBe(false); // Wednesday in 国庆
    expect(calendar.overrideOn('2026-02-14')).toMatchObject({ kind: 'makeup-workday', name: '春节调休上班' });
    expect(calendar.overrideOn('2026-03-09')).toBeUndefined();
  });

  it('adds working days across the 2026 Spring Festival', () => {
    expect(calendar.addWorkingDays('2026-02-12', 1)).toBe('2026-02-13');
    expect(calendar.addWorkingDays('2026-02-12', 2)).toBe('2026-02-14');
    expect(calendar.addWorkingDays('2026-02-12', 3)).toBe('2026-02-24');
    // 15 working days from Tue 10 Feb: 11, 12, 13, 14 (Sat), 24–27, 28 (Sat), 2–6 Mar, 9 Mar.
    expect(calendar.addWorkingDays('2026-02-10', 15)).toBe('2026-03-09');
    expect(calendar.addWorkingDays('2026-02-16', 1)).toBe('2026-02-24'); // from inside the holiday
  });

  it('treats n = 0 as "today if working, else the next working day"', () => {
    expect(calendar.addWorkingDays('2026-02-24', 0)).toBe('2026-02-24');
    expect(calendar.addWorkingDays('2026-02-15', 0)).toBe('2026-02-24');
    expect(calendar.subtractWorkingDays('2026-02-24', 0)).toBe('2026-02-24');
    expect(calendar.subtractWorkingDays('2026-02-22', 0)).toBe('2026-02-14');
  });

  it('subtracts working days: a warning 3 working days before a deadline', () => {
    expect(calendar.subtractWorkingDays('2026-02-26', 3)).toBe('2026-02-14'); // 25, 24, then the make-up Saturday
    expect(calendar.subtractWorkingDays('2026-03-02', 3)).toBe('2026-02-26'); // 28 Feb (Sat) counts
    expect(calendar.subtractWorkingDays('2026-10-09', 1)).toBe('2026-10-08');
    expect(calendar.subtractWorkingDays('2026-10-08', 1)).toBe('2026-09-30');
  });

  it('gives the next working day strictly after a date', () => {
    expect(calendar.nextWorkingDay('2026-02-13')).toBe('2026-02-14');
    expect(calendar.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
    expect(calendar.nextWorkingDay('2026-12-31')).toBe('2027-01-04'); // 1 Jan 2027 holiday, then a weekend
  });

  it('counts working days between two dates: after from, up to and including to; negative backwards', () => {
    expect(calendar.workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2);
    expect(calendar.workingDaysBetween('2026-02-24', '2026-02-13')).toBe(-2);
    expect(calendar.workingDaysBetween('2026-02-24', '2026-02-24')).toBe(0);
    expect(calendar.workingDaysBetween('2026-02-15', '2026-02-22')).toBe(0);
    // 2026: 261 weekdays − 19 holidays on weekdays (of 33 days off) + 6 make-up days
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });

  it('counts calendar days under Art. 38: start not counted, a last day off moves to the next working day', () => {
    expect(calendar.addCalendarDays('2026-03-02', 3)).toBe('2026-03-05');
    expect(calendar.addCalendarDays('2026-03-02', 5)).toBe('2026-03-09'); // Sat 7 → Mon 9
    expect(calendar.addCalendarDays('2026-02-10', 5)).toBe('2026-02-24'); // 15 Feb, in 春节 → 24 Feb
    expect(calendar.addCalendarDays('2026-02-04', 10)).toBe('2026-02-14'); // a make-up Saturday is a working day
    expect(calendar.addCalendarDays('2026-09-24', 7)).toBe('2026-10-08'); // 1 Oct → after 国庆
    expect(calendar.addCalendarDays('2026-03-02', 0)).toBe('2026-03-02');
  });

  it('refuses invalid dates and counts', () => {
    for (const bad of ['2026-02-29', '2026-2-3', '26-02-03', '2026-02-03T00:00:00Z', '']) {
      expect(() => calendar.isWorkingDay(bad)).toThrow(RangeError);
      expect(() => calendar.addWorkingDays(bad, 1)).toThrow(RangeError);
      expect(() => calendar.workingDaysBetween('2026-01-05', bad)).toThrow(RangeError);
      expect(() => calendar.addCalendarDays(bad, 1)).toThrow(RangeError);
    }
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e12]) {
      expect(() => calendar.addWorkingDays('2026-03-02', n)).toThrow(RangeError);
      expect(() => calendar.subtractWorkingDays('2026-03-02', n)).toThrow(RangeError);
      expect(() => calendar.addCalendarDays('2026-03-02', n)).toThrow(RangeError);
    }
    expect(() => calendar.addWorkingDays('9999-12-30', 5)).toThrow(RangeError);
  });

  it('falls back to plain weekends in a year without overrides', () => {
    expect(calendar.coveredYears()).toEqual([2026, 2027]);
    expect(calendar.isWorkingDay('2030-01-01')).toBe(true); // really 元旦, but 2030 is not covered
    expect(calendar.addWorkingDays('2030-01-04', 1)).toBe('2030-01-07'); // Friday → Monday
    expect(calendar.workingDaysBetween('2029-12-31', '2030-12-31')).toBe(261);
    expect(new WorkingCalendar().coveredYears()).toEqual([]);
  });
});

describe('WorkingCalendar overrides', () => {
  const o = (date: string, kind: DayOverride['kind'] = 'holiday'): DayOverride => ({ date, kind, name: 'x', confirmed: false });

  it('refuses bad overrides', () => {
    expect(() => new WorkingCalendar([o('2026-02-30')])).toThrow(RangeError);
    expect(() => new WorkingCalendar([o('2026-03-02'), o('2026-03-02')])).toThrow(/two overrides/);
    expect(() => new WorkingCalendar([o('2026-03-02', 'makeup-workday')])).toThrow(/Saturday or Sunday/);
    expect(() => new WorkingCalendar([{ ...o('2026-03-02'), kind: 'day-off' as never }])).toThrow(/kind/);
    expect(() => new WorkingCalendar([{ ...o('2026-03-02'), name: ' ' }])).toThrow(/name/);
    expect(() => new WorkingCalendar([{ ...o('2026-03-02'), confirmed: 'yes' as never }])).toThrow(TypeError);
  });

  it('is immutable: copies and freezes what it was given', () => {
    const input = [o('2026-03-03'), o('2026-03-02')];
    const cal = new WorkingCalendar(input);
    input[0].date = '2026-03-04';
    expect(cal.overrides.map((x) => x.date)).toEqual(['2026-03-02', '2026-03-03']);
    expect(Object.isFrozen(cal.overrides)).toBe(true);
    expect(Object.isFrozen(cal.overrides[0])).toBe(true);
    expect(cal.isWorkingDay('2026-03-04')).toBe(true);
  });
});

describe('WorkingCalendar properties', () => {
  const n = fc.integer({ min: 0, max: 400 });
  const start = dayIn('2025-06-01', '2028-06-30');

  it('workingDaysBetween(start, addWorkingDays(start, n)) === n for working-day starts', () => {
    fc.assert(
      fc.property(start, n, (s, k) => {
        fc.pre(calendar.isWorkingDay(s));
        expect(calendar.workingDaysBetween(s, calendar.addWorkingDays(s, k))).toBe(k);
        expect(calendar.workingDaysBetween(calendar.subtractWorkingDays(s, k), s)).toBe(k);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with a day-by-day count, also for n ≥ 1 from rest days', () => {
    fc.assert(
      fc.property(start, fc.integer({ min: 0, max: 60 }), (s, k) => {
        const end = calendar.addWorkingDays(s, k);
        expect(end).toBe(naiveAdd(calendar, s, k));
        expect(calendar.isWorkingDay(end)).toBe(true);
        if (k > 0) expect(calendar.workingDaysBetween(s, end)).toBe(k);
        if (calendar.isWorkingDay(s)) expect(calendar.subtractWorkingDays(end, k)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('between is antisymmetric and additive', () => {
    fc.assert(
      fc.property(start, start, start, (a, b, c) => {
        expect(calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, a)).toBe(0);
        expect(calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, c)).toBe(calendar.workingDaysBetween(a, c));
      }),
    );
  });

  it('holds for arbitrary calendars too (random holidays and make-up weekend days)', () => {
    const override = dayIn('2026-01-01', '2026-03-31').chain((date) => {
      const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
      return fc.constantFrom<DayOverride['kind']>(...(weekend ? ['holiday', 'makeup-workday'] as const : ['holiday'] as const))
        .map((kind): DayOverride => ({ date, kind, name: 'x', confirmed: false }));
    });
    const overrides = fc.uniqueArray(override, { selector: (x) => x.date, maxLength: 60 });
    fc.assert(
      fc.property(overrides, dayIn('2025-12-01', '2026-04-30'), fc.integer({ min: 0, max: 80 }), (list, s, k) => {
        const cal = new WorkingCalendar(list);
        const end = cal.addWorkingDays(s, k);
        expect(end).toBe(naiveAdd(cal, s, k));
        if (k > 0 || cal.isWorkingDay(s)) expect(cal.workingDaysBetween(s, end)).toBe(k);
        if (cal.isWorkingDay(end)) expect(cal.workingDaysBetween(cal.subtractWorkingDays(end, k), end)).toBe(k);
      }),
      { numRuns: 500 },
    );
  });
});

describe('WorkingCalendar performance', () => {
  it('computes 1,000,000 deadlines of 15 working days in well under two seconds', () => {
    const starts = Array.from({ length: 730 }, (_, i) => fromDayNumber(toDayNumber('2026-01-01') + i));
    calendar.addWorkingDays(starts[0], 15); // warm up
    const t0 = performance.now();
    let last = '';
    for (let i = 0; i < 1_000_000; i++) last = calendar.addWorkingDays(starts[i % starts.length], 15);
    const ms = performance.now() - t0;
    expect(last).toMatch(/^202[678]-/);
    expect(ms).toBeLessThan(2000);
  });
});
