import { PATROL_STREAM_PREFIX, uuidv7, type Actor, type PatrolCheckedIn } from '@qingyuan/contracts';
import type { PgEventStore } from '@qingyuan/event-store';
import { eventMetadata } from '@qingyuan/service-kit';
import type { TownLocator } from '../location/town-locator';

/** Patrol check-ins (巡查签到): who patrolled which grid when, so that coverage can be measured. */
export class PatrolService {
  constructor(
    private readonly store: PgEventStore,
    private readonly towns: TownLocator,
  ) {}

  async checkIn(
    user: { userId: string; role: PatrolCheckedIn['role'] },
    gridCode: string,
    position: { lat: number; lng: number } | undefined,
    actor: Actor,
  ): Promise<PatrolCheckedIn> {
    const checkInId = uuidv7();
    const data: PatrolCheckedIn = {
      checkInId,
      userId: user.userId,
      role: user.role,
      gridCode,
      townCode: position ? this.towns.locate(position).townCode : undefined,
      at: new Date().toISOString(),
      position,
    };
    await this.store.append(`${PATROL_STREAM_PREFIX}${checkInId}`, 'no-stream', [{ type: 'PatrolCheckedIn', data }], eventMetadata(actor));
    return data;
  }

  async recent(userId: string, limit = 50): Promise<unknown[]> {
    const { rows } = await this.store.db.query(
      `SELECT check_in_id AS "checkInId", grid_code AS "gridCode", town_code AS "townCode", at, position
         FROM intake.patrol_check_ins WHERE user_id = $1 ORDER BY at DESC LIMIT $2`,
      [userId, limit],
    );
    return rows;
  }
}
