import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEPARTMENT_CODES, TOWN_CODES } from '@qingyuan/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
  IsDefined,
} from 'class-validator';

export class ResponsiblePersonDto {
  @ApiProperty({ description: '责任人姓名 / name of the responsible official', maxLength: 50 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name: string;

  @ApiPropertyOptional({ description: '工作电话 / work phone' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+\-\s]{5,20}$/)
  phone?: string;
}

/** 交办: one town, one lead department, one responsible person, measures and a deadline. */
export class AssignProblemDto {
  @ApiProperty({ description: '属地镇街 / town', enum: TOWN_CODES })
  @IsIn(TOWN_CODES)
  townCode: string;

  @ApiProperty({ description: '牵头部门 / lead department', enum: DEPARTMENT_CODES })
  @IsIn(DEPARTMENT_CODES)
  leadDepartment: string;

  @ApiProperty({ type: ResponsiblePersonDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ResponsiblePersonDto)
  responsiblePerson: ResponsiblePersonDto;

  @ApiProperty({ description: '整改措施 / measures', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  measures: string;

  @ApiPropertyOptional({ description: '整改要求 / requirements', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  requirements?: string;

  @ApiProperty({ description: '整改期限（北京时间日期）/ deadline, a date in Asia/Shanghai', example: '2026-12-31' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
  deadline: string;
}

export class RectificationDto {
  @ApiProperty({ description: '整改情况 / what was done', maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  summary: string;

  @ApiProperty({ description: '佐证材料（照片、文件的说明或编号）/ evidence: photos and documents', type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  evidence: string[];
}

export class VerificationDto {
  @ApiProperty({ description: '核查是否通过 / passed' })
  @IsBoolean()
  passed: boolean;

  @ApiProperty({ description: '核查意见 / opinion', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  opinion: string;
}
