import { App, Button, Card, Flex, Form, Input, Skeleton, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { beijing } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { useFormErrors } from './form-errors';
import { useLoad } from './use-load';

/** One version of a service's rule table: never changed, a new one names its author and a note. */
export interface RuleVersion<T = unknown> {
  version: number;
  rules: T;
  createdBy: string;
  createdAt: string;
  note?: string;
}

export interface RuleHistory<T = unknown> {
  current: RuleVersion<T>;
  versions: Array<RuleVersion<T>>;
}

export interface VersionedRulesProps<K extends string> {
  /** the service: its API is /api/<area>/rules/<kind>, its messages <area>.rules.* */
  area: 'enforcement' | 'judicial';
  kinds: readonly K[];
  /** whether the signed-in user may save a new version */
  mayEdit: boolean;
  /** one version in words */
  View(props: { kind: K; version: RuleVersion }): ReactNode;
  /** after a save, e.g. to drop cached reads of the table */
  afterSave?(kind: K): void;
}

/** A service's versioned rule tables: a tab per kind with the current version, its history, and a JSON editor. */
export function VersionedRulesPage<K extends string>(props: VersionedRulesProps<K>) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const asked = params.get('kind') ?? '';
  const kind = (props.kinds as readonly string[]).includes(asked) ? (asked as K) : props.kinds[0];
  return (
    <Card title={t(`${props.area}.rules.title`)}>
      <Typography.Paragraph type="secondary">{t(`${props.area}.rules.intro`)}</Typography.Paragraph>
      <Tabs
        activeKey={kind}
        onChange={(k) => setParams({ kind: k }, { replace: true })}
        items={props.kinds.map((k) => ({
          key: k,
          label: <span data-testid={`rules-tab-${k}`}>{t(`${props.area}.rules.kind.${k}`)}</span>,
          children: k === kind ? <KindRules {...props} kind={k} /> : null,
        }))}
      />
    </Card>
  );
}

function KindRules<K extends string>({ area, kind, mayEdit, View, afterSave }: VersionedRulesProps<K> & { kind: K }) {
  const { t } = useI18n();
  const loaded = useLoad(() => api<RuleHistory>(`/api/${area}/rules/${kind}`), [area, kind]);
  const [editing, setEditing] = useState(false);
  if (loaded.error !== undefined) return <LoadFailed error={loaded.error} retry={loaded.reload} />;
  if (!loaded.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const { current, versions } = loaded.data;
  const columns: TableColumnsType<RuleVersion> = [
    { title: t(`${area}.rules.version`), width: 90, render: (_, v) => t(`${area}.versionN`, { n: v.version }) },
    { title: t(`${area}.rules.createdBy`), width: 160, render: (_, v) => v.createdBy },
    { title: t(`${area}.rules.createdAt`), width: 150, render: (_, v) => beijing(v.createdAt) },
    { title: t(`${area}.rules.note`), render: (_, v) => v.note ?? '—' },
  ];
  return (
    <Flex vertical gap={16}>
      <Card
        type="inner"
        title={t(`${area}.rules.current`, { n: current.version })}
        extra={
          mayEdit &&
          !editing && (
            <Button onClick={() => setEditing(true)} data-testid="rules-edit">
              {t(`${area}.rules.edit`)}
            </Button>
          )
        }
      >
        {editing ? (
          <RulesEditor
            area={area}
            kind={kind}
            current={current}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              afterSave?.(kind);
              loaded.reload();
            }}
          />
        ) : (
          <View kind={kind} version={current} />
        )}
      </Card>
      <Card type="inner" title={t(`${area}.rules.history`)}>
        <Table<RuleVersion>
          rowKey="version"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={[...versions].sort((a, b) => b.version - a.version)}
          expandable={{ expandedRowRender: (v) => <View kind={kind} version={v} /> }}
          scroll={{ x: 700 }}
          data-testid="rules-history"
        />
      </Card>
    </Flex>
  );
}

/** A new version as JSON (the whole table, replacing the current one), with a note; the service checks it whole. */
function RulesEditor({ area, kind, current, onSaved, onCancel }: { area: string; kind: string; current: RuleVersion; onSaved(): void; onCancel(): void }) {
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
      form.setFields([{ name: 'json', errors: [t(`${area}.rules.badJson`)] }]);
      return;
    }
    setBusy(true);
    errors.reset();
    try {
      const saved = await api<RuleVersion>(`/api/${area}/rules/${kind}`, { method: 'PUT', json: { rules, note: v.note.trim() } });
      message.success(t(`${area}.rules.saved`, { n: saved.version }));
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
      <Typography.Paragraph type="secondary">{t(`${area}.rules.editHint.${kind}`)}</Typography.Paragraph>
      <Form.Item name="json" label={t(`${area}.rules.json`)} rules={[{ required: true, message: t('problems.required') }]} {...errors.item('rules')}>
        <Input.TextArea rows={18} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 13 }} data-testid="rules-json" />
      </Form.Item>
      <Form.Item name="note" label={t(`${area}.rules.note`)} rules={[{ required: true, whitespace: true, message: t(`${area}.rules.noteRequired`) }]} {...errors.item('note')}>
        <Input.TextArea rows={2} maxLength={500} showCount data-testid="rules-note" />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="rules-save">
          {t(`${area}.rules.save`)}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
