import { Card, Descriptions, Flex, Result, Skeleton, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { beijing, describe } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { AlarmTable } from './alarm-table';
import { MONITORING_API, MONITORING_ROLES, OnlineBadge, useMonitoringLabels, withUnit } from './common';
import { TrendChart } from './trend-chart';
import type { AlarmSummary, Device, DeviceFactor, RejectedFrame } from './types';

/** 设备详情: the device and its counters, its factors and limits, a factor's trend, its alarms, and refused frames. */
export default function DevicePage() {
  const { mn = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const labels = useMonitoringLabels();
  const loaded = useLoad(() => api<Device>(`${MONITORING_API}/devices/${encodeURIComponent(mn)}`), [mn]);
  const device = loaded.data;
  const alarms = useLoad(device ? () => api<AlarmSummary[]>(`${MONITORING_API}/alarms?deviceId=${device.deviceId}`) : undefined, [device?.deviceId]);
  const back = <Link to="/monitoring/devices">{t('monitoring.devices.back')}</Link>;
  if (loaded.error instanceof ApiError && loaded.error.status === 404) return <Result status="404" title={t('monitoring.device.notFound')} extra={back} />;
  if (loaded.error !== undefined) return <LoadFailed error={loaded.error} retry={loaded.reload} />;
  if (!device) return <Skeleton active paragraph={{ rows: 10 }} />;
  const d = device;
  const facts = describe([
    ['status', t('monitoring.device.status'), <OnlineBadge online={d.online} active={d.active} />],
    ['enterprise', t('monitoring.device.enterprise'), d.enterpriseId ? <Link to={`/enforcement/enterprises/${d.enterpriseId}`}>{d.enterpriseName}</Link> : d.enterpriseName],
    ['mn', t('monitoring.device.mn'), <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="device-mn-value">{d.mn}</Typography.Text>],
    ['uscc', t('monitoring.device.uscc'), d.uscc],
    ['town', t('monitoring.alarm.town'), labels.town(d.townCode)],
    ['keyPolluter', t('monitoring.device.keyPolluter'), d.keyPolluter ? <Tag color="geekblue">{t('monitoring.yes')}</Tag> : t('monitoring.no')],
    ['outlet', t('monitoring.device.outlet'), [d.outletCode, d.outletName].filter(Boolean).join(' ')],
    ['medium', t('monitoring.device.medium'), labels.medium(d.medium)],
    ['standard', t('monitoring.device.standard'), labels.standard(d.standard)],
    ['interval', t('monitoring.device.interval'), t('monitoring.secondsN', { n: d.realtimeIntervalSeconds })],
    ['registeredAt', t('monitoring.device.registeredAt'), beijing(d.registeredAt)],
    ['lastSeenAt', t('monitoring.device.lastSeenAt'), d.lastSeenAt ? beijing(d.lastSeenAt) : t('monitoring.device.never')],
    ['lastDataTime', t('monitoring.device.lastDataTime'), beijing(d.lastDataTime)],
    ['frames', t('monitoring.device.frames'), <span data-testid="device-frames">{d.frames}</span>],
    ['duplicates', t('monitoring.device.duplicates'), String(d.duplicates)],
    ['rejected', t('monitoring.device.rejected'), <Typography.Text type={d.rejected ? 'danger' : undefined}>{d.rejected}</Typography.Text>],
  ]);
  return (
    <Flex vertical gap={16} data-testid="device-page" data-mn={d.mn}>
      <Card title={t('monitoring.device.title', { name: d.enterpriseName, outlet: d.outletCode })} extra={back}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} items={facts} />
      </Card>
      <Card title={t('monitoring.device.factors')}>
        <Table<DeviceFactor>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={d.factors}
          scroll={{ x: 760 }}
          data-testid="device-factors"
          columns={[
            { title: t('monitoring.factor.code'), width: 100, render: (_, f) => <Typography.Text code>{f.code}</Typography.Text> },
            { title: t('monitoring.factor.name'), render: (_, f) => f.name },
            { title: t('monitoring.factor.hourLimit'), width: 130, render: (_, f) => withUnit(f.hourLimit, f.unit) },
            { title: t('monitoring.factor.dayLimit'), width: 130, render: (_, f) => withUnit(f.dayLimit, f.unit) },
            { title: t('monitoring.factor.range'), width: 150, render: (_, f) => (f.rangeMin !== undefined || f.rangeMax !== undefined ? `${f.rangeMin ?? '—'} ~ ${f.rangeMax ?? '—'}` : '—') },
            { title: t('monitoring.factor.converted'), width: 110, render: (_, f) => (f.converted ? t('monitoring.yes') : t('monitoring.no')) },
          ]}
        />
      </Card>
      <Card title={t('monitoring.trend.title')}>
        <TrendChart device={d} />
      </Card>
      <Card title={t('monitoring.device.alarms')}>
        {alarms.error !== undefined ? <LoadFailed error={alarms.error} retry={alarms.reload} /> : <AlarmTable alarms={alarms.data ?? []} loading={alarms.loading} compact testId="device-alarms" />}
      </Card>
      {can(...MONITORING_ROLES.rejectedFrames) && <RejectedFrames mn={d.mn} />}
    </Flex>
  );
}

/** 拒收报文: frames accepted on the wire that could not be used (wrong PW, bad segment…), with the reason and the text. */
function RejectedFrames({ mn }: { mn: string }) {
  const { t } = useI18n();
  const frames = useLoad(() => api<RejectedFrame[]>(`${MONITORING_API}/rejected-frames?mn=${encodeURIComponent(mn)}`), [mn]);
  if (!frames.data?.length) return null;
  return (
    <Card title={t('monitoring.rejected.title')}>
      <Table<RejectedFrame>
        rowKey={(f) => `${f.receivedAt}-${f.frame.length}`}
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={frames.data}
        scroll={{ x: 760 }}
        columns={[
          { title: t('monitoring.rejected.receivedAt'), width: 150, render: (_, f) => beijing(f.receivedAt) },
          { title: t('monitoring.rejected.reason'), width: 220, render: (_, f) => f.reason },
          { title: t('monitoring.rejected.frame'), render: (_, f) => <Typography.Text code style={{ wordBreak: 'break-all', fontSize: 12 }}>{f.frame}</Typography.Text> },
        ]}
      />
    </Card>
  );
}
