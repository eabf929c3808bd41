import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { shanghaiDate } from '@qingyuan/calendar';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import type { Sql } from '@qingyuan/event-store';
import { fieldError } from '@qingyuan/service-kit';
import { rewardStats } from '../rewards/reward-stats';
import { READERS } from './reward-cases.controller';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const REWARDS_SQL = Symbol('REWARDS_SQL');

/** The numbers (奖励统计). */
@ApiTags('rewards 举报奖励')
@ApiBearerAuth()
@Controller('api/rewards')
export class StatsController {
  constructor(@Inject(REWARDS_SQL) private readonly sql: Sql) {}

  @Get('stats')
  @Roles(...READERS)
  @ApiQuery({ name: 'from', required: false, example: '2026-01' })
  @ApiQuery({ name: 'to', required: false, example: '2026-12' })
  @ApiOperation({ summary: '奖励统计：按类别、镇街、月份；销号到发放天数 / Granted and paid by category, town, month; close-out to payout' })
  stats(@CurrentPrincipal() p: Principal, @Query('from') from?: string, @Query('to') to?: string) {
    const thisMonth = shanghaiDate(new Date()).slice(0, 7);
    const start = from || `${thisMonth.slice(0, 4)}-01`;
    const end = to || thisMonth;
    for (const [field, value] of [['from', start], ['to', end]] as const) {
      if (!MONTH.test(value)) throw fieldError(field, '必须是月份，例如 2026-11', 'must be a month such as 2026-11');
    }
    if (start > end) throw fieldError('from', '不能晚于 to', 'must not be after to');
    return rewardStats(this.sql, start, end, p);
  }
}
