import { Badge, Button, Card, Drawer, Flex, Input, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { beijing } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { MONITORING_API, MONITORING_ROLES, OnlineBadge, useMonitoringLabels } from './common';
import { DeviceForm } from './device-form';
import type { Device } from './types';

/** 设备: every data logger with its status and counters; an analyst registers a new one. */
export default function DevicesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const labels = useMonitoringLabels();
  const navigate = useNavigate();
  const devices = useLoad(() => api<Device[]>(`${MONITORING_API}/devices`), []);
  const [registering, setRegistering] = useState(false);
  const [q, setQ] = useState('');
  const open = (d: Device) => navigate(`/monitoring/devices/${d.mn}`);
  const shown = (devices.data ?? []).filter((d) => !q || `${d.mn} ${d.enterpriseName} ${d.outletCode} ${d.uscc ?? ''}`.toLowerCase().includes(q.toLowerCase()));
  const columns: TableColumnsType<Device> = [
    { title: t('monitoring.device.status'), width: 90, fixed: 'left', render: (_, d) => <OnlineBadge online={d.online} active={d.active} /> },
    {
      title: t('monitoring.device.enterprise'),
      width: 210,
      render: (_, d) => (
        <Flex vertical>
          <Link to={`/monitoring/devices/${d.mn}`} onClick={(e) => e.stopPropagation()}>
            {d.enterpriseName}
          </Link>
          {d.keyPolluter && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('monitoring.device.keyPolluter')}</Typography.Text>}
        </Flex>
      ),
    },
    { title: t('monitoring.device.mn'), width: 200, render: (_, d) => <Typography.Text style={{ fontFamily: 'monospace', fontSize: 12 }}>{d.mn}</Typography.Text> },
    { title: t('monitoring.device.outlet'), width: 140, render: (_, d) => [d.outletCode, d.outletName].filter(Boolean).join(' ') },
    { title: t('monitoring.device.medium'), width: 80, render: (_, d) => labels.medium(d.medium) },
    { title: t('monitoring.device.standard'), width: 110, render: (_, d) => labels.standard(d.standard) },
    { title: t('monitoring.device.lastSeenAt'), width: 140, render: (_, d) => (d.lastSeenAt ? beijing(d.lastSeenAt) : <Typography.Text type="secondary">{t('monitoring.device.never')}</Typography.Text>) },
    {
      title: t('monitoring.device.counters'),
      width: 150,
      render: (_, d) => (
        <Typography.Text data-testid="device-counters">
          {d.frames} / {d.duplicates} / <Typography.Text type={d.rejected ? 'danger' : undefined}>{d.rejected}</Typography.Text>
        </Typography.Text>
      ),
    },
    {
      title: t('monitoring.device.openAlarms'),
      width: 100,
      align: 'right',
      render: (_, d) => (d.openAlarms ? <Badge count={d.openAlarms} data-testid="device-open-alarms" /> : <Tag>0</Tag>),
    },
  ];
  return (
    <Card
      title={t('monitoring.devices.title')}
      extra={
        can(...MONITORING_ROLES.registerDevice) && (
          <Button type="primary" onClick={() => setRegistering(true)} data-testid="device-register">
            {t('monitoring.register.title')}
          </Button>
        )
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }} role="search">
        <Input.Search allowClear placeholder={t('monitoring.devices.search')} style={{ maxWidth: 360 }} onSearch={setQ} onChange={(e) => !e.target.value && setQ('')} data-testid="device-search" />
      </Flex>
      {devices.error !== undefined ? (
        <LoadFailed error={devices.error} retry={devices.reload} />
      ) : (
        <Table<Device>
          rowKey="deviceId"
          size="middle"
          loading={devices.loading}
          columns={columns}
          dataSource={shown}
          scroll={{ x: 1200 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('monitoring.total', { n }) }}
          locale={{ emptyText: t('monitoring.devices.empty') }}
          onRow={(d) =>
            ({
              onClick: () => open(d),
              onKeyDown: (e: KeyboardEvent) => {
                if (e.key === 'Enter' && e.target === e.currentTarget) open(d);
              },
              tabIndex: 0,
              style: { cursor: 'pointer' },
              'data-testid': 'device-row',
              'data-mn': d.mn,
              'data-online': String(d.online),
            }) as HTMLAttributes<HTMLElement>
          }
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('monitoring.devices.countersHint')}
      </Typography.Paragraph>
      <Drawer open={registering} size={1040} title={t('monitoring.register.title')} onClose={() => setRegistering(false)} destroyOnHidden>
        <DeviceForm
          onCancel={() => setRegistering(false)}
          onSaved={() => {
            setRegistering(false);
            devices.reload();
          }}
        />
      </Drawer>
    </Card>
  );
}
