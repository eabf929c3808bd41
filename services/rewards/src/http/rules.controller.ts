import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { shanghaiDate } from '@qingyuan/calendar';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { RuleBook } from '../rewards/rule-book';
import { READERS } from './reward-cases.controller';
import { RulesDto } from './rewards.dto';

/** The rule table (奖励标准), versioned. */
@ApiTags('rewards 举报奖励')
@ApiBearerAuth()
@Controller('api/rewards')
export class RulesController {
  constructor(private readonly rules: RuleBook) {}

  @Get('rules')
  @Roles(...READERS, 'admin')
  @ApiOperation({ summary: '奖励标准（当前版本与历史版本）/ The rule table: current and past versions' })
  async list() {
    const today = shanghaiDate(new Date());
    return { current: await this.rules.current(today), versions: await this.rules.versions() };
  }

  @Put('rules')
  @Roles('admin')
  @ApiOperation({ summary: '保存新版本奖励标准（旧版本不变）/ Save a new version (old versions stay)' })
  save(@Body() b: RulesDto, @CurrentPrincipal() p: Principal) {
    return this.rules.add(b.rules, b.effectiveFrom ?? shanghaiDate(new Date()), p.userId, b.note);
  }
}
