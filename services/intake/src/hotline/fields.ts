import { CATEGORY_CODES, type Category } from '@qingyuan/contracts';

/** Field parsers for hotline rows: each takes the trimmed cell text and returns the value, or undefined if unusable. */

const SHANGHAI_OFFSET_MS = 8 * 3600_000; // China has kept UTC+8 without daylight saving since 1991
const DAY_MS = 86_400_000;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30); // serial 1 = 1900-01-01 once Excel's fictitious 1900-02-29 is counted
const EARLIEST_YEAR = 2000; // a hotline ticket from before 2000, or after 2099, is a typo or a misread column
const LATEST_YEAR = 2099;

const yearOk = (ms: number) => {
  const year = new Date(ms).getUTCFullYear();
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
};

const LOCAL_OR_ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * When the hotline received the call, as ISO 8601 UTC. Accepts 2026-11-29 08:30, 2026/11/29 8:30:00, 2026.11.29,
 * ISO 8601 with or without zone, and Excel serial numbers (what an .xlsx date cell holds). No zone = Asia/Shanghai.
 */
export function parseReceivedAt(text: string): string | undefined {
  const s = text.normalize('NFKC').trim();
  if (/^\d+(\.\d+)?$/.test(s)) {
    // Whole seconds: a serial's binary fraction lands a hair off (08:29:59.99996 for 08:30).
    const ms = Math.round((EXCEL_EPOCH_MS + Number(s) * DAY_MS - SHANGHAI_OFFSET_MS) / 1000) * 1000;
    return yearOk(ms) ? new Date(ms).toISOString() : undefined;
  }
  const m = LOCAL_OR_ISO.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h = 0, mi = 0, sec = 0] = m.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return undefined;
  const wall = Date.UTC(y, mo - 1, d, h, mi, sec, millis);
  if (new Date(wall).getUTCDate() !== d) return undefined; // 2026-02-30 rolls over into March
  const ms = wall - zoneOffsetMs(m[8]);
  return yearOk(ms) ? new Date(ms).toISOString() : undefined;
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined) return SHANGHAI_OFFSET_MS;
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const offset = Number(digits.slice(0, 2)) * 3600_000 + Number(digits.slice(2) || 0) * 60_000;
  return zone[0] === '-' ? -offset : offset;
}

/**
 * Hotline category labels to our codes, first match wins. The order matters: 饮用水 before 水, 危险废物 before
 * 废物, and 生态 last, because systems file everything under "生态环境-…" (生态环境-噪声 is noise, not ecology).
 */
const CATEGORY_KEYWORDS: Array<[Category, string[]]> = [
  ['drinking-water-source', ['饮用水', '水源地', '水源保护']],
  ['hazardous-waste', ['危废', '危险废物', '医疗废物']],
  ['solid-waste', ['固废', '固体废物', '垃圾', '废渣', '渣土']],
  ['water', ['水污染', '废水', '污水', '排污', '水体', '水环境', '黑臭']],
  ['air', ['大气', '废气', '扬尘', '异味', '臭气', '臭味', '油烟', '烟尘', '粉尘', '黑烟', '空气']],
  ['noise', ['噪声', '噪音']],
  ['soil', ['土壤']],
  ['radiation', ['辐射', '电磁', '放射']],
  ['ecological', ['生态']],
];

/** A category label from the export ("生态环境-大气污染-餐饮油烟", "水", "noise") as a code; unknown or empty → other. */
export function categoryFromLabel(label: string): Category {
  const s = label.normalize('NFKC').trim();
  const code = CATEGORY_CODES.find((c) => c === s.toLowerCase());
  if (code) return code;
  for (const [code, words] of CATEGORY_KEYWORDS) {
    if (words.some((w) => s.includes(w))) return code;
  }
  return 'other';
}

/** What the reporter DTO accepts, so an imported number can go to the identity vault like a typed one. */
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

export type PhoneResult = { phone: string } | { problem: 'masked' | 'invalid' };

/**
 * A Chinese mobile (13800000000, +86 138 0000 0000, 138-0000-0000) or landline (0579-85551234, 057985551234).
 * Spaces and full-width digits are tidied; a mobile loses its +86 and dashes. Masked numbers (138****0000) are told apart.
 */
export function parsePhone(text: string): PhoneResult {
  const s = text.normalize('NFKC').replace(/[\s()]/g, '');
  if (s.includes('*')) return { problem: 'masked' };
  const mobile = s.replace(/^(\+?86)(?=1)/, '').replace(/-/g, '');
  if (MOBILE.test(mobile)) return { phone: mobile };
  if (LANDLINE.test(s)) return { phone: s };
  return { problem: 'invalid' };
}

/** A decimal degree in [min, max]; "120.07" or "120.07°". */
export function parseCoordinate(text: string, min: number, max: number): number | undefined {
  const s = text.normalize('NFKC').trim().replace(/°$/, '');
  if (!/^[+-]?\d+(\.\d+)?$/.test(s)) return undefined;
  const value = Number(s);
  return value >= min && value <= max ? value : undefined;
}

/** Length in characters as people count them (a rare character outside the BMP is one, not two). */
export const charLength = (s: string) => [...s].length;
