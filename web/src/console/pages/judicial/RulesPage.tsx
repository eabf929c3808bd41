import { App, Button, Card, Flex, Form, Input, Skeleton, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useFormErrors } from '../admin/form-errors';
import { useLoad } from '../admin/use-load';
import { forget } from '../enforcement/common';
import { beijing } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { useJudicialLabels } from './common';
import { RULE_KINDS, TIME_LIMIT_STEPS, type RequiredMaterials, type RuleHistory, type RuleKind, type RuleVersion, type TimeLimitRule } from './types';

/** 行刑衔接规则: the legal time limits, the materials required before sending, the criminal thresholds — each versioned. */
export default function RulesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const kind = (RULE_KINDS as readonly string[]).includes(params.get('kind') ?? '') ? (params.get('kind') as RuleKind) : 'time-limits';
  return (
    <Card title={t('judicial.rules.title')}>
      <Typography.Paragraph type="secondary">{t('judicial.rules.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={kind}
        onChange={(k) => setParams({ kind: k }, { replace: true })}
        items={RULE_KINDS.map((k) => ({ key: k, label: <span data-testid={`rules-tab-${k}`}>{t(`judicial.rules.kind.${k}`)}</span>, children: k === kind ? <KindRules kind={k} /> : null }))}
      />
    </Card>
  );
}

function KindRules({ kind }: { kind: RuleKind }) {
  const { t } = useI18n();
  const { can } = useSession();
  const loaded = useLoad(() => api<RuleHistory>(`/api/judicial/rules/${kind}`), [kind]);
  const [editing, setEditing] = useState(false);
  if (loaded.error !== undefined) return <LoadFailed error={loaded.error} retry={loaded.reload} />;
  if (!loaded.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const { current, versions } = loaded.data;
  const columns: TableColumnsType<RuleVersion> = [
    { title: t('judicial.rules.version'), width: 90, render: (_, v) => t('judicial.versionN', { n: v.version }) },
    { title: t('judicial.rules.createdBy'), width: 160, render: (_, v) => v.createdBy },
    { title: t('judicial.rules.createdAt'), width: 150, render: (_, v) => beijing(v.createdAt) },
    { title: t('judicial.rules.note'), render: (_, v) => v.note ?? '—' },
  ];
  return (
    <Flex vertical gap={16}>
      <Card
        type="inner"
        title={t('judicial.rules.current', { n: current.version })}
        extra={
          can('admin') &&
          !editing && (
            <Button onClick={() => setEditing(true)} data-testid="rules-edit">
              {t('judicial.rules.edit')}
            </Button>
          )
        }
      >
        {editing ? (
          <RulesEditor
            kind={kind}
            current={current}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              forget(`/api/judicial/rules/${kind}`);
              loaded.reload();
            }}
          />
        ) : (
          <RulesView kind={kind} version={current} />
        )}
      </Card>
      <Card type="inner" title={t('judicial.rules.history')}>
        <Table<RuleVersion>
          rowKey="version"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={[...versions].sort((a, b) => b.version - a.version)}
          expandable={{ expandedRowRender: (v) => <RulesView kind={kind} version={v} /> }}
          scroll={{ x: 700 }}
        />
      </Card>
    </Flex>
  );
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

/** A new version as JSON (the whole table, replacing the current one), with a note; the service checks it whole. */
function RulesEditor({ kind, current, onSaved, onCancel }: { kind: RuleKind; current: RuleVersion; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ json: string; note: string }>();
  const errors = useFormErrors(['rules', 'note']);
  const [busy, setBusy] = useState(false);
  const save = async (v: { json: string; note: string }) => {
    let rules: unknown;
    try {
      rules = JSON.parse(v.json);
    } catch {
      form.setFields([{ name: 'json', errors: [t('judicial.rules.badJson')] }]);
      return;
    }
    setBusy(true);
    errors.reset();
    try {
      const saved = await api<RuleVersion>(`/api/judicial/rules/${kind}`, { method: 'PUT', json: { rules, note: v.note.trim() } });
      message.success(t('judicial.rules.saved', { n: saved.version }));
      onSaved();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ json: JSON.stringify(current.rules, null, 2) }} onFinish={save} onValuesChange={errors.onValuesChange} disabled={busy}>
      {errors.alert}
      <Typography.Paragraph type="secondary">{t(`judicial.rules.editHint.${kind}`)}</Typography.Paragraph>
      <Form.Item name="json" label={t('judicial.rules.json')} rules={[{ required: true, message: t('problems.required') }]} {...errors.item('rules')}>
        <Input.TextArea rows={18} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 13 }} data-testid="rules-json" />
      </Form.Item>
      <Form.Item name="note" label={t('judicial.rules.note')} rules={[{ required: true, whitespace: true, message: t('judicial.rules.noteRequired') }]} {...errors.item('note')}>
        <Input.TextArea rows={2} maxLength={500} showCount data-testid="rules-note" />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="rules-save">
          {t('judicial.rules.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
