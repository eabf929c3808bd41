import type { Sql } from '@qingyuan/event-store';
import type { DrawInspector } from '../domain/draw-inputs';

export interface Inspector extends DrawInspector {
  name: string;
  active: boolean;
}

interface Row {
  inspector_id: string;
  name: string;
  town_code: string | null;
  former_employers: string[];
  declared_conflicts: string[];
  active: boolean;
}

/**
 * The inspector pool (执法人员库): staff with the inspector role, their town and what recusal needs (declared conflicts,
 * former employers). Each draw hashes the pool it used, so a later change cannot alter a past draw unseen.
 */
export class InspectorPool {
  constructor(private readonly sql: Sql) {}

  async list(activeOnly = false, sql: Sql = this.sql): Promise<Inspector[]> {
    const { rows } = await sql.query<Row>(`SELECT * FROM enforcement.inspectors ${activeOnly ? 'WHERE active' : ''} ORDER BY inspector_id`);
    return rows.map((r) => ({
      inspectorId: r.inspector_id,
      name: r.name,
      ...(r.town_code ? { townCode: r.town_code } : {}),
      formerEmployers: r.former_employers,
      declaredConflicts: r.declared_conflicts,
      active: r.active,
    }));
  }

  async save(inspector: Inspector, updatedBy: string): Promise<void> {
    await this.sql.query(
      `INSERT INTO enforcement.inspectors (inspector_id, name, town_code, former_employers, declared_conflicts, active, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (inspector_id) DO UPDATE SET name = $2, town_code = $3, former_employers = $4, declared_conflicts = $5, active = $6,
         updated_by = $7, updated_at = now()`,
      [inspector.inspectorId, inspector.name, inspector.townCode ?? null, inspector.formerEmployers, inspector.declaredConflicts, inspector.active, updatedBy],
    );
  }
}
