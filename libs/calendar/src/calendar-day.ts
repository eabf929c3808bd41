/**
 * Calendar days as `YYYY-MM-DD` strings in Asia/Shanghai, and their day numbers (days since 1970-01-01), with plain
 * integer arithmetic (no Date objects on the hot path). Years 0001–9999, proleptic Gregorian.
 */

// Globals are looked up once: inside a vm context (Jest) every global access is slow, and deadlines are hot code.
const { floor } = Math;
const INVALID = -Infinity;
const DAY_MS = 86_400_000;
/** China Standard Time is UTC+8 all year: no daylight saving since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Days from civil date and back (H. Hinnant's algorithms), day 0 = 1970-01-01.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floor(y / 400);
  const yoe = y - era * 400;
  const doy = floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + floor(yoe / 4) - floor(yoe / 100) + doy - 719_468;
}

const MIN_DAY = daysFromCivil(1, 1, 1);
const MAX_DAY = daysFromCivil(9999, 12, 31);

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function quote(value: unknown): string {
  return JSON.stringify(String(value).slice(0, 40));
}

/** The digits of `value` from `start` to `end` as a number, or −1 if any of them is not an ASCII digit. */
function digits(value: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The day number of a `YYYY-MM-DD` string, or INVALID when it is not a real calendar day. */
function parse(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 10 || value[4] !== '-' || value[7] !== '-') return INVALID;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return INVALID;
  return daysFromCivil(year, month, day);
}

/** Whether the value is a real calendar day written `YYYY-MM-DD` (years 0001–9999). */
export function isCalendarDate(value: unknown): value is string {
  return parse(value) !== INVALID;
}

/** The day number (days since 1970-01-01) of a `YYYY-MM-DD` date; a RangeError for anything else. */
export function toDayNumber(date: string): number {
  const dayNumber = parse(date);
  if (dayNumber === INVALID) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${quote(date)}`);
  return dayNumber;
}

/** The `YYYY-MM-DD` date of a day number; a RangeError outside 0001-01-01 … 9999-12-31. */
export function fromDayNumber(dayNumber: number): string {
  if (!(dayNumber >= MIN_DAY && dayNumber <= MAX_DAY) || floor(dayNumber) !== dayNumber) {
    throw new RangeError(`date out of range (0001-01-01 … 9999-12-31): day ${quote(dayNumber)}`);
  }
  const z = dayNumber + 719_468;
  const era = floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = floor((doe - floor(doe / 1460) + floor(doe / 36_524) - floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + floor(yoe / 4) - floor(yoe / 100));
  const mp = floor((5 * doy + 2) / 153);
  const day = doy - floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const y = year >= 1000 ? `${year}` : `000${year}`.slice(-4);
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (as Date#getUTCDay). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Day of the week of a `YYYY-MM-DD` date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** The calendar day in Asia/Shanghai (UTC+8, no DST) at an instant, e.g. 2026-02-16T16:00:00Z → '2026-02-17'. */
export function shanghaiDate(instant: Date): string {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError('not a valid Date');
  return fromDayNumber(floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS));
}
