import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { notFound } from '@qingyuan/service-kit';
import { ReporterProtection } from '../vault/reporter-protection';
import { IdentityAccessDto, ReasonDto } from './triage.dto';
import { clueIdPipe } from './clues.controller';

const NO_IDENTITY = () =>
  notFound('该线索没有可查阅的举报人身份（匿名、已销毁或线索不存在）', 'No readable reporter identity for this clue (anonymous, destroyed, or no such clue)', 'NO_IDENTITY');

/**
 * The reporter identity vault (举报人身份保护). Reading an identity needs the identity-officer role and a stated
 * purpose, and is recorded before the identity is decrypted. POST, so that purposes never land in access logs of proxies.
 */
@ApiTags('reporter identity 举报人身份')
@ApiBearerAuth()
@Controller('api/intake/clues/:clueId/reporter')
export class VaultController {
  constructor(private readonly protection: ReporterProtection) {}

  @Post('view')
  @HttpCode(200)
  @Roles('identity-officer')
  @ApiOperation({ summary: '查阅举报人身份（专岗，须说明目的，留痕）/ View the reporter identity: role, purpose, recorded' })
  async view(@Param('clueId', clueIdPipe) clueId: string, @Body() body: IdentityAccessDto, @CurrentPrincipal() p: Principal) {
    const identity = await this.protection.view(clueId, { actorId: p.userId, purpose: body.purpose, caseRef: body.caseRef ?? `clue:${clueId}` });
    if (!identity) throw NO_IDENTITY();
    return identity;
  }

  @Post('destroy')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '销毁举报人身份（不可恢复，线索记录保留）/ Destroy the identity for good; the clue history stays' })
  async destroy(@Param('clueId', clueIdPipe) clueId: string, @Body() body: ReasonDto, @CurrentPrincipal() p: Principal) {
    if (!(await this.protection.destroy(clueId, p, body.reason))) throw NO_IDENTITY();
    return { clueId, destroyed: true };
  }

  @Post('blacklist')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '将恶意举报人列入黑名单（按号码密钥散列，不显示号码）/ Blacklist a proven malicious reporter, by keyed hash' })
  async blacklist(@Param('clueId', clueIdPipe) clueId: string, @Body() body: ReasonDto, @CurrentPrincipal() p: Principal) {
    if (!(await this.protection.blacklist(clueId, p, body.reason))) throw NO_IDENTITY();
    return { clueId, blacklisted: true };
  }
}
