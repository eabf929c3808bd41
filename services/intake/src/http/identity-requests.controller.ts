import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { fieldError } from '@qingyuan/service-kit';
import { IdentityRequests, type IdentityRequestStatus } from '../vault/identity-requests';
import { clueIdPipe } from './clues.controller';
import { ApprovalNoteDto, IdentityRequestDto, ReasonDto } from './triage.dto';

const STATUSES: IdentityRequestStatus[] = ['pending', 'approved', 'refused', 'viewed'];
const requestIdPipe = new ParseUUIDPipe({ exceptionFactory: () => fieldError('requestId', '格式不正确', 'is not an id') });

/**
 * Identity resolution with a second approver (双人审批查阅): finance asks to read a reporter's identity to pay a
 * reward, an identity officer or reward approver who is not the asker approves, the asker reads it once.
 */
@ApiTags('reporter identity 举报人身份')
@ApiBearerAuth()
@Controller('api/intake')
export class IdentityRequestsController {
  constructor(private readonly requests: IdentityRequests) {}

  @Post('clues/:clueId/reporter/requests')
  @HttpCode(201)
  @Roles('finance', 'reward-officer', 'identity-officer')
  @ApiOperation({ summary: '申请查阅举报人身份（须另一人批准）/ Ask to read a reporter identity; another person approves' })
  request(@Param('clueId', clueIdPipe) clueId: string, @Body() body: IdentityRequestDto, @CurrentPrincipal() p: Principal) {
    return this.requests.request(clueId, p, body.purpose, body.caseRef);
  }

  @Get('identity-requests')
  @Roles('finance', 'reward-officer', 'reward-approver', 'identity-officer')
  @ApiQuery({ name: 'status', required: false, enum: STATUSES })
  @ApiQuery({ name: 'caseRef', required: false, description: '关联案件，如奖励案件编号 / the case, e.g. a reward id' })
  @ApiOperation({ summary: '身份查阅申请列表（不含身份，最新 200 条）/ Identity requests, without identities (newest 200)' })
  async list(@Query('status') status?: string, @Query('caseRef') caseRef?: string) {
    if (status !== undefined && !STATUSES.includes(status as IdentityRequestStatus)) {
      throw fieldError('status', `须为 ${STATUSES.join('、')} 之一`, `must be one of ${STATUSES.join(', ')}`);
    }
    return { items: await this.requests.list({ status: status as IdentityRequestStatus | undefined, caseRef: caseRef?.slice(0, 100) || undefined }) };
  }

  @Post('identity-requests/:requestId/approve')
  @HttpCode(200)
  @Roles('identity-officer', 'reward-approver')
  @ApiOperation({ summary: '批准查阅申请（不能批准自己的申请）/ Approve a request (not your own)' })
  approve(@Param('requestId', requestIdPipe) id: string, @Body() body: ApprovalNoteDto, @CurrentPrincipal() p: Principal) {
    return this.requests.approve(id, p, body.note);
  }

  @Post('identity-requests/:requestId/refuse')
  @HttpCode(200)
  @Roles('identity-officer', 'reward-approver')
  @ApiOperation({ summary: '拒绝查阅申请 / Refuse a request' })
  refuse(@Param('requestId', requestIdPipe) id: string, @Body() body: ReasonDto, @CurrentPrincipal() p: Principal) {
    return this.requests.refuse(id, p, body.reason);
  }

  @Post('identity-requests/:requestId/view')
  @HttpCode(200)
  @Roles('finance', 'reward-officer', 'identity-officer')
  @ApiOperation({ summary: '申请人查阅一次（留痕并发布事件，不含身份）/ The asker reads it once; recorded' })
  view(@Param('requestId', requestIdPipe) id: string, @CurrentPrincipal() p: Principal) {
    return this.requests.read(id, p);
  }
}
