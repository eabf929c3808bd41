import { shanghaiDate } from '@qingyuan/calendar';
import { streamIds } from '@qingyuan/contracts';
import type { Principal } from '@qingyuan/auth';
import type { PgEventStore, Sql } from '@qingyuan/event-store';
import type { RewardView } from '../projections/reward-view';
import type { RewardWorkflow } from './reward-workflow';

export interface RewardRow {
  rewardId: string;
  kind: 'problem' | 'bounty';
  problemId?: string;
  problemNumber?: string;
  bountyId?: string;
  category?: string;
  townCode?: string;
  violationKinds: string[];
  status: string;
  especiallySerious: boolean;
  amountFen?: number;
  paidFen: number;
  openedOn: string;
  problemClosedOn?: string;
  notifiedOn?: string;
  claimBy?: string;
  paidOn?: string;
  dueOn?: string;
  overdue: boolean;
}

export interface RewardFilter {
  status?: string;
  kind?: string;
  overdue?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

/** Statuses that wait on staff, so a passed due date means overdue (a notified reward waits on the reporter). */
const STAFF_STEPS = ['opened', 'evaluated', 'proposed', 'bureau-approved', 'finance-approved', 'city-approved', 'claimed'];

/** Reads of reward cases and bounties. Staff with a town scope see their towns' cases only. */
export class RewardQueries {
  constructor(
    private readonly store: PgEventStore,
    private readonly workflow: RewardWorkflow,
    private readonly clock: () => Date,
  ) {}

  private get sql(): Sql {
    return this.store.db;
  }

  private today(): string {
    return shanghaiDate(this.clock());
  }

  async list(filter: RewardFilter, p: Principal): Promise<{ items: RewardRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (p.towns.length) add('town_code = ANY(?)', p.towns);
    if (filter.status) add('status = ?', filter.status);
    if (filter.kind) add('kind = ?', filter.kind);
    if (filter.overdue) {
      add('due_on < ?', this.today());
      add('status = ANY(?)', STAFF_STEPS);
    }
    if (filter.q) add(`detail->>'problemNumber' ILIKE ?`, `%${filter.q}%`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const { rows } = await this.sql.query<{ detail: RewardView; total: number }>(
      `SELECT detail, count(*) OVER ()::int AS total FROM rewards.reward_view ${clause}
        ORDER BY opened_on DESC, reward_id LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
      params,
    );
    return { items: rows.map((r) => this.row(r.detail)), total: rows[0]?.total ?? 0 };
  }

  async detail(rewardId: string, p: Principal) {
    const { rows } = await this.sql.query<{ detail: RewardView; version: number }>('SELECT detail, version FROM rewards.reward_view WHERE reward_id = $1', [rewardId]);
    const view = rows[0]?.detail;
    if (!view || (p.towns.length && !p.towns.includes(view.townCode ?? ''))) return undefined;
    const state = await this.workflow.state(rewardId);
    const suggestion = await this.workflow.suggestion(state, view.especiallySerious);
    const events = await this.store.readStream(streamIds.reward(rewardId));
    const { clueIds: _clueIds, ...shown } = view;
    return {
      ...shown,
      ...this.row(view),
      version: events.length,
      suggestion,
      history: events.map((e) => ({ type: e.type, recordedAt: e.recordedAt, actor: e.metadata.actor.name ?? e.metadata.actor.id ?? e.metadata.actor.kind, data: e.data })),
    };
  }

  /** The reward a reporter's clue has, if any: the case they are eligible in first, else any case the clue fed. */
  async ofClue(clueId: string): Promise<RewardView | undefined> {
    const { rows } = await this.sql.query<{ detail: RewardView }>(
      `SELECT detail FROM rewards.reward_view WHERE eligible_clue_id = $1 OR $1 = ANY(clue_ids)
        ORDER BY (eligible_clue_id = $1) DESC NULLS LAST, opened_on DESC LIMIT 1`,
      [clueId],
    );
    return rows[0]?.detail;
  }

  async bounties(): Promise<BountyRow[]> {
    const { rows } = await this.sql.query<BountyDbRow>(
      `SELECT b.*, b.expires_on::text AS expires_on, b.published_on::text AS published_on,
              (SELECT count(*)::int FROM rewards.bounty_leads l WHERE l.bounty_id = b.bounty_id) AS lead_count
         FROM rewards.bounty_view b ORDER BY b.published_on DESC, b.bounty_id DESC`,
    );
    return rows.map((r) => this.bountyRow(r));
  }

  async bounty(bountyId: string) {
    const all = await this.sql.query<BountyDbRow>(
      `SELECT b.*, b.expires_on::text AS expires_on, b.published_on::text AS published_on,
              (SELECT count(*)::int FROM rewards.bounty_leads l WHERE l.bounty_id = b.bounty_id) AS lead_count
         FROM rewards.bounty_view b WHERE bounty_id = $1`,
      [bountyId],
    );
    if (!all.rows[0]) return undefined;
    const { rows } = await this.sql.query<{ clue_id: string; linked_at: Date; channel: string | null; registered_at: Date | null }>(
      `SELECT l.clue_id, l.linked_at, f.channel, f.registered_at FROM rewards.bounty_leads l
         LEFT JOIN rewards.clue_facts f USING (clue_id) WHERE l.bounty_id = $1 ORDER BY l.linked_at`,
      [bountyId],
    );
    return {
      ...this.bountyRow(all.rows[0]),
      awards: all.rows[0].awards,
      withdrawReason: all.rows[0].withdraw_reason ?? undefined,
      leads: rows.map((r) => ({ clueId: r.clue_id, linkedAt: r.linked_at.toISOString(), channel: r.channel ?? undefined, registeredAt: r.registered_at?.toISOString() })),
    };
  }

  /** Open bounties for the public report page: no problem id, no approval reference. */
  async publicBounties() {
    const today = this.today();
    return (await this.bounties())
      .filter((b) => b.status === 'open' && b.expiresOn >= today)
      .map(({ bountyId, title, description, maxAmountFen, expiresOn }) => ({ bountyId, title, description, maxAmountFen, expiresOn }));
  }

  row(v: RewardView): RewardRow {
    const overdue = v.dueOn !== undefined && STAFF_STEPS.includes(v.status) && v.dueOn < this.today();
    return {
      rewardId: v.rewardId,
      kind: v.kind,
      problemId: v.problemId,
      problemNumber: v.problemNumber,
      bountyId: v.bountyId,
      category: v.category,
      townCode: v.townCode,
      violationKinds: v.violationKinds,
      status: v.status,
      especiallySerious: v.especiallySerious,
      amountFen: v.amountFen,
      paidFen: v.paidFen,
      openedOn: v.openedOn,
      problemClosedOn: v.problemClosedOn,
      notifiedOn: v.notifiedOn,
      claimBy: v.claimBy,
      paidOn: v.paidOn,
      dueOn: v.dueOn,
      overdue,
    };
  }

  private bountyRow(r: BountyDbRow): BountyRow {
    const expired = r.status === 'open' && r.expires_on < this.today();
    return {
      bountyId: r.bounty_id,
      problemId: r.problem_id ?? undefined,
      title: r.title,
      description: r.description,
      maxAmountFen: Number(r.max_amount_fen),
      approvalReference: r.approval_reference,
      expiresOn: r.expires_on,
      status: expired ? 'expired' : r.status,
      publishedOn: r.published_on,
      leadCount: r.lead_count,
      awardedFen: Number(r.awarded_fen),
    };
  }
}

export interface BountyRow {
  bountyId: string;
  problemId?: string;
  title: string;
  description: string;
  maxAmountFen: number;
  approvalReference: string;
  expiresOn: string;
  status: string;
  publishedOn: string;
  leadCount: number;
  awardedFen: number;
}

interface BountyDbRow {
  bounty_id: string;
  problem_id: string | null;
  title: string;
  description: string;
  max_amount_fen: string;
  approval_reference: string;
  expires_on: string;
  status: string;
  published_on: string;
  awarded_fen: string;
  awards: Array<{ clueId: string; amountFen: number; rewardId: string }>;
  withdraw_reason: string | null;
  lead_count: number;
}
