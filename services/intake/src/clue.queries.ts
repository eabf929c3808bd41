import { CATEGORIES, findDepartment, findTown, type Category, type ClueProgressed, type PublicStage } from '@qingyuan/contracts';
import type { Sql } from '@qingyuan/event-store';

export const PUBLIC_STAGES: Record<PublicStage, { zh: string; en: string }> = {
  received: { zh: '已收到，待受理', en: 'Received, awaiting review' },
  accepted: { zh: '已受理', en: 'Accepted' },
  rejected: { zh: '不予受理', en: 'Not accepted' },
  assigned: { zh: '已交办属地和责任部门', en: 'Assigned to the town and the responsible department' },
  rectifying: { zh: '整改中', en: 'Being rectified' },
  verifying: { zh: '整改完成，核查中', en: 'Rectified, being verified' },
  closed: { zh: '已办结销号', en: 'Closed out' },
};

export interface ClueRow {
  clue_id: string;
  channel: string;
  category: Category;
  description: string;
  location: Record<string, unknown>;
  town_code: string | null;
  observed_at: Date | null;
  anonymous: boolean;
  insider: boolean;
  has_identity: boolean;
  status: string;
  public_stage: PublicStage;
  problem_id: string | null;
  reject_reason: string | null;
  registered_at: Date;
  updated_at: Date;
  version: string;
}

export interface PublicProgress {
  stage: PublicStage;
  stageLabel: { zh: string; en: string };
  category: { code: Category; zh: string; en: string };
  submittedAt: string;
  history: Array<{
    stage: PublicStage;
    zh: string;
    en: string;
    at: string;
    note?: string;
    assignment?: { town: { zh: string; en: string }; leadDepartment: { zh: string; en: string }; deadline: string };
  }>;
}

/** Reads of intake's read models. */
export class ClueQueries {
  constructor(private readonly sql: Sql) {}

  async list(filter: { status?: string; limit: number; offset: number }): Promise<ClueRow[]> {
    const { rows } = await this.sql.query<ClueRow>(
      `SELECT * FROM intake.clue_view WHERE ($1::text IS NULL OR status = $1)
        ORDER BY registered_at DESC LIMIT $2 OFFSET $3`,
      [filter.status ?? null, filter.limit, filter.offset],
    );
    return rows;
  }

  async get(clueId: string): Promise<ClueRow | undefined> {
    const { rows } = await this.sql.query<ClueRow>('SELECT * FROM intake.clue_view WHERE clue_id = $1', [clueId]);
    return rows[0];
  }

  async clueIdsOfProblem(problemId: string, sql: Sql = this.sql): Promise<string[]> {
    const { rows } = await sql.query<{ clue_id: string }>('SELECT clue_id FROM intake.clue_view WHERE problem_id = $1', [problemId]);
    return rows.map((r) => r.clue_id);
  }

  /** What a reporter may see with their receipt code: stages and dates, no internal notes, no identities. */
  async publicProgress(receiptHash: string): Promise<PublicProgress | undefined> {
    const { rows } = await this.sql.query<ClueRow>('SELECT * FROM intake.clue_view WHERE receipt_hash = $1', [receiptHash]);
    const clue = rows[0];
    if (!clue) return undefined;
    const history = await this.sql.query<{
      stage: PublicStage;
      note: string | null;
      assignment: ClueProgressed['assignment'] | null;
      at: Date;
    }>(
      'SELECT stage, note, assignment, at FROM intake.clue_public_history WHERE clue_id = $1 ORDER BY version',
      [clue.clue_id],
    );
    return {
      stage: clue.public_stage,
      stageLabel: PUBLIC_STAGES[clue.public_stage],
      category: { code: clue.category, ...CATEGORIES[clue.category] },
      submittedAt: clue.registered_at.toISOString(),
      history: history.rows.map((h) => ({
        stage: h.stage,
        ...PUBLIC_STAGES[h.stage],
        at: h.at.toISOString(),
        ...(h.note ? { note: h.note } : {}),
        ...(h.assignment ? { assignment: publicAssignment(h.assignment) } : {}),
      })),
    };
  }
}

function publicAssignment(a: NonNullable<ClueProgressed['assignment']>) {
  const town = findTown(a.townCode);
  const department = findDepartment(a.leadDepartment);
  return {
    town: { zh: town?.zh ?? a.townCode, en: town?.en ?? a.townCode },
    leadDepartment: { zh: department?.zh ?? a.leadDepartment, en: department?.en ?? a.leadDepartment },
    deadline: a.deadline,
  };
}
