import type { Sql } from '@qingyuan/event-store';

export interface TaskView {
  taskId: string;
  enterpriseId: string;
  enterpriseName: string;
  address: string;
  townCode?: string;
  inspectorIds: string[];
  kind: 'random' | 'targeted';
  drawId?: string;
  trigger?: { problemId?: string; alarmId?: string; note?: string };
  status: 'assigned' | 'done';
  result?: string;
  findings?: string;
  evidence?: string[];
  inspectedOn?: string;
  createdAt: string;
}

/** Inspection tasks: all of them for the bureau, an officer's own on the phone. */
export class TaskQueries {
  constructor(private readonly sql: Sql) {}

  async list(filter: { inspectorId?: string; status?: string; drawId?: string; enterpriseId?: string }): Promise<TaskView[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (filter.inspectorId) add('? = ANY(t.inspector_ids)', filter.inspectorId);
    if (filter.status) add('t.status = ?', filter.status);
    if (filter.drawId) add('t.draw_id = ?', filter.drawId);
    if (filter.enterpriseId) add('t.enterprise_id = ?', filter.enterpriseId);
    const { rows } = await this.sql.query<Row>(
      `SELECT t.*, t.inspected_on::text AS inspected_on_text, e.name, e.address, e.town_code FROM enforcement.tasks t JOIN enforcement.enterprises e USING (enterprise_id)
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.status, t.created_at DESC LIMIT 500`,
      params,
    );
    return rows.map(view);
  }

  async get(taskId: string): Promise<TaskView | undefined> {
    const { rows } = await this.sql.query<Row>(
      `SELECT t.*, t.inspected_on::text AS inspected_on_text, e.name, e.address, e.town_code FROM enforcement.tasks t JOIN enforcement.enterprises e USING (enterprise_id) WHERE t.task_id = $1`,
      [taskId],
    );
    return rows[0] ? view(rows[0]) : undefined;
  }
}

interface Row {
  task_id: string;
  enterprise_id: string;
  name: string;
  address: string;
  town_code: string | null;
  inspector_ids: string[];
  kind: 'random' | 'targeted';
  draw_id: string | null;
  trigger: TaskView['trigger'] | null;
  status: 'assigned' | 'done';
  result: string | null;
  findings: string | null;
  evidence: string[] | null;
  inspected_on_text: string | null;
  created_at: Date;
}

function view(r: Row): TaskView {
  return {
    taskId: r.task_id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.name,
    address: r.address,
    ...(r.town_code ? { townCode: r.town_code } : {}),
    inspectorIds: r.inspector_ids,
    kind: r.kind,
    ...(r.draw_id ? { drawId: r.draw_id } : {}),
    ...(r.trigger ? { trigger: r.trigger } : {}),
    status: r.status,
    ...(r.result ? { result: r.result, findings: r.findings ?? '', evidence: r.evidence ?? [] } : {}),
    ...(r.inspected_on_text ? { inspectedOn: r.inspected_on_text } : {}),
    createdAt: r.created_at.toISOString(),
  };
}
