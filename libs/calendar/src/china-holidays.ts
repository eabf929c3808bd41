import type { DayOverride } from './working-calendar';

/**
 * Public holidays and make-up working days (调休上班) of mainland China as shipped; an operator edits the calendar in the
 * service. Holiday blocks list every day off, weekends inside them included (they change nothing for counting).
 */

function days(first: string, count: number, kind: DayOverride['kind'], name: string, confirmed: boolean): DayOverride[] {
  const start = Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)) - 1, Number(first.slice(8, 10)));
  return Array.from({ length: count }, (_, i) => ({
    date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    kind,
    name,
    confirmed,
  }));
}

const off = (first: string, count: number, name: string, confirmed: boolean) =>
  days(first, count, 'holiday', name, confirmed);
const work = (date: string, name: string, confirmed: boolean) =>
  days(date, 1, 'makeup-workday', `${name}调休上班`, confirmed);

/**
 * 2026: 《国务院办公厅关于2026年部分节假日安排的通知》 of 2025-11-04
 * (https://www.gov.cn/zhengce/content/202511/content_7047090.htm). Checked against the full Xinhua text as reprinted
 * by 光明网 (politics.gmw.cn/2025-11/04/content_38391083.htm), 央广网 and others, all identical; every weekday named in
 * the notice was checked against the computed day of the week. The gov.cn page itself was not read.
 */
const Y2026: DayOverride[] = [
  ...off('2026-01-01', 3, '元旦', true), // Thu 1 – Sat 3 Jan
  ...work('2026-01-04', '元旦', true), // Sun
  ...work('2026-02-14', '春节', true), // Sat
  ...off('2026-02-15', 9, '春节', true), // Sun 15 (腊月二十八) – Mon 23 Feb (正月初七); 除夕 is 16 Feb
  ...work('2026-02-28', '春节', true), // Sat
  ...off('2026-04-04', 3, '清明节', true), // Sat 4 – Mon 6 Apr
  ...off('2026-05-01', 5, '劳动节', true), // Fri 1 – Tue 5 May
  ...work('2026-05-09', '劳动节', true), // Sat
  ...off('2026-06-19', 3, '端午节', true), // Fri 19 – Sun 21 Jun
  ...work('2026-09-20', '国庆节', true), // Sun
  ...off('2026-09-25', 3, '中秋节', true), // Fri 25 – Sun 27 Sep
  ...off('2026-10-01', 7, '国庆节', true), // Thu 1 – Wed 7 Oct
  ...work('2026-10-10', '国庆节', true), // Sat
];

/**
 * 2027: ONLY the statutory holiday days of 《全国年节及纪念日放假办法》 as amended in 2024 (in force 2025): 元旦 1 day,
 * 春节 4 days (除夕–初三), 清明 1, 劳动节 2 (1–2 May), 端午 1, 中秋 1, 国庆 3 (1–3 Oct). Not confirmed by any notice.
 * Lunar dates computed from new moons (Meeus, Astronomical Algorithms ch. 49) in UTC+8: the new moon of 6 Feb 2027
 * falls at about 23:56 Beijing time, so 正月初一 is 6 Feb (ICU's Chinese calendar, e.g. in Node's Intl, says 7 Feb —
 * do not trust it near midnight); 五月初一 = 5 Jun, 八月初一 = 1 Sep; no leap month in 2027. 清明 (sun at 15°) falls on
 * 5 Apr 2027 at about 08:00 Beijing time.
 *
 * MISSING: the 2027 arrangement (放假调休: the days off in lieu around these holidays and the Saturday/Sunday make-up
 * working days) is published by the State Council around November 2026. An operator must then add those days and
 * confirm these ones; until then deadlines around the 2027 holidays may be off by a few days.
 */
const Y2027: DayOverride[] = [
  ...off('2027-01-01', 1, '元旦', false), // Fri
  ...off('2027-02-05', 4, '春节', false), // 除夕 Fri 5 – 初三 Mon 8 Feb
  ...off('2027-04-05', 1, '清明节', false), // Mon
  ...off('2027-05-01', 2, '劳动节', false), // Sat 1 – Sun 2 May
  ...off('2027-06-09', 1, '端午节', false), // Wed (五月初五)
  ...off('2027-09-15', 1, '中秋节', false), // Wed (八月十五)
  ...off('2027-10-01', 3, '国庆节', false), // Fri 1 – Sun 3 Oct
];

export const SHIPPED_OVERRIDES: readonly DayOverride[] = Object.freeze(
  [...Y2026, ...Y2027].map((o) => Object.freeze(o)),
);
