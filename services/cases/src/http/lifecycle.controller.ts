import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import type { AppendResult } from '@qingyuan/event-store';
import { parseIfMatch } from '@qingyuan/service-kit';
import { ProblemLifecycle } from '../problems/lifecycle';
import {
  AssignProblemDto,
  ConsultationDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  JointActionDto,
  ProgressDto,
  ReasonDto,
  RectificationDto,
  ReopenDto,
  SuperviseDto,
  SuspectedCrimeDto,
  TriageDto,
  VerificationDto,
} from './problem.dto';
import { problemIdPipe } from './problems.controller';

const done = (problemId: string, result: AppendResult) => ({ problemId, version: result.nextVersion });
const IF_MATCH = ApiHeader({ name: 'If-Match', required: false, description: '期望版本；版本已变化时返回 412，请刷新 / expected version; 412 if it moved, reload' });

/** The lifecycle commands: each is an event; the assigned unit signs, rectifies and asks; the bureau decides. */
@ApiTags('problem lifecycle 问题办理')
@ApiBearerAuth()
@Controller('api/cases/problems/:problemId')
export class LifecycleController {
  constructor(private readonly lifecycle: ProblemLifecycle) {}

  @Post('triage')
  @HttpCode(200)
  @Roles('analyst')
  @IF_MATCH
  @ApiOperation({ summary: '研判：类别、严重程度、是否跨镇街或跨部门 / Triage' })
  async triage(@Param('problemId', problemIdPipe) id: string, @Body() body: TriageDto, @CurrentPrincipal() p: Principal, @Headers('if-match') ifMatch?: string) {
    return done(id, await this.lifecycle.triage(id, p, body, parseIfMatch(ifMatch)));
  }

  @Post('consultations')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: '记录会商（专题会议、实地调研、专家会审）/ Record a consultation' })
  async consult(@Param('problemId', problemIdPipe) id: string, @Body() body: ConsultationDto, @CurrentPrincipal() p: Principal) {
    return done(id, await this.lifecycle.consult(id, p, { ...body, attachments: body.attachments ?? [] }));
  }

  @Post('assignment')
  @HttpCode(200)
  @Roles('analyst')
  @IF_MATCH
  @ApiOperation({ summary: '交办：属地、牵头部门、配合部门、责任人、措施、时限 / Assign' })
  async assign(@Param('problemId', problemIdPipe) id: string, @Body() body: AssignProblemDto, @CurrentPrincipal() p: Principal, @Headers('if-match') ifMatch?: string) {
    return done(id, await this.lifecycle.assign(id, p, body, parseIfMatch(ifMatch)));
  }

  @Post('sign-off')
  @HttpCode(200)
  @Roles('town-officer', 'department-officer')
  @IF_MATCH
  @ApiOperation({ summary: '签收（开始计时，确定整改期限）/ Sign off: the clock starts' })
  async signOff(@Param('problemId', problemIdPipe) id: string, @CurrentPrincipal() p: Principal, @Headers('if-match') ifMatch?: string) {
    return done(id, await this.lifecycle.signOff(id, p, parseIfMatch(ifMatch)));
  }

  @Post('return')
  @HttpCode(200)
  @Roles('town-officer', 'department-officer')
  @IF_MATCH
  @ApiOperation({ summary: '退回（说明理由，由分局重新交办）/ Return to the bureau with a reason' })
  async giveBack(@Param('problemId', problemIdPipe) id: string, @Body() body: ReasonDto, @CurrentPrincipal() p: Principal, @Headers('if-match') ifMatch?: string) {
    return done(id, await this.lifecycle.giveBack(id, p, body.reason, parseIfMatch(ifMatch)));
  }

  @Post('progress')
  @HttpCode(200)
  @Roles('town-officer', 'department-officer')
  @ApiOperation({ summary: '报送进展 / Report progress' })
  async progress(@Param('problemId', problemIdPipe) id: string, @Body() body: ProgressDto, @CurrentPrincipal() p: Principal) {
    return done(id, await this.lifecycle.progress(id, p, body.summary, body.attachments ?? []));
  }

  @Post('extension-request')
  @HttpCode(200)
  @Roles('town-officer', 'department-officer')
  @IF_MATCH
  @ApiOperation({ summary: '申请延期 / Ask for an extension' })
  async requestExtension(@Param('problemId', problemIdPipe) id: string, @Body() body: ExtensionRequestDto, @CurrentPrincipal() p: Principal, @Headers('if-match') ifMatch?: string) {
    return done(id, await this.lifecycle.requestExtension(id, p, body.requestedDeadline, body.reason, parseIfMatch(ifMatch)));
  }

  @Post('extension-decision')
  @HttpCode(200)
  @Roles('analyst')
  @IF_MATCH
  @ApiOperation({ summary: '审批延期 / Approve or refuse the extension' })
  async decideExtension(@Param('problemId', problemIdPipe) id: string, @Body() body: ExtensionDecisionDto, @CurrentPrincipal() p: Principal, @Headers('if-match') ifMatch?: string) {
    return done(id, await this.lifecycle.decideExtension(id, p, body.approved, body.note, parseIfMatch(ifMatch)));
  }

  @Post('rectification')
  @HttpCode(200)
  @Roles('town-officer', 'department-officer')
  @IF_MATCH
  @ApiOperation({ summary: '上报整改情况和佐证材料 / Report the rectification with evidence' })
  async rectify(@Param('problemId', problemIdPipe) id: string, @Body() body: RectificationDto, @CurrentPrincipal() p: Principal, @Headers('if-match') ifMatch?: string) {
    return done(id, await this.lifecycle.rectify(id, p, body.summary, body.evidence, parseIfMatch(ifMatch)));
  }

  @Post('verification')
  @HttpCode(200)
  @Roles('verifier', 'analyst')
  @IF_MATCH
  @ApiOperation({ summary: '核查：通过即销号，不通过退回整改 / Verify: a pass closes out, a fail returns to rectification' })
  async verify(@Param('problemId', problemIdPipe) id: string, @Body() body: VerificationDto, @CurrentPrincipal() p: Principal, @Headers('if-match') ifMatch?: string) {
    const result = await this.lifecycle.verify(id, p, { passed: body.passed, opinion: body.opinion, violation: body.violation }, parseIfMatch(ifMatch));
    return { ...done(id, result), closed: result.events.some((e) => e.type === 'ProblemClosed') };
  }

  @Post('supervision')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: '督办 / 挂牌督办 / Supervise or list for formal supervision' })
  async supervise(@Param('problemId', problemIdPipe) id: string, @Body() body: SuperviseDto, @CurrentPrincipal() p: Principal) {
    return done(id, await this.lifecycle.supervise(id, p, body.level, body.note));
  }

  @Post('city-coordination')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: '报市政府协调（跨镇街、跨部门）/ Escalate to city-level coordination' })
  async escalate(@Param('problemId', problemIdPipe) id: string, @Body() body: ReasonDto, @CurrentPrincipal() p: Principal) {
    return done(id, await this.lifecycle.escalate(id, p, body.reason));
  }

  @Post('joint-actions')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: '记录联合执法、联合督查、联合现场检查 / Record a joint action' })
  async jointAction(@Param('problemId', problemIdPipe) id: string, @Body() body: JointActionDto, @CurrentPrincipal() p: Principal) {
    return done(id, await this.lifecycle.jointAction(id, p, body));
  }

  @Post('suspected-crime')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: '标记涉嫌环境犯罪（行刑衔接将据此移送）/ Mark as a suspected crime' })
  async suspectCrime(@Param('problemId', problemIdPipe) id: string, @Body() body: SuspectedCrimeDto, @CurrentPrincipal() p: Principal) {
    return done(id, await this.lifecycle.suspectCrime(id, p, body.basis, body.criteria));
  }

  @Post('reopen')
  @HttpCode(200)
  @Roles('analyst')
  @ApiOperation({ summary: '重办：反弹或举报人投诉，另立关联的新问题 / Reopen as a new linked problem' })
  reopen(@Param('problemId', problemIdPipe) id: string, @Body() body: ReopenDto, @CurrentPrincipal() p: Principal) {
    return this.lifecycle.reopen(id, p, body.reason, body.note);
  }
}
