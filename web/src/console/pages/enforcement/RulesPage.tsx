import { App, Button, Card, Flex, Form, Input, Skeleton, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useFormErrors } from '../admin/form-errors';
import { useLoad } from '../admin/use-load';
import { beijing } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { forget } from './common';
import { RulesView } from './rules-view';
import { RULE_KINDS, type RuleHistory, type RuleKind, type RuleVersion } from './types';

/** 执法规则: credit levels and moves, supervision lists and ratios, the minor-violation list — each versioned. */
export default function RulesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const kind = (RULE_KINDS as readonly string[]).includes(params.get('kind') ?? '') ? (params.get('kind') as RuleKind) : 'credit';
  return (
    <Card title={t('enforcement.rules.title')}>
      <Typography.Paragraph type="secondary">{t('enforcement.rules.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={kind}
        onChange={(k) => setParams({ kind: k }, { replace: true })}
        items={RULE_KINDS.map((k) => ({ key: k, label: <span data-testid={`rules-tab-${k}`}>{t(`enforcement.rules.kind.${k}`)}</span>, children: k === kind ? <KindRules kind={k} /> : null }))}
      />
    </Card>
  );
}

function KindRules({ kind }: { kind: RuleKind }) {
  const { t } = useI18n();
  const { can } = useSession();
  const loaded = useLoad(() => api<RuleHistory>(`/api/enforcement/rules/${kind}`), [kind]);
  const [editing, setEditing] = useState(false);
  if (loaded.error !== undefined) return <LoadFailed error={loaded.error} retry={loaded.reload} />;
  if (!loaded.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const { current, versions } = loaded.data;
  const columns: TableColumnsType<RuleVersion> = [
    { title: t('enforcement.rules.version'), width: 90, render: (_, v) => t('enforcement.versionN', { n: v.version }) },
    { title: t('enforcement.rules.createdBy'), width: 160, render: (_, v) => v.createdBy },
    { title: t('enforcement.rules.createdAt'), width: 150, render: (_, v) => beijing(v.createdAt) },
    { title: t('enforcement.rules.note'), render: (_, v) => v.note ?? '—' },
  ];
  return (
    <Flex vertical gap={16}>
      <Card
        type="inner"
        title={t('enforcement.rules.current', { n: current.version })}
        extra={
          can('enforcement-officer') &&
          !editing && (
            <Button onClick={() => setEditing(true)} data-testid="rules-edit">
              {t('enforcement.rules.edit')}
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
              forget(`/api/enforcement/rules/${kind}`);
              loaded.reload();
            }}
          />
        ) : (
          <RulesView kind={kind} version={current} />
        )}
      </Card>
      <Card type="inner" title={t('enforcement.rules.history')}>
        <Table<RuleVersion>
          rowKey="version"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={[...versions].sort((a, b) => b.version - a.version)}
          expandable={{ expandedRowRender: (v) => <RulesView kind={kind} version={v} /> }}
          scroll={{ x: 700 }}
          data-testid="rules-history"
        />
      </Card>
    </Flex>
  );
}

/** A new version as JSON (the whole table, replacing the current one), with a note; the service checks it whole. */
function RulesEditor({ kind, current, onSaved, onCancel }: { kind: RuleKind; current: RuleVersion; onSaved(): void; onCancel(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ json: string; note?: string }>();
  const errors = useFormErrors(['rules', 'note']);
  const [busy, setBusy] = useState(false);
  const save = async (v: { json: string; note?: string }) => {
    let rules: unknown;
    try {
      rules = JSON.parse(v.json);
    } catch {
      form.setFields([{ name: 'json', errors: [t('enforcement.rules.badJson')] }]);
      return;
    }
    setBusy(true);
    errors.reset();
    try {
      const saved = await api<RuleVersion>(`/api/enforcement/rules/${kind}`, { method: 'PUT', json: { rules, ...(v.note?.trim() ? { note: v.note.trim() } : {}) } });
      message.success(t('enforcement.rules.saved', { n: saved.version }));
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
      <Typography.Paragraph type="secondary">{t(`enforcement.rules.editHint.${kind}`)}</Typography.Paragraph>
      <Form.Item name="json" label={t('enforcement.rules.json')} rules={[{ required: true, message: t('problems.required') }]} {...errors.item('rules')}>
        <Input.TextArea rows={18} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 13 }} data-testid="rules-json" />
      </Form.Item>
      <Form.Item name="note" label={t('enforcement.rules.note')} rules={[{ required: true, whitespace: true, message: t('enforcement.rules.noteRequired') }]} {...errors.item('note')}>
        <Input.TextArea rows={2} maxLength={500} showCount data-testid="rules-note" />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="rules-save">
          {t('enforcement.rules.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
