import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { fieldError, notFound } from '@qingyuan/service-kit';
import { Bounties } from '../rewards/bounties';
import { RewardQueries } from '../rewards/reward.queries';
import { READERS } from './reward-cases.controller';
import { AwardDto, BountyDto, ClosureDto, LeadDto } from './rewards.dto';

const bountyIdPipe = new ParseUUIDPipe({ exceptionFactory: () => fieldError('bountyId', '必须是有效的悬赏编号', 'must be a bounty id (UUID)') });
const NO_BOUNTY = () => notFound('悬赏不存在', 'No such bounty', 'BOUNTY_NOT_FOUND');

/** 悬赏: for a key lead on a major case, with the government's approval. */
@ApiTags('bounties 悬赏')
@ApiBearerAuth()
@Controller('api/rewards/bounties')
export class BountiesController {
  constructor(
    private readonly bounties: Bounties,
    private readonly queries: RewardQueries,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: '悬赏列表 / Bounties' })
  async list() {
    return { items: await this.queries.bounties() };
  }

  @Get(':bountyId')
  @Roles(...READERS)
  @ApiOperation({ summary: '悬赏详情与已关联线索 / A bounty and its leads' })
  async detail(@Param('bountyId', bountyIdPipe) id: string) {
    return (await this.queries.bounty(id)) ?? Promise.reject(NO_BOUNTY());
  }

  @Post()
  @HttpCode(201)
  @Roles('reward-officer')
  @ApiOperation({ summary: '发布悬赏（最高 50 万元，须政府批准文号）/ Publish a bounty (up to 500,000 yuan, with the approval)' })
  async publish(@Body() b: BountyDto, @CurrentPrincipal() p: Principal) {
    const { bountyId } = await this.bounties.publish(p, b);
    return (await this.queries.bounty(bountyId))!;
  }

  @Post(':bountyId/leads')
  @HttpCode(200)
  @Roles('reward-officer')
  @ApiOperation({ summary: '关联线索（随悬赏编号提交的举报自动关联）/ Link a lead (leads sent with the bounty id link themselves)' })
  async link(@Param('bountyId', bountyIdPipe) id: string, @Body() b: LeadDto, @CurrentPrincipal() p: Principal) {
    await this.bounties.linkLead(id, b.clueId, p);
    return (await this.queries.bounty(id))!;
  }

  @Post(':bountyId/award')
  @HttpCode(200)
  @Roles('reward-officer')
  @ApiOperation({ summary: '授予（可分给多条线索），每份进入奖励审批 / Award to one or several leads; each goes to approval' })
  async award(@Param('bountyId', bountyIdPipe) id: string, @Body() b: AwardDto, @CurrentPrincipal() p: Principal) {
    await this.bounties.award(id, p, b.awards, b.note);
    return (await this.queries.bounty(id))!;
  }

  @Post(':bountyId/withdrawal')
  @HttpCode(200)
  @Roles('reward-officer')
  @ApiOperation({ summary: '撤销悬赏 / Withdraw a bounty' })
  async withdraw(@Param('bountyId', bountyIdPipe) id: string, @Body() b: ClosureDto, @CurrentPrincipal() p: Principal) {
    await this.bounties.withdraw(id, p, b.reason);
    return (await this.queries.bounty(id))!;
  }
}
