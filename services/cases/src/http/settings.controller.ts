import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { CATEGORY_CODES, DEPARTMENT_CODES } from '@qingyuan/contracts';
import { fieldError } from '@qingyuan/service-kit';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CaseSettings } from '../settings/case-settings';
import { DATE } from './problem.dto';

class DayOverrideDto {
  @ApiProperty({ example: '2026-10-01' }) @Matches(DATE) date: string;
  @ApiProperty({ enum: ['holiday', 'makeup-workday'] }) @IsIn(['holiday', 'makeup-workday']) kind: 'holiday' | 'makeup-workday';
  @ApiProperty({ example: '国庆节' }) @IsString() @IsNotEmpty() @MaxLength(50) name: string;
  @ApiProperty({ description: '已与国务院通知核对 / checked against the State Council notice' }) @IsBoolean() confirmed: boolean;
}

class CalendarYearDto {
  @ApiProperty({ type: [DayOverrideDto] })
  @IsArray()
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  @Type(() => DayOverrideDto)
  overrides: DayOverrideDto[];
}

class TimeLimitsDto {
  @ApiProperty() @IsInt() @Min(1) @Max(365) general: number;
  @ApiProperty() @IsInt() @Min(1) @Max(365) serious: number;
  @ApiProperty() @IsInt() @Min(1) @Max(365) major: number;
}

class LifecycleSettingsDto {
  @ApiProperty({ description: '临期预警提前工作日数 / warn this many working days before the deadline' }) @IsInt() @Min(0) @Max(30) warningWorkingDays: number;
  @ApiProperty({ type: TimeLimitsDto, description: '默认整改时限（工作日）/ default time limits in working days' })
  @IsDefined()
  @ValidateNested()
  @Type(() => TimeLimitsDto)
  timeLimitWorkingDays: TimeLimitsDto;
}

class MatrixRowDto {
  @ApiProperty({ enum: DEPARTMENT_CODES }) @IsIn(DEPARTMENT_CODES) leadDepartment: string;
  @ApiProperty({ enum: DEPARTMENT_CODES, isArray: true }) @IsArray() @IsIn(DEPARTMENT_CODES, { each: true }) cooperating: string[];
}

/** What the bureau administrator configures: the working-day calendar, time limits, the category matrix. */
@ApiTags('case settings 办理配置')
@ApiBearerAuth()
@Controller('api/cases/settings')
export class SettingsController {
  constructor(private readonly settings: CaseSettings) {}

  @Get('calendar')
  @Roles('analyst', 'leader', 'town-officer', 'department-officer')
  @ApiOperation({ summary: '节假日与调休（未核对的标记为 confirmed=false）/ Holidays and make-up working days' })
  calendar(@Query('year') year?: string) {
    if (year !== undefined && !/^\d{4}$/.test(year)) throw fieldError('year', '必须是四位年份', 'must be a year');
    return this.settings.overrides(year ? Number(year) : undefined);
  }

  @Put('calendar/:year')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '替换某年的节假日与调休（国务院公布后更新）/ Replace a year of holidays and make-up days' })
  async replaceYear(@Param('year', ParseIntPipe) year: number, @Body() body: CalendarYearDto, @CurrentPrincipal() p: Principal) {
    if (year < 2000 || year > 2100) throw fieldError('year', '年份超出范围', 'is out of range');
    await this.settings.replaceYear(year, body.overrides, p.userId);
    return this.settings.overrides(year);
  }

  @Get('lifecycle')
  @Roles('analyst', 'leader')
  @ApiOperation({ summary: '默认整改时限与预警设置 / Default time limits and warnings' })
  async lifecycle() {
    return (await this.settings.get()).settings;
  }

  @Put('lifecycle')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '修改默认整改时限与预警设置 / Change the defaults' })
  async updateLifecycle(@Body() body: LifecycleSettingsDto, @CurrentPrincipal() p: Principal) {
    await this.settings.updateSettings(body, p.userId);
    return (await this.settings.get()).settings;
  }

  @Put('matrix/:category')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: '修改类别的默认牵头和配合部门 / Set a category\'s default lead and co-operating departments' })
  async updateMatrix(@Param('category') category: string, @Body() body: MatrixRowDto, @CurrentPrincipal() p: Principal) {
    if (!CATEGORY_CODES.includes(category as never)) throw fieldError('category', '不是已知的类别', 'is not a known category');
    await this.settings.updateMatrix({ category, leadDepartment: body.leadDepartment, cooperating: body.cooperating.filter((d) => d !== body.leadDepartment) }, p.userId);
    return (await this.settings.get()).matrix;
  }
}
