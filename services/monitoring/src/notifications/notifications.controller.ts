import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { fieldError, httpError, notFound } from '@qingyuan/service-kit';
import { RecipientDto } from './notifications.dto';
import { Notifications, recipientProblems, type RecipientInput } from './notifications';
import { AUDIENCES, type Audience } from './routing';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => fieldError('id', '必须是有效的编号（UUID）', 'must be a UUID') });

function checked(body: RecipientDto): RecipientInput {
  const problems = recipientProblems(body);
  if (problems.length) {
    throw httpError(400, 'VALIDATION_FAILED', '请求参数有误', 'The request is invalid', { errors: problems });
  }
  return body;
}

const noRecipient = () => notFound('接收人不存在', 'No such recipient', 'RECIPIENT_NOT_FOUND');

/** 预警通知: who is told about alarms by which channel, and what was sent. */
@ApiTags('monitoring 预警通知')
@ApiBearerAuth()
@Controller('api/monitoring')
export class NotificationsController {
  constructor(private readonly notifications: Notifications) {}

  @Get('recipients')
  @Roles('admin', 'analyst')
  @ApiQuery({ name: 'audience', required: false, enum: Object.keys(AUDIENCES) })
  @ApiQuery({ name: 'enterpriseId', required: false })
  @ApiOperation({ summary: '通知接收人（不回显加签密钥）/ Notification recipients (secrets are never shown)' })
  list(@Query('audience') audience?: string, @Query('enterpriseId') enterpriseId?: string) {
    if (audience && !(audience in AUDIENCES)) throw fieldError('audience', '须为 bureau、department 或 enterprise', 'must be bureau, department or enterprise');
    if (enterpriseId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(enterpriseId)) {
      throw fieldError('enterpriseId', '必须是有效的编号（UUID）', 'must be a UUID');
    }
    return this.notifications.recipients({ audience: audience as Audience | undefined, enterpriseId: enterpriseId || undefined });
  }

  @Post('recipients')
  @Roles('admin', 'analyst')
  @ApiOperation({ summary: '添加通知接收人 / Add a recipient' })
  add(@Body() body: RecipientDto, @CurrentPrincipal() p: Principal) {
    return this.notifications.addRecipient(checked(body), p.userId);
  }

  @Put('recipients/:id')
  @Roles('admin', 'analyst')
  @ApiOperation({ summary: '修改通知接收人（省略 secret 则保留原密钥）/ Replace a recipient’s settings (an omitted secret is kept)' })
  async update(@Param('id', uuid) id: string, @Body() body: RecipientDto, @CurrentPrincipal() p: Principal) {
    return (await this.notifications.updateRecipient(id, checked(body), p.userId)) ?? Promise.reject(noRecipient());
  }

  @Delete('recipients/:id')
  @HttpCode(204)
  @Roles('admin', 'analyst')
  @ApiOperation({ summary: '删除通知接收人；已有的发送记录保留，未发出的不再发送 / Remove a recipient; records stay, pending ones are not sent' })
  async remove(@Param('id', uuid) id: string): Promise<void> {
    if (!(await this.notifications.removeRecipient(id))) throw noRecipient();
  }

  @Get('alarms/:alarmId/deliveries')
  @Roles('admin', 'analyst', 'leader', 'town-officer', 'department-officer')
  @ApiOperation({ summary: '预警的通知发送记录（地址已脱敏）/ What was sent about an alarm, to whom, and how it went (addresses masked)' })
  async deliveries(@Param('alarmId', new ParseUUIDPipe({ exceptionFactory: () => fieldError('alarmId', '必须是有效的编号（UUID）', 'must be a UUID') })) alarmId: string, @CurrentPrincipal() p: Principal) {
    // staff with a reading role see the whole city; a town officer only the towns they serve
    const towns = p.roles.some((r) => r === 'admin' || r === 'analyst' || r === 'leader') ? [] : p.towns;
    return (await this.notifications.deliveries(alarmId, towns)) ?? Promise.reject(notFound('预警不存在', 'No such alarm', 'ALARM_NOT_FOUND'));
  }
}
