import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { notFound } from '@qingyuan/service-kit';
import { DrawQueries } from '../draws/draw.queries';
import { Draws } from '../draws/draws';
import { PlanDto } from './enforcement.dto';
import { ENFORCEMENT_READERS } from './registry.controller';

/** 双随机: plans, the committed draw, its performance and its verification. */
@ApiTags('enforcement 双随机抽查')
@ApiBearerAuth()
@Controller('api/enforcement')
export class DrawsController {
  constructor(
    private readonly draws: Draws,
    private readonly queries: DrawQueries,
  ) {}

  @Get('plans')
  @Roles(...ENFORCEMENT_READERS)
  @ApiOperation({ summary: '抽查计划 / Inspection plans' })
  plans() {
    return this.queries.plans();
  }

  @Post('plans')
  @Roles('enforcement-officer')
  @ApiOperation({ summary: '制定抽查计划（比例缺省取监管配置）/ Create a plan (ratios default to the supervision rules)' })
  createPlan(@Body() b: PlanDto, @CurrentPrincipal() p: Principal) {
    return this.draws.createPlan(p, b);
  }

  @Post('plans/:planId/draws')
  @Roles('enforcement-officer')
  @ApiConflictResponse({ description: 'DRAW_EXISTS 该计划已有抽取 / the plan already has a draw' })
  @ApiOperation({ summary: '冻结对象库与执法人员库并承诺随机种子（公布哈希）/ Freeze the lists and commit to a seed (its hash is published)' })
  commit(@Param('planId', ParseUUIDPipe) planId: string, @CurrentPrincipal() p: Principal) {
    return this.draws.commit(p, planId);
  }

  @Get('draws')
  @Roles(...ENFORCEMENT_READERS)
  @ApiOperation({ summary: '抽取记录 / Draws' })
  list() {
    return this.queries.draws();
  }

  @Get('draws/:drawId')
  @Roles(...ENFORCEMENT_READERS)
  @ApiOperation({ summary: '一次抽取（承诺、结果）/ A draw: its commitment and result' })
  async get(@Param('drawId', ParseUUIDPipe) drawId: string) {
    const [draw] = await this.queries.draws(drawId);
    return draw ?? Promise.reject(notFound('抽取不存在', 'No such draw', 'DRAW_NOT_FOUND'));
  }

  @Post('draws/:drawId/perform')
  @HttpCode(200)
  @Roles('enforcement-officer')
  @ApiConflictResponse({ description: 'DRAW_PERFORMED 已抽取 / already performed' })
  @ApiOperation({ summary: '进行抽取：公开种子、抽取对象与执法人员、生成检查任务 / Perform: reveal the seed, draw, create the tasks' })
  perform(@Param('drawId', ParseUUIDPipe) drawId: string, @CurrentPrincipal() p: Principal) {
    return this.draws.perform(p, drawId);
  }

  @Get('draws/:drawId/record')
  @Roles(...ENFORCEMENT_READERS)
  @ApiOperation({ summary: '抽取的完整记录（输入、种子、承诺、结果），可用 `qingyuan draw verify --file` 独立复核 / The full record, to verify independently' })
  record(@Param('drawId', ParseUUIDPipe) drawId: string) {
    return this.draws.record(drawId);
  }

  @Get('draws/:drawId/verification')
  @Roles(...ENFORCEMENT_READERS)
  @ApiOperation({ summary: '复核：按公布的输入与种子重算，逐字节比对 / Verify: recompute from the published inputs and compare byte for byte' })
  verify(@Param('drawId', ParseUUIDPipe) drawId: string) {
    return this.draws.verify(drawId);
  }
}
