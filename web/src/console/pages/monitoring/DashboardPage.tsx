import { Card, Col, Flex, Row, Skeleton, Statistic, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useLoad } from '../admin/use-load';
import { LoadFailed } from '../rewards/common';
import { AlarmTable } from './alarm-table';
import { MONITORING_API, useMonitoringLabels } from './common';
import { TIER_COLOURS, TIERS, type AlarmSummary, type Device } from './types';

/** 在线监控: how many devices report, the open alarms by tier, and the newest of them. */
export default function DashboardPage() {
  const { t } = useI18n();
  const labels = useMonitoringLabels();
  const loaded = useLoad(async () => {
    const [devices, alarms] = await Promise.all([api<Device[]>(`${MONITORING_API}/devices`), api<AlarmSummary[]>(`${MONITORING_API}/alarms?status=open`)]);
    return { devices, alarms };
  }, []);
  if (loaded.error !== undefined) return <LoadFailed error={loaded.error} retry={loaded.reload} />;
  if (!loaded.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { devices, alarms } = loaded.data;
  const active = devices.filter((d) => d.active);
  const online = active.filter((d) => d.online).length;
  const byTier = Object.fromEntries(TIERS.map((tier) => [tier, alarms.filter((a) => a.tier === tier).length]));
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card data-testid="stat-devices">
            <Statistic title={t('monitoring.dashboard.devices')} value={active.length} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card data-testid="stat-online">
            <Statistic title={t('monitoring.device.online')} value={online} styles={{ content: { color: '#0f7b4f' } }} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card data-testid="stat-offline">
            <Statistic title={t('monitoring.device.offline')} value={active.length - online} styles={{ content: { color: active.length - online ? '#cf1322' : undefined } }} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card data-testid="stat-open-alarms">
            <Statistic title={t('monitoring.dashboard.openAlarms')} value={alarms.length} />
          </Card>
        </Col>
      </Row>
      <Card title={t('monitoring.dashboard.byTier')}>
        <Flex gap={12} wrap>
          {[...TIERS].reverse().map((tier) => (
            <Link key={tier} to={`/monitoring/alarms?status=open&tier=${tier}`} data-testid="tier-count" data-tier={tier}>
              <Tag color={TIER_COLOURS[tier]} style={{ fontSize: 15, padding: '6px 14px', fontWeight: 600 }}>
                {labels.tier(tier)}
                <span style={{ marginInlineStart: 10, fontSize: 18 }} data-testid="tier-count-value">
                  {byTier[tier]}
                </span>
              </Tag>
            </Link>
          ))}
        </Flex>
      </Card>
      <Card
        title={t('monitoring.dashboard.newest')}
        extra={<Link to="/monitoring/alarms?status=open">{t('monitoring.dashboard.allAlarms')}</Link>}
      >
        <AlarmTable alarms={alarms.slice(0, 10)} loading={false} compact testId="dashboard-alarms" />
      </Card>
    </Flex>
  );
}
