import type { Category, Channel } from '@qingyuan/contracts';
import type { Table } from '@qingyuan/tabular';
import { categoryFromLabel, charLength, parseCoordinate, parsePhone, parseReceivedAt } from './fields';

/** Which header in the file holds each field. Values are header texts as they appear in the export. */
export interface ColumnMapping {
  ticketNumber: string;
  receivedAt: string;
  description: string;
  category?: string;
  address?: string;
  lat?: string;
  lng?: string;
  reporterName?: string;
  reporterPhone?: string;
  townName?: string;
}

export type HotlineChannel = Extract<Channel, 'hotline-12345' | 'hotline-12369'>;

/**
 * Starting points only: every city's 12345 platform and each export template names its columns differently, so
 * an operator checks these against the file's header and overrides them. The headers are typical, not a standard.
 */
export const defaultMappings: Record<HotlineChannel, ColumnMapping> = {
  'hotline-12345': {
    ticketNumber: '工单编号',
    receivedAt: '受理时间',
    description: '诉求内容',
    category: '问题类别',
    address: '事发地址',
    reporterName: '来电人',
    reporterPhone: '联系电话',
    townName: '所属镇街',
  },
  'hotline-12369': {
    ticketNumber: '举报编号',
    receivedAt: '举报时间',
    description: '举报内容',
    category: '污染类型',
    address: '污染源地址',
    lat: '纬度',
    lng: '经度',
    reporterName: '举报人',
    reporterPhone: '举报人电话',
    townName: '所属乡镇',
  },
};

/** A row ready to become a clue. */
export interface HotlineRow {
  line: number;
  channel: HotlineChannel;
  ticketNumber: string;
  /** ISO 8601, UTC */
  receivedAt: string;
  description: string;
  category: Category;
  address?: string;
  lat?: number;
  lng?: number;
  /** as written in the file; matching it to a town code is the importer's job */
  townName?: string;
  /** present when the file names the caller or gives a number; either may be missing (callers often give no name) */
  reporter?: { name?: string; phone?: string };
}

/** `field` is a ColumnMapping key, or 'row' for a record the reader could not parse. */
export interface RowError {
  line: number;
  field: string;
  zh: string;
  en: string;
}

export interface MappedRows {
  good: HotlineRow[];
  bad: RowError[];
}

const LABELS: Record<keyof ColumnMapping, string> = {
  ticketNumber: '工单编号',
  receivedAt: '受理时间',
  description: '诉求内容',
  category: '问题类别',
  address: '地址',
  lat: '纬度',
  lng: '经度',
  reporterName: '来电人',
  reporterPhone: '联系电话',
  townName: '所属镇街',
};

const DESCRIPTION_MIN = 5;
const DESCRIPTION_MAX = 2000; // the same bounds as a public report
const ADDRESS_MAX = 200;
const NAME_MAX = 50;
const TICKET_MAX = 64;

/** Headers compare without spaces and with full-width forms folded: "联系电话（手机）" = "联系电话 (手机)". */
const headerKey = (h: string) => h.normalize('NFKC').replace(/\s+/g, '');

/**
 * Good rows and bad ones, by line. A mapped header missing from the file fails the whole file (one error per
 * header, at line 1); otherwise every problem of a row is reported, so the operator can fix the file in one pass.
 */
export function mapRows(table: Table, mapping: ColumnMapping, channel: HotlineChannel): MappedRows {
  const columns = new Map<string, number>();
  table.header.forEach((h, i) => {
    if (!columns.has(headerKey(h))) columns.set(headerKey(h), i);
  });

  const index: Partial<Record<keyof ColumnMapping, number>> = {};
  const missing: RowError[] = [];
  for (const field of Object.keys(LABELS) as Array<keyof ColumnMapping>) {
    const header = mapping[field];
    const required = field === 'ticketNumber' || field === 'receivedAt' || field === 'description';
    if (!header?.trim()) {
      if (required) missing.push({ line: 1, field, zh: `未指定“${LABELS[field]}”对应的列`, en: `No column is mapped to ${field}` });
      continue;
    }
    const i = columns.get(headerKey(header));
    if (i === undefined) {
      missing.push({ line: 1, field, zh: `文件表头中没有“${header}”列（${LABELS[field]}）`, en: `The file's header has no column "${header}" (${field})` });
    } else index[field] = i;
  }
  if (missing.length > 0) return { good: [], bad: missing };

  const good: HotlineRow[] = [];
  const bad: RowError[] = [];
  const firstSeen = new Map<string, number>();
  for (const row of table.rows) {
    if (row.error) {
      bad.push({ line: row.line, field: 'row', ...row.error });
      continue;
    }
    const cell = (field: keyof ColumnMapping) => {
      const i = index[field];
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    const errors: RowError[] = [];
    const fail = (field: keyof ColumnMapping, zh: string, en: string) => errors.push({ line: row.line, field, zh, en });

    const ticketNumber = cell('ticketNumber');
    if (!ticketNumber) fail('ticketNumber', '工单编号为空', 'The ticket number is empty');
    else if (charLength(ticketNumber) > TICKET_MAX) fail('ticketNumber', `工单编号超过 ${TICKET_MAX} 个字符`, `The ticket number is longer than ${TICKET_MAX} characters`);
    else if (firstSeen.has(ticketNumber)) {
      const first = firstSeen.get(ticketNumber)!;
      fail('ticketNumber', `工单编号 ${ticketNumber} 与第 ${first} 行重复`, `Ticket number ${ticketNumber} repeats line ${first}`);
    } else firstSeen.set(ticketNumber, row.line);

    const receivedText = cell('receivedAt');
    const receivedAt = parseReceivedAt(receivedText);
    if (!receivedText) fail('receivedAt', '受理时间为空', 'The received time is empty');
    else if (!receivedAt) {
      fail(
        'receivedAt',
        `无法识别受理时间“${receivedText}”，可用格式如 2026-11-29 08:30、2026/11/29 8:30:00、ISO 8601 或 Excel 日期`,
        `Cannot read the received time "${receivedText}"; use e.g. 2026-11-29 08:30, 2026/11/29 8:30:00, ISO 8601 or an Excel date`,
      );
    }

    const description = cell('description');
    const length = charLength(description);
    if (length < DESCRIPTION_MIN || length > DESCRIPTION_MAX) {
      fail(
        'description',
        `诉求内容须为 ${DESCRIPTION_MIN}–${DESCRIPTION_MAX} 个字（现为 ${length} 个）`,
        `The description must be ${DESCRIPTION_MIN}–${DESCRIPTION_MAX} characters (it is ${length})`,
      );
    }

    const address = cell('address') || undefined;
    if (address && charLength(address) > ADDRESS_MAX) fail('address', `地址超过 ${ADDRESS_MAX} 个字`, `The address is longer than ${ADDRESS_MAX} characters`);

    const point = coordinates(cell('lat'), cell('lng'), fail);

    const name = cell('reporterName') || undefined;
    if (name && charLength(name) > NAME_MAX) fail('reporterName', `来电人姓名超过 ${NAME_MAX} 个字`, `The caller's name is longer than ${NAME_MAX} characters`);
    const phone = reporterPhone(cell('reporterPhone'), fail);

    if (errors.length > 0) {
      bad.push(...errors);
      continue;
    }
    good.push({
      line: row.line,
      channel,
      ticketNumber,
      receivedAt: receivedAt!,
      description,
      category: categoryFromLabel(cell('category')),
      ...(address && { address }),
      ...point,
      ...(cell('townName') && { townName: cell('townName') }),
      ...((name || phone) && { reporter: { ...(name && { name }), ...(phone && { phone }) } }),
    });
  }
  return { good, bad };
}

type Fail = (field: keyof ColumnMapping, zh: string, en: string) => void;

/** Both or neither: half a point cannot be placed on the map. */
function coordinates(latText: string, lngText: string, fail: Fail): { lat?: number; lng?: number } {
  if (!latText && !lngText) return {};
  const lat = latText ? parseCoordinate(latText, -90, 90) : undefined;
  const lng = lngText ? parseCoordinate(lngText, -180, 180) : undefined;
  if (!latText) fail('lat', '有经度但缺少纬度', 'A longitude is given without a latitude');
  else if (lat === undefined) fail('lat', `纬度“${latText}”无效（应为 -90 到 90 的数字）`, `Invalid latitude "${latText}" (a number from -90 to 90)`);
  if (!lngText) fail('lng', '有纬度但缺少经度', 'A latitude is given without a longitude');
  else if (lng === undefined) fail('lng', `经度“${lngText}”无效（应为 -180 到 180 的数字）`, `Invalid longitude "${lngText}" (a number from -180 to 180)`);
  return lat !== undefined && lng !== undefined ? { lat, lng } : {};
}

/** The number itself is personal data: messages never repeat it. */
function reporterPhone(text: string, fail: Fail): string | undefined {
  if (!text) return undefined;
  const result = parsePhone(text);
  if ('phone' in result) return result.phone;
  if (result.problem === 'masked') {
    fail('reporterPhone', '联系电话已脱敏（含 *），请导出完整号码，或不映射联系电话列', 'The phone number is masked (contains *); export full numbers or leave the phone column unmapped');
  } else {
    fail('reporterPhone', '联系电话不是有效的手机号或固定电话（如 13800000000、0579-85551234）', 'The phone is not a valid mobile or landline number (e.g. 13800000000, 0579-85551234)');
  }
  return undefined;
}
