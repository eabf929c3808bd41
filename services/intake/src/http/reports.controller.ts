import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, UploadedFiles } from '@nestjs/common';
import { ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@qingyuan/auth';
import { actorOf, fieldError, notFound, validateBody } from '@qingyuan/service-kit';
import type { Response } from 'express';
import { readAttachment } from '../attachments/attachments';
import { ClueQueries, type PublicProgress } from '../clues/clue.queries';
import { ClueRegistration } from '../clues/registration';
import { normaliseReceiptCode, receiptCodeHash } from '@qingyuan/contracts';
import { bodyParts, JsonOrMultipart } from './multipart';
import { IdentifyDto, PublicReportDto, ReportReceiptDto } from './report.dto';
import { ReporterProtection } from '../vault/reporter-protection';

const UNKNOWN_CODE = () => notFound('查询码无效，请核对后重试', 'Unknown receipt code; check it and try again', 'RECEIPT_NOT_FOUND');

/** The public side: report a problem, follow it with the receipt code. No login. */
@ApiTags('public reports 群众举报')
@Controller('api/intake')
export class ReportsController {
  constructor(
    private readonly registration: ClueRegistration,
    private readonly queries: ClueQueries,
    private readonly protection: ReporterProtection,
  ) {}

  @Post('reports')
  @Public()
  @HttpCode(201)
  @JsonOrMultipart(PublicReportDto, '举报内容；附照片或视频时用 multipart，JSON 放在 report 字段 / the report; with photos use multipart')
  @ApiOperation({ summary: '提交举报（匿名或实名，可附最多 9 个照片或视频）/ Report a problem, anonymously or by real name' })
  @ApiCreatedResponse({ type: ReportReceiptDto })
  async report(@Body() body: unknown, @UploadedFiles() uploaded?: Express.Multer.File[]): Promise<ReportReceiptDto> {
    const parts = bodyParts(body, uploaded);
    const report = await validateBody(PublicReportDto, parts.json, 'report');
    const { receiptCode, submittedAt } = await this.registration.register(
      {
        channel: 'public-web',
        category: report.category,
        description: report.description,
        observedAt: report.observedAt,
        location: report.location,
        anonymous: report.anonymous,
        insider: report.insider,
        identity: report.reporter,
        files: parts.files,
        source: report.bountyId ? { bountyId: report.bountyId } : undefined,
        withReceipt: true,
      },
      actorOf(undefined),
    );
    return {
      receiptCode: receiptCode!,
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
    const { clueId: _internal, ...progress } = await this.find(code);
    return progress;
  }

  @Get('receipts/:code/attachments/:attachmentId')
  @Public()
  @ApiOperation({ summary: '举报人查看自己上传的照片（已去除位置等元数据）/ A photo of your report, without its metadata' })
  async attachment(
    @Param('code') code: string,
    @Param('attachmentId', new ParseUUIDPipe({ exceptionFactory: () => fieldError('attachmentId', '格式不正确', 'is not an id') })) attachmentId: string,
    @Res() res: Response,
  ): Promise<void> {
    const { clueId } = await this.find(code);
    const file = await readAttachment(this.queries.sql, clueId, attachmentId, 'public');
    if (!file) throw notFound('附件不存在', 'No such attachment', 'ATTACHMENT_NOT_FOUND');
    res.setHeader('content-type', file.mediaType);
    res.setHeader('cache-control', 'private, no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    res.end(file.bytes);
  }

  @Post('receipts/:code/identify')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: '匿名举报人凭查询码补充身份（领取奖励用，加密保存）/ An anonymous reporter identifies with the receipt code (to claim a reward); stored encrypted',
  })
  async identify(@Param('code') code: string, @Body() identity: IdentifyDto): Promise<{ identified: true }> {
    const { clueId } = await this.find(code);
    await this.protection.identify(clueId, { name: identity.name, phone: identity.phone, idNumber: identity.idNumber, address: identity.address });
    return { identified: true };
  }

  private async find(code: string): Promise<PublicProgress & { clueId: string }> {
    const normalised = normaliseReceiptCode(code);
    const progress = normalised ? await this.queries.publicProgress(receiptCodeHash(normalised)) : undefined;
    if (!progress) throw UNKNOWN_CODE();
    return progress;
  }
}
