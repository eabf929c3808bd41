import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '@qingyuan/auth';
import { fieldError } from '@qingyuan/service-kit';
import { Publication } from '../publication/publication';
import { DATE } from './enforcement.dto';

/** 一公开: the public feed of draws and results, and the export for the provincial 互联网+监管 platform. */
@ApiTags('enforcement 一公开')
@Controller('api/enforcement')
export class PublicController {
  constructor(private readonly publication: Publication) {}

  @Get('public/plans')
  @Public()
  @ApiOperation({ summary: '公开：抽查计划与检查事项清单 / Public: inspection plans and their items' })
  plans() {
    return this.publication.plans();
  }

  @Get('public/draws')
  @Public()
  @ApiOperation({ summary: '公开：抽取承诺、公开的种子与已完成检查的结果（不含个人信息）/ Public: commitments, revealed seeds, results of finished inspections' })
  draws() {
    return this.publication.draws();
  }

  @Get('export')
  @ApiBearerAuth()
  @Roles('enforcement-officer', 'admin')
  @ApiQuery({ name: 'from', example: '2027-01-01' })
  @ApiQuery({ name: 'to', example: '2027-12-31' })
  @ApiOperation({ summary: '导出检查与处罚记录（qingyuan.enforcement-export/v1，供“互联网+监管”）/ Export for the 互联网+监管 platform' })
  export(@Query('from') from?: string, @Query('to') to?: string) {
    if (!from || !DATE.test(from)) throw fieldError('from', '须为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD');
    if (!to || !DATE.test(to)) throw fieldError('to', '须为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD');
    if (from > to) throw fieldError('to', '不能早于开始日期', 'must not be before from');
    return this.publication.export(from, to);
  }
}
