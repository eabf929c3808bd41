import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { actorOf, fieldError, notFound, parseIfMatch } from '@qingyuan/service-kit';
import type { Response } from 'express';
import { ClueQueries, type ClueRow } from '../clue.queries';
import { ClueService } from '../clue.service';
import { DecideClueDto, RejectClueDto } from './report.dto';

const STATUSES = ['received', 'accepted', 'rejected'];
const uuid = new ParseUUIDPipe({ exceptionFactory: () => fieldError('clueId', '必须是有效的线索编号', 'must be a clue id (UUID)') });

/** The bureau's clue queue (线索研判): list, read, accept or reject. */
@ApiTags('clues 线索')
@ApiBearerAuth()
@Controller('api/intake/clues')
export class CluesController {
  constructor(
    private readonly clues: ClueService,
    private readonly queries: ClueQueries,
  ) {}

  @Get()
  @Roles('analyst', 'hotline-staff', 'auditor')
  @ApiOperation({ summary: '线索列表 / List clues' })
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  async list(@Query('status') status?: string, @Query('limit') limit = '50', @Query('offset') offset = '0'): Promise<ClueRow[]> {
    if (status !== undefined && !STATUSES.includes(status)) {
      throw fieldError('status', `必须是以下值之一：${STATUSES.join(', ')}`, `must be one of ${STATUSES.join(', ')}`);
    }
    const take = Number(limit);
    const skip = Number(offset);
    if (!Number.isInteger(take) || take < 1 || take > 500) throw fieldError('limit', '必须是 1 至 500 的整数', 'must be an integer from 1 to 500');
    if (!Number.isInteger(skip) || skip < 0) throw fieldError('offset', '必须是非负整数', 'must be a non-negative integer');
    return this.queries.list({ status, limit: take, offset: skip });
  }

  @Get(':clueId')
  @Roles('analyst', 'hotline-staff', 'auditor')
  @ApiOperation({ summary: '线索详情（ETag 为版本号）/ One clue; the ETag is its version' })
  async get(@Param('clueId', uuid) clueId: string, @Res({ passthrough: true }) res: Response): Promise<ClueRow> {
    const clue = await this.queries.get(clueId);
    if (!clue) throw notFound('线索不存在', 'No such clue', 'CLUE_NOT_FOUND');
    res.setHeader('ETag', `"${clue.version}"`);
    return clue;
  }

  @Post(':clueId/accept')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: '受理线索（将立案为问题）/ Accept a clue: cases opens a problem from it' })
  @ApiHeader({ name: 'If-Match', required: false, description: '期望版本 / expected version; 412 if it moved' })
  async accept(
    @Param('clueId', uuid) clueId: string,
    @Body() body: DecideClueDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch?: string,
  ): Promise<{ clueId: string; version: number }> {
    const result = await this.clues.accept(clueId, actorOf(principal), body.note, parseIfMatch(ifMatch));
    return { clueId, version: result.nextVersion };
  }

  @Post(':clueId/reject')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: '不予受理 / Reject a clue, with a reason told to the reporter' })
  @ApiHeader({ name: 'If-Match', required: false })
  async reject(
    @Param('clueId', uuid) clueId: string,
    @Body() body: RejectClueDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('if-match') ifMatch?: string,
  ): Promise<{ clueId: string; version: number }> {
    const result = await this.clues.reject(clueId, actorOf(principal), body.reason, parseIfMatch(ifMatch));
    return { clueId, version: result.nextVersion };
  }
}
