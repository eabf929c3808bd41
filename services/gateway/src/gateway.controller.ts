import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@qingyuan/auth';
import { HEALTH_CHECKS, runHealthChecks, type HealthCheck } from '@qingyuan/service-kit';
import type { Response } from 'express';
import { OpenApiCatalogue } from './proxy/openapi-catalogue';

@ApiTags('platform 平台')
@Controller()
export class GatewayController {
  constructor(
    @Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[],
    private readonly catalogue: OpenApiCatalogue,
  ) {}

  @Get('health')
  @Public()
  @ApiOperation({ summary: '平台就绪检查：所有服务就绪时 200，否则 503 并列出故障部分 / 200 only when every service is ready' })
  async health(@Res() res: Response): Promise<void> {
    const report = await runHealthChecks(this.checks, 3000);
    res.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(report);
  }

  @Get('openapi.json')
  @Public()
  @ApiExcludeEndpoint()
  openapi() {
    return this.catalogue.merged();
  }
}
