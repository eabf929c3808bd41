import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@qingyuan/auth';
import { PublicRewards } from '../rewards/public-rewards';
import { RewardQueries } from '../rewards/reward.queries';
import { ClaimDto } from './rewards.dto';

/** The public side: a reporter's reward by receipt code, the claim, and open bounties. No login. */
@ApiTags('public rewards 奖励查询与申领')
@Controller('api/rewards/public')
export class PublicRewardsController {
  constructor(
    private readonly rewards: PublicRewards,
    private readonly queries: RewardQueries,
  ) {}

  @Get('receipts/:code')
  @Public()
  @ApiOperation({ summary: '凭查询码查询奖励 / The reward of a report, by its receipt code' })
  @ApiNotFoundResponse({ description: 'RECEIPT_NOT_FOUND 查询码无效 / NO_REWARD 暂无奖励事项' })
  status(@Param('code') code: string) {
    return this.rewards.status(code);
  }

  @Post('receipts/:code/claim')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '申领奖励（只选方式；银行账户由财务线下核实）/ Claim: the method only; bank details are taken offline' })
  claim(@Param('code') code: string, @Body() b: ClaimDto) {
    return this.rewards.claim(code, b.method);
  }

  @Get('bounties')
  @Public()
  @ApiOperation({ summary: '正在征集线索的悬赏 / Open bounties' })
  async bounties() {
    return { items: await this.queries.publicBounties() };
  }
}
