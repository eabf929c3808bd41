import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { fieldError } from '@qingyuan/service-kit';
import { RULE_KINDS, RuleVersions, type RuleKind, type RuleKinds } from '../settings/rule-versions';
import { RulesDto } from './enforcement.dto';
import { ENFORCEMENT_READERS } from './registry.controller';

function kindOf(kind: string): RuleKind {
  if (!RULE_KINDS.includes(kind as RuleKind)) throw fieldError('kind', `须为 ${RULE_KINDS.join('、')}`, `must be one of ${RULE_KINDS.join(', ')}`);
  return kind as RuleKind;
}

/** Versioned configuration: credit levels and moves, supervision lists and ratios, the minor-violation list. */
@ApiTags('enforcement 规则配置')
@ApiBearerAuth()
@Controller('api/enforcement/rules')
export class RulesController {
  constructor(private readonly rules: RuleVersions) {}

  @Get(':kind')
  @Roles(...ENFORCEMENT_READERS, 'inspector')
  @ApiParam({ name: 'kind', enum: RULE_KINDS })
  @ApiOperation({ summary: '当前版本与历史版本 / The current version and the history' })
  async get(@Param('kind') kind: string) {
    const k = kindOf(kind);
    return { current: await this.rules.current(k), versions: await this.rules.history(k) };
  }

  @Put(':kind')
  @Roles('admin', 'enforcement-officer')
  @ApiParam({ name: 'kind', enum: RULE_KINDS })
  @ApiOperation({ summary: '保存新版本（旧版本不变，已作出的评定与抽取仍引用旧版本）/ Save a new version; past ratings and draws keep theirs' })
  save(@Param('kind') kind: string, @Body() b: RulesDto, @CurrentPrincipal() p: Principal) {
    const k = kindOf(kind);
    if (k === 'exemptions' && !Array.isArray(b.rules)) throw fieldError('rules', '须为清单数组', 'must be a list');
    if (k !== 'exemptions' && (typeof b.rules !== 'object' || b.rules === null || Array.isArray(b.rules))) throw fieldError('rules', '须为对象', 'must be an object');
    return this.rules.add(k, b.rules as RuleKinds[typeof k], p.userId, b.note);
  }
}
