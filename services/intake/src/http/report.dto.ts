import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CATEGORY_CODES, TOWN_CODES, type Category } from '@qingyuan/contracts';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
  IsDefined,
  IsUUID,
} from 'class-validator';

export class LocationDto {
  @ApiPropertyOptional({ description: '纬度 (WGS-84) / latitude', example: 29.3068 })
  @IsOptional()
  @IsLatitude()
  lat?: number;

  @ApiPropertyOptional({ description: '经度 (WGS-84) / longitude', example: 120.0751 })
  @IsOptional()
  @IsLongitude()
  lng?: number;

  @ApiPropertyOptional({ description: '地址 / address', maxLength: 200, example: '义乌市稠城街道某某路 88 号附近' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;

  @ApiPropertyOptional({ description: '镇街代码 / town code', enum: TOWN_CODES })
  @IsOptional()
  @IsIn(TOWN_CODES)
  townCode?: string;
}

export class ReporterIdentityDto {
  @ApiProperty({ description: '姓名 / name', maxLength: 50 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name: string;

  @ApiProperty({ description: '联系电话 / phone', example: '13800000000' })
  @IsString()
  @Matches(/^(\+?86)?1\d{10}$|^0\d{2,3}-?\d{7,8}$/)
  phone: string;

  @ApiPropertyOptional({ description: '身份证号 / ID number' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{17}[\dXx]$/)
  idNumber?: string;

  @ApiPropertyOptional({ description: '联系地址 / contact address', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;
}

/** What every human channel asks: what, when, where. */
export class ClueContentDto {
  @ApiProperty({ description: '问题类别 / category', enum: CATEGORY_CODES })
  @IsIn(CATEGORY_CODES)
  category: Category;

  @ApiProperty({ description: '问题描述 / what was seen', minLength: 5, maxLength: 2000 })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  description: string;

  @ApiPropertyOptional({ description: '发现时间 / when it was seen (ISO 8601)', example: '2026-11-29T08:30:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  observedAt?: string;

  @ApiProperty({ type: LocationDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocationDto)
  location: LocationDto;
}

/** A report from the public (群众举报). */
export class PublicReportDto extends ClueContentDto {
  @ApiProperty({ description: '匿名举报 / anonymous report' })
  @IsBoolean()
  anonymous: boolean;

  @ApiPropertyOptional({ description: '企业内部知情人 / enterprise insider', default: false })
  @IsOptional()
  @IsBoolean()
  insider?: boolean;

  @ApiPropertyOptional({ type: ReporterIdentityDto, description: '实名举报时必填，加密保存 / required for a real-name report; stored encrypted' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReporterIdentityDto)
  reporter?: ReporterIdentityDto;

  @ApiPropertyOptional({ description: '作为某项悬赏的线索 / a lead for this published bounty (悬赏)' })
  @IsOptional()
  @IsUUID()
  bountyId?: string;
}

/** An anonymous reporter identifies to claim a reward: name, phone and ID number are all needed to pay. */
export class IdentifyDto extends ReporterIdentityDto {
  @ApiProperty({ description: '身份证号 / ID number' })
  @IsString()
  @Matches(/^\d{17}[\dXx]$/)
  declare idNumber: string;
}

export class ReportReceiptDto {
  @ApiProperty({ description: '查询码，请妥善保存 / receipt code: keep it to follow your report', example: 'K7QD-2M9X-4TNV-8RBC-1HZE' })
  receiptCode: string;

  @ApiProperty()
  submittedAt: string;

  @ApiProperty()
  zh: string;

  @ApiProperty()
  en: string;
}
