import fc from 'fast-check';
import { fromDayNumber, isCalendarDate, shanghaiDate, toDayNumber, weekdayOf } from './calendar-day';

describe('calendar days (YYYY-MM-DD)', () => {
  it('accepts real days and refuses everything else', () => {
    for (const ok of ['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31']) {
      expect(isCalendarDate(ok)).toBe(true);
    }
    const bad: unknown[] = ['2026-02-29', '1900-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00',
      '2026-1-05', '20260105', ' 2026-01-05', '2026-01-05 ', '2026-01-05T00:00', '0000-01-01', '+2026-01-05', '', null, 20260105,
      new Date('2026-01-05'), '２０２６-01-05'];
    for (const value of bad) {
      expect(isCalendarDate(value)).toBe(false);
      expect(() => toDayNumber(value as string)).toThrow(RangeError);
    }
  });

  it('numbers days from 1970-01-01 and back, agreeing with Date', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2026-02-17')).toBe(Date.UTC(2026, 1, 17) / 86_400_000);
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1600-01-01'), max: toDayNumber('2400-12-31') }), (day) => {
        const date = fromDayNumber(day);
        expect(date).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
        expect(toDayNumber(date)).toBe(day);
        expect(weekdayOf(date)).toBe(new Date(day * 86_400_000).getUTCDay());
      }),
      { numRuns: 2000 },
    );
    expect(() => fromDayNumber(toDayNumber('9999-12-31') + 1)).toThrow(RangeError);
    expect(() => fromDayNumber(toDayNumber('0001-01-01') - 1)).toThrow(RangeError);
    expect(() => fromDayNumber(0.5)).toThrow(RangeError);
  });

  it('knows the day of the week', () => {
    expect(weekdayOf('2026-02-14')).toBe(6); // Saturday
    expect(weekdayOf('2026-02-16')).toBe(1); // 除夕, Monday
    expect(weekdayOf('2027-02-06')).toBe(6); // 春节 2027, Saturday
  });

  it('gives the Asia/Shanghai calendar day of an instant (UTC+8, no DST)', () => {
    expect(shanghaiDate(new Date('2026-02-16T15:59:59.999Z'))).toBe('2026-02-16');
    expect(shanghaiDate(new Date('2026-02-16T16:00:00Z'))).toBe('2026-02-17');
    expect(shanghaiDate(new Date('2026-07-01T00:00:00+08:00'))).toBe('2026-07-01'); // summer: still +8
    expect(shanghaiDate(new Date('2026-12-31T23:30:00-05:00'))).toBe('2027-01-01');
    expect(shanghaiDate(new Date('1969-12-31T16:00:00Z'))).toBe('1970-01-01');
    expect(() => shanghaiDate(new Date('nonsense'))).toThrow(RangeError);
    expect(() => shanghaiDate('2026-01-01' as unknown as Date)).toThrow(RangeError);
  });
});
