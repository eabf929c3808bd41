import { Body, Controller, Get, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { actorOf, fieldError, validateBody } from '@qingyuan/service-kit';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { HotlineImport, type ImportReport } from '../hotline/hotline-import';
import { defaultMappings, type ColumnMapping, type HotlineChannel } from '../hotline/mapping';

const HOTLINES = Object.keys(defaultMappings) as HotlineChannel[];
const MAPPING_KEYS = ['ticketNumber', 'receivedAt', 'description', 'category', 'address', 'lat', 'lng', 'reporterName', 'reporterPhone', 'townName'];

class ColumnMappingDto {
  @ApiProperty() @IsString() @MaxLength(100) ticketNumber: string;
  @ApiProperty() @IsString() @MaxLength(100) receivedAt: string;
  @ApiProperty() @IsString() @MaxLength(100) description: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) category?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) address?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) lat?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) lng?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) reporterName?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) reporterPhone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) townName?: string;
}

/** Bulk import of 12345 / 12369 hotline exports (热线工单导入). */
@ApiTags('hotline imports 热线导入')
@ApiBearerAuth()
@Controller('api/intake/imports')
export class HotlineController {
  constructor(private readonly hotline: HotlineImport) {}

  @Get('mappings')
  @Roles('hotline-staff', 'analyst')
  @ApiOperation({ summary: '默认列映射（按导出模板调整）/ Default column mappings, to adjust to the export template' })
  mappings(): Record<HotlineChannel, ColumnMapping> {
    return defaultMappings;
  }

  @Post()
  @HttpCode(200)
  @Roles('hotline-staff', 'analyst')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 3 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'channel'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CSV（UTF-8 或 GBK）或 XLSX / CSV (UTF-8 or GBK) or XLSX' },
        channel: { type: 'string', enum: HOTLINES },
        mapping: { type: 'string', description: `列映射 JSON（可选）/ column mapping JSON, optional: keys ${MAPPING_KEYS.join(', ')}` },
      },
    },
  })
  @ApiOperation({ summary: '导入热线导出文件：好的行入库，问题行按行号报告；重复导入不会重复建线索 / Import: good rows become clues, bad rows are reported by line; re-import creates nothing twice' })
  async import(
    @Body() body: { channel?: string; mapping?: string },
    @CurrentPrincipal() principal: Principal,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<ImportReport> {
    if (!file) throw fieldError('file', '请选择要导入的文件', 'is required');
    if (!HOTLINES.includes(body.channel as HotlineChannel)) {
      throw fieldError('channel', `必须是以下值之一：${HOTLINES.join(', ')}`, `must be one of ${HOTLINES.join(', ')}`);
    }
    const mapping = body.mapping ? await validateBody(ColumnMappingDto, body.mapping, 'mapping') : undefined;
    return this.hotline.run({ buffer: file.buffer, originalname: file.originalname }, body.channel as HotlineChannel, mapping, actorOf(principal));
  }
}
