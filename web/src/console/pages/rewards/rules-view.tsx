import { Descriptions, Flex, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../shared/i18n';
import { beijing, describe, useSeparators } from '../problems/common';
import { useRewardLabels } from './common';
import { formatFen } from './money';
import { DEADLINES, OUTCOMES, type RuleVersion } from './types';

function Tags({ items, label }: { items: string[]; label(code: string): string }) {
  const { t } = useI18n();
  if (items.length === 0) return <>{t('common.none')}</>;
  return (
    <Flex gap={4} wrap>
      {items.map((code) => (
        <Tag key={code}>{label(code)}</Tag>
      ))}
    </Flex>
  );
}

/** One version of the rule table, in words: what qualifies, how much, who is excluded, and the time limits. */
export function RulesView({ version: v, testId }: { version: RuleVersion; testId?: string }) {
  const { t } = useI18n();
  const labels = useRewardLabels();
  const sep = useSeparators();
  const r = v.rules;
  const deadline = (key: (typeof DEADLINES)[number]) =>
    t(key === 'claimDays' ? 'rewards.rules.calendarDays' : 'rewards.rules.workingDays', { n: r.deadlines[key] ?? '—' });
  const rows: Array<[string, ReactNode, boolean?]> = [
    ['version', t('rewards.rules.versionN', { n: v.version })],
    ['effectiveFrom', v.effectiveFrom],
    ['createdBy', v.createdBy],
    ['createdAt', beijing(v.createdAt)],
    ['note', v.note, true],
    ['qualifyingKinds', <Tags items={r.qualifyingKinds} label={labels.violation} />, true],
    ['fineShare', t('rewards.rules.fineShareText', { percent: r.fineSharePercent, cap: formatFen(r.fineShareCapFen) }), true],
    ['fixed', OUTCOMES.map((o) => `${labels.outcome(o)} ${formatFen(r.fixedFen[o])}`).join(sep.list), true],
    ['stacking', t(`rewards.rules.stacking.${r.stacking}`), true],
    ['ordinaryCap', formatFen(r.ordinaryCapFen)],
    ['especiallySeriousCap', formatFen(r.especiallySeriousCapFen)],
    ['orphanRadioactiveCap', formatFen(r.orphanRadioactiveCapFen)],
    ['bountyCap', formatFen(r.bountyCapFen)],
    // a flag the service does not send is left out rather than shown as "no"
    ['firstReporterOnly', r.firstReporterOnly === undefined ? null : r.firstReporterOnly ? t('rewards.rules.firstOnlyYes') : t('rewards.rules.firstOnlyNo'), true],
    ['realName', r.requireRealNameAtReport === undefined ? null : r.requireRealNameAtReport ? t('rewards.rules.realNameYes') : t('rewards.rules.realNameNo'), true],
    ['excludedChannels', <Tags items={r.excludedChannels} label={labels.channel} />, true],
    ['excludedOrganisationKinds', <Tags items={r.excludedOrganisationKinds} label={labels.orgKind} />, true],
    ['deadlines', DEADLINES.map((key) => `${t(`rewards.rules.deadline.${key}`)} ${deadline(key)}`).join(t('problems.sep.semicolon')), true],
  ];
  const items = describe(rows.map(([key, value, wide]) => [key, t(`rewards.rules.field.${key}`), value, wide]));
  return <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={items} data-testid={testId} />;
}
