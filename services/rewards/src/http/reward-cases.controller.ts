import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal, type Role } from '@qingyuan/auth';
import type { AppendResult } from '@qingyuan/event-store';
import { fieldError, httpError, notFound, parseIfMatch } from '@qingyuan/service-kit';
import { REWARD_STATUS_LABELS } from '../domain/reward';
import { RewardQueries } from '../rewards/reward.queries';
import { RewardWorkflow } from '../rewards/reward-workflow';
import { ApprovalDto, ClosureDto, EvaluationDto, OutcomeDto, PayoutDto, PenaltyDto, ProposalDto, RefusalDto } from './rewards.dto';

export const READERS: Role[] = ['reward-officer', 'reward-approver', 'finance', 'city-approver', 'leader', 'auditor'];
const STATUSES = Object.keys(REWARD_STATUS_LABELS).filter((s) => s !== 'none');
const rewardIdPipe = new ParseUUIDPipe({ exceptionFactory: () => fieldError('rewardId', '必须是有效的奖励案件编号', 'must be a reward case id (UUID)') });
const NO_REWARD = () => notFound('奖励案件不存在或不在您的管辖范围内', 'No such reward case in your scope', 'REWARD_NOT_FOUND');
const IF_MATCH = ApiHeader({ name: 'If-Match', required: false, description: '期望版本；版本已变化时返回 412 / expected version; 412 if it moved' });
/** Who may act at each approval level. */
const LEVEL_ROLE = { bureau: 'reward-approver', finance: 'finance', city: 'city-approver' } as const;

function oneOf(field: string, value: string | undefined, allowed: readonly string[]): string | undefined {
  if (value && !allowed.includes(value)) throw fieldError(field, `必须是以下值之一：${allowed.join(', ')}`, `must be one of ${allowed.join(', ')}`);
  return value || undefined;
}

function positive(field: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw fieldError(field, `必须是 1 到 ${max} 的整数`, `must be a whole number from 1 to ${max}`);
  return n;
}

function requireLevelRole(p: Principal, level: keyof typeof LEVEL_ROLE): void {
  if (!p.roles.includes(LEVEL_ROLE[level])) {
    const zh = { bureau: '分局', finance: '财务', city: '市政府' }[level];
    throw httpError(403, 'LEVEL_NOT_ALLOWED', `您没有${zh}审批权限`, `You may not act at the ${level} level`);
  }
}

/** Reward cases (奖励案件): the list, one case with its history, and every step of the workflow. */
@ApiTags('rewards 举报奖励')
@ApiBearerAuth()
@Controller('api/rewards/cases')
export class RewardCasesController {
  constructor(
    private readonly workflow: RewardWorkflow,
    private readonly queries: RewardQueries,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  @ApiQuery({ name: 'kind', required: false, enum: ['problem', 'bounty'] })
  @ApiQuery({ name: 'overdue', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'q', required: false, description: '问题编号 / problem number' })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  @ApiOperation({ summary: '奖励案件列表 / Reward cases' })
  list(
    @CurrentPrincipal() p: Principal,
    @Query('status') status?: string,
    @Query('kind') kind?: string,
    @Query('overdue') overdue?: string,
    @Query('q') q?: string,
    @Query('page') page?: string,
    @Query('pageSize') pageSize?: string,
  ) {
    return this.queries.list(
      {
        status: oneOf('status', status, STATUSES),
        kind: oneOf('kind', kind, ['problem', 'bounty']),
        overdue: oneOf('overdue', overdue, ['true', 'false']) === 'true',
        q: q?.slice(0, 50) || undefined,
        page: positive('page', page, 1, 10_000),
        pageSize: positive('pageSize', pageSize, 20, 200),
      },
      p,
    );
  }

  @Get(':rewardId')
  @Roles(...READERS)
  @ApiOperation({ summary: '奖励案件详情、奖励标准测算与全部记录 / A reward case, what the rule table gives, and its history' })
  async detail(@Param('rewardId', rewardIdPipe) id: string, @CurrentPrincipal() p: Principal) {
    return (await this.queries.detail(id, p)) ?? Promise.reject(NO_REWARD());
  }

  @Post(':rewardId/evaluation')
  @HttpCode(200)
  @Roles('reward-officer')
  @IF_MATCH
  @ApiOperation({ summary: '审核：首位举报人、排除情形、部门是否已掌握 / Evaluate: first reporter, exclusions, already known' })
  async evaluate(@Param('rewardId', rewardIdPipe) id: string, @Body() b: EvaluationDto, @CurrentPrincipal() p: Principal, @Headers('if-match') m?: string) {
    return this.done(id, await this.workflow.evaluate(id, p, { exclusions: b.exclusions ?? [], knownBeforeReport: b.knownBeforeReport, note: b.note }, parseIfMatch(m)));
  }

  @Post(':rewardId/penalties')
  @HttpCode(200)
  @Roles('reward-officer')
  @ApiOperation({ summary: '登记行政处罚决定（罚款）/ Record a penalty decision' })
  async penalty(@Param('rewardId', rewardIdPipe) id: string, @Body() b: PenaltyDto, @CurrentPrincipal() p: Principal) {
    return this.done(id, await this.workflow.recordBasis(id, p, { kind: 'penalty', ...b }));
  }

  @Post(':rewardId/outcomes')
  @HttpCode(200)
  @Roles('reward-officer')
  @ApiOperation({ summary: '登记拘留、逮捕、判决 / Record detention, arrest or conviction' })
  async outcome(@Param('rewardId', rewardIdPipe) id: string, @Body() b: OutcomeDto, @CurrentPrincipal() p: Principal) {
    return this.done(id, await this.workflow.recordBasis(id, p, { kind: 'outcome', ...b }));
  }

  @Post(':rewardId/proposal')
  @HttpCode(200)
  @Roles('reward-officer')
  @IF_MATCH
  @ApiOperation({ summary: '拟奖（按奖励标准，封顶）/ Propose the amount (rule table, caps)' })
  async propose(@Param('rewardId', rewardIdPipe) id: string, @Body() b: ProposalDto, @CurrentPrincipal() p: Principal, @Headers('if-match') m?: string) {
    return this.done(id, await this.workflow.propose(id, p, b, parseIfMatch(m)));
  }

  @Post(':rewardId/approvals')
  @HttpCode(200)
  @Roles('reward-approver', 'finance', 'city-approver')
  @IF_MATCH
  @ApiOperation({ summary: '审批：分局 → 财务 →（特别重大）市政府；拟奖人不能审批 / Approve: bureau, finance, city' })
  async approve(@Param('rewardId', rewardIdPipe) id: string, @Body() b: ApprovalDto, @CurrentPrincipal() p: Principal, @Headers('if-match') m?: string) {
    requireLevelRole(p, b.level);
    return this.done(id, await this.workflow.approve(id, p, b.level, b.note, parseIfMatch(m)));
  }

  @Post(':rewardId/refusals')
  @HttpCode(200)
  @Roles('reward-approver', 'finance', 'city-approver')
  @ApiOperation({ summary: '审批不同意（退回重新拟奖）/ Refuse at a level (back to a new proposal)' })
  async refuse(@Param('rewardId', rewardIdPipe) id: string, @Body() b: RefusalDto, @CurrentPrincipal() p: Principal) {
    requireLevelRole(p, b.level);
    return this.done(id, await this.workflow.refuse(id, p, b.level, b.reason));
  }

  @Post(':rewardId/notification')
  @HttpCode(200)
  @Roles('reward-officer')
  @ApiOperation({ summary: '告知举报人（查询码页面显示金额与申领期限）/ Notify the reporter through the receipt-code page' })
  async notify(@Param('rewardId', rewardIdPipe) id: string, @CurrentPrincipal() p: Principal) {
    return this.done(id, await this.workflow.notify(id, p));
  }

  @Post(':rewardId/payout')
  @HttpCode(200)
  @Roles('finance')
  @ApiOperation({ summary: '登记发放（方式与凭证号，不含银行账户；须先经批准查阅身份）/ Record the payout: method and voucher only' })
  async payout(@Param('rewardId', rewardIdPipe) id: string, @Body() b: PayoutDto, @CurrentPrincipal() p: Principal) {
    return this.done(id, await this.workflow.payout(id, p, b));
  }

  @Post(':rewardId/closure')
  @HttpCode(200)
  @Roles('reward-officer')
  @ApiOperation({ summary: '不予奖励并结案（须说明理由）/ Close without a reward, with the reason' })
  async close(@Param('rewardId', rewardIdPipe) id: string, @Body() b: ClosureDto, @CurrentPrincipal() p: Principal) {
    return this.done(id, await this.workflow.close(id, p, b.reason));
  }

  private async done(rewardId: string, result: AppendResult) {
    const state = await this.workflow.state(rewardId);
    return { rewardId, version: result.nextVersion, status: state.status };
  }
}
