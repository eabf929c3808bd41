import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_CHANNELS, type StaffChannel } from '@qingyuan/contracts';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsUrl,
  Matches,
  MaxLength,
  ValidateNested,
  IsDefined,
} from 'class-validator';
import { ClueContentDto, ReporterIdentityDto } from './report.dto';

/** 来电、来信、来访、信访、热线、媒体舆情: registered by staff with the original reference. */
export class StaffRegistrationDto extends ClueContentDto {
  @ApiProperty({ description: '原始渠道 / original channel', enum: STAFF_CHANNELS })
  @IsIn(STAFF_CHANNELS)
  channel: StaffChannel;

  @ApiPropertyOptional({ description: '原始编号（信件、信访件、热线工单号）/ reference number', maxLength: 64 })
  @IsOptional()
  @Matches(/^[^\u0000-\u001f<>"'\\]{1,64}$/)
  referenceNumber?: string;

  @ApiPropertyOptional({ description: '媒体或舆情来源链接（媒体渠道必填）/ source link, required for media', maxLength: 500 })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  link?: string;

  @ApiProperty({ description: '反映人是否匿名 / anonymous' })
  @IsBoolean()
  anonymous: boolean;

  @ApiPropertyOptional({ description: '企业内部知情人 / insider' })
  @IsOptional()
  @IsBoolean()
  insider?: boolean;

  @ApiPropertyOptional({ type: ReporterIdentityDto, description: '反映人身份（加密保存）/ identity, stored encrypted' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReporterIdentityDto)
  reporter?: ReporterIdentityDto;
}

/** A clue from an organisation account (社会组织、环保管家、行业协会、技术服务机构). */
export class OrganisationReportDto extends ClueContentDto {
  @ApiPropertyOptional({ description: '相关链接 / link', maxLength: 500 })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  link?: string;
}

export class PointDto {
  @ApiProperty({ example: 29.3068 })
  @IsLatitude()
  lat: number;

  @ApiProperty({ example: 120.0751 })
  @IsLongitude()
  lng: number;
}

const GRID_CODE = /^[A-Za-z0-9\-_.]{1,32}$/;

/** A grid worker's or river chief's finding (巡查发现): a GPS point is required. */
export class PatrolFindingDto extends ClueContentDto {
  @ApiProperty({ description: '网格或河段编号 / grid or river section code', example: '330782001-012' })
  @Matches(GRID_CODE)
  gridCode: string;

  @ApiProperty({ type: PointDto, description: '发现位置（GPS）/ GPS position' })
  @IsDefined()
  @ValidateNested()
  @Type(() => PointDto)
  position: PointDto;
}

/** 巡查签到: who patrolled which grid when. */
export class PatrolCheckInDto {
  @ApiProperty({ description: '网格或河段编号 / grid or river section code' })
  @Matches(GRID_CODE)
  gridCode: string;

  @ApiPropertyOptional({ type: PointDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PointDto)
  position?: PointDto;
}
