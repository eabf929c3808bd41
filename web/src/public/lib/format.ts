import type { Locale } from '../../shared/i18n';

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A timestamp as Beijing time (UTC+8), whatever the phone's own time zone is. */
export function beijingTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(locale, format);
  }
  return format.format(date);
}

/** "now" in Beijing as a datetime-local value (YYYY-MM-DDTHH:mm), for the input's max. */
export function beijingNowLocal(now = Date.now()): string {
  return new Date(now + BEIJING_OFFSET_MS).toISOString().slice(0, 16);
}

/** A datetime-local value, read as Beijing time, as ISO 8601 with its offset: 2026-11-29T08:30:00+08:00. */
export function observedAtIso(local: string): string {
  const withSeconds = local.length === 16 ? `${local}:00` : local.slice(0, 19);
  return `${withSeconds}+08:00`;
}

/** Receipt codes as people type them: lower case, spaces, no dashes, I/L for 1 and O for 0 (as the server does). */
export function normaliseReceiptCode(input: string): string | undefined {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (!/^[0-9A-HJKMNP-TV-Z]{20}$/.test(cleaned)) return undefined;
  return cleaned.match(/.{4}/g)!.join('-');
}

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatPoint(point: { lat: number; lng: number }): string {
  return `${point.lat.toFixed(5)}, ${point.lng.toFixed(5)}`;
}
