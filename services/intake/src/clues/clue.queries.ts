import {
  CATEGORIES,
  CHANNELS,
  REJECTION_REASONS,
  findDepartment,
  findTown,
  type AttachmentRef,
  type Category,
  type Channel,
  type ClueProgressed,
  type ClueSource,
  type PublicStage,
  type RejectionReason,
  type TownSource,
} from '@qingyuan/contracts';
import type { Sql } from '@qingyuan/event-store';
import type { IdentityVault } from '../vault/identity-vault';

export const PUBLIC_STAGES: Record<PublicStage, { zh: string; en: string }> = {
  received: { zh: '已收到，待受理', en: 'Received, awaiting review' },
  accepted: { zh: '已受理', en: 'Accepted' },
  merged: { zh: '已与同一问题的其他举报合并办理', en: 'Handled together with other reports of the same problem' },
  rejected: { zh: '不予受理', en: 'Not accepted' },
  referred: { zh: '已转交有关部门办理', en: 'Referred to the competent authority' },
  assigned: { zh: '已交办属地和责任部门', en: 'Assigned to the town and the responsible department' },
  rectifying: { zh: '整改中', en: 'Being rectified' },
  verifying: { zh: '整改完成，核查中', en: 'Rectified, being verified' },
  closed: { zh: '已办结销号', en: 'Closed out' },
};

interface ClueRow {
  clue_id: string;
  channel: Channel;
  category: Category;
  description: string;
  location: { lat?: number; lng?: number; address?: string; townCode?: string };
  town_code: string | null;
  town_source: TownSource;
  town_approximate: boolean;
  observed_at: Date | null;
  anonymous: boolean;
  insider: boolean;
  has_identity: boolean;
  reporter_ref: string | null;
  source: ClueSource;
  attachments: AttachmentRef[];
  registered_by: string | null;
  status: string;
  public_stage: PublicStage;
  problem_id: string | null;
  merged_into: string | null;
  reject_code: RejectionReason | null;
  reject_reason: string | null;
  referred_to: string | null;
  dismissed: string[];
  registered_at: Date;
  updated_at: Date;
  version: string;
}

/** A clue as staff see it: everything but the reporter's identity (and the vault reference behind it). */
export interface ClueSummary {
  clueId: string;
  channel: { code: Channel; zh: string; en: string };
  category: { code: Category; zh: string; en: string };
  description: string;
  location: ClueRow['location'];
  town: { code: string; zh: string; en: string; source: TownSource; approximate: boolean } | null;
  observedAt: string | null;
  reporter: { anonymous: boolean; insider: boolean; realName: boolean };
  source: ClueSource;
  attachments: AttachmentRef[];
  registeredBy: string | null;
  status: string;
  publicStage: PublicStage;
  problemId: string | null;
  mergedInto: string | null;
  rejection: { code: RejectionReason; zh: string; en: string; reason: string } | null;
  referredTo: string | null;
  dismissedDuplicates: string[];
  registeredAt: string;
  updatedAt: string;
  version: number;
}

function summary(row: ClueRow): ClueSummary {
  const town = row.town_code ? findTown(row.town_code) : undefined;
  return {
    clueId: row.clue_id,
    channel: { code: row.channel, ...CHANNELS[row.channel] },
    category: { code: row.category, ...CATEGORIES[row.category] },
    description: row.description,
    location: row.location,
    town: town ? { code: town.code, zh: town.zh, en: town.en, source: row.town_source, approximate: row.town_approximate } : null,
    observedAt: row.observed_at?.toISOString() ?? null,
    reporter: { anonymous: row.anonymous, insider: row.insider, realName: row.has_identity },
    source: row.source,
    attachments: row.attachments,
    registeredBy: row.registered_by,
    status: row.status,
    publicStage: row.public_stage,
    problemId: row.problem_id,
    mergedInto: row.merged_into,
    rejection: row.reject_code ? { code: row.reject_code, ...REJECTION_REASONS[row.reject_code], reason: row.reject_reason ?? '' } : null,
    referredTo: row.referred_to,
    dismissedDuplicates: row.dismissed,
    registeredAt: row.registered_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: Number(row.version),
  };
}

export interface ClueFilter {
  status?: string;
  channel?: string;
  townCode?: string;
  registeredBy?: string;
  limit: number;
  offset: number;
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
    assignment?: { town?: { zh: string; en: string }; leadDepartment?: { zh: string; en: string }; deadline?: string };
  }>;
  /** photos the reporter sent, as cleaned copies without location metadata */
  attachments: Array<{ attachmentId: string; kind: string }>;
}

/** Reads of intake's read models. */
export class ClueQueries {
  constructor(
    readonly sql: Sql,
    private readonly vault: IdentityVault,
  ) {}

  async list(filter: ClueFilter): Promise<ClueSummary[]> {
    const { rows } = await this.sql.query<ClueRow>(
      `SELECT * FROM intake.clue_view
        WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR channel = $2) AND ($3::text IS NULL OR town_code = $3)
          AND ($4::text IS NULL OR registered_by = $4)
        ORDER BY registered_at DESC LIMIT $5 OFFSET $6`,
      [filter.status ?? null, filter.channel ?? null, filter.townCode ?? null, filter.registeredBy ?? null, filter.limit, filter.offset],
    );
    return rows.map(summary);
  }

  /** Clue counts by status and by channel, for the dashboard. */
  async statistics(): Promise<{ byStatus: Record<string, number>; byChannel: Array<{ channel: string; zh: string; en: string; count: number }> }> {
    const status = await this.sql.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM intake.clue_view GROUP BY status');
    const channel = await this.sql.query<{ channel: Channel; n: number }>('SELECT channel, count(*)::int AS n FROM intake.clue_view GROUP BY channel ORDER BY n DESC');
    return {
      byStatus: Object.fromEntries(status.rows.map((r) => [r.status, r.n])),
      byChannel: channel.rows.map((r) => ({ channel: r.channel, ...CHANNELS[r.channel], count: r.n })),
    };
  }

  async get(clueId: string): Promise<ClueSummary | undefined> {
    const row = await this.row(clueId);
    return row && summary(row);
  }

  /** The clue with how many reports the same person sent (by keyed phone hash): a count, never a name. */
  async detail(clueId: string): Promise<(ClueSummary & { reportsBySamePerson?: number }) | undefined> {
    const row = await this.row(clueId);
    if (!row) return undefined;
    const reportsBySamePerson = row.reporter_ref ? await this.vault.reportsBySamePerson(this.sql, row.reporter_ref) : undefined;
    return { ...summary(row), reportsBySamePerson };
  }

  async reporterRef(clueId: string): Promise<string | undefined> {
    return (await this.row(clueId))?.reporter_ref ?? undefined;
  }

  async clueIdsOfProblem(problemId: string, sql: Sql = this.sql): Promise<string[]> {
    const { rows } = await sql.query<{ clue_id: string }>('SELECT clue_id FROM intake.clue_view WHERE problem_id = $1', [problemId]);
    return rows.map((r) => r.clue_id);
  }

  /** The stage the other clues of a problem show. */
  async stageOfProblem(problemId: string, exceptClueId: string, sql: Sql = this.sql): Promise<PublicStage | undefined> {
    const { rows } = await sql.query<{ public_stage: PublicStage }>(
      'SELECT public_stage FROM intake.clue_view WHERE problem_id = $1 AND clue_id <> $2 ORDER BY updated_at DESC LIMIT 1',
      [problemId, exceptClueId],
    );
    return rows[0]?.public_stage;
  }

  /** What a reporter may see with their receipt code: stages, dates and public notes; no staff, no other reporters. */
  async publicProgress(receiptHash: string): Promise<(PublicProgress & { clueId: string }) | undefined> {
    const { rows } = await this.sql.query<ClueRow>('SELECT * FROM intake.clue_view WHERE receipt_hash = $1', [receiptHash]);
    const clue = rows[0];
    if (!clue) return undefined;
    const history = await this.sql.query<{ stage: PublicStage; note: string | null; assignment: PublicDetails | null; at: Date }>(
      'SELECT stage, note, assignment, at FROM intake.clue_public_history WHERE clue_id = $1 ORDER BY version',
      [clue.clue_id],
    );
    const shown = await this.sql.query<{ attachment_id: string; kind: string }>(
      'SELECT attachment_id, kind FROM intake.attachments WHERE clue_id = $1 AND public_copy IS NOT NULL ORDER BY attachment_id',
      [clue.clue_id],
    );
    return {
      clueId: clue.clue_id,
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
      attachments: shown.rows.map((a) => ({ attachmentId: a.attachment_id, kind: a.kind })),
    };
  }

  private async row(clueId: string): Promise<ClueRow | undefined> {
    const { rows } = await this.sql.query<ClueRow>('SELECT * FROM intake.clue_view WHERE clue_id = $1', [clueId]);
    return rows[0];
  }
}

/** What a public history row may say: where, who leads, by when (never a person). */
type PublicDetails = Partial<NonNullable<ClueProgressed['assignment']>> & { deadline?: string };

function publicAssignment(a: PublicDetails) {
  const town = a.townCode ? findTown(a.townCode) : undefined;
  const department = a.leadDepartment ? findDepartment(a.leadDepartment) : undefined;
  return {
    ...(a.townCode ? { town: { zh: town?.zh ?? a.townCode, en: town?.en ?? a.townCode } } : {}),
    ...(a.leadDepartment ? { leadDepartment: { zh: department?.zh ?? a.leadDepartment, en: department?.en ?? a.leadDepartment } } : {}),
    ...(a.deadline ? { deadline: a.deadline } : {}),
  };
}
