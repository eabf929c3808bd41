/**
 * Money: the API speaks integer fen (分), people read and type yuan (元). Converting goes through the decimal text,
 * never through a floating-point multiplication, so "0.29" is 29 fen and not 28.999….
 */

const YUAN = /^(?=\.?\d)(\d{0,13})(?:\.(\d{0,2}))?$/;

/** "12,345.67", "¥ 12345.6", "12345" → 1234567, 1234560, 1234500; undefined when it is not an amount (or has more than 2 decimals). */
export function parseYuan(text: string | number | null | undefined): number | undefined {
  if (text === null || text === undefined) return undefined;
  // a Chinese input method may type full-width digits and point
  const clean = String(text)
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，¥￥元]/g, '');
  const match = YUAN.exec(clean);
  if (!match) return undefined;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : undefined;
}

/** 1234567 → "12345.67" (for a form's initial value). */
export function fenToYuanText(fen: number | undefined | null): string {
  if (fen === undefined || fen === null || !Number.isFinite(fen)) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 1234567 → "¥12,345.67"; undefined → "—". */
export function formatFen(fen: number | undefined | null): string {
  if (fen === undefined || fen === null || !Number.isFinite(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen as a number of yuan for a chart axis (display only). */
export function fenToYuanNumber(fen: number): number {
  return Math.round(fen) / 100;
}
