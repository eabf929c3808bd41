import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { Agencies } from '../transfers/agencies';
import { TransferQueries } from '../transfers/transfer.queries';
import { Transfers, type StepCommand } from '../transfers/transfers';
import { transferIdPipe } from './transfers.controller';
import { ArrestDto, DetentionDto, DocumentDto, ExtensionDto, FilingDto, JudgmentDto, MissingDto, ProsecutionDto, ReceiptDto, SupervisionDecisionDto } from './judicial.dto';

/**
 * The agencies' answers, each an event: by their liaisons signed in, or by their own platform with an API key
 * (`Authorization: ApiKey <keyId>.<secret>`). A transfer not sent to the caller's agency does not exist for it.
 */
@ApiTags('judicial 公检法答复')
@ApiBearerAuth()
@ApiSecurity('agency-api-key')
@ApiNotFoundResponse({ description: 'TRANSFER_NOT_FOUND 未移送至本机关 / not sent to your agency' })
@Controller('api/judicial/transfers')
export class AnswersController {
  constructor(
    private readonly transfers: Transfers,
    private readonly queries: TransferQueries,
    private readonly agencies: Agencies,
  ) {}

  @Post(':id/receipt')
  @HttpCode(200)
  @Roles('police-liaison')
  @ApiOperation({ summary: '公安：接收（签收回执）/ Police: receipt' })
  receive(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: ReceiptDto) {
    return this.step(p, id, { kind: 'receive', receiptNumber: b.receiptNumber });
  }

  @Post(':id/materials-request')
  @HttpCode(200)
  @Roles('police-liaison')
  @ApiOperation({ summary: '公安：材料不全，书面告知补充（24 小时内）/ Police: materials missing' })
  requestMaterials(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: MissingDto) {
    return this.step(p, id, { kind: 'request-materials', missing: b.missing });
  }

  @Post(':id/review-extension')
  @HttpCode(200)
  @Roles('police-liaison')
  @ApiOperation({ summary: '公安：需要核查（7 日）或重大疑难复杂（30 日）/ Police: longer review period' })
  extend(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: ExtensionDto) {
    return this.step(p, id, { kind: 'extend-review', reason: b.reason });
  }

  @Post(':id/filing')
  @HttpCode(200)
  @Roles('police-liaison')
  @ApiOperation({ summary: '公安：立案或不予立案（说明理由）/ Police: filed, or not filed with reasons' })
  file(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: FilingDto) {
    return this.step(p, id, { kind: 'decide-filing', filed: b.filed, documentNumber: b.documentNumber, reasons: b.reasons });
  }

  @Post(':id/reconsideration')
  @HttpCode(200)
  @Roles('police-liaison')
  @ApiOperation({ summary: '公安：复议决定（3 个工作日内）/ Police: reconsideration decided' })
  reconsider(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: FilingDto) {
    return this.step(p, id, { kind: 'decide-reconsideration', filed: b.filed, documentNumber: b.documentNumber, reasons: b.reasons });
  }

  @Post(':id/supervision')
  @HttpCode(200)
  @Roles('procuratorate-liaison')
  @ApiOperation({ summary: '检察院：立案监督结果 / Procuratorate: supervision decided' })
  supervise(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: SupervisionDecisionDto) {
    return this.step(p, id, { kind: 'decide-supervision', orderedFiling: b.orderedFiling, documentNumber: b.documentNumber, reasons: b.reasons });
  }

  @Post(':id/arrest')
  @HttpCode(200)
  @Roles('procuratorate-liaison')
  @ApiOperation({ summary: '检察院：批准或不批准逮捕 / Procuratorate: arrest approved or not' })
  arrest(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: ArrestDto) {
    return this.step(p, id, { kind: 'decide-arrest', approved: b.approved, documentNumber: b.documentNumber, date: b.date });
  }

  @Post(':id/prosecution-review')
  @HttpCode(200)
  @Roles('police-liaison')
  @ApiOperation({ summary: '公安：侦查终结，移送审查起诉 / Police: sent for prosecution review' })
  review(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: DocumentDto) {
    return this.step(p, id, { kind: 'start-prosecution-review', documentNumber: b.documentNumber });
  }

  @Post(':id/prosecution')
  @HttpCode(200)
  @Roles('procuratorate-liaison')
  @ApiOperation({ summary: '检察院：提起公诉（写明法院）或不起诉 / Procuratorate: prosecuted (naming the court) or not' })
  async prosecute(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: ProsecutionDto) {
    const court = b.prosecuted ? await (b.courtCode ? this.agencies.require(b.courtCode, 'court') : this.agencies.defaultOf('court')) : undefined;
    const { courtCode: _courtCode, ...decision } = b;
    return this.step(p, id, { kind: 'decide-prosecution', ...decision, ...(court ? { court } : {}) });
  }

  @Post(':id/judgment')
  @HttpCode(200)
  @Roles('court-liaison')
  @ApiOperation({ summary: '法院：判决 / Court: judgment' })
  judge(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: JudgmentDto) {
    return this.step(p, id, { kind: 'record-judgment', convicted: b.convicted, documentNumber: b.documentNumber, date: b.date, sentence: b.sentence });
  }

  @Post(':id/detention')
  @HttpCode(200)
  @Roles('police-liaison')
  @ApiOperation({ summary: '公安：行政拘留决定或不予拘留（说明理由）/ Police: detention decided, or declined with reasons' })
  detain(@CurrentPrincipal() p: Principal, @Param('id', transferIdPipe) id: string, @Body() b: DetentionDto) {
    return this.step(p, id, { kind: 'decide-detention', ...b });
  }

  private async step(p: Principal, id: string, command: StepCommand) {
    await this.transfers.act(p, id, command);
    return this.queries.detail(p, id);
  }
}
