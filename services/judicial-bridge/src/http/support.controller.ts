import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { fieldError } from '@qingyuan/service-kit';
import { JUDICIAL_RULE_KINDS, JudicialRules, type JudicialRuleKind, type JudicialRuleKinds } from '../settings/judicial-rules';
import { Agencies } from '../transfers/agencies';
import { Consultations } from '../transfers/consultations';
import { Leads } from '../transfers/leads';
import { BUREAU_READERS, TransferQueries } from '../transfers/transfer.queries';
import type { CrimeFacts } from '../domain/thresholds';
import { Transfers } from '../transfers/transfers';
import { AgencyDto, ApiKeyDto, ConsultationDto, FactsDto, RulesDto } from './judicial.dto';
import { READERS } from './transfers.controller';

/** The clock time limits and numbers run on (tests move it). */
export const CLOCK = Symbol('CLOCK');

/** Leads to draft from, consultations, the numbers, the configuration, and the agencies with their API keys. */
@ApiTags('judicial 行刑衔接')
@ApiBearerAuth()
@ApiSecurity('agency-api-key')
@Controller('api/judicial')
export class SupportController {
  constructor(
    private readonly leads: Leads,
    private readonly consultations: Consultations,
    private readonly queries: TransferQueries,
    private readonly rules: JudicialRules,
    private readonly agencies: Agencies,
    private readonly transfers: Transfers,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get('leads')
  @Roles(...BUREAU_READERS)
  @ApiOperation({ summary: '待起草的涉嫌犯罪线索（来自问题和处罚案件）/ Suspected crimes waiting for a draft' })
  openLeads() {
    return this.leads.list();
  }

  @Post('threshold-check')
  @HttpCode(200)
  @Roles(...BUREAU_READERS)
  @ApiOperation({ summary: '刑事立案标准对照（辅助判断，不入档）/ Which 2023 criteria the facts meet (decision support, not recorded)' })
  thresholds(@Body() b: FactsDto) {
    return this.transfers.thresholds(b.facts as CrimeFacts);
  }

  @Get('consultations')
  @Roles(...READERS)
  @ApiQuery({ name: 'transferId', required: false })
  @ApiOperation({ summary: '案件会商记录；公检法只能按本机关的移送案件查看 / Consultations; an agency only on its transfers' })
  listConsultations(@CurrentPrincipal() p: Principal, @Query('transferId') transferId?: string) {
    if (!transferId && !p.roles.some((r) => (BUREAU_READERS as readonly string[]).includes(r))) throw fieldError('transferId', '请指定移送案件', 'is required for an agency');
    return this.consultations.list(p, transferId || undefined);
  }

  @Post('consultations')
  @Roles('judicial-officer', 'police-liaison', 'procuratorate-liaison')
  @ApiOperation({ summary: '记录案件会商（参加单位和人员、结论）/ Record a consultation with its participants and conclusions' })
  async consult(@CurrentPrincipal() p: Principal, @Body() b: ConsultationDto) {
    return { consultationId: await this.consultations.record(p, b) };
  }

  @Get('numbers')
  @Roles(...BUREAU_READERS)
  @ApiOperation({ summary: '统计：各状态数量、各环节用时、各机关超期答复 / Numbers: by status, days per status, overdue by agency' })
  numbers() {
    return this.queries.numbers(this.clock());
  }

  @Get('rules/:kind')
  @Roles(...BUREAU_READERS)
  @ApiParam({ name: 'kind', enum: JUDICIAL_RULE_KINDS })
  @ApiOperation({ summary: '时限表与必备材料（当前与历史版本）/ Time limits and required materials, with versions' })
  async getRules(@Param('kind') kind: string) {
    const k = kindOf(kind);
    return { current: await this.rules.current(k), versions: await this.rules.history(k) };
  }

  @Put('rules/:kind')
  @Roles('admin')
  @ApiParam({ name: 'kind', enum: JUDICIAL_RULE_KINDS })
  @ApiOperation({ summary: '保存新版本（已开始的时限不变）/ Save a new version (running limits keep theirs)' })
  saveRules(@CurrentPrincipal() p: Principal, @Param('kind') kind: string, @Body() b: RulesDto) {
    const k = kindOf(kind);
    return this.rules.add(k, b.rules as JudicialRuleKinds[typeof k], p.userId, b.note);
  }

  @Get('agencies')
  @Roles(...READERS)
  @ApiOperation({ summary: '公检法机关 / The agencies' })
  listAgencies() {
    return this.agencies.list();
  }

  @Post('agencies')
  @Roles('admin')
  @ApiOperation({ summary: '添加公检法机关（如上级公安机关的专业支队）/ Add an agency' })
  addAgency(@Body() b: AgencyDto) {
    return this.agencies.add(b);
  }

  @Get('api-keys')
  @Roles('admin')
  @ApiOperation({ summary: '公检法系统对接密钥（不含密钥本身）/ API keys of agency platforms (never the secret)' })
  keys() {
    return this.agencies.keys();
  }

  @Post('api-keys')
  @Roles('admin')
  @ApiOperation({ summary: '为机关平台签发接口密钥（只显示一次）/ Issue an API key for an agency’s platform (shown once)' })
  issue(@CurrentPrincipal() p: Principal, @Body() b: ApiKeyDto) {
    return this.agencies.createKey(b.agencyCode, b.label, p.userId);
  }

  @Delete('api-keys/:keyId')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: '吊销接口密钥 / Revoke an API key' })
  async revoke(@Param('keyId') keyId: string) {
    await this.agencies.revokeKey(keyId);
  }
}

function kindOf(kind: string): JudicialRuleKind {
  if (!JUDICIAL_RULE_KINDS.includes(kind as JudicialRuleKind)) throw fieldError('kind', `须为 ${JUDICIAL_RULE_KINDS.join('、')}`, `must be one of ${JUDICIAL_RULE_KINDS.join(', ')}`);
  return kind as JudicialRuleKind;
}
