/**
 * Working-day calendar for deadlines (整改期限) in Yiwu, Asia/Shanghai: weekends, public holidays and make-up working
 * days (调休), configurable per year, with 2026 and 2027 shipped. Pure: no I/O, no framework.
 */
export * from './calendar-day';
export * from './working-calendar';
export * from './china-holidays';
