import { App, Button, Card, Descriptions, Flex, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { beijing, useErrorMessage } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { RatiosTable } from './common-tables';
import { PlanModal } from './plan-form';
import type { DrawCommitted, Plan } from './types';

/** 抽查计划: each plan with its ratios and items; an officer commits its draw (the hashes are published first). */
export default function PlansPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useErrorMessage();
  const navigate = useNavigate();
  const plans = useLoad(() => api<Plan[]>('/api/enforcement/plans'), []);
  const [creating, setCreating] = useState(false);
  const [committing, setCommitting] = useState<string>();
  const officer = can('enforcement-officer');

  const commit = async (plan: Plan) => {
    setCommitting(plan.planId);
    try {
      const committed = await api<DrawCommitted>(`/api/enforcement/plans/${plan.planId}/draws`, { method: 'POST', json: {} });
      message.success(t('enforcement.draw.committed'));
      navigate(`/enforcement/draws/${committed.drawId}`);
    } catch (error) {
      report(error);
      plans.reload();
    } finally {
      setCommitting(undefined);
    }
  };

  if (plans.error !== undefined) return <LoadFailed error={plans.error} retry={plans.reload} />;
  const columns: TableColumnsType<Plan> = [
    { title: t('enforcement.plan.name'), render: (_, p) => <Typography.Text strong>{p.name}</Typography.Text> },
    { title: t('enforcement.plan.period'), width: 110, render: (_, p) => p.period },
    { title: t('enforcement.plan.items'), width: 90, render: (_, p) => t('enforcement.plan.itemsN', { n: p.items.length }) },
    { title: t('enforcement.plan.inspectorsPerTask'), width: 110, render: (_, p) => p.inspectorsPerTask },
    { title: t('enforcement.plan.createdAt'), width: 150, render: (_, p) => beijing(p.createdAt) },
    {
      title: t('enforcement.plan.draw'),
      width: 200,
      render: (_, p) =>
        p.drawId ? (
          <Link to={`/enforcement/draws/${p.drawId}`} data-testid="plan-draw-link">
            {t('enforcement.plan.openDraw')}
          </Link>
        ) : officer ? (
          <Popconfirm title={t('enforcement.draw.commitConfirm')} description={t('enforcement.draw.commitExplain')} okText={t('enforcement.draw.commit')} cancelText={t('common.cancel')} onConfirm={() => commit(p)} okButtonProps={{ ...{ 'data-testid': 'plan-commit-confirm' } }}>
            <Button size="small" type="primary" loading={committing === p.planId} data-testid="plan-commit">
              {t('enforcement.draw.commit')}
            </Button>
          </Popconfirm>
        ) : (
          <Tag>{t('enforcement.plan.noDraw')}</Tag>
        ),
    },
  ];

  return (
    <Card
      title={t('enforcement.plans.title')}
      extra={
        officer && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="plan-create">
            {t('enforcement.plans.create')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('enforcement.plans.intro')}</Typography.Paragraph>
      <Table<Plan>
        rowKey="planId"
        size="middle"
        loading={plans.loading}
        columns={columns}
        dataSource={plans.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('enforcement.plans.empty') }}
        expandable={{ expandedRowRender: (p) => <PlanDetails plan={p} /> }}
        onRow={(p) => ({ 'data-testid': 'plan-row', 'data-plan-name': p.name }) as HTMLAttributes<HTMLElement>}
      />
      {creating && (
        <PlanModal
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            plans.reload();
          }}
        />
      )}
    </Card>
  );
}

/** A plan's items, ratios, recusal and limits. */
export function PlanDetails({ plan: p }: { plan: Plan }) {
  const { t } = useI18n();
  const yes = (on: boolean) => (on ? t('enforcement.yes') : t('enforcement.no'));
  return (
    <Flex vertical gap={12}>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'items', label: t('enforcement.plan.items'), span: 'filled', children: p.items.length ? <ol style={{ margin: 0, paddingLeft: 20 }}>{p.items.map((i) => <li key={i}>{i}</li>)}</ol> : t('common.none') },
          { key: 'sameTown', label: t('enforcement.plan.sameTown'), children: yes(p.recusal.sameTown) },
          { key: 'formerEmployer', label: t('enforcement.plan.formerEmployer'), children: yes(p.recusal.formerEmployer) },
          { key: 'max', label: t('enforcement.plan.maxTasksPerInspector'), children: p.maxTasksPerInspector ?? t('enforcement.plan.noLimit') },
          { key: 'version', label: t('enforcement.plan.supervisionVersion'), children: t('enforcement.versionN', { n: p.supervisionVersion }) },
        ]}
      />
      <RatiosTable ratios={p.ratios} />
    </Flex>
  );
}
