import { Body, Controller, Get, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles, type Principal } from '@qingyuan/auth';
import { fieldError } from '@qingyuan/service-kit';
import { TownLocator } from '../location/town-locator';

/** Town boundaries for locating clues and drawing maps offline. */
@ApiTags('towns 镇街边界')
@Controller('api/intake/town-boundaries')
export class TownsController {
  constructor(private readonly towns: TownLocator) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '当前使用的镇街边界 GeoJSON（features 的 approximate=true 表示近似边界）/ The town boundaries in use; approximate=true marks approximate ones' })
  async current() {
    await this.towns.refresh();
    const { version, boundaries } = this.towns.current();
    return { version, ...boundaries };
  }

  @Post()
  @HttpCode(201)
  @ApiBearerAuth()
  @Roles('admin')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 50 * 1024 * 1024, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'GeoJSON (WGS-84)' }, note: { type: 'string' } } } })
  @ApiOperation({ summary: '上传官方镇街边界（替换近似边界）/ Upload official town boundaries, replacing the approximate ones' })
  async upload(@UploadedFile() file: Express.Multer.File | undefined, @Body() body: { note?: string }, @CurrentPrincipal() p: Principal) {
    if (!file) throw fieldError('file', '请选择 GeoJSON 文件', 'is required');
    let geojson: unknown;
    try {
      geojson = JSON.parse(file.buffer.toString('utf8'));
    } catch {
      throw fieldError('file', '不是有效的 JSON', 'is not valid JSON');
    }
    return this.towns.upload(geojson, p.userId, typeof body.note === 'string' ? body.note.slice(0, 200) : undefined);
  }
}
