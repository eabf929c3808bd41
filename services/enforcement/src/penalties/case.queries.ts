import type { EnforcementPenaltyDecided, MinorViolationChecked, SuspectedCrimeTransferred } from '@qingyuan/contracts';
import type { Sql } from '@qingyuan/event-store';

export interface CaseView {
  caseId: string;
  enterpriseId: string;
  enterpriseName: string;
  taskId?: string;
  problemId?: string;
  status: 'open' | 'exempted' | 'penalised' | 'transferred';
  summary: string;
  openedOn: string;
  decideBy: string;
  exemption?: MinorViolationChecked;
  penalty?: EnforcementPenaltyDecided;
  transfer?: SuspectedCrimeTransferred;
}

/** Penalty cases (行政处罚案件), open ones first, each with its exemption check and outcome. */
export class CaseQueries {
  constructor(private readonly sql: Sql) {}

  async list(filter: { status?: string; caseId?: string } = {}): Promise<CaseView[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.status) where.push(`c.status = $${params.push(filter.status)}`);
    if (filter.caseId) where.push(`c.case_id = $${params.push(filter.caseId)}`);
    const { rows } = await this.sql.query<{
      case_id: string;
      enterprise_id: string;
      name: string;
      task_id: string | null;
      problem_id: string | null;
      status: CaseView['status'];
      summary: string;
      opened_on: string;
      decide_by: string;
      exemption: MinorViolationChecked | null;
      penalty: EnforcementPenaltyDecided | null;
      transfer: SuspectedCrimeTransferred | null;
    }>(
      `SELECT c.case_id, c.enterprise_id, e.name, c.task_id, c.problem_id, c.status, c.summary, c.opened_on::text AS opened_on, c.decide_by::text AS decide_by,
              c.exemption, c.penalty, c.transfer
       FROM enforcement.cases c JOIN enforcement.enterprises e USING (enterprise_id)
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY (c.status = 'open') DESC, c.opened_on DESC LIMIT 500`,
      params,
    );
    return rows.map((r) => ({
      caseId: r.case_id,
      enterpriseId: r.enterprise_id,
      enterpriseName: r.name,
      ...(r.task_id ? { taskId: r.task_id } : {}),
      ...(r.problem_id ? { problemId: r.problem_id } : {}),
      status: r.status,
      summary: r.summary,
      openedOn: r.opened_on,
      decideBy: r.decide_by,
      ...(r.exemption ? { exemption: r.exemption } : {}),
      ...(r.penalty ? { penalty: r.penalty } : {}),
      ...(r.transfer ? { transfer: r.transfer } : {}),
    }));
  }
}
