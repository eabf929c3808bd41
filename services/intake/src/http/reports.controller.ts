import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@qingyuan/auth';
import { actorOf, notFound } from '@qingyuan/service-kit';
import { ClueQueries, type PublicProgress } from '../clue.queries';
import { ClueService } from '../clue.service';
import { normaliseReceiptCode, receiptCodeHash } from '../domain/receipt-code';
import { PublicReportDto, ReportReceiptDto } from './report.dto';

const UNKNOWN_CODE = () => notFound('查询码无效，请核对后重试', 'Unknown receipt code; check it and try again', 'RECEIPT_NOT_FOUND');

/** The public side: report a problem, follow it with the receipt code. No login. */
@ApiTags('public reports 群众举报')
@Controller('api/intake')
export class ReportsController {
  constructor(
    private readonly clues: ClueService,
    private readonly queries: ClueQueries,
  ) {}

  @Post('reports')
  @Public()
  @HttpCode(201)
  @ApiOperation({ summary: '提交举报（匿名或实名）/ Report a problem, anonymously or by real name' })
  @ApiCreatedResponse({ type: ReportReceiptDto })
  async report(@Body() body: PublicReportDto): Promise<ReportReceiptDto> {
    const { receiptCode, submittedAt } = await this.clues.report(body, actorOf(undefined));
    return {
      receiptCode,
      submittedAt,
      zh: '举报已提交。请保存查询码，用于查询办理进度；我们对举报人身份严格保密。',
      en: 'Your report was sent. Keep the receipt code to follow it; your identity is kept confidential.',
    };
  }

  @Get('receipts/:code')
  @Public()
  @ApiOperation({ summary: '凭查询码查询办理进度 / Progress of a report by its receipt code' })
  @ApiNotFoundResponse({ description: '查询码无效 / unknown code (never says whether a code existed)' })
  async progress(@Param('code') code: string): Promise<PublicProgress> {
    const normalised = normaliseReceiptCode(code);
    const progress = normalised ? await this.queries.publicProgress(receiptCodeHash(normalised)) : undefined;
    if (!progress) throw UNKNOWN_CODE();
    return progress;
  }
}
