import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CHANNEL_CODES, TOWN_CODES } from '@qingyuan/contracts';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { actorOf, fieldError, notFound, parseIfMatch } from '@qingyuan/service-kit';
import type { Response } from 'express';
import { readAttachment } from '../attachments/attachments';
import { ClueQueries, type ClueSummary } from '../clues/clue.queries';
import { ClueService } from '../clues/clue.service';
import { DuplicateFinder, type DuplicateSuggestion } from '../clues/duplicate-finder';
import { AcceptClueDto, CorrectTownDto, DismissDuplicateDto, MergeClueDto, ReferClueDto, RejectClueDto } from './triage.dto';

const STATUSES = ['received', 'accepted', 'rejected', 'referred', 'merged'];
export const clueIdPipe = new ParseUUIDPipe({ exceptionFactory: () => fieldError('clueId', '必须是有效的线索编号', 'must be a clue id (UUID)') });
const NO_CLUE = () => notFound('线索不存在', 'No such clue', 'CLUE_NOT_FOUND');

function pageOf(limit: string, offset: string): { limit: number; offset: number } {
  const take = Number(limit);
  const skip = Number(offset);
  if (!Number.isInteger(take) || take < 1 || take > 500) throw fieldError('limit', '必须是 1 至 500 的整数', 'must be an integer from 1 to 500');
  if (!Number.isInteger(skip) || skip < 0) throw fieldError('offset', '必须是非负整数', 'must be a non-negative integer');
  return { limit: take, offset: skip };
}

function oneOf(field: string, value: string | undefined, allowed: readonly string[]): string | undefined {
  if (value !== undefined && !allowed.includes(value)) {
    throw fieldError(field, `必须是以下值之一：${allowed.join(', ')}`, `must be one of ${allowed.join(', ')}`);
  }
  return value;
}

/** The bureau's clue queue (线索研判): read, find duplicates, accept, reject, refer, merge, correct the town. */
@ApiTags('clues 线索研判')
@ApiBearerAuth()
@Controller('api/intake/clues')
export class CluesController {
  constructor(
    private readonly clues: ClueService,
    private readonly queries: ClueQueries,
    private readonly duplicates: DuplicateFinder,
  ) {}

  @Get()
  @Roles('analyst', 'hotline-staff', 'auditor')
  @ApiOperation({ summary: '线索列表 / List clues' })
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  @ApiQuery({ name: 'channel', required: false, enum: CHANNEL_CODES })
  @ApiQuery({ name: 'townCode', required: false, enum: TOWN_CODES })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  list(
    @Query('status') status?: string,
    @Query('channel') channel?: string,
    @Query('townCode') townCode?: string,
    @Query('limit') limit = '50',
    @Query('offset') offset = '0',
  ): Promise<ClueSummary[]> {
    return this.queries.list({
      status: oneOf('status', status, STATUSES),
      channel: oneOf('channel', channel, CHANNEL_CODES),
      townCode: oneOf('townCode', townCode, TOWN_CODES),
      ...pageOf(limit, offset),
    });
  }

  @Get('statistics')
  @Roles('analyst', 'hotline-staff', 'auditor', 'leader')
  @ApiOperation({ summary: '线索数量（按状态、渠道）/ Clue counts by status and channel' })
  statistics() {
    return this.queries.statistics();
  }

  @Get(':clueId')
  @Roles('analyst', 'hotline-staff', 'auditor')
  @ApiOperation({ summary: '线索详情（ETag 为版本号；同一举报人举报次数，不显示身份）/ One clue; ETag = version' })
  async get(@Param('clueId', clueIdPipe) clueId: string, @Res({ passthrough: true }) res: Response) {
    const clue = await this.queries.detail(clueId);
    if (!clue) throw NO_CLUE();
    res.setHeader('ETag', `"${clue.version}"`);
    return clue;
  }

  @Get(':clueId/duplicates')
  @Roles('analyst', 'hotline-staff')
  @ApiOperation({ summary: '疑似重复线索（同类、相近地点和时间、文字相似）/ Suggested duplicates: same category, near in place and time, similar text' })
  async suggestions(@Param('clueId', clueIdPipe) clueId: string): Promise<DuplicateSuggestion[]> {
    const clue = await this.queries.get(clueId);
    if (!clue) throw NO_CLUE();
    return this.duplicates.suggest(clue);
  }

  @Get(':clueId/attachments/:attachmentId')
  @Roles('analyst', 'hotline-staff', 'auditor')
  @ApiOperation({ summary: '附件原件（含拍摄位置）/ The original attachment, with its location metadata' })
  async attachment(
    @Param('clueId', clueIdPipe) clueId: string,
    @Param('attachmentId', new ParseUUIDPipe({ exceptionFactory: () => fieldError('attachmentId', '格式不正确', 'is not an id') })) attachmentId: string,
    @Res() res: Response,
  ): Promise<void> {
    const file = await readAttachment(this.queries.sql, clueId, attachmentId, 'original');
    if (!file) throw notFound('附件不存在', 'No such attachment', 'ATTACHMENT_NOT_FOUND');
    res.setHeader('content-type', file.mediaType);
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    res.end(file.bytes);
  }

  @Post(':clueId/accept')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: '受理：新立案，或并入已有问题 / Accept: open a problem, or join an existing one' })
  @ApiHeader({ name: 'If-Match', required: false, description: '期望版本 / expected version; 412 if it moved' })
  async accept(@Param('clueId', clueIdPipe) clueId: string, @Body() body: AcceptClueDto, @CurrentPrincipal() p: Principal, @Headers('if-match') ifMatch?: string) {
    const result = await this.clues.accept(clueId, actorOf(p), { note: body.note, joinProblemId: body.joinProblemId }, parseIfMatch(ifMatch));
    return { clueId, version: result.nextVersion };
  }

  @Post(':clueId/reject')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: '不予受理（理由告知举报人）/ Reject, with a reason told to the reporter' })
  @ApiHeader({ name: 'If-Match', required: false })
  async reject(@Param('clueId', clueIdPipe) clueId: string, @Body() body: RejectClueDto, @CurrentPrincipal() p: Principal, @Headers('if-match') ifMatch?: string) {
    const result = await this.clues.reject(clueId, actorOf(p), body.reasonCode, body.reason, parseIfMatch(ifMatch));
    return { clueId, version: result.nextVersion };
  }

  @Post(':clueId/refer')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: '转交其他部门办理 / Refer to another authority' })
  @ApiHeader({ name: 'If-Match', required: false })
  async refer(@Param('clueId', clueIdPipe) clueId: string, @Body() body: ReferClueDto, @CurrentPrincipal() p: Principal, @Headers('if-match') ifMatch?: string) {
    const result = await this.clues.refer(clueId, actorOf(p), body.authority, body.note, parseIfMatch(ifMatch));
    return { clueId, version: result.nextVersion };
  }

  @Post(':clueId/town')
  @HttpCode(200)
  @Roles('analyst', 'hotline-staff')
  @ApiOperation({ summary: '更正属地镇街 / Correct the town' })
  async correctTown(@Param('clueId', clueIdPipe) clueId: string, @Body() body: CorrectTownDto, @CurrentPrincipal() p: Principal) {
    const result = await this.clues.correctTown(clueId, actorOf(p), body.townCode, body.reason);
    return { clueId, version: result.nextVersion };
  }

  @Post(':clueId/merge')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: '并案：与另一线索合并办理（可撤销）/ Merge into another clue (reversible)' })
  @ApiHeader({ name: 'If-Match', required: false })
  async merge(@Param('clueId', clueIdPipe) clueId: string, @Body() body: MergeClueDto, @CurrentPrincipal() p: Principal, @Headers('if-match') ifMatch?: string) {
    const result = await this.clues.merge(clueId, body.intoClueId, actorOf(p), parseIfMatch(ifMatch));
    return { clueId, version: result.nextVersion };
  }

  @Post(':clueId/unmerge')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: '撤销并案 / Undo a merge' })
  async unmerge(@Param('clueId', clueIdPipe) clueId: string, @CurrentPrincipal() p: Principal) {
    const result = await this.clues.unmerge(clueId, actorOf(p));
    return { clueId, version: result.nextVersion };
  }

  @Post(':clueId/dismiss-duplicate')
  @HttpCode(200)
  @Roles('analyst', 'hotline-staff')
  @ApiOperation({ summary: '排除疑似重复 / Dismiss a suggested duplicate' })
  async dismiss(@Param('clueId', clueIdPipe) clueId: string, @Body() body: DismissDuplicateDto, @CurrentPrincipal() p: Principal) {
    const result = await this.clues.dismissDuplicate(clueId, body.candidateClueId, actorOf(p));
    return { clueId, version: result.nextVersion };
  }
}
