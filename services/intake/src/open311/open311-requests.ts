import { CATEGORIES, findTown, type Category, type PublicStage } from '@qingyuan/contracts';
import type { Sql } from '@qingyuan/event-store';
import { fieldError } from '@qingyuan/service-kit';
import { PUBLIC_STAGES } from '../clues/clue.queries';

export const OPEN311_API_KEYS = Symbol('OPEN311_API_KEYS');

/** Our stages on Open311's two statuses: a request is closed once it is closed out, rejected or referred elsewhere. */
const CLOSED_STAGES: PublicStage[] = ['closed', 'rejected', 'referred'];

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: null;
  agency_responsible: string;
  requested_datetime: string;
  updated_datetime: string;
  address: string | null;
  lat: number | null;
  long: number | null;
  media_url: null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Public view of clues for Open311 readers. Left out on purpose: the description (reporters write names and phone
 * numbers into it), attachments, and precise points (rounded to 0.001°, about 100 m); the address is the town only.
 */
export class Open311Requests {
  constructor(private readonly sql: Sql) {}

  async list(filter: { ids?: string; serviceCode?: string; startDate?: string; endDate?: string; status?: string }): Promise<Open311Request[]> {
    const ids = filter.ids ? filter.ids.split(',').map((s) => s.trim()) : undefined;
    if (ids && (ids.length > 100 || !ids.every((id) => UUID.test(id)))) throw fieldError('service_request_id', '格式不正确', 'must be request ids');
    if (filter.serviceCode && !(filter.serviceCode in CATEGORIES)) throw fieldError('service_code', '不是已知的服务', 'is not a known service');
    for (const [name, value] of [['start_date', filter.startDate], ['end_date', filter.endDate]] as const) {
      if (value && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) throw fieldError(name, '必须是 ISO 8601 日期', 'must be an ISO 8601 date');
    }
    if (filter.status && filter.status !== 'open' && filter.status !== 'closed') throw fieldError('status', '必须是 open 或 closed', 'must be open or closed');
    // Without ids or dates, Open311 lists the last 90 days; at most 1,000 requests.
    const end = filter.endDate ? new Date(filter.endDate) : new Date();
    const start = filter.startDate ? new Date(filter.startDate) : new Date(end.getTime() - 90 * 86400_000);
    const { rows } = await this.sql.query<{
      clue_id: string;
      category: Category;
      public_stage: PublicStage;
      town_code: string | null;
      location: { lat?: number; lng?: number };
      registered_at: Date;
      updated_at: Date;
    }>(
      `SELECT clue_id, category, public_stage, town_code, location, registered_at, updated_at FROM intake.clue_view
        WHERE ($1::uuid[] IS NULL OR clue_id = ANY($1)) AND ($2::text IS NULL OR category = $2)
          AND ($1::uuid[] IS NOT NULL OR registered_at BETWEEN $3 AND $4)
          AND ($5::text IS NULL OR (public_stage = ANY($6)) = ($5 = 'closed'))
        ORDER BY registered_at DESC LIMIT 1000`,
      [ids ?? null, filter.serviceCode ?? null, start, end, filter.status ?? null, CLOSED_STAGES],
    );
    return rows.map((r) => {
      const town = r.town_code ? findTown(r.town_code) : undefined;
      const round = (v?: number) => (typeof v === 'number' ? Math.round(v * 1000) / 1000 : null);
      return {
        service_request_id: r.clue_id,
        status: CLOSED_STAGES.includes(r.public_stage) ? 'closed' : 'open',
        status_notes: `${PUBLIC_STAGES[r.public_stage].zh} / ${PUBLIC_STAGES[r.public_stage].en}`,
        service_name: CATEGORIES[r.category].zh,
        service_code: r.category,
        description: null,
        agency_responsible: '金华市生态环境局义乌分局',
        requested_datetime: r.registered_at.toISOString(),
        updated_datetime: r.updated_at.toISOString(),
        address: town ? town.zh : null,
        lat: round(r.location.lat),
        long: round(r.location.lng),
        media_url: null,
      };
    });
  }
}
