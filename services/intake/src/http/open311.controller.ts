import { Body, Controller, Get, Headers, HttpCode, HttpException, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@qingyuan/auth';
import { CATEGORIES, CATEGORY_CODES, type Category } from '@qingyuan/contracts';
import { actorOf, validateBody } from '@qingyuan/service-kit';
import type { Response } from 'express';
import { ClueRegistration } from '../clues/registration';
import { Open311Requests, OPEN311_API_KEYS } from '../open311/open311-requests';
import { Open311RequestDto } from '../open311/open311.dto';

/** Open311 errors are a list of { code, description }. */
function open311Error(res: Response, error: unknown): void {
  if (error instanceof HttpException) {
    const body = error.getResponse() as { zh?: string; en?: string; errors?: Array<{ field: string; en: string }> };
    const description = body.errors?.length ? body.errors.map((e) => e.en).join('; ') : (body.en ?? error.message);
    res.status(error.getStatus()).json([{ code: error.getStatus(), description }]);
    return;
  }
  const domain = error as { en?: string; kind?: string };
  if (domain.en) {
    res.status(domain.kind === 'forbidden' ? 403 : 400).json([{ code: 400, description: domain.en }]);
    return;
  }
  throw error;
}

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over clues, so that existing 311 clients can report and
 * follow. Public by default; QINGYUAN_OPEN311_API_KEYS makes an api_key mandatory for POST.
 */
@ApiTags('Open311 GeoReport v2')
@Controller('open311/v2')
export class Open311Controller {
  constructor(
    private readonly registration: ClueRegistration,
    private readonly requests: Open311Requests,
    @Inject(OPEN311_API_KEYS) private readonly apiKeys: string[],
  ) {}

  @Get('services.json')
  @Public()
  @ApiOperation({ summary: '服务（问题类别）列表 / Service list: our categories' })
  services(@Headers('accept-language') lang?: string) {
    const en = Boolean(lang?.toLowerCase().startsWith('en'));
    return CATEGORY_CODES.map((code) => ({
      service_code: code,
      service_name: en ? CATEGORIES[code].en : CATEGORIES[code].zh,
      description: `${CATEGORIES[code].zh} / ${CATEGORIES[code].en}`,
      metadata: false,
      type: 'realtime',
      keywords: code,
      group: en ? 'Environment' : '生态环境',
    }));
  }

  @Post('requests.json')
  @Public()
  @HttpCode(201)
  @ApiOperation({ summary: '提交请求（映射为群众举报线索）/ Create a service request: becomes a public clue' })
  async create(@Body() body: unknown, @Res() res: Response): Promise<void> {
    try {
      const dto = await validateBody(Open311RequestDto, body, 'request');
      if (this.apiKeys.length && !this.apiKeys.includes(dto.api_key ?? '')) {
        res.status(403).json([{ code: 403, description: 'api_key required / 需要有效的 api_key' }]);
        return;
      }
      const name = [dto.last_name, dto.first_name].filter(Boolean).join('');
      const identity = dto.phone ? { name, phone: dto.phone } : undefined;
      const result = await this.registration.register(
        {
          channel: 'open311',
          category: dto.service_code as Category,
          description: dto.description,
          location: { lat: dto.lat, lng: dto.long, address: dto.address_string },
          anonymous: !identity,
          identity,
          withReceipt: true,
        },
        actorOf(undefined),
      );
      res.status(201).json([
        {
          service_request_id: result.clueId,
          service_notice: `查询码 receipt code: ${result.receiptCode}`,
          account_id: null,
        },
      ]);
    } catch (error) {
      open311Error(res, error);
    }
  }

  @Get('requests.json')
  @Public()
  @ApiOperation({ summary: '请求列表（公开字段）/ Service requests: public fields only' })
  async list(
    @Res() res: Response,
    @Query('service_request_id') ids?: string,
    @Query('service_code') serviceCode?: string,
    @Query('start_date') startDate?: string,
    @Query('end_date') endDate?: string,
    @Query('status') status?: string,
  ): Promise<void> {
    try {
      res.json(await this.requests.list({ ids, serviceCode, startDate, endDate, status }));
    } catch (error) {
      open311Error(res, error);
    }
  }

  @Get('requests/:id.json')
  @Public()
  @ApiOperation({ summary: '单个请求（公开字段）/ One service request: public fields only' })
  async one(@Param('id') id: string, @Res() res: Response): Promise<void> {
    try {
      res.json(await this.requests.list({ ids: id }));
    } catch (error) {
      open311Error(res, error);
    }
  }
}
