import { Button, Card, Flex, Select } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../admin/use-load';
import { LoadFailed } from '../rewards/common';
import { AlarmTable } from './alarm-table';
import { MONITORING_API, queryOf, useMonitoringLabels } from './common';
import { KINDS, STAGES, TIERS, type AlarmSummary } from './types';

const FILTERS = ['status', 'tier', 'kind', 'stage'] as const;

/** 预警: every alarm the user may see, filtered by status, tier, kind and stage (kept in the address). */
export default function AlarmsPage() {
  const { t } = useI18n();
  const labels = useMonitoringLabels();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? undefined])) as Record<(typeof FILTERS)[number], string | undefined>;
  const query = queryOf(filters);
  const alarms = useLoad(() => api<AlarmSummary[]>(`${MONITORING_API}/alarms${query}`), [query]);
  const set = (name: string, value?: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const options = {
    status: ['open', 'cleared'].map((s) => ({ value: s, label: labels.status(s) })),
    tier: [...TIERS].reverse().map((s) => ({ value: s, label: labels.tier(s) })),
    kind: KINDS.map((s) => ({ value: s, label: labels.kind(s) })),
    stage: STAGES.map((s) => ({ value: s, label: labels.stage(s) })),
  };
  const widths = { status: 120, tier: 140, kind: 220, stage: 140 };
  return (
    <Card title={t('monitoring.alarms.title')}>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} role="search" aria-label={t('monitoring.alarms.filters')}>
        {FILTERS.map((f) => (
          <Select
            key={f}
            allowClear
            data-testid={`filter-${f}`}
            placeholder={t(`monitoring.alarm.${f}`)}
            aria-label={t(`monitoring.alarm.${f}`)}
            style={{ width: widths[f] }}
            value={filters[f]}
            options={options[f]}
            popupMatchSelectWidth={false}
            onChange={(v?: string) => set(f, v)}
          />
        ))}
        {query && <Button onClick={() => setParams({}, { replace: true })}>{t('monitoring.alarms.clearFilters')}</Button>}
      </Flex>
      {alarms.error !== undefined ? <LoadFailed error={alarms.error} retry={alarms.reload} /> : <AlarmTable alarms={alarms.data ?? []} loading={alarms.loading} testId="alarm-list" />}
    </Card>
  );
}
