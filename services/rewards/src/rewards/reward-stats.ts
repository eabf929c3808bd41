import type { Principal } from '@qingyuan/auth';
import type { Sql } from '@qingyuan/event-store';

export interface Bucket {
  key: string;
  granted: number;
  grantedFen: number;
  paid: number;
  paidFen: number;
}

export interface RewardStats {
  byCategory: Bucket[];
  byTown: Bucket[];
  byMonth: Bucket[];
  totals: Bucket;
  closeToPayout: { count: number; meanDays?: number; medianDays?: number; p90Days?: number };
}

/**
 * 奖励统计: rewards granted (final approval) and paid, by category, town and month, and the calendar days from a
 * problem's close-out to its first payout. Months are YYYY-MM, inclusive.
 */
export async function rewardStats(sql: Sql, from: string, to: string, p: Principal): Promise<RewardStats> {
  const scope = p.towns.length ? 'AND town_code = ANY($3)' : '';
  const params: unknown[] = [`${from}-01`, `${to}-01`, ...(p.towns.length ? [p.towns] : [])];
  const window = `on_date >= $1::date AND on_date < ($2::date + interval '1 month') ${scope}`;
  const grouped = async (key: string): Promise<Bucket[]> => {
    const { rows } = await sql.query<{ key: string | null; granted: number; granted_fen: string; paid: number; paid_fen: string }>(
      `SELECT ${key} AS key,
              count(*) FILTER (WHERE kind = 'granted')::int AS granted, coalesce(sum(amount_fen) FILTER (WHERE kind = 'granted'), 0) AS granted_fen,
              count(*) FILTER (WHERE kind = 'paid')::int AS paid, coalesce(sum(amount_fen) FILTER (WHERE kind = 'paid'), 0) AS paid_fen
         FROM rewards.reward_money WHERE ${window} GROUP BY 1 ORDER BY 1`,
      params,
    );
    return rows.map((r) => ({ key: r.key ?? 'none', granted: r.granted, grantedFen: Number(r.granted_fen), paid: r.paid, paidFen: Number(r.paid_fen) }));
  };
  const [byCategory, byTown, byMonth, totals] = await Promise.all([
    grouped('category'),
    grouped('town_code'),
    grouped(`to_char(on_date, 'YYYY-MM')`),
    grouped(`'total'`),
  ]);
  const { rows } = await sql.query<{ count: number; mean: string | null; median: number | null; p90: number | null }>(
    `WITH first_payouts AS (
       SELECT reward_id, min(on_date) AS paid_on, min(problem_closed_on) AS closed_on FROM rewards.reward_money
        WHERE kind = 'paid' AND problem_closed_on IS NOT NULL GROUP BY reward_id)
     SELECT count(*)::int AS count, round(avg(paid_on - closed_on), 1) AS mean,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY paid_on - closed_on) AS median,
            percentile_disc(0.9) WITHIN GROUP (ORDER BY paid_on - closed_on) AS p90
       FROM first_payouts f WHERE paid_on >= $1::date AND paid_on < ($2::date + interval '1 month')
        ${p.towns.length ? 'AND EXISTS (SELECT 1 FROM rewards.reward_money m WHERE m.reward_id = f.reward_id AND m.town_code = ANY($3))' : ''}`,
    params,
  );
  const d = rows[0];
  return {
    byCategory,
    byTown,
    byMonth,
    totals: totals[0] ?? { key: 'total', granted: 0, grantedFen: 0, paid: 0, paidFen: 0 },
    closeToPayout: {
      count: d.count,
      ...(d.count ? { meanDays: Number(d.mean), medianDays: d.median ?? undefined, p90Days: d.p90 ?? undefined } : {}),
    },
  };
}
