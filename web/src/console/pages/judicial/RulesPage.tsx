import { Flex, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { VersionedRulesPage } from '../admin/versioned-rules';
import { forget } from '../enforcement/common';
import { beijing } from '../problems/common';
import { useJudicialLabels } from './common';
import { RULE_KINDS, TIME_LIMIT_STEPS, type RequiredMaterials, type RuleKind, type RuleVersion, type TimeLimitRule } from './types';

/** 行刑衔接规则: the legal time limits, the materials required before sending, the criminal thresholds — each versioned. */
export default function RulesPage() {
  const { can } = useSession();
  return <VersionedRulesPage area="judicial" kinds={RULE_KINDS} mayEdit={can('admin')} View={RulesView} afterSave={(kind) => forget(`/api/judicial/rules/${kind}`)} />;
}

/** One version in words: the time limits as a table, the materials per kind, the thresholds as JSON. */
function RulesView({ kind, version: v }: { kind: RuleKind; version: RuleVersion }) {
  const { t, pick } = useI18n();
  const labels = useJudicialLabels();
  const head = (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
      {t('judicial.rules.by', { n: v.version, who: v.createdBy, at: beijing(v.createdAt) })}
      {v.note ? `${t('problems.sep.semicolon')}${v.note}` : ''}
    </Typography.Paragraph>
  );
  let body;
  if (kind === 'time-limits') {
    const at = (step: string) => (TIME_LIMIT_STEPS.includes(step) ? TIME_LIMIT_STEPS.indexOf(step) : TIME_LIMIT_STEPS.length);
    const rows = Object.entries(v.rules as Record<string, TimeLimitRule>)
      .map(([step, l]) => ({ step, ...l }))
      .sort((a, b) => at(a.step) - at(b.step));
    body = (
      <Table
        rowKey="step"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 860 }}
        data-testid="rules-time-limits"
        columns={[
          { title: t('judicial.limits.step'), render: (_, r) => pick(r) || labels.step(r.step) },
          { title: t('judicial.limits.party'), width: 110, render: (_, r) => labels.party(r.party) },
          { title: t('judicial.rules.limit'), width: 140, render: (_, r) => t(`judicial.rules.amount.${r.unit}`, { n: r.amount }) },
          { title: t('judicial.rules.basis'), width: 320, render: (_, r) => r.basis },
        ]}
      />
    );
  } else if (kind === 'materials') {
    const rules = v.rules as RequiredMaterials;
    body = (
      <Flex vertical gap={8} data-testid="rules-materials">
        {(['criminal', 'detention'] as const).map((k) => (
          <Flex key={k} gap={8} wrap align="center">
            <Typography.Text strong style={{ minWidth: 180 }}>
              {labels.kind(k)}
            </Typography.Text>
            {(rules[k] ?? []).map((m) => (
              <Tag key={m}>{labels.material(m)}</Tag>
            ))}
          </Flex>
        ))}
      </Flex>
    );
  } else {
    body = (
      <pre data-testid="rules-thresholds" style={{ background: '#fafafa', padding: 12, borderRadius: 6, fontSize: 12, maxHeight: 480, overflow: 'auto', margin: 0 }}>
        {JSON.stringify(v.rules, null, 2)}
      </pre>
    );
  }
  return (
    <Flex vertical gap={8} data-testid={`rules-view-${kind}`}>
      {head}
      {body}
    </Flex>
  );
}
