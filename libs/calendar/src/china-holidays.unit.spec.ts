import { weekdayOf } from './calendar-day';
import { SHIPPED_OVERRIDES } from './china-holidays';
import { WorkingCalendar, type DayOverride } from './working-calendar';

const inYear = (year: string, kind?: DayOverride['kind']) =>
  SHIPPED_OVERRIDES.filter((o) => o.date.startsWith(year) && (kind === undefined || o.kind === kind));
const dates = (list: readonly DayOverride[]) => list.map((o) => o.date);

describe('shipped overrides', () => {
  it('are valid, unique and frozen', () => {
    const calendar = new WorkingCalendar(SHIPPED_OVERRIDES);
    expect(calendar.coveredYears()).toEqual([2026, 2027]);
    expect(calendar.overrides).toHaveLength(SHIPPED_OVERRIDES.length);
    expect(Object.isFrozen(SHIPPED_OVERRIDES)).toBe(true);
    expect(Object.isFrozen(SHIPPED_OVERRIDES[0])).toBe(true);
  });

  it('2026 follows the State Council notice: 33 days off and 6 make-up working days, all on Sat or Sun', () => {
    const off = inYear('2026', 'holiday');
    const makeup = inYear('2026', 'makeup-workday');
    expect(off).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(dates(makeup)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(makeup.every((o) => [0, 6].includes(weekdayOf(o.date)))).toBe(true);
    expect(dates(off.filter((o) => o.name === '春节'))).toEqual(
      ['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => `2026-02-${d}`),
    );
    expect(inYear('2026').every((o) => o.confirmed)).toBe(true);
  });

  it('2027 has only the statutory days, none confirmed, 春节 from 除夕 5 Feb', () => {
    const all = inYear('2027');
    expect(inYear('2027', 'makeup-workday')).toEqual([]);
    expect(all.every((o) => !o.confirmed)).toBe(true);
    expect(all).toHaveLength(1 + 4 + 1 + 2 + 1 + 1 + 3);
    expect(dates(all)).toEqual(['2027-01-01', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05',
      '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01', '2027-10-02', '2027-10-03']);
  });
});
