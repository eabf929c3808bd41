import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLE_CODES, type Role } from '@qingyuan/auth';
import { DEPARTMENT_CODES, ORGANISATION_KINDS, TOWN_CODES, type OrganisationKind } from '@qingyuan/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

export class SignInDto {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  password: string;
}

export class SessionDto {
  @ApiProperty({ description: 'Bearer token' })
  token: string;

  @ApiProperty()
  expiresAt: string;

  @ApiProperty()
  user: { userId: string; name: string; roles: string[]; towns: string[]; departments: string[] };
}

export class OrganisationDto {
  @ApiProperty({ description: '组织代码（如统一社会信用代码）/ organisation code', example: '52330782MJ0000000X' })
  @Matches(/^[0-9A-Za-z-]{2,32}$/)
  code: string;

  @ApiProperty({ description: '组织名称 / name', example: '义乌市绿水青山环保志愿者协会' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: Object.keys(ORGANISATION_KINDS) })
  @IsIn(Object.keys(ORGANISATION_KINDS))
  kind: OrganisationKind;
}

export class CreateUserDto {
  @ApiProperty({ description: '登录名：小写字母、数字、点、横线 / lower-case login name', example: 'choucheng.li' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/)
  username: string;

  @ApiProperty({ description: '姓名 / display name', example: '李明' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  displayName: string;

  @ApiProperty({ enum: ROLE_CODES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLE_CODES.length)
  @IsIn(ROLE_CODES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({ description: '管辖镇街（空 = 全市）/ towns in scope (empty = whole city)', enum: TOWN_CODES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(TOWN_CODES, { each: true })
  towns?: string[];

  @ApiPropertyOptional({ description: '所属部门（空 = 全部）/ departments in scope', enum: DEPARTMENT_CODES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(DEPARTMENT_CODES, { each: true })
  departments?: string[];

  @ApiPropertyOptional({ type: OrganisationDto, description: '组织账号所属组织 / for organisation accounts' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganisationDto)
  organisation?: OrganisationDto;
}
