import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useFormErrors } from '../admin/form-errors';
import { useLoad } from '../admin/use-load';
import { beijing, useErrorMessage, useRequired } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { AgenciesCard } from './agencies';
import { loadAgencies } from './common';
import type { Agency, ApiKey } from './types';

/**
 * 公检法机关与系统对接密钥: the agencies transfers go to, and the keys of their platforms.
 * 系统对接密钥: an agency's own platform answers with `Authorization: ApiKey <key>`; the key is shown once when it is
 * issued and only its hash is kept, so a lost key is revoked and a new one issued.
 */
export default function ApiKeysPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const report = useErrorMessage();
  const required = useRequired();
  const keys = useLoad(() => api<ApiKey[]>('/api/judicial/api-keys'), []);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [round, setRound] = useState(0);
  const [issued, setIssued] = useState<{ keyId: string; apiKey: string }>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ agencyCode: string; label: string }>();
  const errors = useFormErrors(['agencyCode', 'label'], { AGENCY_UNKNOWN: 'agencyCode' });
  useEffect(() => {
    let live = true;
    loadAgencies().then((a) => live && setAgencies(a), report);
    return () => {
      live = false;
    };
  }, [report, round]);
  const agencyName = (code: string) => agencies.find((a) => a.code === code)?.name ?? code;

  const issue = async (v: { agencyCode: string; label: string }) => {
    setBusy(true);
    errors.reset();
    try {
      const answer = await api<{ keyId: string; apiKey: string }>('/api/judicial/api-keys', { json: { agencyCode: v.agencyCode, label: v.label.trim() } });
      setIssued(answer);
      form.resetFields();
      keys.reload();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (keyId: string) => {
    try {
      await api(`/api/judicial/api-keys/${keyId}`, { method: 'DELETE' });
      message.success(t('judicial.keys.revoked'));
      if (issued?.keyId === keyId) setIssued(undefined);
      keys.reload();
    } catch (error) {
      report(error);
    }
  };

  const columns: TableColumnsType<ApiKey> = [
    { title: t('judicial.keys.keyId'), width: 150, render: (_, k) => <Typography.Text code>{k.keyId}</Typography.Text> },
    { title: t('judicial.keys.agency'), width: 180, render: (_, k) => agencyName(k.agencyCode) },
    { title: t('judicial.keys.label'), render: (_, k) => k.label },
    { title: t('judicial.keys.createdAt'), width: 150, render: (_, k) => beijing(k.createdAt) },
    {
      title: t('judicial.keys.state'),
      width: 200,
      render: (_, k) => (k.revokedAt ? <Tag>{t('judicial.keys.revokedAt', { at: beijing(k.revokedAt) })}</Tag> : <Tag color="green">{t('judicial.keys.active')}</Tag>),
    },
    {
      title: t('judicial.actions'),
      width: 110,
      render: (_, k) =>
        !k.revokedAt && (
          <Popconfirm title={t('judicial.keys.revokeConfirm')} okText={t('judicial.keys.revoke')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => revoke(k.keyId)}>
            <Button size="small" danger data-testid="key-revoke">
              {t('judicial.keys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <AgenciesCard agencies={agencies} onAdded={() => setRound((r) => r + 1)} />
      <Card title={t('judicial.keys.issue')}>
        <Typography.Paragraph type="secondary">{t('judicial.keys.intro')}</Typography.Paragraph>
        {issued && (
          <Alert
            type="warning"
            showIcon
            closable={{ onClose: () => setIssued(undefined) }}
            style={{ marginBottom: 16 }}
            data-testid="key-issued"
            title={t('judicial.keys.once')}
            description={
              <Flex vertical gap={4}>
                <Typography.Text copyable={{ text: issued.apiKey }} code style={{ wordBreak: 'break-all' }}>
                  <span data-testid="key-secret">{issued.apiKey}</span>
                </Typography.Text>
                <Typography.Text type="secondary">{t('judicial.keys.header', { key: `${issued.keyId}.…` })}</Typography.Text>
              </Flex>
            }
          />
        )}
        <Form form={form} layout="inline" onFinish={issue} onValuesChange={errors.onValuesChange} disabled={busy} style={{ rowGap: 12 }}>
          {errors.alert}
          <Form.Item name="agencyCode" label={t('judicial.keys.agency')} rules={[required('value')]} {...errors.item('agencyCode')}>
            <Select style={{ width: 220 }} data-testid="key-agency" options={agencies.map((a) => ({ value: a.code, label: a.name }))} />
          </Form.Item>
          <Form.Item name="label" label={t('judicial.keys.label')} rules={[required()]} {...errors.item('label')}>
            <Input maxLength={100} style={{ width: 260 }} placeholder={t('judicial.keys.labelHint')} data-testid="key-label" />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="key-submit">
              {t('judicial.keys.submit')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card title={t('judicial.keys.title')}>
        {keys.error !== undefined ? (
          <LoadFailed error={keys.error} retry={keys.reload} />
        ) : (
          <Table<ApiKey>
            rowKey="keyId"
            size="middle"
            loading={keys.loading}
            columns={columns}
            dataSource={[...(keys.data ?? [])].reverse()}
            scroll={{ x: 900 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('judicial.keys.empty') }}
            onRow={(k) => ({ 'data-testid': 'key-row', 'data-key-id': k.keyId, 'data-revoked': String(!!k.revokedAt) }) as HTMLAttributes<HTMLElement>}
          />
        )}
      </Card>
    </Flex>
  );
}
