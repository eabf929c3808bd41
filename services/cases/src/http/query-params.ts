import { CATEGORY_CODES, CHANNEL_CODES, DEPARTMENT_CODES, TOWN_CODES } from '@qingyuan/contracts';
import { fieldError } from '@qingyuan/service-kit';
import { SORTS, type ProblemFilter, type SortKey } from '../problems/problem.queries';
import { DATE } from './problem.dto';

export const STATUSES = ['open', 'assigned', 'returned', 'rectifying', 'verifying', 'closed'];

function oneOf(field: string, value: string | undefined, allowed: readonly string[]): string | undefined {
  if (value !== undefined && value !== '' && !allowed.includes(value)) {
    throw fieldError(field, `必须是以下值之一：${allowed.join(', ')}`, `must be one of ${allowed.join(', ')}`);
  }
  return value || undefined;
}

function date(field: string, value: string | undefined): string | undefined {
  if (value && !DATE.test(value)) throw fieldError(field, '必须是日期，例如 2026-12-31', 'must be a date such as 2026-12-31');
  return value || undefined;
}

export interface ListQuery {
  townCode?: string;
  department?: string;
  category?: string;
  channel?: string;
  status?: string;
  overdue?: string;
  open?: string;
  from?: string;
  to?: string;
  sort?: string;
  order?: string;
  limit?: string;
  offset?: string;
}

/** The list's query string, checked field by field (a bad value is a 400 naming the field). */
export function parseFilter(q: ListQuery): ProblemFilter {
  for (const flag of ['overdue', 'open'] as const) {
    if (q[flag] !== undefined && !['true', 'false', ''].includes(q[flag]!)) throw fieldError(flag, '必须是 true 或 false', 'must be true or false');
  }
  return {
    townCode: oneOf('townCode', q.townCode, TOWN_CODES),
    department: oneOf('department', q.department, DEPARTMENT_CODES),
    category: oneOf('category', q.category, CATEGORY_CODES),
    channel: oneOf('channel', q.channel, CHANNEL_CODES),
    status: oneOf('status', q.status, STATUSES),
    overdue: q.overdue === 'true' ? true : q.overdue === 'false' ? false : undefined,
    open: q.open === 'true' ? true : q.open === 'false' ? false : undefined,
    from: date('from', q.from),
    to: date('to', q.to),
  };
}

export function parsePage(q: ListQuery): { sort: SortKey; descending: boolean; limit: number; offset: number } {
  const sort = (oneOf('sort', q.sort, Object.keys(SORTS)) ?? 'opened') as SortKey;
  const order = oneOf('order', q.order, ['asc', 'desc']) ?? 'desc';
  const limit = Number(q.limit ?? 50);
  const offset = Number(q.offset ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw fieldError('limit', '必须是 1 至 500 的整数', 'must be an integer from 1 to 500');
  if (!Number.isInteger(offset) || offset < 0 || offset > 1_000_000) throw fieldError('offset', '必须是非负整数', 'must be a non-negative integer');
  return { sort, descending: order === 'desc', limit, offset };
}
