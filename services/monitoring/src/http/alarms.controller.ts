import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { ALARM_KINDS, TIER_ORDER, type AlarmTier } from '@qingyuan/contracts';
import { fieldError, RuleVersionStore } from '@qingyuan/service-kit';
import { AlarmActions } from '../alarms/alarm-actions';
import { alarmRuleProblems, type AlarmRules } from '../domain/alarm-rules';
import { MonitoringQueries } from '../queries/monitoring.queries';
import { AlarmRuleSource, type MonitoringRuleKinds } from '../settings/alarm-rule-source';
import { MONITORING_READERS } from './devices.controller';
import {
  AssignVerificationDto,
  ExplanationDto,
  NoteDto,
  OutcomeDto,
  RequiredNoteDto,
  RulesDto,
  SupervisionDto,
  VerificationResultDto,
  WarningDto,
} from './monitoring.dto';

/** Alarms and what people do with them: 签收、远程预警、现场核查、重点督办、解除. */
@ApiTags('monitoring 分级预警')
@ApiBearerAuth()
@Controller('api/monitoring')
export class AlarmsController {
  constructor(
    private readonly queries: MonitoringQueries,
    private readonly actions: AlarmActions,
  ) {}

  @Get('alarms')
  @Roles(...MONITORING_READERS)
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'cleared'] })
  @ApiQuery({ name: 'tier', required: false, enum: TIER_ORDER })
  @ApiQuery({ name: 'kind', required: false, enum: Object.keys(ALARM_KINDS) })
  @ApiQuery({ name: 'stage', required: false, enum: ['alarm', 'warned', 'verifying', 'verified', 'supervised', 'closed'] })
  @ApiQuery({ name: 'deviceId', required: false })
  @ApiQuery({ name: 'townCode', required: false })
  @ApiOperation({ summary: '预警列表（镇街只见本辖区）/ Alarms (towns see their own)' })
  list(@CurrentPrincipal() p: Principal, @Query() q: Record<string, string>) {
    if (q.status && !['open', 'cleared'].includes(q.status)) throw fieldError('status', '须为 open 或 cleared', 'must be open or cleared');
    if (q.tier && !TIER_ORDER.includes(q.tier as AlarmTier)) throw fieldError('tier', `须为 ${TIER_ORDER.join('/')}`, `must be ${TIER_ORDER.join('/')}`);
    return this.queries.alarms(p, { status: q.status as 'open', tier: q.tier, kind: q.kind, stage: q.stage, deviceId: q.deviceId, townCode: q.townCode });
  }

  @Get('alarms/:id')
  @Roles(...MONITORING_READERS)
  @ApiOperation({ summary: '预警详情：证据、处置阶段、核查任务、全部事件 / An alarm with evidence, stage, tasks and every event' })
  get(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.queries.alarm(p, id);
  }

  @Post('alarms/:id/acknowledge')
  @Roles('analyst', 'town-officer')
  @ApiOperation({ summary: '签收（未按时签收会升级）/ Acknowledge (unacknowledged alarms escalate)' })
  acknowledge(@Param('id') id: string, @Body() b: NoteDto, @CurrentPrincipal() p: Principal) {
    return this.actions.acknowledge(p, id, b.note);
  }

  @Post('alarms/:id/remote-warning')
  @Roles('analyst')
  @ApiOperation({ summary: '远程预警：通知企业并要求说明 / Warn the enterprise remotely and ask for an explanation' })
  warn(@Param('id') id: string, @Body() b: WarningDto, @CurrentPrincipal() p: Principal) {
    return this.actions.remoteWarning(p, id, b.message);
  }

  @Post('alarms/:id/explanation')
  @Roles('analyst', 'town-officer')
  @ApiOperation({ summary: '登记企业说明 / Record the enterprise’s explanation' })
  explain(@Param('id') id: string, @Body() b: ExplanationDto, @CurrentPrincipal() p: Principal) {
    return this.actions.explain(p, id, b.explanation);
  }

  @Post('alarms/:id/verification')
  @Roles('analyst')
  @ApiOperation({ summary: '派发现场核查任务（期限按预警等级，重点排污单位按红色）/ Send someone to verify on site' })
  assign(@Param('id') id: string, @Body() b: AssignVerificationDto, @CurrentPrincipal() p: Principal) {
    return this.actions.assignVerification(p, id, b);
  }

  @Post('alarms/:id/verification/result')
  @Roles('analyst', 'town-officer', 'inspector', 'grid-worker')
  @ApiOperation({ summary: '填报现场核查结果（属实则转为线索）/ Record the verification; a confirmed one becomes a clue' })
  verify(@Param('id') id: string, @Body() b: VerificationResultDto, @CurrentPrincipal() p: Principal) {
    return this.actions.recordVerification(p, id, b);
  }

  @Post('alarms/:id/supervision')
  @Roles('analyst', 'leader')
  @ApiOperation({ summary: '重点督办（核查属实后）/ Order supervision of a confirmed alarm' })
  supervise(@Param('id') id: string, @Body() b: SupervisionDto, @CurrentPrincipal() p: Principal) {
    return this.actions.orderSupervision(p, id, b);
  }

  @Post('alarms/:id/supervision/close')
  @Roles('analyst', 'leader', 'department-officer')
  @ApiOperation({ summary: '督办办结 / Close the supervision' })
  closeSupervision(@Param('id') id: string, @Body() b: OutcomeDto, @CurrentPrincipal() p: Principal) {
    return this.actions.closeSupervision(p, id, b.outcome);
  }

  @Post('alarms/:id/close')
  @Roles('analyst')
  @ApiOperation({ summary: '人工解除（如误报），须说明原因 / Close an open alarm by hand, with the reason' })
  close(@Param('id') id: string, @Body() b: RequiredNoteDto, @CurrentPrincipal() p: Principal) {
    return this.actions.close(p, id, b.note);
  }

  @Get('verification-tasks/mine')
  @Roles('analyst', 'town-officer', 'inspector', 'grid-worker')
  @ApiOperation({ summary: '我的现场核查任务 / My site verification tasks' })
  mine(@CurrentPrincipal() p: Principal) {
    return this.queries.myTasks(p);
  }
}

/** 分级分类预警 rules as versions: a new version applies from the next batch; alarms record the version that opened them. */
@ApiTags('monitoring 分级预警')
@ApiBearerAuth()
@Controller('api/monitoring/rules')
export class AlarmRulesController {
  constructor(
    private readonly source: AlarmRuleSource,
    private readonly store: RuleVersionStore<MonitoringRuleKinds>,
  ) {}

  @Get()
  @Roles(...MONITORING_READERS)
  @ApiOperation({ summary: '当前版本与历史版本 / The current version and the history' })
  async get() {
    return { current: await this.store.current('alarm-rules'), versions: await this.store.history('alarm-rules') };
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: '保存新版本（整表校验，有误则不保存）/ Save a new version, checked whole' })
  async save(@Body() b: RulesDto, @CurrentPrincipal() p: Principal) {
    const rules = b.rules as unknown as AlarmRules;
    const saved = await this.store.add('alarm-rules', rules, p.userId, b.note, alarmRuleProblems(rules));
    this.source.forget();
    return saved;
  }
}
