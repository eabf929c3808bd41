import { Alert, Button, Card, Col, Empty, Result, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../../shared/api';
import type { TownBoundaries } from '../../../shared/geo';
import { useI18n, type Bilingual } from '../../../shared/i18n';
import { TownMap, type TileSource } from '../../../shared/town-map';
import { PAGE_ROLES } from '../../App';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { EChart, type ChartOption } from './EChart';

/** Who may read what, as the services decide it (GET /api/intake/clues/statistics, the cases reads). */
const CLUE_READERS = ['analyst', 'hotline-staff', 'auditor', 'leader'];
const PROBLEM_READERS = ['analyst', 'town-officer', 'department-officer', 'verifier', 'leader', 'auditor'];
const COLORS = ['#0f7b4f', '#1677ff', '#d4380d', '#faad14', '#722ed1', '#13c2c2', '#eb2f96', '#8c8c8c'];

interface StatRow {
  key: string | null;
  label: Bilingual;
  received: number;
  closed: number;
  onTimeRate: number | null;
  overdue: number;
}
interface TrendDay {
  day: string;
  opened: number;
  closed: number;
}
interface ClueStatistics {
  byStatus: Record<string, number>;
  byChannel: Array<{ channel: string; zh: string; en: string; count: number }>;
}
interface Town extends Bilingual {
  code: string;
}

const sum = (rows: StatRow[], f: (r: StatRow) => number) => rows.reduce((n, r) => n + f(r), 0);
const open = (r: StatRow) => Math.max(0, r.received - r.closed);

export default function DashboardPage() {
  const { t, pick } = useI18n();
  const { can, session } = useSession();
  const canClues = can(...CLUE_READERS);
  const canProblems = can(...PROBLEM_READERS);

  const clues = useLoad(canClues ? () => api<ClueStatistics>('/api/intake/clues/statistics') : undefined, [canClues]);
  const problems = useLoad(
    canProblems
      ? async () => {
          const [towns, overdue, channels, trend] = await Promise.all([
            api<StatRow[]>('/api/cases/statistics?groupBy=town'),
            // overdue=true: received − closed of these are the overdue problems still open
            api<StatRow[]>('/api/cases/statistics?groupBy=town&overdue=true'),
            api<StatRow[]>('/api/cases/statistics?groupBy=channel'),
            api<TrendDay[]>('/api/cases/trend?days=30'),
          ]);
          return { towns, overdue, channels, trend };
        }
      : undefined,
    [canProblems],
  );
  const map = useLoad(
    canProblems
      ? async () => {
          const [boundaries, reference, config] = await Promise.all([
            api<TownBoundaries>('/api/intake/town-boundaries', { auth: false }),
            api<{ towns: Town[] }>('/api/cases/reference'),
            api<{ tiles?: TileSource | null }>('/web-config.json', { auth: false }).catch(() => ({ tiles: null })),
          ]);
          return { boundaries, towns: reference.towns, tiles: config.tiles ?? undefined };
        }
      : undefined,
    [canProblems],
  );

  const numbers = useMemo(() => {
    const d = problems.data;
    if (!d) return undefined;
    const closed = sum(d.towns, (r) => r.closed);
    const onTime = sum(d.towns, (r) => (r.onTimeRate ?? 0) * r.closed);
    return {
      open: sum(d.towns, open),
      overdue: sum(d.overdue, open),
      closed,
      onTimeRate: closed ? Math.round((onTime / closed) * 100) : undefined,
      openedInTrend: d.trend.reduce((n, day) => n + day.opened, 0),
    };
  }, [problems.data]);

  const townOption = useMemo<ChartOption | undefined>(() => {
    const d = problems.data;
    if (!d || d.towns.length === 0) return undefined;
    const overdueBy = new Map(d.overdue.map((r) => [r.key, open(r)]));
    const rows = [...d.towns].sort((a, b) => a.received - b.received);
    return {
      color: COLORS,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, outerBoundsMode: 'same' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => pick(r.label)) },
      series: [
        { name: t('dashboard.series.open'), type: 'bar', stack: 'all', barMaxWidth: 28, data: rows.map(open) },
        { name: t('dashboard.series.closed'), type: 'bar', stack: 'all', barMaxWidth: 28, data: rows.map((r) => r.closed), itemStyle: { color: '#95de64' } },
        { name: t('dashboard.series.overdue'), type: 'bar', barMaxWidth: 28, data: rows.map((r) => overdueBy.get(r.key) ?? 0), itemStyle: { color: '#d4380d' } },
      ],
    };
  }, [problems.data, pick, t]);

  const channelRows = useMemo(() => {
    if (problems.data) return problems.data.channels.map((r) => ({ name: pick(r.label), value: r.received }));
    if (!canProblems && clues.data) return clues.data.byChannel.map((r) => ({ name: pick(r), value: r.count }));
    return undefined;
  }, [problems.data, clues.data, canProblems, pick]);

  const channelOption = useMemo<ChartOption | undefined>(() => {
    if (!channelRows || channelRows.every((r) => r.value === 0)) return undefined;
    return {
      color: COLORS,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
      series: [
        {
          name: canProblems ? t('dashboard.channels.problems') : t('dashboard.channels.clues'),
          type: 'pie',
          radius: ['38%', '68%'],
          center: ['36%', '50%'],
          avoidLabelOverlap: true,
          label: { formatter: '{b}\n{c}' },
          data: channelRows,
        },
      ],
    };
  }, [channelRows, canProblems, t]);

  const trendOption = useMemo<ChartOption | undefined>(() => {
    const d = problems.data;
    if (!d || d.trend.every((day) => day.opened === 0 && day.closed === 0)) return undefined;
    return {
      color: ['#1677ff', '#0f7b4f'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, outerBoundsMode: 'same' },
      xAxis: { type: 'category', boundaryGap: false, data: d.trend.map((day) => dayjs(day.day).format(t('dashboard.dayFormat'))) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('dashboard.series.opened'), type: 'line', showSymbol: false, areaStyle: { opacity: 0.08 }, data: d.trend.map((day) => day.opened) },
        { name: t('dashboard.series.closedOut'), type: 'line', showSymbol: false, areaStyle: { opacity: 0.08 }, data: d.trend.map((day) => day.closed) },
      ],
    };
  }, [problems.data, t]);

  const openByTown = useMemo(() => {
    const counts: Record<string, number> = {};
    for (const r of problems.data?.towns ?? []) if (r.key) counts[r.key] = open(r);
    const max = Math.max(0, ...Object.values(counts));
    const shade = Object.fromEntries(Object.entries(counts).map(([code, n]) => [code, max ? n / max : 0]));
    return { counts, shade };
  }, [problems.data]);

  if (!canClues && !canProblems) {
    return <Result status="info" title={t('dashboard.nothing.title')} subTitle={t('dashboard.nothing.body')} />;
  }

  const failure = (error: unknown, retry: () => void) => (
    <Alert
      type="error"
      showIcon
      title={error instanceof ApiError ? pick(error.text) : t('common.error')}
      action={<Button size="small" onClick={retry}>{t('common.retry')}</Button>}
    />
  );
  const chart = (loading: boolean, error: unknown, retry: () => void, option: ChartOption | undefined, empty: string, height: number, testId: string): ReactNode => {
    if (error) return failure(error, retry);
    if (loading) return <Skeleton active paragraph={{ rows: 6 }} />;
    if (!option) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} style={{ height, display: 'flex', flexDirection: 'column', justifyContent: 'center', margin: 0 }} />;
    return <EChart option={option} height={height} testId={testId} />;
  };
  const townName = (code: string, fallback: string) => {
    const town = map.data?.towns.find((x) => x.code === code);
    return town ? pick(town) : fallback;
  };
  // a user scoped to some towns has no numbers for the others: those show their name only
  const inScope = (code: string) => !session?.user.towns.length || session.user.towns.includes(code);
  const scoped = Boolean(session?.user.towns.length || session?.user.departments.length);
  const refresh = () => {
    clues.reload();
    problems.reload();
    map.reload();
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 16, flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dashboard.title')}
        </Typography.Title>
        <Button onClick={refresh} loading={clues.loading || problems.loading}>
          {t('dashboard.refresh')}
        </Button>
      </div>
      {scoped && <Alert type="info" showIcon title={t('dashboard.scoped')} />}
      {!canProblems && <Alert type="info" showIcon title={t('dashboard.noProblemRole')} />}

      <Row gutter={[16, 16]}>
        {canClues && (
          <Col xs={24} sm={12} xl={6}>
            <Card>
              {clues.error ? (
                failure(clues.error, clues.reload)
              ) : (
                <Statistic title={t('dashboard.cards.newClues')} value={clues.data?.byStatus.received ?? 0} loading={clues.loading} data-testid="card-new-clues" />
              )}
              <CardLink show={can(...PAGE_ROLES.clues)} to="/clues" text={t('dashboard.cards.toClues')} />
            </Card>
          </Col>
        )}
        {canProblems && (
          <>
            <Col xs={24} sm={12} xl={6}>
              <Card>
                <Statistic title={t('dashboard.cards.open')} value={numbers?.open ?? 0} loading={problems.loading} data-testid="card-open" />
                <CardLink show={can(...PAGE_ROLES.problems)} to="/problems" text={t('dashboard.cards.toProblems')} />
              </Card>
            </Col>
            <Col xs={24} sm={12} xl={6}>
              <Card>
                <Statistic
                  title={t('dashboard.cards.overdue')}
                  value={numbers?.overdue ?? 0}
                  loading={problems.loading}
                  styles={{ content: { color: numbers?.overdue ? '#d4380d' : undefined } }}
                  data-testid="card-overdue"
                />
                <Typography.Text type="secondary">{t('dashboard.cards.overdueHint')}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24} sm={12} xl={6}>
              <Card>
                <Statistic title={t('dashboard.cards.closed')} value={numbers?.closed ?? 0} loading={problems.loading} data-testid="card-closed" />
                <Typography.Text type="secondary">
                  {numbers?.onTimeRate === undefined ? t('dashboard.cards.onTimeNone') : t('dashboard.cards.onTime', { rate: numbers.onTimeRate })}
                </Typography.Text>
              </Card>
            </Col>
          </>
        )}
      </Row>
      {canProblems && problems.error !== undefined && failure(problems.error, problems.reload)}

      <Row gutter={[16, 16]}>
        {canProblems && (
          <Col xs={24} xl={14}>
            <Card title={t('dashboard.trend.title')} extra={numbers && <Typography.Text type="secondary">{t('dashboard.trend.total', { n: numbers.openedInTrend })}</Typography.Text>}>
              {chart(problems.loading, problems.error, problems.reload, trendOption, t('dashboard.trend.empty'), 300, 'chart-trend')}
            </Card>
          </Col>
        )}
        <Col xs={24} xl={canProblems ? 10 : 24}>
          <Card title={canProblems ? t('dashboard.channels.problems') : t('dashboard.channels.clues')}>
            {canProblems
              ? chart(problems.loading, problems.error, problems.reload, channelOption, t('dashboard.empty.problems'), 300, 'chart-channel')
              : chart(clues.loading, clues.error, clues.reload, channelOption, t('dashboard.empty.clues'), 300, 'chart-channel')}
          </Card>
        </Col>
      </Row>

      {canProblems && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={10}>
            <Card title={t('dashboard.map.title')}>
              {map.error ? (
                failure(map.error, map.reload)
              ) : map.loading || !map.data || problems.loading ? (
                <Skeleton active paragraph={{ rows: 8 }} />
              ) : (
                <>
                  <TownMap
                    boundaries={map.data.boundaries}
                    tiles={map.data.tiles}
                    shade={openByTown.shade}
                    label={(code, name) =>
                      inScope(code) ? t('dashboard.map.label', { name: townName(code, name), count: openByTown.counts[code] ?? 0 }) : townName(code, name)
                    }
                    title={t('dashboard.map.title')}
                    height={420}
                  />
                  <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
                    {t('dashboard.map.legend')}
                    {map.data.boundaries.features.some((f) => f.properties.approximate) && ` ${t('dashboard.map.approximate')}`}
                  </Typography.Paragraph>
                </>
              )}
            </Card>
          </Col>
          <Col xs={24} xl={14}>
            <Card title={t('dashboard.towns.title')}>
              {chart(problems.loading, problems.error, problems.reload, townOption, t('dashboard.empty.problems'), 450, 'chart-town')}
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}

function CardLink({ show, to, text }: { show: boolean; to: string; text: string }) {
  return show ? <Link to={to}>{text}</Link> : null;
}
