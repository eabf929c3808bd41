import type { DrawCommitted, DrawPerformed, InspectionPlanCreated } from '@qingyuan/contracts';
import type { Sql } from '@qingyuan/event-store';

export interface DrawView {
  drawId: string;
  planId: string;
  planName: string;
  period: string;
  status: 'committed' | 'performed';
  committedAt: string;
  performedAt?: string;
  committed: DrawCommitted;
  performed?: DrawPerformed;
}

/** Plans and draws as staff read them. */
export class DrawQueries {
  constructor(private readonly sql: Sql) {}

  async plans(): Promise<Array<InspectionPlanCreated & { createdAt: string; drawId?: string }>> {
    const { rows } = await this.sql.query<{ data: InspectionPlanCreated; created_at: Date; draw_id: string | null }>(
      'SELECT p.data, p.created_at, d.draw_id FROM enforcement.plans p LEFT JOIN enforcement.draws d ON d.plan_id = p.plan_id ORDER BY p.created_at DESC',
    );
    return rows.map((r) => ({ ...r.data, createdAt: r.created_at.toISOString(), ...(r.draw_id ? { drawId: r.draw_id } : {}) }));
  }

  async draws(drawId?: string): Promise<DrawView[]> {
    const { rows } = await this.sql.query<{
      draw_id: string;
      plan_id: string;
      name: string;
      period: string;
      status: 'committed' | 'performed';
      committed_at: Date;
      performed_at: Date | null;
      committed: DrawCommitted;
      result: DrawPerformed | null;
    }>(
      `SELECT d.draw_id, d.plan_id, p.name, p.period, d.status, d.committed_at, d.performed_at, d.committed, d.result
       FROM enforcement.draws d JOIN enforcement.plans p ON p.plan_id = d.plan_id
       ${drawId ? 'WHERE d.draw_id = $1' : ''} ORDER BY d.committed_at DESC`,
      drawId ? [drawId] : [],
    );
    return rows.map((r) => ({
      drawId: r.draw_id,
      planId: r.plan_id,
      planName: r.name,
      period: r.period,
      status: r.status,
      committedAt: r.committed_at.toISOString(),
      ...(r.performed_at ? { performedAt: r.performed_at.toISOString() } : {}),
      committed: r.committed,
      ...(r.result ? { performed: r.result } : {}),
    }));
  }
}
