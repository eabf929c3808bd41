import { shanghaiDate } from '@qingyuan/calendar';
import type { RewardsEvent } from '@qingyuan/contracts';
import type { Projection, StoredEvent, Tx } from '@qingyuan/event-store';
import { foldRewardView, type RewardView } from './reward-view';

/**
 * The reward cases list, the money granted and paid (for the numbers) and the bounties, kept in the same transaction
 * as each append.
 */
export const rewardsProjection: Projection = {
  name: 'rewards',
  tables: ['rewards.reward_view', 'rewards.reward_money', 'rewards.bounty_view', 'rewards.bounty_leads'],

  async apply(tx: Tx, stored: StoredEvent): Promise<void> {
    const event = { type: stored.type, data: stored.data } as RewardsEvent;
    if (event.type.startsWith('Bounty')) return applyBounty(tx, stored, event);
    const rewardId = (event.data as { rewardId: string }).rewardId;
    const { rows } = await tx.query<{ detail: RewardView; version: number }>('SELECT detail, version FROM rewards.reward_view WHERE reward_id = $1', [rewardId]);
    if (rows[0] && rows[0].version >= stored.streamVersion) return;
    const view = foldRewardView(rows[0]?.detail, event, stored.recordedAt);
    if (!view) return;
    await tx.query(
      `INSERT INTO rewards.reward_view (reward_id, kind, problem_id, bounty_id, category, town_code, status, clue_ids, eligible_clue_id,
         amount_fen, paid_fen, opened_on, due_on, claim_by, detail, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16, $17)
       ON CONFLICT (reward_id) DO UPDATE SET status = $7, eligible_clue_id = $9, amount_fen = $10, paid_fen = $11, due_on = $13,
         claim_by = $14, detail = $15::jsonb, updated_at = $16, version = $17`,
      [view.rewardId, view.kind, view.problemId ?? null, view.bountyId ?? null, view.category ?? null, view.townCode ?? null, view.status,
        view.clueIds, view.evaluation?.eligibleClueId ?? null, view.amountFen ?? null, view.paidFen, view.openedOn, view.dueOn ?? null,
        view.claimBy ?? null, JSON.stringify(view), stored.recordedAt, stored.streamVersion],
    );
    if ((event.type === 'RewardApproved' && event.data.final) || event.type === 'PayoutRecorded') {
      const kind = event.type === 'PayoutRecorded' ? 'paid' : 'granted';
      const amount = event.type === 'PayoutRecorded' ? event.data.amountFen : view.amountFen;
      const on = event.type === 'PayoutRecorded' ? event.data.paidOn : shanghaiDay(stored.recordedAt);
      await tx.query(
        `INSERT INTO rewards.reward_money (reward_id, kind, amount_fen, on_date, category, town_code, problem_closed_on, event_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
        [rewardId, kind, amount, on, view.category ?? null, view.townCode ?? null, view.problemClosedOn ?? null, stored.eventId],
      );
    }
  },
};

async function applyBounty(tx: Tx, stored: StoredEvent, event: RewardsEvent): Promise<void> {
  switch (event.type) {
    case 'BountyPublished': {
      const d = event.data;
      await tx.query(
        `INSERT INTO rewards.bounty_view (bounty_id, problem_id, title, description, max_amount_fen, approval_reference, expires_on, status,
           published_on, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $10) ON CONFLICT DO NOTHING`,
        [d.bountyId, d.problemId ?? null, d.title, d.description, d.maxAmountFen, d.approvalReference, d.expiresOn, shanghaiDay(stored.recordedAt), stored.recordedAt, stored.streamVersion],
      );
      return;
    }
    case 'BountyLeadLinked':
      await tx.query('INSERT INTO rewards.bounty_leads (bounty_id, clue_id, linked_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
        event.data.bountyId,
        event.data.clueId,
        stored.recordedAt,
      ]);
      return;
    case 'BountyAwarded': {
      const d = event.data;
      const total = d.awards.reduce((a, b) => a + b.amountFen, 0);
      await tx.query(`UPDATE rewards.bounty_view SET status = 'awarded', awarded_fen = $2, awards = $3::jsonb, updated_at = $4, version = $5 WHERE bounty_id = $1`, [
        d.bountyId,
        total,
        JSON.stringify(d.awards),
        stored.recordedAt,
        stored.streamVersion,
      ]);
      return;
    }
    case 'BountyWithdrawn':
      await tx.query(`UPDATE rewards.bounty_view SET status = 'withdrawn', withdraw_reason = $2, updated_at = $3, version = $4 WHERE bounty_id = $1`, [
        event.data.bountyId,
        event.data.reason,
        stored.recordedAt,
        stored.streamVersion,
      ]);
      return;
  }
}

const shanghaiDay = (iso: string) => shanghaiDate(new Date(iso));
