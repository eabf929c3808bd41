import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { TOWN_CODES } from '@qingyuan/contracts';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { actorOf, fieldError, notFound, parseIfMatch } from '@qingyuan/service-kit';
import type { Response } from 'express';
import { ProblemQueries, type ProblemRow, type TimelineEntry } from '../problem.queries';
import { ProblemService } from '../problem.service';
import { AssignProblemDto, RectificationDto, VerificationDto } from './problem.dto';

const STATUSES = ['open', 'assigned', 'rectification-reported', 'closed'];
const uuid = new ParseUUIDPipe({ exceptionFactory: () => fieldError('problemId', '必须是有效的问题编号', 'must be a problem id (UUID)') });
const NO_PROBLEM = () => notFound('问题不存在或不在您的管辖范围内', 'No such problem in your scope', 'PROBLEM_NOT_FOUND');

/** The problem lifecycle: assign (交办), report rectification, verify and close out (销号). */
@ApiTags('problems 问题')
@ApiBearerAuth()
@Controller('api/cases')
export class ProblemsController {
  constructor(
    private readonly problems: ProblemService,
    private readonly queries: ProblemQueries,
  ) {}

  @Get('reference')
  @Roles('analyst', 'town-officer', 'department-officer', 'verifier', 'auditor', 'hotline-staff', 'grid-worker')
  @ApiOperation({ summary: '镇街、部门和问题类别 / Towns, departments and categories' })
  reference() {
    return this.queries.reference();
  }

  @Get('problems')
  @Roles('analyst', 'town-officer', 'department-officer', 'verifier', 'auditor')
  @ApiOperation({ summary: '问题清单（按权限范围）/ Problems in your scope' })
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  @ApiQuery({ name: 'townCode', required: false, enum: TOWN_CODES })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query('status') status?: string,
    @Query('townCode') townCode?: string,
    @Query('limit') limit = '50',
    @Query('offset') offset = '0',
  ): Promise<ProblemRow[]> {
    if (status !== undefined && !STATUSES.includes(status)) {
      throw fieldError('status', `必须是以下值之一：${STATUSES.join(', ')}`, `must be one of ${STATUSES.join(', ')}`);
    }
    if (townCode !== undefined && !TOWN_CODES.includes(townCode)) throw fieldError('townCode', '不是义乌的镇街代码', 'is not a Yiwu town code');
    const take = Number(limit);
    const skip = Number(offset);
    if (!Number.isInteger(take) || take < 1 || take > 500) throw fieldError('limit', '必须是 1 至 500 的整数', 'must be an integer from 1 to 500');
    if (!Number.isInteger(skip) || skip < 0) throw fieldError('offset', '必须是非负整数', 'must be a non-negative integer');
    return this.queries.list(principal, { status, townCode, limit: take, offset: skip });
  }

  @Get('problems/:problemId')
  @Roles('analyst', 'town-officer', 'department-officer', 'verifier', 'auditor')
  @ApiOperation({ summary: '问题详情（ETag 为版本号）/ One problem; the ETag is its version' })
  async get(
    @Param('problemId', uuid) problemId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProblemRow> {
    const problem = await this.queries.get(principal, problemId);
    if (!problem) throw NO_PROBLEM();
    res.setHeader('ETag', `"${problem.version}"`);
    return problem;
  }

  @Get('problems/:problemId/timeline')
  @Roles('analyst', 'town-officer', 'department-officer', 'verifier', 'auditor')
  @ApiOperation({ summary: '办理过程（每个事件、操作人和时间）/ Timeline: every event with actor and time' })
  async timeline(@Param('problemId', uuid) problemId: string, @CurrentPrincipal() principal: Principal): Promise<TimelineEntry[]> {
    if (!(await this.queries.get(principal, problemId))) throw NO_PROBLEM();
    return this.queries.timeline(problemId);
  }

  @Post('problems/:problemId/assignment')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: '交办 / Assign: town, lead department, responsible person, measures, deadline' })
  @ApiHeader({ name: 'If-Match', required: false, description: '期望版本 / expected version; 412 if it moved' })
  async assign(
    @Param('problemId', uuid) problemId: string,
    @Body() body: AssignProblemDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch?: string,
  ) {
    const result = await this.problems.assign(problemId, body, actorOf(principal), parseIfMatch(ifMatch));
    return { problemId, version: result.nextVersion };
  }

  @Post('problems/:problemId/rectification')
  @HttpCode(200)
  @Roles('town-officer', 'department-officer', 'analyst')
  @ApiOperation({ summary: '上报整改情况和佐证材料 / Report the rectification with evidence' })
  @ApiHeader({ name: 'If-Match', required: false })
  async rectify(
    @Param('problemId', uuid) problemId: string,
    @Body() body: RectificationDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch?: string,
  ) {
    if (!(await this.queries.get(principal, problemId))) throw NO_PROBLEM();
    const result = await this.problems.reportRectification(problemId, body, actorOf(principal), parseIfMatch(ifMatch));
    return { problemId, version: result.nextVersion };
  }

  @Post('problems/:problemId/verification')
  @HttpCode(200)
  @Roles('verifier', 'analyst')
  @ApiOperation({ summary: '核查：通过即销号，不通过退回整改 / Verify: a pass closes out, a fail returns to rectification' })
  @ApiHeader({ name: 'If-Match', required: false })
  async verify(
    @Param('problemId', uuid) problemId: string,
    @Body() body: VerificationDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch?: string,
  ) {
    const result = await this.problems.verify(problemId, body, actorOf(principal), parseIfMatch(ifMatch));
    return { problemId, version: result.nextVersion, closed: body.passed };
  }
}
