import { fromDayNumber, isCalendarDate, toDayNumber, weekdayOfDayNumber } from './calendar-day';

// Globals are looked up once: inside a vm context (Jest) every global access is slow, and deadlines are hot code.
const { floor, min } = Math;

/**
 * One day that differs from the plain Monday–Friday week: a public holiday, or a make-up working day (调休上班, a
 * Saturday or Sunday that is worked). `confirmed` says whether someone checked it against the State Council notice.
 */
export type DayOverride = {
  date: string;
  kind: 'holiday' | 'makeup-workday';
  name: string;
  confirmed: boolean;
};

/**
 * An immutable working-day calendar: Monday–Friday are working days, Saturday and Sunday are not, unless an override
 * says otherwise. Years without any override fall back to plain weekends; `coveredYears()` lets callers warn.
 *
 * Counting rests on one function, W(d) = working days before day d (from an arbitrary origin): the weekdays before d in
 * closed form, corrected by a prefix sum over the overrides that change a day's status (binary search). Every operation
 * is therefore O(log(overrides) × log(n)), never a loop over days.
 */
export class WorkingCalendar {
  /** The overrides, validated, frozen and sorted by date. */
  readonly overrides: readonly DayOverride[];
  private readonly byDay: ReadonlyMap<number, DayOverride>;
  /** Days whose status differs from the weekend rule, ascending, and the running sum of their ±1 corrections. */
  private readonly shiftDays: readonly number[];
  private readonly shiftPrefix: readonly number[];
  private readonly years: readonly number[];

  constructor(overrides: readonly DayOverride[] = []) {
    const byDay = new Map<number, DayOverride>();
    for (const raw of overrides) {
      const o = validOverride(raw);
      const day = toDayNumber(o.date);
      if (byDay.has(day)) throw new RangeError(`two overrides for ${o.date}`);
      byDay.set(day, o);
    }
    const days = [...byDay.keys()].sort((a, b) => a - b);
    this.byDay = byDay;
    this.overrides = Object.freeze(days.map((d) => byDay.get(d) as DayOverride));
    this.years = Object.freeze([...new Set(this.overrides.map((o) => Number(o.date.slice(0, 4))))]);
    const shiftDays: number[] = [];
    const shiftPrefix: number[] = [0];
    for (const d of days) {
      const delta = (byDay.get(d)?.kind === 'holiday' ? 0 : 1) - (isWeekday(d) ? 1 : 0);
      if (delta === 0) continue; // a holiday on a weekend changes nothing
      shiftDays.push(d);
      shiftPrefix.push(shiftPrefix[shiftPrefix.length - 1] + delta);
    }
    this.shiftDays = shiftDays;
    this.shiftPrefix = shiftPrefix;
  }

  /** The years that have at least one override, ascending. Other years count plain weekends only. */
  coveredYears(): readonly number[] {
    return this.years;
  }

  /** The override on that date, if any (for labels such as 春节 or 调休上班). */
  overrideOn(date: string): DayOverride | undefined {
    return this.byDay.get(toDayNumber(date));
  }

  isWorkingDay(date: string): boolean {
    return this.isWorking(toDayNumber(date));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    return fromDayNumber(this.dayOfIndex(this.before(toDayNumber(date) + 1), toDayNumber(date) + 1));
  }

  /**
   * The n-th working day after `start` (start itself is not counted), n ≥ 0. n = 0 gives `start` when it is a working
   * day, otherwise the next working day. So for a working-day start, workingDaysBetween(start, result) === n.
   */
  addWorkingDays(start: string, n: number): string {
    const day = toDayNumber(start);
    checkCount(n);
    if (n === 0) return fromDayNumber(this.dayOfIndex(this.before(day), day));
    return fromDayNumber(this.dayOfIndex(this.before(day + 1) + n - 1, day + n + 2 * floor(n / 5)));
  }

  /**
   * The n-th working day before `date` (date itself is not counted), n ≥ 0. n = 0 gives `date` when it is a working
   * day, otherwise the previous working day. For a working day d, workingDaysBetween(result, d) === n.
   */
  subtractWorkingDays(date: string, n: number): string {
    const day = toDayNumber(date);
    checkCount(n);
    if (n === 0 && this.isWorking(day)) return fromDayNumber(day);
    return fromDayNumber(this.dayOfIndex(this.before(day) - (n || 1), day - n - 2 * floor(n / 5)));
  }

  /**
   * When `to` ≥ `from`: the number of working days d with from < d ≤ to (so 0 when to = from). When `to` < `from`: minus
   * the number of working days d with to < d ≤ from. Hence between(a, b) = −between(b, a) and
   * between(a, b) + between(b, c) = between(a, c).
   */
  workingDaysBetween(from: string, to: string): number {
    return this.before(toDayNumber(to) + 1) - this.before(toDayNumber(from) + 1);
  }

  /**
   * Art. 38 counting in calendar days: the start day is not counted, the last day is start + n, and a last day that is
   * a holiday or rest day moves to the next working day (a make-up working day counts as a working day). n ≥ 0.
   */
  addCalendarDays(start: string, n: number): string {
    const day = toDayNumber(start);
    checkCount(n);
    const last = day + n;
    return fromDayNumber(this.isWorking(last) ? last : this.dayOfIndex(this.before(last), last));
  }

  private isWorking(day: number): boolean {
    const o = this.byDay.get(day);
    return o ? o.kind === 'makeup-workday' : isWeekday(day);
  }

  /** W(day): working days before `day`, counted from 1969-12-29 (negative before it; only differences matter). */
  private before(day: number): number {
    const sinceMonday = day + 3; // day −3 = Monday 1969-12-29
    const weeks = floor(sinceMonday / 7);
    const weekdays = 5 * weeks + min(sinceMonday - 7 * weeks, 5);
    let lo = 0;
    let hi = this.shiftDays.length; // count the shift days < day
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.shiftDays[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    return weekdays + this.shiftPrefix[lo];
  }

  /** The working day d with W(d) = index, i.e. the least d with W(d + 1) > index; `hint` is a guess near it. */
  private dayOfIndex(index: number, hint: number): number {
    let lo: number; // W(lo + 1) ≤ index
    let hi: number; // W(hi + 1) > index
    let step = 8;
    if (this.before(hint + 1) > index) {
      hi = hint;
      lo = hint - step;
      while (this.before(lo + 1) > index) {
        hi = lo;
        step *= 2;
        lo = hi - step;
      }
    } else {
      lo = hint;
      hi = hint + step;
      while (this.before(hi + 1) <= index) {
        lo = hi;
        step *= 2;
        hi = lo + step;
      }
    }
    while (hi - lo > 1) {
      const mid = lo + floor((hi - lo) / 2);
      if (this.before(mid + 1) > index) hi = mid;
      else lo = mid;
    }
    return hi;
  }
}

function isWeekday(day: number): boolean {
  const w = weekdayOfDayNumber(day);
  return w !== 0 && w !== 6;
}

/** More days than the whole supported range 0001–9999 holds: refused, so the arithmetic stays exact. */
const MAX_COUNT = 4_000_000;

function checkCount(n: number): void {
  if (!(n >= 0 && n <= MAX_COUNT) || floor(n) !== n) {
    throw new RangeError(`a day count must be a whole number from 0 to ${MAX_COUNT}: ${String(n)}`);
  }
}

function validOverride(o: DayOverride): DayOverride {
  if (typeof o !== 'object' || o === null) throw new TypeError('an override must be an object');
  const { date, kind, name, confirmed } = o;
  if (!isCalendarDate(date)) throw new RangeError(`override date is not a calendar date (YYYY-MM-DD): ${String(date)}`);
  if (kind !== 'holiday' && kind !== 'makeup-workday') throw new RangeError(`unknown override kind on ${date}`);
  if (typeof name !== 'string' || name.trim() === '') throw new RangeError(`override on ${date} needs a name`);
  if (typeof confirmed !== 'boolean') throw new TypeError(`override on ${date}: confirmed must be true or false`);
  if (kind === 'makeup-workday' && isWeekday(toDayNumber(date))) {
    throw new RangeError(`a make-up working day must be a Saturday or Sunday: ${date}`);
  }
  return Object.freeze({ date, kind, name, confirmed });
}
