import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal, type Role } from '@qingyuan/auth';
import { OBJECT_CLASSES, type ObjectClass } from '@qingyuan/contracts';
import { fieldError, notFound } from '@qingyuan/service-kit';
import { CreditKeeper } from '../registry/credit-keeper';
import { InspectorPool } from '../registry/inspector-pool';
import { Registry, type ImportReport } from '../registry/registry';
import { RegistryQueries } from '../registry/registry.queries';
import { CreditDto, EnterpriseDto, InspectorDto, SpecialDto } from './enforcement.dto';

/** Who reads enforcement's records. */
export const ENFORCEMENT_READERS: Role[] = ['enforcement-officer', 'leader', 'admin', 'auditor', 'analyst'];

/** An inspector without a reading role: sees their own tasks, and colleagues by name only. */
export const inspectorOnly = (p: Principal) => !p.roles.some((r) => ENFORCEMENT_READERS.includes(r));

/** 排污单位名录, credit and the supervision object lists. */
@ApiTags('enforcement 名录与信用')
@ApiBearerAuth()
@Controller('api/enforcement')
export class RegistryController {
  constructor(
    private readonly registry: Registry,
    private readonly queries: RegistryQueries,
    private readonly credit: CreditKeeper,
    private readonly inspectors: InspectorPool,
  ) {}

  @Get('enterprises')
  @Roles(...ENFORCEMENT_READERS)
  @ApiQuery({ name: 'q', required: false, description: '名称或信用代码 / name or credit code' })
  @ApiQuery({ name: 'objectClass', required: false, enum: Object.keys(OBJECT_CLASSES) })
  @ApiQuery({ name: 'creditLevel', required: false })
  @ApiQuery({ name: 'townCode', required: false })
  @ApiOperation({ summary: '排污单位名录，含信用等级与监管对象类别 / The registry, with credit and supervision list' })
  list(@Query('q') q?: string, @Query('objectClass') objectClass?: string, @Query('creditLevel') creditLevel?: string, @Query('townCode') townCode?: string) {
    if (objectClass && !(objectClass in OBJECT_CLASSES)) throw fieldError('objectClass', '须为 key、general 或 special', 'must be key, general or special');
    return this.queries.list({ q: q?.trim() || undefined, objectClass: objectClass as ObjectClass | undefined, creditLevel: creditLevel || undefined, townCodes: townCode ? [townCode] : undefined });
  }

  @Post('enterprises')
  @Roles('enforcement-officer')
  @ApiOperation({ summary: '登记或更新排污单位（按信用代码幂等）/ Register or update an enterprise (idempotent by credit code)' })
  register(@Body() b: EnterpriseDto, @CurrentPrincipal() p: Principal) {
    return this.registry.register(p, { ...b, outlets: b.outlets ?? [] });
  }

  @Post('enterprises/import')
  @HttpCode(200)
  @Roles('enforcement-officer')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 2 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'CSV（UTF-8 或 GBK）或 XLSX' } } } })
  @ApiOperation({ summary: '导入名录：好的行入库，问题行按行号报告；重复导入不重复登记 / Import: good rows saved, bad rows reported by line' })
  import(@CurrentPrincipal() p: Principal, @UploadedFile() file?: Express.Multer.File): Promise<ImportReport> {
    if (!file) throw fieldError('file', '请选择要导入的文件', 'is required');
    return this.registry.import(p, file.buffer, file.originalname);
  }

  @Get('enterprises/:id')
  @Roles(...ENFORCEMENT_READERS)
  @ApiOperation({ summary: '单位详情：信用历史（含触发规则）与检查记录 / An enterprise with its credit history and inspections' })
  async detail(@Param('id', ParseUUIDPipe) id: string) {
    return (await this.queries.detail(id)) ?? Promise.reject(notFound('排污单位不存在', 'No such enterprise', 'ENTERPRISE_NOT_FOUND'));
  }

  @Put('enterprises/:id/credit')
  @Roles('enforcement-officer')
  @ApiOperation({ summary: '人工评定信用等级（记录理由）/ Set the credit level by hand, with the reason' })
  async setCredit(@Param('id', ParseUUIDPipe) id: string, @Body() b: CreditDto, @CurrentPrincipal() p: Principal) {
    await this.credit.byHand(p, id, { level: b.level, reason: b.reason });
    return this.queries.detail(id);
  }

  @Put('enterprises/:id/special')
  @Roles('enforcement-officer')
  @ApiOperation({ summary: '列入或移出特殊监管对象 / Put on or take off the special objects list' })
  async setSpecial(@Param('id', ParseUUIDPipe) id: string, @Body() b: SpecialDto, @CurrentPrincipal() p: Principal) {
    await this.credit.byHand(p, id, { special: b.special, reason: b.reason });
    return this.queries.detail(id);
  }

  @Get('lists')
  @Roles(...ENFORCEMENT_READERS)
  @ApiOperation({ summary: '监管对象名录：各类别、各信用等级的单位数 / Supervision lists: counts per class and credit level' })
  lists() {
    return this.queries.lists();
  }

  @Get('inspectors')
  @Roles(...ENFORCEMENT_READERS, 'inspector')
  @ApiOperation({ summary: '执法人员库；执法检查人员只看到同事的姓名 / The inspector pool; an inspector sees colleagues’ names only' })
  async pool(@CurrentPrincipal() p: Principal) {
    const pool = await this.inspectors.list();
    // declared conflicts and former employers are for whoever draws, not for colleagues
    return inspectorOnly(p) ? pool.map(({ inspectorId, name, active }) => ({ inspectorId, name, active })) : pool;
  }

  @Put('inspectors/:inspectorId')
  @Roles('enforcement-officer', 'admin')
  @ApiOperation({ summary: '加入或更新执法人员（镇街、原任职单位、申报的利害关系）/ Add or update an inspector with what recusal needs' })
  async saveInspector(@Param('inspectorId') inspectorId: string, @Body() b: InspectorDto, @CurrentPrincipal() p: Principal) {
    if (b.inspectorId !== inspectorId) throw fieldError('inspectorId', '与地址中的人员不符', 'does not match the path');
    await this.inspectors.save(b, p.userId);
    return (await this.inspectors.list()).find((i) => i.inspectorId === inspectorId);
  }
}
