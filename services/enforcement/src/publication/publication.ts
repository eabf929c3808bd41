import { INSPECTION_RESULTS, type InspectionPlanCreated, type DrawCommitted, type DrawPerformed, type EnforcementPenaltyDecided, type MinorViolationChecked } from '@qingyuan/contracts';
import type { Sql } from '@qingyuan/event-store';

/** 一公开: a draw as the public sees it — its commitment, its revealed seed, and the results of finished inspections. */
export interface PublicDraw {
  drawId: string;
  planName: string;
  period: string;
  /** 检查事项 */
  items: string[];
  committedAt: string;
  seedHash: string;
  candidatesHash: string;
  poolHash: string;
  planHash: string;
  candidateCount: number;
  poolSize: number;
  /** from the draw on: when, the algorithm, the hash binding the result, how many were drawn and inspected so far */
  performedAt?: string;
  algorithm?: string;
  resultHash?: string;
  selectedCount?: number;
  inspectionsDone?: number;
  /**
   * revealed once every inspection of the draw is recorded: anyone holding the object list could recompute the
   * selection from the seed, and the selection stays secret until inspected (regulations §2.4)
   */
  seed?: string;
  /** only inspections already done */
  results: PublicResult[];
}

export interface PublicResult {
  enterpriseName: string;
  uscc: string;
  townCode?: string;
  inspectedOn: string;
  result: string;
  resultText: { zh: string; en: string };
}

export const EXPORT_FORMAT = 'qingyuan.enforcement-export/v1';

/** The published feed and the export for the provincial 互联网+监管 platform; neither holds a person's data. */
export class Publication {
  constructor(
    private readonly sql: Sql,
    /** the issuing authority named in the export, e.g. 金华市生态环境局义乌分局 */
    private readonly authority: string,
    private readonly clock: () => Date,
  ) {}

  /** 抽查计划 and 检查事项清单, published when made: the ratios per list and credit level, not who is on a list. */
  async plans(): Promise<Array<{ planId: string; name: string; period: string; items: string[]; ratios: InspectionPlanCreated['ratios']; inspectorsPerTask: number; createdAt: string }>> {
    const { rows } = await this.sql.query<{ data: InspectionPlanCreated; created_at: Date }>('SELECT data, created_at FROM enforcement.plans ORDER BY created_at DESC LIMIT 100');
    return rows.map(({ data: p, created_at }) => ({ planId: p.planId, name: p.name, period: p.period, items: p.items, ratios: p.ratios, inspectorsPerTask: p.inspectorsPerTask, createdAt: created_at.toISOString() }));
  }

  async draws(): Promise<PublicDraw[]> {
    const { rows } = await this.sql.query<{ draw_id: string; name: string; period: string; plan: { items: string[] }; committed_at: Date; performed_at: Date | null; committed: DrawCommitted; result: DrawPerformed | null }>(
      `SELECT d.draw_id, p.name, p.period, p.data AS plan, d.committed_at, d.performed_at, d.committed, d.result
       FROM enforcement.draws d JOIN enforcement.plans p USING (plan_id) ORDER BY d.committed_at DESC LIMIT 100`,
    );
    const results = await this.results(rows.map((r) => r.draw_id));
    return rows.map((r) => {
      const done = results.get(r.draw_id)?.length ?? 0;
      const performed = r.result && r.performed_at && {
        performedAt: r.performed_at.toISOString(),
        algorithm: r.result.algorithm,
        resultHash: r.result.resultHash,
        selectedCount: r.result.selections.length,
        inspectionsDone: done,
        ...(done >= r.result.selections.length ? { seed: r.result.seed } : {}),
      };
      return {
        drawId: r.draw_id,
        planName: r.name,
        period: r.period,
        items: r.plan.items,
        committedAt: r.committed_at.toISOString(),
        seedHash: r.committed.seedHash,
        candidatesHash: r.committed.candidatesHash,
        poolHash: r.committed.poolHash,
        planHash: r.committed.planHash,
        candidateCount: r.committed.candidateCount,
        poolSize: r.committed.poolSize,
        ...performed,
        results: results.get(r.draw_id) ?? [],
      };
    });
  }

  private async results(drawIds: string[]): Promise<Map<string, PublicResult[]>> {
    const { rows } = await this.sql.query<{ draw_id: string; name: string; uscc: string; town_code: string | null; inspected_on: string; result: keyof typeof INSPECTION_RESULTS }>(
      `SELECT t.draw_id, e.name, e.uscc, e.town_code, t.inspected_on::text AS inspected_on, t.result
       FROM enforcement.tasks t JOIN enforcement.enterprises e USING (enterprise_id)
       WHERE t.draw_id = ANY($1) AND t.status = 'done' ORDER BY t.inspected_on, e.name`,
      [drawIds],
    );
    const byDraw = new Map<string, PublicResult[]>();
    for (const r of rows) {
      const list = byDraw.get(r.draw_id) ?? [];
      list.push({ enterpriseName: r.name, uscc: r.uscc, ...(r.town_code ? { townCode: r.town_code } : {}), inspectedOn: r.inspected_on, result: r.result, resultText: INSPECTION_RESULTS[r.result] });
      byDraw.set(r.draw_id, list);
    }
    return byDraw;
  }

  /**
   * Inspections recorded and penalty decisions taken between two dates, in the documented export format
   * (docs/integrators/enforcement-export.md). Officers' names and ids are left out.
   */
  async export(from: string, to: string) {
    const enterprise = (r: { name: string; uscc: string; address: string; town_code: string | null }) => ({ name: r.name, uscc: r.uscc, address: r.address, townCode: r.town_code ?? undefined });
    const inspections = await this.sql.query<{ task_id: string; kind: string; draw_id: string | null; plan_name: string | null; name: string; uscc: string; address: string; town_code: string | null; inspected_on: string; result: keyof typeof INSPECTION_RESULTS; findings: string }>(
      `SELECT t.task_id, t.kind, t.draw_id, p.name AS plan_name, e.name, e.uscc, e.address, e.town_code, t.inspected_on::text AS inspected_on, t.result, t.findings
       FROM enforcement.tasks t JOIN enforcement.enterprises e USING (enterprise_id)
       LEFT JOIN enforcement.draws d ON d.draw_id = t.draw_id LEFT JOIN enforcement.plans p ON p.plan_id = d.plan_id
       WHERE t.status = 'done' AND t.inspected_on BETWEEN $1 AND $2 ORDER BY t.inspected_on, t.task_id`,
      [from, to],
    );
    const cases = await this.sql.query<{ case_id: string; status: string; name: string; uscc: string; address: string; town_code: string | null; penalty: EnforcementPenaltyDecided | null; exemption: MinorViolationChecked | null; opened_on: string }>(
      `SELECT c.case_id, c.status, e.name, e.uscc, e.address, e.town_code, c.penalty, c.exemption, c.opened_on::text AS opened_on
       FROM enforcement.cases c JOIN enforcement.enterprises e USING (enterprise_id)
       WHERE (c.penalty IS NOT NULL OR c.status = 'exempted') AND coalesce(c.penalty->>'decidedOn', c.exemption->>'checkedOn')::date BETWEEN $1 AND $2 ORDER BY c.opened_on, c.case_id`,
      [from, to],
    );
    return {
      format: EXPORT_FORMAT,
      generatedAt: this.clock().toISOString(),
      authority: this.authority,
      period: { from, to },
      inspections: inspections.rows.map((r) => ({
        inspectionId: r.task_id,
        kind: r.kind,
        ...(r.draw_id ? { drawId: r.draw_id, planName: r.plan_name } : {}),
        object: enterprise(r),
        inspectedOn: r.inspected_on,
        result: r.result,
        resultText: INSPECTION_RESULTS[r.result].zh,
        findings: r.findings,
      })),
      penalties: cases.rows.map((r) => ({
        caseId: r.case_id,
        object: enterprise(r),
        filedOn: r.opened_on,
        outcome: r.penalty ? 'penalty' : 'no-penalty',
        ...(r.penalty ? { decisionNumber: r.penalty.decisionNumber, legalBasis: r.penalty.legalBasis, fineYuan: r.penalty.fineFen / 100, decidedOn: r.penalty.decidedOn } : {}),
        ...(r.exemption?.exempt ? { exemptionRule: r.exemption.ruleId, exemptionListVersion: r.exemption.listVersion, decidedOn: r.exemption.checkedOn } : {}),
      })),
    };
  }
}
