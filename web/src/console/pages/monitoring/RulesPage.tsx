import { App, Button, Card, Flex, Form, Input, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useFormErrors } from '../admin/form-errors';
import { useLoad } from '../admin/use-load';
import { beijing } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { MONITORING_API, MONITORING_ROLES } from './common';
import { AlarmRulesView } from './rules-view';
import type { RuleVersion } from './types';

/**
 * 预警规则: the version in force in words, every earlier version, and (for admins) a new version as JSON — the same
 * layout as the console's other versioned rule pages (admin/versioned-rules.tsx), whose API takes a kind in the path
 * where monitoring keeps a single table at /api/monitoring/rules.
 */
export default function RulesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const loaded = useLoad(() => api<{ current: RuleVersion; versions: RuleVersion[] }>(`${MONITORING_API}/rules`), []);
  const [editing, setEditing] = useState(false);
  if (loaded.error !== undefined) return <LoadFailed error={loaded.error} retry={loaded.reload} />;
  if (!loaded.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const { current, versions } = loaded.data;
  const columns: TableColumnsType<RuleVersion> = [
    { title: t('monitoring.rules.version'), width: 90, render: (_, v) => t('monitoring.versionN', { n: v.version }) },
    { title: t('monitoring.rules.createdBy'), width: 160, render: (_, v) => v.createdBy },
    { title: t('monitoring.rules.createdAt'), width: 150, render: (_, v) => beijing(v.createdAt) },
    { title: t('monitoring.rules.note'), render: (_, v) => v.note ?? '—' },
  ];
  return (
    <Card title={t('monitoring.rules.title')}>
      <Typography.Paragraph type="secondary">{t('monitoring.rules.intro')}</Typography.Paragraph>
      <Flex vertical gap={16}>
        <Card
          type="inner"
          title={t('monitoring.rules.current', { n: current.version })}
          extra={
            can(...MONITORING_ROLES.editRules) &&
            !editing && (
              <Button onClick={() => setEditing(true)} data-testid="rules-edit">
                {t('monitoring.rules.edit')}
              </Button>
            )
          }
        >
          {editing ? (
            <RulesEditor
              current={current}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                loaded.reload();
              }}
            />
          ) : (
            <AlarmRulesView version={current} />
          )}
        </Card>
        <Card type="inner" title={t('monitoring.rules.history')}>
          <Table<RuleVersion>
            rowKey="version"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={[...versions].sort((a, b) => b.version - a.version)}
            expandable={{ expandedRowRender: (v) => <AlarmRulesView version={v} /> }}
            scroll={{ x: 700 }}
            data-testid="rules-history"
          />
        </Card>
      </Flex>
    </Card>
  );
}

/** A new version as JSON (the whole table), with a note; the service checks it whole and names each bad field. */
function RulesEditor({ current, onSaved, onCancel }: { current: RuleVersion; onSaved(): void; onCancel(): void }) {
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
      form.setFields([{ name: 'json', errors: [t('monitoring.rules.badJson')] }]);
      return;
    }
    setBusy(true);
    errors.reset();
    try {
      const saved = await api<RuleVersion>(`${MONITORING_API}/rules`, { method: 'PUT', json: { rules, note: v.note.trim() } });
      message.success(t('monitoring.rules.saved', { n: saved.version }));
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
      <Typography.Paragraph type="secondary">{t('monitoring.rules.editHint')}</Typography.Paragraph>
      <Form.Item name="json" label={t('monitoring.rules.json')} rules={[{ required: true, message: t('problems.required') }]} {...errors.item('rules')}>
        <Input.TextArea rows={18} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 13 }} data-testid="rules-json" />
      </Form.Item>
      <Form.Item name="note" label={t('monitoring.rules.note')} rules={[{ required: true, whitespace: true, message: t('monitoring.rules.noteRequired') }]} {...errors.item('note')}>
        <Input.TextArea rows={2} maxLength={500} showCount data-testid="rules-note" />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="rules-save">
          {t('monitoring.rules.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
