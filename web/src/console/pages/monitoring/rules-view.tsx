import { Descriptions, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../shared/i18n';
import { beijing } from '../problems/common';
import { TierTag } from './common';
import { TIERS, type AlarmTier, type RuleVersion } from './types';

/** The alarm rules as services/monitoring keeps them (domain/alarm-rules.ts); older versions may lack a part. */
export interface AlarmRules {
  validFlags?: string[];
  exceedanceTiers?: Array<{ minMultiple: number; tier: AlarmTier }>;
  keyPolluterExceedanceTier?: AlarmTier;
  nearLimit?: { minShare: number; hours: number; tier: AlarmTier };
  constant?: { values: number; maxSpreadShare: number; tier: AlarmTier };
  zero?: { values: number; tier: AlarmTier };
  negative?: { tier: AlarmTier };
  outOfRange?: { tier: AlarmTier };
  offline?: { intervals: number; tier: AlarmTier };
  deviceFlag?: { flags: string[]; values: number; tier: AlarmTier };
  processCondition?: { readings: number; tier: AlarmTier };
  escalation?: { unacknowledgedMinutes: number; persistingHours: number; maxTier: AlarmTier };
  clueTier?: AlarmTier;
  verificationHours?: Partial<Record<AlarmTier, number>>;
  warningReplyHours?: number;
}

const pct = (share: number | undefined) => (share === undefined ? '—' : `${Math.round(share * 10000) / 100}%`);

/** One version of the alarm rules, in words: which condition opens which tier, escalation, clues and time limits. */
export function AlarmRulesView({ version: v }: { version: RuleVersion }) {
  const { t } = useI18n();
  const r = (v.rules ?? {}) as AlarmRules;
  const then = (text: string, tier?: AlarmTier): ReactNode => (
    <Flex gap={8} wrap align="center">
      <span>{text}</span>
      {tier && (
        <>
          <span>→</span>
          <TierTag tier={tier} />
        </>
      )}
    </Flex>
  );
  const rows: Array<[string, ReactNode]> = [
    ['validFlags', <Flex gap={4} wrap>{(r.validFlags ?? []).map((f) => <Tag key={f}>{f}</Tag>)}</Flex>],
    [
      'exceedanceTiers',
      <Flex vertical gap={4}>
        {(r.exceedanceTiers ?? []).map((s) => (
          <div key={s.minMultiple}>{then(t('monitoring.rules.multiple', { n: s.minMultiple }), s.tier)}</div>
        ))}
      </Flex>,
    ],
    ['keyPolluterExceedanceTier', r.keyPolluterExceedanceTier && <TierTag tier={r.keyPolluterExceedanceTier} />],
    ['nearLimit', r.nearLimit && then(t('monitoring.rules.nearLimitText', { hours: r.nearLimit.hours, share: pct(r.nearLimit.minShare) }), r.nearLimit.tier)],
    ['constant', r.constant && then(t('monitoring.rules.constantText', { n: r.constant.values, share: pct(r.constant.maxSpreadShare) }), r.constant.tier)],
    ['zero', r.zero && then(t('monitoring.rules.zeroText', { n: r.zero.values }), r.zero.tier)],
    ['negative', r.negative && then(t('monitoring.rules.negativeText'), r.negative.tier)],
    ['outOfRange', r.outOfRange && then(t('monitoring.rules.outOfRangeText'), r.outOfRange.tier)],
    ['offline', r.offline && then(t('monitoring.rules.offlineText', { n: r.offline.intervals }), r.offline.tier)],
    ['deviceFlag', r.deviceFlag && then(t('monitoring.rules.deviceFlagText', { flags: r.deviceFlag.flags.join('/'), n: r.deviceFlag.values }), r.deviceFlag.tier)],
    ['processCondition', r.processCondition && then(t('monitoring.rules.processText', { n: r.processCondition.readings }), r.processCondition.tier)],
    [
      'escalation',
      r.escalation && (
        <Flex gap={8} wrap align="center">
          <span>{t('monitoring.rules.escalationText', { minutes: r.escalation.unacknowledgedMinutes, hours: r.escalation.persistingHours })}</span>
          <TierTag tier={r.escalation.maxTier} />
        </Flex>
      ),
    ],
    ['clueTier', r.clueTier && then(t('monitoring.rules.clueText'), r.clueTier)],
    [
      'verificationHours',
      r.verificationHours && (
        <Flex gap={12} wrap>
          {TIERS.filter((tier) => r.verificationHours?.[tier] !== undefined).map((tier) => (
            <Flex key={tier} gap={4} align="center">
              <TierTag tier={tier} />
              <span>{t('monitoring.hoursN', { n: r.verificationHours![tier]! })}</span>
            </Flex>
          ))}
        </Flex>
      ),
    ],
    ['warningReplyHours', r.warningReplyHours !== undefined && t('monitoring.hoursN', { n: r.warningReplyHours })],
  ];
  return (
    <Flex vertical gap={8} data-testid={`rules-view-${v.version}`}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('monitoring.rules.by', { n: v.version, who: v.createdBy, at: beijing(v.createdAt) })}
        {v.note ? `${t('problems.sep.semicolon')}${v.note}` : ''}
      </Typography.Paragraph>
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { width: 200 } }}
        items={rows.filter(([, value]) => value).map(([key, value]) => ({ key, label: t(`monitoring.rules.field.${key}`), children: value }))}
      />
    </Flex>
  );
}
