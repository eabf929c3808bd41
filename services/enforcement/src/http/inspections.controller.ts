import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { notFound } from '@qingyuan/service-kit';
import { Inspections } from '../inspections/inspections';
import { TaskQueries } from '../inspections/task.queries';
import { CaseQueries } from '../penalties/case.queries';
import { PenaltyCases } from '../penalties/penalty-cases';
import { ExemptionCheckDto, InspectionResultDto, OpenCaseDto, PenaltyDto, TargetedTaskDto, TransferDto } from './enforcement.dto';
import { ENFORCEMENT_READERS, inspectorOnly } from './registry.controller';

const NO_TASK = () => notFound('检查任务不存在', 'No such inspection task', 'TASK_NOT_FOUND');

/** Inspection tasks (random and targeted), their results, and penalty cases with the minor-violation check. */
@ApiTags('enforcement 检查与处罚')
@ApiBearerAuth()
@Controller('api/enforcement')
export class InspectionsController {
  constructor(
    private readonly inspections: Inspections,
    private readonly tasks: TaskQueries,
    private readonly cases: PenaltyCases,
    private readonly caseQueries: CaseQueries,
  ) {}

  @Get('tasks')
  @Roles(...ENFORCEMENT_READERS, 'inspector')
  @ApiQuery({ name: 'status', required: false, enum: ['assigned', 'done'] })
  @ApiQuery({ name: 'drawId', required: false })
  @ApiOperation({ summary: '检查任务；执法检查人员只看到自己的任务 / Tasks; an inspector sees only their own' })
  list(@CurrentPrincipal() p: Principal, @Query('status') status?: string, @Query('drawId') drawId?: string) {
    return this.tasks.list({ status: status || undefined, drawId: drawId || undefined, inspectorId: inspectorOnly(p) ? p.userId : undefined });
  }

  @Get('tasks/:taskId')
  @Roles(...ENFORCEMENT_READERS, 'inspector')
  @ApiOperation({ summary: '一项检查任务 / A task' })
  async get(@Param('taskId', ParseUUIDPipe) taskId: string, @CurrentPrincipal() p: Principal) {
    const task = await this.tasks.get(taskId);
    if (!task || (inspectorOnly(p) && !task.inspectorIds.includes(p.userId))) throw NO_TASK();
    return task;
  }

  @Post('tasks')
  @Roles('enforcement-officer')
  @ApiOperation({ summary: '专项（定向）检查：由问题或报警触发 / A targeted inspection, from a problem or an alarm' })
  async targeted(@Body() b: TargetedTaskDto, @CurrentPrincipal() p: Principal) {
    return { taskId: await this.inspections.createTargeted(p, b) };
  }

  @Post('tasks/:taskId/result')
  @HttpCode(200)
  @Roles('inspector')
  @ApiOperation({ summary: '记录检查结果与证据（违法行为将立案并在问题库立项）/ Record the result with evidence; a violation opens a case and a problem' })
  async record(@Param('taskId', ParseUUIDPipe) taskId: string, @Body() b: InspectionResultDto, @CurrentPrincipal() p: Principal) {
    await this.inspections.record(p, taskId, b);
    return this.tasks.get(taskId);
  }

  @Get('cases')
  @Roles(...ENFORCEMENT_READERS)
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'exempted', 'penalised', 'transferred'] })
  @ApiOperation({ summary: '行政处罚案件 / Penalty cases' })
  listCases(@Query('status') status?: string) {
    return this.caseQueries.list({ status: status || undefined });
  }

  @Post('cases')
  @Roles('enforcement-officer')
  @ApiOperation({ summary: '立案（如由问题线索）/ Open a case, e.g. from a problem' })
  async open(@Body() b: OpenCaseDto, @CurrentPrincipal() p: Principal) {
    return { caseId: await this.cases.open(p, b) };
  }

  @Post('cases/:caseId/exemption-check')
  @HttpCode(200)
  @Roles('enforcement-officer')
  @ApiOperation({ summary: '对照轻微违法不予处罚清单（处罚前必做，结果入档）/ Check the minor-violation list (required before a penalty)' })
  async exemption(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() b: ExemptionCheckDto, @CurrentPrincipal() p: Principal) {
    await this.cases.checkExemption(p, caseId, b);
    return this.oneCase(caseId);
  }

  @Post('cases/:caseId/penalty')
  @HttpCode(200)
  @Roles('enforcement-officer')
  @ApiOperation({ summary: '作出行政处罚决定（法律依据、罚款）/ Decide a penalty with its legal basis and fine' })
  async penalty(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() b: PenaltyDto, @CurrentPrincipal() p: Principal) {
    await this.cases.decide(p, caseId, b);
    return this.oneCase(caseId);
  }

  @Post('cases/:caseId/transfer')
  @HttpCode(200)
  @Roles('enforcement-officer')
  @ApiOperation({ summary: '涉嫌犯罪移送（信用降为最低）/ Transfer as a suspected crime' })
  async transfer(@Param('caseId', ParseUUIDPipe) caseId: string, @Body() b: TransferDto, @CurrentPrincipal() p: Principal) {
    await this.cases.transfer(p, caseId, b.reason);
    return this.oneCase(caseId);
  }

  private async oneCase(caseId: string) {
    const [c] = await this.caseQueries.list({ caseId });
    return c;
  }
}
