import { Badge, Tag } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../../shared/i18n';
import { useEnforcementLabels } from '../enforcement/common';
import { STAGES, TIER_COLOURS, type AlarmStage, type AlarmTier } from './types';

/** The API of the monitoring service, through the gateway. */
export const MONITORING_API = '/api/monitoring';

/** Who may do what (the service checks again on every call). */
export const MONITORING_ROLES = {
  registerDevice: ['analyst'],
  rejectedFrames: ['analyst'],
  acknowledge: ['analyst', 'town-officer'],
  warn: ['analyst'],
  explain: ['analyst', 'town-officer'],
  assign: ['analyst'],
  verify: ['analyst', 'town-officer', 'inspector', 'grid-worker'],
  supervise: ['analyst', 'leader'],
  closeSupervision: ['analyst', 'leader', 'department-officer'],
  close: ['analyst'],
  editRules: ['admin'],
};

/** Labels of the fixed vocabularies, in the user's language (the code itself when a new code has no label yet). */
export function useMonitoringLabels() {
  const { t } = useI18n();
  const enforcement = useEnforcementLabels();
  return useMemo(() => {
    const of = (group: string) => (code: string | undefined | null) => {
      if (!code) return '';
      const key = `monitoring.${group}.${code}`;
      const text = t(key);
      return text === key ? code : text;
    };
    return {
      tier: of('tier'),
      kind: of('kind'),
      stage: of('stage'),
      status: of('status'),
      result: of('result'),
      medium: of('medium'),
      standard: of('standard'),
      event: of('event'),
      audience: of('audience'),
      channel: of('channel'),
      delivery: of('delivery'),
      source: of('source'),
      town: enforcement.town,
    };
  }, [t, enforcement]);
}

export type MonitoringLabels = ReturnType<typeof useMonitoringLabels>;

/** A tier as the coloured tag people know (蓝、黄、橙、红). */
export function TierTag({ tier }: { tier: AlarmTier }) {
  const labels = useMonitoringLabels();
  return (
    <Tag color={TIER_COLOURS[tier] ?? 'default'} data-testid="alarm-tier" data-tier={tier} style={{ fontWeight: 600 }}>
      {labels.tier(tier)}
    </Tag>
  );
}

const STAGE_COLOURS: Record<AlarmStage, string> = {
  alarm: 'volcano',
  warned: 'gold',
  verifying: 'processing',
  verified: 'cyan',
  supervised: 'purple',
  closed: 'success',
};

export function StageTag({ stage }: { stage: AlarmStage }) {
  const labels = useMonitoringLabels();
  return (
    <Tag color={STAGE_COLOURS[stage] ?? 'default'} data-testid="alarm-stage" data-stage={stage}>
      {labels.stage(stage)}
    </Tag>
  );
}

export const stageIndex = (stage: AlarmStage) => STAGES.indexOf(stage);

/** 在线 / 离线 as a dot and a word. */
export function OnlineBadge({ online, active = true }: { online: boolean; active?: boolean }) {
  const { t } = useI18n();
  if (!active) return <Badge status="default" text={t('monitoring.device.inactive')} data-testid="device-status" data-online="false" />;
  return <Badge status={online ? 'success' : 'error'} text={t(online ? 'monitoring.device.online' : 'monitoring.device.offline')} data-testid="device-status" data-online={String(online)} />;
}

/** A number with its unit (mg/L), rounded for reading. */
export function withUnit(value: number | undefined | null, unit?: string): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '—';
  const rounded = Math.round(value * 1000) / 1000;
  return unit ? `${rounded} ${unit}` : String(rounded);
}

/** Query string of the filled filters only. */
export function queryOf(filters: Record<string, string | undefined>): string {
  const q = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1]));
  const s = q.toString();
  return s ? `?${s}` : '';
}
