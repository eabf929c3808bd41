import { App, Button, Card, Form, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useFormErrors } from '../admin/form-errors';
import { forget } from '../enforcement/common';
import { useRequired } from '../problems/common';
import { useJudicialLabels } from './common';
import type { Agency } from './types';

const KINDS = ['police', 'procuratorate', 'court'] as const;

/**
 * 公检法机关: Yiwu's three come with the platform; an administrator adds others (e.g. a provincial police unit) so that
 * transfers can be sent to them, liaisons can speak for them and their platforms can get keys.
 */
export function AgenciesCard({ agencies, onAdded }: { agencies: Agency[]; onAdded(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const labels = useJudicialLabels();
  const required = useRequired();
  const [form] = Form.useForm<Omit<Agency, 'isDefault'>>();
  const errors = useFormErrors(['code', 'kind', 'name'], { AGENCY_EXISTS: 'code' });
  const [busy, setBusy] = useState(false);
  const add = async (v: Omit<Agency, 'isDefault'>) => {
    setBusy(true);
    errors.reset();
    try {
      await api<Agency>('/api/judicial/agencies', { json: { code: v.code.trim(), kind: v.kind, name: v.name.trim() } });
      message.success(t('judicial.agencies.added'));
      form.resetFields();
      forget('/api/judicial/agencies');
      onAdded();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };
  const columns: TableColumnsType<Agency> = [
    { title: t('judicial.agencies.code'), width: 180, render: (_, a) => <Typography.Text code>{a.code}</Typography.Text> },
    { title: t('judicial.agencies.kind'), width: 120, render: (_, a) => labels.party(a.kind) },
    { title: t('judicial.agencies.name'), render: (_, a) => a.name },
    { title: '', width: 100, render: (_, a) => a.isDefault && <Tag color="green">{t('judicial.agencies.default')}</Tag> },
  ];
  return (
    <Card title={t('judicial.agencies.title')}>
      <Typography.Paragraph type="secondary">{t('judicial.agencies.intro')}</Typography.Paragraph>
      <Table<Agency>
        rowKey="code"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={agencies}
        scroll={{ x: 600 }}
        style={{ marginBottom: 16 }}
        onRow={(a) => ({ 'data-testid': 'agency-row', 'data-code': a.code }) as HTMLAttributes<HTMLElement>}
      />
      <Form form={form} layout="inline" onFinish={add} onValuesChange={errors.onValuesChange} disabled={busy} style={{ rowGap: 12 }}>
        {errors.alert}
        <Form.Item name="kind" label={t('judicial.agencies.kind')} rules={[required('value')]} {...errors.item('kind')}>
          <Select style={{ width: 140 }} data-testid="agency-kind" options={KINDS.map((k) => ({ value: k, label: labels.party(k) }))} />
        </Form.Item>
        <Form.Item name="code" label={t('judicial.agencies.code')} rules={[required(), { pattern: /^[a-z0-9][a-z0-9-]{1,31}$/, message: t('judicial.agencies.codePattern') }]} {...errors.item('code')}>
          <Input maxLength={32} spellCheck={false} style={{ width: 180 }} placeholder="jh-police" data-testid="agency-code" />
        </Form.Item>
        <Form.Item name="name" label={t('judicial.agencies.name')} rules={[required()]} {...errors.item('name')}>
          <Input maxLength={60} style={{ width: 260 }} data-testid="agency-name" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="agency-submit">
            {t('judicial.agencies.add')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
