import { Alert, App, Badge, Button, Card, Flex, Popconfirm, Table, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../admin/use-load';
import { beijing, useErrorMessage } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { MONITORING_API, TierTag, useMonitoringLabels } from './common';
import { RecipientModal } from './recipient-form';
import type { Recipient } from './types';

/** 通知对象: who is told about alarms (分局、行业主管部门、企业联系人), by which channel, from which tier. */
export default function RecipientsPage() {
  const { t } = useI18n();
  const labels = useMonitoringLabels();
  const { message } = App.useApp();
  const report = useErrorMessage();
  const recipients = useLoad(() => api<Recipient[]>(`${MONITORING_API}/recipients`), []);
  const [editing, setEditing] = useState<Recipient | 'new'>();
  const remove = async (r: Recipient) => {
    try {
      await api(`${MONITORING_API}/recipients/${r.recipientId}`, { method: 'DELETE' });
      message.success(t('monitoring.recipients.removed'));
      recipients.reload();
    } catch (error) {
      report(error);
    }
  };
  // the notifications are being added to the service: until they answer, say so rather than fail
  if (recipients.error instanceof ApiError && recipients.error.status === 404) {
    return (
      <Card title={t('monitoring.recipients.title')}>
        <Alert type="info" showIcon title={t('monitoring.recipients.unavailable')} data-testid="recipients-unavailable" />
      </Card>
    );
  }
  const columns: TableColumnsType<Recipient> = [
    { title: t('monitoring.recipients.name'), width: 180, render: (_, r) => r.name },
    {
      title: t('monitoring.recipients.audience'),
      width: 160,
      render: (_, r) => (
        <Flex vertical>
          <span>{labels.audience(r.audience)}</span>
          {r.industry && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.industry}</Typography.Text>}
        </Flex>
      ),
    },
    { title: t('monitoring.recipients.channel'), width: 140, render: (_, r) => labels.channel(r.channel) },
    { title: t('monitoring.recipients.address'), render: (_, r) => <Typography.Text style={{ wordBreak: 'break-all' }}>{r.address}</Typography.Text> },
    { title: t('monitoring.recipients.minTier'), width: 120, render: (_, r) => <TierTag tier={r.minTier} /> },
    { title: t('monitoring.recipients.active'), width: 90, render: (_, r) => <Badge status={r.active ? 'success' : 'default'} text={r.active ? t('monitoring.yes') : t('monitoring.no')} /> },
    { title: t('monitoring.recipients.updatedAt'), width: 150, render: (_, r) => beijing(r.updatedAt) },
    {
      title: '',
      width: 140,
      render: (_, r) => (
        <Flex gap={8}>
          <Button size="small" onClick={() => setEditing(r)}>
            {t('monitoring.edit')}
          </Button>
          <Popconfirm title={t('monitoring.recipients.confirmRemove', { name: r.name })} onConfirm={() => remove(r)} okButtonProps={{ danger: true }}>
            <Button size="small" danger>
              {t('monitoring.remove')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];
  return (
    <Card
      title={t('monitoring.recipients.title')}
      extra={
        <Button type="primary" onClick={() => setEditing('new')} data-testid="recipient-add">
          {t('monitoring.recipients.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('monitoring.recipients.intro')}</Typography.Paragraph>
      {recipients.error !== undefined ? (
        <LoadFailed error={recipients.error} retry={recipients.reload} />
      ) : (
        <Table<Recipient>
          rowKey="recipientId"
          size="middle"
          loading={recipients.loading}
          columns={columns}
          dataSource={recipients.data ?? []}
          scroll={{ x: 1100 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('monitoring.recipients.empty') }}
          onRow={(r) => ({ 'data-testid': 'recipient-row', 'data-recipient-id': r.recipientId }) as HTMLAttributes<HTMLElement>}
        />
      )}
      {editing && (
        <RecipientModal
          recipient={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            recipients.reload();
          }}
        />
      )}
    </Card>
  );
}
