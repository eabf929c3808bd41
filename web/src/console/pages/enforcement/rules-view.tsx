import { Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { beijing } from '../problems/common';
import { CreditPlate, useCreditLevels, useEnforcementLabels } from './common';
import { RatiosTable } from './common-tables';
import type { CreditEffect, CreditRules, ExemptionItem, RuleKind, RuleVersion, SupervisionRules } from './types';

/** One version of a rule table, in words. */
export function RulesView({ kind, version: v }: { kind: RuleKind; version: RuleVersion }) {
  const { t } = useI18n();
  const head = (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
      {t('enforcement.rules.by', { n: v.version, who: v.createdBy, at: beijing(v.createdAt) })}
      {v.note ? `${t('problems.sep.semicolon')}${v.note}` : ''}
    </Typography.Paragraph>
  );
  return (
    <Flex vertical gap={8} data-testid={`rules-view-${kind}`}>
      {head}
      {kind === 'credit' && <CreditView rules={v.rules as CreditRules} />}
      {kind === 'supervision' && <SupervisionView rules={v.rules as SupervisionRules} />}
      {kind === 'exemptions' && <ExemptionsView items={v.rules as ExemptionItem[]} />}
    </Flex>
  );
}

function CreditView({ rules }: { rules: CreditRules }) {
  const { t, pick } = useI18n();
  const labels = useEnforcementLabels();
  const levelName = (code: string) => pick(rules.levels.find((l) => l.code === code) ?? { zh: code, en: code });
  const effect = (e: CreditEffect) => ('steps' in e ? t(`enforcement.effect.${e.kind}`, { n: e.steps }) : t(`enforcement.effect.${e.kind}`, { level: levelName(e.level) }));
  return (
    <>
      <Flex gap={8} wrap align="center">
        {rules.levels.map((l) => (
          <CreditPlate key={l.code} level={l.code} levels={rules.levels} />
        ))}
      </Flex>
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'initial', label: t('enforcement.rules.initial'), children: levelName(rules.initial) },
          ...Object.entries(rules.moves ?? {}).map(([trigger, e]) => ({ key: trigger, label: labels.creditRule(trigger), children: effect(e) })),
        ]}
      />
    </>
  );
}

function SupervisionView({ rules }: { rules: SupervisionRules }) {
  const { t } = useI18n();
  const labels = useEnforcementLabels();
  const levels = useCreditLevels();
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'period', label: t('enforcement.rules.period'), children: labels.period(rules.period) },
          {
            key: 'special',
            label: t('enforcement.rules.specialLevels'),
            children: rules.specialCreditLevels.length ? <Flex gap={4}>{rules.specialCreditLevels.map((l) => <CreditPlate key={l} level={l} levels={levels} />)}</Flex> : t('common.none'),
          },
        ]}
      />
      <RatiosTable ratios={rules.ratios} testId="supervision-ratios" />
    </>
  );
}

function ExemptionsView({ items }: { items: ExemptionItem[] }) {
  const { t } = useI18n();
  const labels = useEnforcementLabels();
  return (
    <Table<ExemptionItem>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      scroll={{ x: 900 }}
      columns={[
        { title: t('enforcement.rules.itemId'), width: 150, render: (_, i) => <Typography.Text code>{i.id}</Typography.Text> },
        { title: t('enforcement.rules.category'), width: 120, render: (_, i) => i.category },
        { title: t('enforcement.rules.itemName'), render: (_, i) => i.name },
        { title: t('enforcement.exemption.legalBasis'), width: 200, render: (_, i) => i.legalBasis },
        { title: t('enforcement.rules.conditions'), width: 220, render: (_, i) => <Flex gap={4} wrap>{i.conditions.map((c) => <Tag key={c}>{labels.condition(c)}</Tag>)}</Flex> },
        { title: t('enforcement.exemption.mode'), width: 120, render: (_, i) => labels.mode(i.mode) },
      ]}
    />
  );
}
