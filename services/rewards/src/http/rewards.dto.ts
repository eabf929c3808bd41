import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MANUAL_EXCLUSIONS, type ApprovalLevel, type JudicialOutcome, type ManualExclusion, type PayoutMethod } from '@qingyuan/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { RewardRules } from '../domain/rules';

export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const LEVELS: ApprovalLevel[] = ['bureau', 'finance', 'city'];
export const OUTCOMES: JudicialOutcome[] = ['detention', 'arrest', 'conviction'];
export const METHODS: PayoutMethod[] = ['bank-transfer', 'in-person'];
/** Amounts are whole fen; anything above 500,000 yuan is beyond every cap of the plan. */
const MAX_FEN = 50_000_000;

const apply = (...decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));
const Text = (max: number) => apply(IsString(), IsNotEmpty(), MaxLength(max));
const Fen = () => apply(IsInt(), Min(1), Max(MAX_FEN));

export class ExclusionDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() clueId: string;
  @ApiProperty({ enum: MANUAL_EXCLUSIONS, description: '排除理由 / why the reporter is excluded' }) @IsIn(MANUAL_EXCLUSIONS) reason: ManualExclusion;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

/** 审核 */
export class EvaluationDto {
  @ApiPropertyOptional({ type: [ExclusionDto], description: '专岗认定的排除情形 / exclusions found by the officer' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ExclusionDto)
  exclusions?: ExclusionDto[];

  @ApiProperty({ description: '举报前部门已掌握 / the department knew before the report' }) @IsBoolean() knownBeforeReport: boolean;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

/** 行政处罚决定 */
export class PenaltyDto {
  @ApiProperty({ description: '处罚决定书文号 / decision number', example: '义环罚〔2026〕12号', maxLength: 100 }) @Text(100) decisionNumber: string;
  @ApiProperty({ description: '罚款（分）/ fine in fen', example: 20_000_000 }) @IsInt() @Min(0) @Max(100_000_000_000) fineFen: number;
  @ApiProperty({ example: '2026-11-25' }) @Matches(DATE) decidedOn: string;
}

/** 拘留、逮捕、判决 */
export class OutcomeDto {
  @ApiProperty({ enum: OUTCOMES }) @IsIn(OUTCOMES) outcome: JudicialOutcome;
  @ApiProperty({ description: '文书编号 / document number', maxLength: 100 }) @Text(100) documentNumber: string;
  @ApiProperty({ example: '2026-12-01' }) @Matches(DATE) date: string;
}

/** 拟奖 */
export class ProposalDto {
  @ApiProperty({ description: '特别重大案件（须市政府批准，最高 50 万元）/ especially serious (city approval, up to 500,000 yuan)' })
  @IsBoolean()
  especiallySerious: boolean;

  @ApiPropertyOptional({ description: '金额（分）；不填则按奖励标准 / amount in fen; omitted = what the rule table gives' })
  @IsOptional()
  @Fen()
  amountFen?: number;

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ApprovalDto {
  @ApiProperty({ enum: LEVELS, description: '分局 / 财务 / 市政府' }) @IsIn(LEVELS) level: ApprovalLevel;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class RefusalDto {
  @ApiProperty({ enum: LEVELS }) @IsIn(LEVELS) level: ApprovalLevel;
  @ApiProperty({ minLength: 4, maxLength: 1000 }) @IsString() @MinLength(4) @MaxLength(1000) reason: string;
}

/** 发放: method and voucher, never bank details */
export class PayoutDto {
  @ApiProperty({ enum: METHODS }) @IsIn(METHODS) method: PayoutMethod;
  @ApiProperty({ description: '支付凭证号 / voucher reference', maxLength: 100 }) @Text(100) reference: string;
  @ApiProperty({ format: 'uuid', description: '经第二人批准的身份查阅申请 / the approved identity request read before paying' }) @IsUUID() identityRequestId: string;
  @ApiPropertyOptional({ description: '支付单位 / paying department', maxLength: 100 }) @IsOptional() @Text(100) payerDepartment?: string;
}

export class ClosureDto {
  @ApiProperty({ minLength: 4, maxLength: 1000 }) @IsString() @MinLength(4) @MaxLength(1000) reason: string;
}

export class ClaimDto {
  @ApiProperty({ enum: METHODS, description: '银行转账或现场领取；银行账户由财务线下核实，不在此填写 / bank details are taken offline' })
  @IsIn(METHODS)
  method: PayoutMethod;
}

export class BountyDto {
  @ApiPropertyOptional({ format: 'uuid', description: '关联的问题 / the problem it is for' }) @IsOptional() @IsUUID() problemId?: string;
  @ApiProperty({ maxLength: 100 }) @Text(100) title: string;
  @ApiProperty({ description: '公开说明：征集什么线索 / public text: the lead sought', maxLength: 4000 }) @Text(4000) description: string;
  @ApiProperty({ description: '悬赏金额（分），最高 50 万元 / in fen, at most 500,000 yuan' }) @Fen() maxAmountFen: number;
  @ApiProperty({ description: '政府批准文号 / the government approval', maxLength: 200 }) @Text(200) approvalReference: string;
  @ApiProperty({ example: '2027-03-31' }) @Matches(DATE) expiresOn: string;
}

export class LeadDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() clueId: string;
}

export class AwardLineDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() clueId: string;
  @ApiProperty({ description: '分' }) @Fen() amountFen: number;
}

export class AwardDto {
  @ApiProperty({ type: [AwardLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AwardLineDto)
  awards: AwardLineDto[];

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class RulesDto {
  @ApiProperty({ description: '完整的奖励规则（见 docs/integrators/rewards-api.md）/ the whole rule table' }) @IsObject() rules: RewardRules;
  @ApiPropertyOptional({ example: '2027-01-01' }) @IsOptional() @Matches(DATE) effectiveFrom?: string;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}
