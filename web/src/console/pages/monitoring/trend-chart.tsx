import { DatePicker, Empty, Flex, Radio, Select, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { useMemo, useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../admin/use-load';
import { EChart, type ChartOption } from '../dashboard/EChart';
import { LoadFailed } from '../rewards/common';
import { MONITORING_API, useMonitoringLabels } from './common';
import type { Device, Trend, TrendPeriod } from './types';

dayjs.extend(utc);

const FORMATS: Record<TrendPeriod, string> = { day: 'YYYY-MM-DD', month: 'YYYY-MM', year: 'YYYY' };
const PICKERS = { day: 'date', month: 'month', year: 'year' } as const;
const END: Record<TrendPeriod, 'day' | 'month' | 'year'> = { day: 'day', month: 'month', year: 'year' };

/** Beijing wall-clock time of an instant, as the axis shows it (the browser may be elsewhere). */
const local = (iso: string) => dayjs.utc(iso).utcOffset(480).format('YYYY-MM-DD HH:mm:ss');

/** 趋势: one factor over a day (minute or real-time data), a month (hourly) or a year (daily), with the limit as a line. */
export function TrendChart({ device }: { device: Device }) {
  const { t } = useI18n();
  const labels = useMonitoringLabels();
  const [factor, setFactor] = useState(device.factors[0]?.code ?? '');
  const [period, setPeriod] = useState<TrendPeriod>('day');
  // the day of the last data, in Beijing, or today
  const [at, setAt] = useState<Dayjs>(() => (device.lastDataTime ? dayjs.utc(device.lastDataTime).utcOffset(480) : dayjs.utc().utcOffset(480)));
  const atText = at.format(FORMATS[period]);
  const trend = useLoad(
    () => (factor ? api<Trend>(`${MONITORING_API}/devices/${encodeURIComponent(device.mn)}/trend?factor=${encodeURIComponent(factor)}&period=${period}&at=${atText}`) : Promise.resolve(undefined)),
    [device.mn, factor, period, atText],
  );
  const option = useMemo<ChartOption | undefined>(() => {
    const d = trend.data;
    if (!d) return undefined;
    const unit = d.factor.unit;
    const start = dayjs(d.from).utcOffset(480);
    const end = start.add(1, END[d.period]);
    const values = d.points.map((p) => [local(p.dataTime), p.value ?? null]);
    const hasRange = d.points.some((p) => p.min !== undefined || p.max !== undefined);
    const series: NonNullable<ChartOption['series']> = [
      { name: t('monitoring.trend.value'), type: 'line', data: values, showSymbol: d.points.length < 60, symbol: 'circle', symbolSize: 8, connectNulls: false, lineStyle: { width: 2 }, itemStyle: { color: '#1677ff' } },
    ];
    if (hasRange) {
      series.push(
        { name: t('monitoring.trend.min'), type: 'line', data: d.points.map((p) => [local(p.dataTime), p.min ?? null]), showSymbol: d.points.length < 60, symbolSize: 5, lineStyle: { width: 1, opacity: 0.5 }, itemStyle: { color: '#69b1ff' } },
        { name: t('monitoring.trend.max'), type: 'line', data: d.points.map((p) => [local(p.dataTime), p.max ?? null]), showSymbol: d.points.length < 60, symbolSize: 5, lineStyle: { width: 1, opacity: 0.5 }, itemStyle: { color: '#0958d9' } },
      );
    }
    if (d.limit !== undefined && d.limit !== null) {
      series.push({
        name: t('monitoring.trend.limit', { n: d.limit }),
        type: 'line',
        data: [
          [start.format('YYYY-MM-DD HH:mm:ss'), d.limit],
          [end.format('YYYY-MM-DD HH:mm:ss'), d.limit],
        ],
        showSymbol: false,
        lineStyle: { type: 'dashed', width: 2, color: '#cf1322' },
        itemStyle: { color: '#cf1322' },
      });
    }
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 24, top: 40, bottom: 40 },
      xAxis: { type: 'time', min: start.format('YYYY-MM-DD HH:mm:ss'), max: end.format('YYYY-MM-DD HH:mm:ss') },
      yAxis: { type: 'value', name: unit, scale: false },
      series,
    };
  }, [trend.data, t]);
  return (
    <Flex vertical gap={12} data-testid="trend">
      <Flex gap={8} wrap align="center">
        <Select
          style={{ width: 200 }}
          value={factor}
          onChange={setFactor}
          aria-label={t('monitoring.trend.factor')}
          data-testid="trend-factor"
          options={device.factors.map((f) => ({ value: f.code, label: `${f.name}（${f.code}）` }))}
        />
        <Radio.Group
          optionType="button"
          value={period}
          onChange={(e) => setPeriod(e.target.value as TrendPeriod)}
          options={(['day', 'month', 'year'] as const).map((p) => ({ value: p, label: <span data-testid={`trend-period-${p}`}>{t(`monitoring.trend.period.${p}`)}</span> }))}
        />
        <DatePicker picker={PICKERS[period]} value={at} allowClear={false} onChange={(v) => v && setAt(v)} data-testid="trend-at" />
        {trend.data && (
          <Typography.Text type="secondary" data-testid="trend-source" data-source={trend.data.source} data-points={trend.data.points.length}>
            {t('monitoring.trend.source', { source: labels.source(trend.data.source), n: trend.data.points.length })}
          </Typography.Text>
        )}
      </Flex>
      {trend.error !== undefined ? (
        <LoadFailed error={trend.error} retry={trend.reload} />
      ) : !option ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : trend.data?.points.length ? (
        <EChart option={option} height={340} testId="trend-chart" />
      ) : (
        <Empty description={t('monitoring.trend.empty')} data-testid="trend-empty" />
      )}
    </Flex>
  );
}
