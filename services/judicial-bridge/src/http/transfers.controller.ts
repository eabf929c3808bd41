import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal, type Role } from '@qingyuan/auth';
import { fieldError } from '@qingyuan/service-kit';
import { TRANSFER_STATUSES } from '@qingyuan/contracts';
import { TransferQueries, BUREAU_READERS } from '../transfers/transfer.queries';
import { Transfers, type StepCommand } from '../transfers/transfers';
import type { CrimeFacts } from '../domain/thresholds';
import { ApprovalDto, DraftDto, FactsDto, GroundsDto, MaterialDto, ReportDto, SupplementDto, WithdrawDto } from './judicial.dto';

/** A malformed id is a field error in both languages, like any other bad input. */
export const transferIdPipe = new ParseUUIDPipe({ exceptionFactory: () => fieldError('id', '必须是有效的移送案件编号', 'must be a transfer id (UUID)') });

export const LIAISONS: Role[] = ['police-liaison', 'procuratorate-liaison', 'court-liaison'];
export const READERS: Role[] = [...BUREAU_READERS, ...LIAISONS];

/** 行刑衔接, the bureau's side: draft, materials, approval, sending, reconsideration, supervision, withdrawal. */
@ApiTags('judicial 行刑衔接')
@ApiBearerAuth()
@ApiSecurity('agency-api-key')
@Controller('api/judicial/transfers')
export class TransfersController {
  constructor(
    private readonly transfers: Transfers,
    private readonly queries: TransferQueries,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiQuery({ name: 'status', required: false, enum: Object.keys(TRANSFER_STATUSES) })
  @ApiOperation({ summary: '移送案件；公检法联络员只看到移送至本机关的案件 / Transfers; an agency sees only those sent to it' })
  list(@CurrentPrincipal() p: Principal, @Query('status') status?: string) {
    return this.queries.list(p, { status: status || undefined });
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: '移送案件详情：材料、时限、全过程 / A transfer: materials, time limits, history' })
  get(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string) {
    return this.queries.detail(p, id);
  }

  @Post()
  @Roles('judicial-officer')
  @ApiOperation({ summary: '起草移送（可由涉嫌犯罪线索起草）/ Draft a transfer, e.g. from a lead' })
  async draft(@CurrentPrincipal() p: Principal, @Body() b: DraftDto) {
    return this.queries.detail(p, await this.transfers.draft(p, b));
  }

  @Post(':id/materials')
  @Roles('judicial-officer')
  @ApiOperation({ summary: '添加移送材料 / Add a material to the checklist' })
  async material(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: MaterialDto) {
    await this.transfers.addMaterial(p, id, b);
    return this.queries.detail(p, id);
  }

  @Post(':id/threshold-check')
  @HttpCode(200)
  @Roles('judicial-officer')
  @ApiOperation({ summary: '对照法释〔2023〕7号的立案标准（辅助判断，结果入档）/ Check the facts against the 2023 thresholds, on the record' })
  async threshold(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: FactsDto) {
    await this.transfers.checkThreshold(p, id, b.facts as CrimeFacts);
    return this.queries.detail(p, id);
  }

  @Post(':id/submission')
  @HttpCode(200)
  @Roles('judicial-officer')
  @ApiOperation({ summary: '提交移送报告，报负责人审批（3 日内）/ Submit the report to the head (decides within 3 days)' })
  submit(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: ReportDto) {
    return this.step(p, id, { kind: 'submit', report: b.report });
  }

  @Post(':id/approval')
  @HttpCode(200)
  @Roles('bureau-head')
  @ApiOperation({ summary: '负责人批准或不批准移送（不批准须写明理由）/ The head approves, or not with reasons' })
  approve(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: ApprovalDto) {
    return this.step(p, id, { kind: 'decide-approval', approved: b.approved, reasons: b.reasons });
  }

  @Post(':id/sending')
  @HttpCode(200)
  @Roles('judicial-officer')
  @ApiOperation({ summary: '移送公安机关并抄送检察院（材料须齐全，批准后 24 小时内）/ Send to the police, copied to the procuratorate' })
  send(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string) {
    return this.step(p, id, { kind: 'send' });
  }

  @Post(':id/supplement')
  @HttpCode(200)
  @Roles('judicial-officer')
  @ApiOperation({ summary: '补充材料（3 日内）/ Supplement the materials (within 3 days)' })
  supplement(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: SupplementDto) {
    return this.step(p, id, { kind: 'supplement', materialIds: b.materialIds, note: b.note });
  }

  @Post(':id/reconsideration-request')
  @HttpCode(200)
  @Roles('judicial-officer')
  @ApiOperation({ summary: '对不予立案提请复议（3 个工作日内）/ Ask the police to reconsider (within 3 working days)' })
  reconsider(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: GroundsDto) {
    return this.step(p, id, { kind: 'request-reconsideration', grounds: b.grounds });
  }

  @Post(':id/supervision-proposal')
  @HttpCode(200)
  @Roles('judicial-officer')
  @ApiOperation({ summary: '建议检察院立案监督 / Propose procuratorate supervision of filing' })
  supervise(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: GroundsDto) {
    return this.step(p, id, { kind: 'propose-supervision', grounds: b.grounds });
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @Roles('judicial-officer')
  @ApiOperation({ summary: '撤回移送（立案前）/ Withdraw the transfer (before filing)' })
  withdraw(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: WithdrawDto) {
    return this.step(p, id, { kind: 'withdraw', reason: b.reason });
  }

  private async step(p: Principal, id: string, command: StepCommand) {
    await this.transfers.act(p, id, command);
    return this.queries.detail(p, id);
  }
}
