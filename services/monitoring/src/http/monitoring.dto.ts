import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { VERIFICATION_RESULTS, type DeviceMedium, type VerificationResult } from '@qingyuan/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const apply = (...decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));
const Text = (max: number) => apply(IsString(), IsNotEmpty(), MaxLength(max));

export class FactorDto {
  @ApiProperty({ example: 'w01018', description: 'HJ 212 因子编码 / factor code' }) @Text(16) code: string;
  @ApiProperty({ example: '化学需氧量' }) @Text(50) name: string;
  @ApiProperty({ example: 'mg/L' }) @IsString() @MaxLength(20) unit: string;
  @ApiPropertyOptional({ example: 50, description: '小时均值限值（排污许可）/ hourly limit' }) @IsOptional() @IsNumber() hourLimit?: number;
  @ApiPropertyOptional({ example: 50, description: '日均值限值 / daily limit' }) @IsOptional() @IsNumber() dayLimit?: number;
  @ApiPropertyOptional({ description: '按折算浓度判定（废气）/ judge on converted values' }) @IsOptional() @IsBoolean() converted?: boolean;
  @ApiPropertyOptional({ description: '量程下限 / range minimum' }) @IsOptional() @IsNumber() rangeMin?: number;
  @ApiPropertyOptional({ description: '量程上限 / range maximum' }) @IsOptional() @IsNumber() rangeMax?: number;
}

export class SignalDto {
  @ApiProperty({ example: 'SB1' }) @Text(16) code: string;
  @ApiProperty({ example: 'RS' }) @Text(16) field: string;
  @ApiProperty({ example: 1, description: '不小于该值视为运行 / running at or above' }) @IsNumber() threshold: number;
}

export class ProcessDto {
  @ApiProperty({ type: SignalDto, description: '生产设施运行信号 / production running signal' }) @ValidateNested() @Type(() => SignalDto) production: SignalDto;
  @ApiProperty({ type: SignalDto, description: '治理设施运行信号 / treatment running signal' }) @ValidateNested() @Type(() => SignalDto) treatment: SignalDto;
}

export class LocationDto {
  @ApiProperty() @IsLatitude() lat: number;
  @ApiProperty() @IsLongitude() lng: number;
}

export class DeviceDto {
  @ApiProperty({ example: '33078200000000000000001', description: '数采仪 MN' }) @Text(24) mn: string;
  @ApiProperty({ example: '123456', description: '访问密码 PW（只保存其 SHA-256）/ access password, only its SHA-256 is kept' }) @Text(6) pw: string;
  @ApiPropertyOptional({ description: '名录中的排污单位 ID / enterprise id in the registry' }) @IsOptional() @IsString() @MaxLength(40) enterpriseId?: string;
  @ApiPropertyOptional({ description: '统一社会信用代码 / credit code' }) @IsOptional() @IsString() @MaxLength(18) uscc?: string;
  @ApiPropertyOptional({ description: '名录中尚无该单位时填写 / only when not in the registry' }) @IsOptional() @IsString() @MaxLength(200) enterpriseName?: string;
  @ApiProperty({ example: 'DW001' }) @Text(40) outletCode: string;
  @ApiPropertyOptional({ example: '废水总排口' }) @IsOptional() @IsString() @MaxLength(100) outletName?: string;
  @ApiProperty({ enum: ['water', 'gas'] }) @IsIn(['water', 'gas']) medium: DeviceMedium;
  @ApiProperty({ enum: ['2005', '2017', '2025'] }) @IsIn(['2005', '2017', '2025']) standard: '2005' | '2017' | '2025';
  @ApiProperty({ type: [FactorDto] }) @IsArray() @ArrayMaxSize(60) @ValidateNested({ each: true }) @Type(() => FactorDto) factors: FactorDto[];
  @ApiProperty({ example: 30, description: '实时数据上报间隔（秒）/ real-time interval, seconds' }) @IsInt() @Min(1) @Max(86400) realtimeIntervalSeconds: number;
  @ApiPropertyOptional({ type: ProcessDto, description: '工况：生产运行时治理设施须运行 / treatment must run with production' })
  @IsOptional() @ValidateNested() @Type(() => ProcessDto) process?: ProcessDto;
  @ApiPropertyOptional({ type: LocationDto }) @IsOptional() @ValidateNested() @Type(() => LocationDto) location?: LocationDto;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() active?: boolean;
}

export class NoteDto {
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class RequiredNoteDto {
  @ApiProperty({ maxLength: 500, description: '原因 / why' }) @Text(500) note: string;
}

export class WarningDto {
  @ApiProperty({ maxLength: 1000, description: '远程预警内容 / what the enterprise is told' }) @Text(1000) message: string;
}

export class ExplanationDto {
  @ApiProperty({ maxLength: 2000, description: '企业说明 / the enterprise’s explanation' }) @Text(2000) explanation: string;
}

export class AssignVerificationDto {
  @ApiPropertyOptional({ description: '属地镇街（默认为设备所在镇街）/ town, default the device’s' }) @IsOptional() @IsString() @MaxLength(20) townCode?: string;
  @ApiPropertyOptional({ description: '核查人员账号 id / officer’s user id' }) @IsOptional() @IsString() @MaxLength(100) assigneeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) assigneeName?: string;
}

export class VerificationResultDto {
  @ApiProperty({ enum: Object.keys(VERIFICATION_RESULTS) }) @IsIn(Object.keys(VERIFICATION_RESULTS)) result: VerificationResult;
  @ApiProperty({ maxLength: 2000, description: '核查情况 / findings' }) @Text(2000) findings: string;
  @ApiPropertyOptional({ type: [String], description: '证据编号 / evidence references' })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @MaxLength(200, { each: true }) evidenceRefs?: string[];
}

export class SupervisionDto {
  @ApiProperty({ example: '义乌市经济和信息化局', description: '督办部门 / department' }) @Text(100) department: string;
  @ApiProperty({ maxLength: 2000, description: '督办要求 / requirement' }) @Text(2000) requirement: string;
  @ApiProperty({ example: 15, description: '期限（天）/ days' }) @IsInt() @Min(1) @Max(365) dueDays: number;
}

export class OutcomeDto {
  @ApiProperty({ maxLength: 2000, description: '督办结果 / outcome' }) @Text(2000) outcome: string;
}

export class RulesDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: '预警规则（整表）/ the whole rule table' }) @IsObject() rules: Record<string, unknown>;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}
