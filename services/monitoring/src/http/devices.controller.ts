import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { fieldError } from '@qingyuan/service-kit';
import { MonitoringQueries } from '../queries/monitoring.queries';
import { Devices } from '../registry/devices';
import type { TrendPeriod } from '../storage/data-store';
import { DeviceDto } from './monitoring.dto';

export const MONITORING_READERS = ['analyst', 'leader', 'town-officer', 'department-officer', 'enforcement-officer', 'auditor'] as const;

/** The device registry, a device's status and counters, its trends, and frames refused after acceptance. */
@ApiTags('monitoring 在线监控设备')
@ApiBearerAuth()
@Controller('api/monitoring')
export class DevicesController {
  constructor(
    private readonly devices: Devices,
    private readonly queries: MonitoringQueries,
  ) {}

  @Get('devices')
  @Roles(...MONITORING_READERS)
  @ApiOperation({ summary: '设备列表（在线状态、最后上报、帧数、重复与拒收数、未解除预警）/ Devices with status and counters' })
  list(@CurrentPrincipal() p: Principal) {
    return this.queries.devices(p);
  }

  @Post('devices')
  @Roles('analyst')
  @ApiOperation({ summary: '登记或更新设备（按 MN；同样内容再次登记不产生事件）/ Register or update a device by MN' })
  register(@Body() body: DeviceDto, @CurrentPrincipal() p: Principal) {
    return this.devices.register(p, body);
  }

  @Get('devices/:device')
  @Roles(...MONITORING_READERS)
  @ApiOperation({ summary: '设备详情（ID 或 MN）/ One device by id or MN' })
  get(@Param('device') device: string, @CurrentPrincipal() p: Principal) {
    return this.queries.device(p, device);
  }

  @Get('devices/:device/trend')
  @Roles(...MONITORING_READERS)
  @ApiQuery({ name: 'factor', example: 'w01018' })
  @ApiQuery({ name: 'period', enum: ['day', 'month', 'year'] })
  @ApiQuery({ name: 'at', example: '2026-11-29', description: 'YYYY-MM-DD / YYYY-MM / YYYY（北京时间）' })
  @ApiOperation({ summary: '因子趋势：日（分钟/实时数据）、月（小时数据）、年（日数据）/ A factor’s trend over a day, month or year' })
  trend(@Param('device') device: string, @Query('factor') factor: string, @Query('period') period: string, @Query('at') at: string, @CurrentPrincipal() p: Principal) {
    if (!factor) throw fieldError('factor', '须指定因子编码', 'the factor code is required');
    if (!['day', 'month', 'year'].includes(period)) throw fieldError('period', '须为 day、month 或 year', 'must be day, month or year');
    if (!at) throw fieldError('at', '须指定日期', 'the date is required');
    return this.queries.trend(p, device, factor, period as TrendPeriod, at);
  }

  @Get('rejected-frames')
  @Roles('analyst')
  @ApiQuery({ name: 'mn', required: false })
  @ApiOperation({ summary: '已接收但未能使用的报文（原因、原文），供排查现场配置 / Frames accepted but not usable, with the reason' })
  rejected(@Query('mn') mn?: string) {
    return this.queries.rejectedFrames(mn || undefined);
  }
}
