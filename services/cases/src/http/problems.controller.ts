import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CATEGORIES, CHANNELS, DEPARTMENTS, TOWNS, VIOLATION_KINDS, findDepartment, findTown } from '@qingyuan/contracts';
import { CurrentPrincipal, Roles, type Principal } from '@qingyuan/auth';
import { fieldError, notFound } from '@qingyuan/service-kit';
import type { Response } from 'express';
import { problemListWorkbook } from '../export/problem-list-workbook';
import { shanghaiDate } from '@qingyuan/calendar';
import { ProblemQueries, toSummary, trend } from '../problems/problem.queries';
import { CaseSettings } from '../settings/case-settings';
import { parseFilter, parsePage, STATUSES, type ListQuery } from './query-params';

export const problemIdPipe = new ParseUUIDPipe({ exceptionFactory: () => fieldError('problemId', '必须是有效的问题编号', 'must be a problem id (UUID)') });
export const NO_PROBLEM = () => notFound('问题不存在或不在您的管辖范围内', 'No such problem in your scope', 'PROBLEM_NOT_FOUND');
const READERS = ['analyst', 'town-officer', 'department-officer', 'verifier', 'leader', 'auditor'] as const;
const EXPORT_LIMIT = 50_000;

const LIST_QUERIES = [
  ApiQuery({ name: 'townCode', required: false }),
  ApiQuery({ name: 'department', required: false, description: '牵头或配合 / leads or co-operates' }),
  ApiQuery({ name: 'category', required: false }),
  ApiQuery({ name: 'channel', required: false }),
  ApiQuery({ name: 'status', required: false, enum: STATUSES }),
  ApiQuery({ name: 'overdue', required: false, enum: ['true', 'false'], description: '当前逾期 / overdue now' }),
  ApiQuery({ name: 'open', required: false, enum: ['true', 'false'], description: '未销号 / not closed out' }),
  ApiQuery({ name: 'from', required: false, description: '立案日期起 / opened on or after (YYYY-MM-DD)' }),
  ApiQuery({ name: 'to', required: false, description: '立案日期止 / opened on or before' }),
];
const ListFilters = (): MethodDecorator => (target, key, descriptor) => {
  for (const d of LIST_QUERIES) d(target, key, descriptor);
};

/** The problem list (问题清单), one problem, its timeline, the numbers; every read follows the caller's scope. */
@ApiTags('problems 问题清单')
@ApiBearerAuth()
@Controller('api/cases')
export class ProblemsController {
  constructor(
    private readonly queries: ProblemQueries,
    private readonly settings: CaseSettings,
  ) {}

  @Get('reference')
  @Roles(...READERS, 'hotline-staff', 'grid-worker')
  @ApiOperation({ summary: '镇街、部门、问题类别、违法行为类型和类别—牵头部门矩阵 / Towns, departments, categories, violation kinds and the category matrix' })
  async reference() {
    const { matrix } = await this.settings.get();
    return {
      towns: TOWNS,
      departments: DEPARTMENTS,
      categories: Object.entries(CATEGORIES).map(([code, l]) => ({ code, ...l })),
      channels: Object.entries(CHANNELS).map(([code, l]) => ({ code, ...l })),
      violationKinds: Object.entries(VIOLATION_KINDS).map(([code, l]) => ({ code, ...l })),
      matrix,
    };
  }

  @Get('problems')
  @Roles(...READERS)
  @ListFilters()
  @ApiQuery({ name: 'sort', required: false, enum: ['opened', 'deadline', 'number', 'updated'] })
  @ApiQuery({ name: 'order', required: false, enum: ['asc', 'desc'] })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  @ApiOperation({ summary: '问题清单（按权限范围，可筛选、排序、分页）/ Problems in your scope: filter, sort, page' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListQuery) {
    return this.queries.list(principal, parseFilter(query), parsePage(query));
  }

  @Get('problems.xlsx')
  @Roles(...READERS)
  @ListFilters()
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: '导出问题清单（Excel，最多 5 万条）/ Export the list to Excel (up to 50,000 rows)' })
  async export(@CurrentPrincipal() principal: Principal, @Query() query: ListQuery, @Res() res: Response): Promise<void> {
    const filter = parseFilter(query);
    const { items } = await this.queries.list(principal, filter, { sort: 'opened', descending: true, limit: EXPORT_LIMIT, offset: 0 });
    const workbook = await problemListWorkbook(
      items.map((p) => ({
        number: p.number,
        description: p.description,
        channel: p.channel?.zh ?? '',
        town: p.town?.zh ?? null,
        leadDepartment: p.leadDepartment?.zh ?? null,
        cooperatingDepartments: p.cooperatingDepartments.map((d) => d.zh),
        responsiblePerson: p.responsiblePerson?.name ?? null,
        measures: p.measures,
        deadline: p.deadline,
        status: p.status.zh,
        overdue: p.overdue,
        closedOn: p.closedOn,
      })),
      { title: '义乌市环境污染问题清单', generatedAt: new Date(), filters: describeFilter(filter) },
    );
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="problems.xlsx"; filename*=UTF-8''${encodeURIComponent('问题清单.xlsx')}`);
    res.end(workbook);
  }

  @Get('statistics')
  @Roles(...READERS)
  @ListFilters()
  @ApiQuery({ name: 'groupBy', required: true, enum: ['town', 'department', 'channel', 'category'] })
  @ApiOperation({ summary: '统计：受理、销号、按期销号率、平均办理工作日、逾期、自主发现率 / Numbers by town, department, channel or category' })
  statistics(@CurrentPrincipal() principal: Principal, @Query() query: ListQuery & { groupBy?: string }) {
    const groupBy = query.groupBy;
    if (groupBy !== 'town' && groupBy !== 'department' && groupBy !== 'channel' && groupBy !== 'category') {
      throw fieldError('groupBy', '必须是 town、department、channel 或 category', 'must be town, department, channel or category');
    }
    const { groupBy: _g, ...rest } = query;
    return this.queries.statistics(principal, groupBy, parseFilter(rest));
  }

  @Get('trend')
  @Roles(...READERS)
  @ApiQuery({ name: 'days', required: false, description: '天数（默认 30，最多 366）/ days, default 30' })
  @ApiOperation({ summary: '每日立案与销号数（按权限范围）/ Problems opened and closed per day, in your scope' })
  trend(@CurrentPrincipal() principal: Principal, @Query('days') days = '30') {
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 366) throw fieldError('days', '必须是 1 至 366 的整数', 'must be an integer from 1 to 366');
    return trend(this.queries.store, principal, n, shanghaiDate(new Date()));
  }

  @Get('problems/:problemId')
  @Roles(...READERS)
  @ApiOperation({ summary: '问题详情（ETag 为版本号）/ One problem; the ETag is its version' })
  async get(@Param('problemId', problemIdPipe) problemId: string, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    const row = await this.queries.row(principal, problemId);
    if (!row) throw NO_PROBLEM();
    res.setHeader('ETag', `"${row.version}"`);
    return toSummary(row);
  }

  @Get('problems/:problemId/timeline')
  @Roles(...READERS)
  @ApiOperation({ summary: '办理过程（每个事件、操作人和时间）及关联线索 / Timeline: every event with actor and time, and the linked clues' })
  async timeline(@Param('problemId', problemIdPipe) problemId: string, @CurrentPrincipal() principal: Principal) {
    const row = await this.queries.row(principal, problemId);
    if (!row) throw NO_PROBLEM();
    return { problemId, number: row.number, clueIds: row.clue_ids, reopenedFrom: row.reopened_from, recurredAs: row.recurred_as, events: await this.queries.timeline(problemId) };
  }
}

function describeFilter(f: ReturnType<typeof parseFilter>): string {
  const parts = [
    f.townCode && `镇街：${findTown(f.townCode)?.zh}`,
    f.department && `部门：${findDepartment(f.department)?.zh}`,
    f.category && `类别：${CATEGORIES[f.category as keyof typeof CATEGORIES]?.zh}`,
    f.channel && `渠道：${CHANNELS[f.channel as keyof typeof CHANNELS]?.zh}`,
    f.status && `状态：${f.status}`,
    f.overdue !== undefined && (f.overdue ? '仅逾期' : '未逾期'),
    f.from && `自 ${f.from}`,
    f.to && `至 ${f.to}`,
  ].filter(Boolean);
  return parts.length ? parts.join('；') : '全部';
}
