import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CATEGORY_CODES, INSPECTION_RESULTS, PERMIT_CLASSES, TOWN_CODES, type Category, type InspectionResult, type PermitClass } from '@qingyuan/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { InspectionRatios } from '../domain/supervision';

export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const apply = (...decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));
const Text = (max: number) => apply(IsString(), IsNotEmpty(), MaxLength(max));
const IdList = (max: number) => apply(IsArray(), ArrayMaxSize(max), IsString({ each: true }), IsNotEmpty({ each: true }), MaxLength(100, { each: true }));

export class LocationDto {
  @ApiProperty() @IsLatitude() lat: number;
  @ApiProperty() @IsLongitude() lng: number;
}

export class OutletDto {
  @ApiProperty({ example: 'DW001' }) @Text(40) code: string;
  @ApiProperty({ enum: ['water', 'air', 'noise', 'solid-waste'] }) @IsIn(['water', 'air', 'noise', 'solid-waste']) kind: 'water' | 'air' | 'noise' | 'solid-waste';
  @ApiPropertyOptional({ maxLength: 100, example: '废水总排口' }) @IsOptional() @IsString() @MaxLength(100) name?: string;
  @ApiPropertyOptional({ type: LocationDto }) @IsOptional() @ValidateNested() @Type(() => LocationDto) location?: LocationDto;
}

export class EnterpriseDto {
  @ApiProperty({ maxLength: 200, example: '义乌市某某印染有限公司' }) @Text(200) name: string;
  @ApiProperty({ description: '统一社会信用代码（18 位，校验位按 GB 32100）/ unified social credit code', example: '91330782MA28C1234X' }) @IsString() uscc: string;
  @ApiPropertyOptional({ enum: TOWN_CODES }) @IsOptional() @IsIn(TOWN_CODES) townCode?: string;
  @ApiProperty({ maxLength: 200 }) @Text(200) address: string;
  @ApiPropertyOptional({ type: LocationDto }) @IsOptional() @ValidateNested() @Type(() => LocationDto) location?: LocationDto;
  @ApiProperty({ maxLength: 100, example: '纺织印染' }) @Text(100) industry: string;
  @ApiProperty({ enum: Object.keys(PERMIT_CLASSES), description: '排污许可管理类别 / permit class' }) @IsIn(Object.keys(PERMIT_CLASSES)) permitClass: PermitClass;
  @ApiProperty({ description: '重点排污单位 / key polluter' }) @IsBoolean() keyPolluter: boolean;
  @ApiPropertyOptional({ type: [OutletDto] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => OutletDto) outlets?: OutletDto[];
}

export class CreditDto {
  @ApiProperty({ example: 'green', description: '信用等级代码 / credit level code' }) @Text(40) level: string;
  @ApiProperty({ maxLength: 500, description: '评定理由 / why' }) @Text(500) reason: string;
}

export class SpecialDto {
  @ApiProperty() @IsBoolean() special: boolean;
  @ApiProperty({ maxLength: 500, description: '列入或移出特殊监管对象的理由 / why' }) @Text(500) reason: string;
}

export class InspectorDto {
  @ApiProperty({ description: '账号 id / the officer’s user id' }) @Text(100) inspectorId: string;
  @ApiProperty({ maxLength: 50 }) @Text(50) name: string;
  @ApiPropertyOptional({ enum: TOWN_CODES }) @IsOptional() @IsIn(TOWN_CODES) townCode?: string;
  @ApiProperty({ type: [String], description: '曾任职单位（企业 id）/ former employers' }) @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) formerEmployers: string[];
  @ApiProperty({ type: [String], description: '申报的利害关系单位（企业 id）/ declared conflicts' }) @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true }) declaredConflicts: string[];
  @ApiProperty() @IsBoolean() active: boolean;
}

export class RecusalDto {
  @ApiProperty({ description: '同镇街回避 / recuse officers from the enterprise’s town' }) @IsBoolean() sameTown: boolean;
  @ApiProperty({ description: '原任职单位回避 / recuse former employees' }) @IsBoolean() formerEmployer: boolean;
}

export class PlanDto {
  @ApiProperty({ maxLength: 100, example: '2027 年第一季度污染源双随机抽查' }) @Text(100) name: string;
  @ApiProperty({ example: '2027-Q1' }) @IsString() @Matches(/^\d{4}(-(Q[1-4]|H[12]|\d{2}))?$/, { message: 'period must look like 2027, 2027-Q1, 2027-H1 or 2027-03' }) period: string;
  @ApiProperty({ type: [String], description: '检查事项清单 / inspection items' }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(200, { each: true }) items: string[];
  @ApiPropertyOptional({ description: '对象类别 → 信用等级 → 抽查比例；缺省取当前监管配置 / ratios; default from the supervision rules', example: { key: { green: 0.1, blue: 0.25, yellow: 0.5, red: 1 } } })
  @IsOptional()
  @IsObject()
  ratios?: InspectionRatios;
  @ApiPropertyOptional({ minimum: 2, default: 2 }) @IsOptional() @IsInt() @Min(2) @Max(5) inspectorsPerTask?: number;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(500) maxTasksPerInspector?: number;
  @ApiPropertyOptional({ type: RecusalDto }) @IsOptional() @ValidateNested() @Type(() => RecusalDto) recusal?: RecusalDto;
}

export class TriggerDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() problemId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() alarmId?: string;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class TargetedTaskDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() enterpriseId: string;
  @ApiProperty({ type: [String], minItems: 2 }) @IdList(5) inspectorIds: string[];
  @ApiProperty({ type: TriggerDto, description: '专项检查的由来：问题、报警或说明 / what triggered it' }) @ValidateNested() @Type(() => TriggerDto) trigger: TriggerDto;
}

export class InspectionResultDto {
  @ApiProperty({ enum: Object.keys(INSPECTION_RESULTS) }) @IsIn(Object.keys(INSPECTION_RESULTS)) result: InspectionResult;
  @ApiProperty({ maxLength: 2000, description: '检查情况 / what was found' }) @Text(2000) findings: string;
  @ApiProperty({ type: [String], description: '证据：执法记录仪文件号、照片编号、采样单号等 / evidence references' })
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  evidence: string[];
  @ApiPropertyOptional({ enum: CATEGORY_CODES }) @IsOptional() @IsIn(CATEGORY_CODES) category?: Category;
  @ApiPropertyOptional({ example: '2027-01-15' }) @IsOptional() @Matches(DATE, { message: 'inspectedOn must be a date YYYY-MM-DD' }) inspectedOn?: string;
  @ApiPropertyOptional({ type: LocationDto }) @IsOptional() @ValidateNested() @Type(() => LocationDto) location?: LocationDto;
}

export class OpenCaseDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() enterpriseId: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() problemId?: string;
  @ApiProperty({ maxLength: 2000 }) @Text(2000) summary: string;
}

export class ExemptionFactsDto {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'corrected-in-time'?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'no-harm'?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() minor?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() 'no-fault'?: boolean;
}

export class ExemptionCheckDto {
  @ApiProperty({ description: '轻微违法不予处罚清单事项编号 / list item id' }) @Text(60) itemId: string;
  @ApiProperty({ type: ExemptionFactsDto, description: '查明的事实（首次违法由系统按两年内记录判断）/ facts found; first offence is worked out' })
  @ValidateNested()
  @Type(() => ExemptionFactsDto)
  facts: ExemptionFactsDto;
  @ApiProperty({ description: '“可以”不罚的事项，执法人员是否决定不罚 / for “may” items: does the officer waive' }) @IsBoolean() officerWaives: boolean;
  @ApiPropertyOptional({ maxLength: 1000, description: '教育情况（不予处罚时必填）/ how the party was educated' }) @IsOptional() @IsString() @MaxLength(1000) education?: string;
}

export class PenaltyDto {
  @ApiProperty({ example: '义环罚字〔2027〕12号' }) @Text(60) decisionNumber: string;
  @ApiProperty({ example: '《中华人民共和国水污染防治法》第八十三条' }) @Text(500) legalBasis: string;
  @ApiProperty({ description: '罚款（分）/ fine in fen' }) @IsInt() @Min(0) @Max(10_000_000_000) fineFen: number;
  @ApiProperty({ example: '2027-02-01' }) @Matches(DATE, { message: 'decidedOn must be a date YYYY-MM-DD' }) decidedOn: string;
}

export class TransferDto {
  @ApiProperty({ maxLength: 1000 }) @Text(1000) reason: string;
}

export class RulesDto {
  @ApiProperty({
    description: '新版本规则（整体替换）：credit 与 supervision 为对象，exemptions 为清单数组 / the new version, whole: an object for credit and supervision, a list for exemptions',
    oneOf: [{ type: 'object' }, { type: 'array', items: { type: 'object' } }],
  })
  @IsDefined()
  rules: object | object[];
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}
