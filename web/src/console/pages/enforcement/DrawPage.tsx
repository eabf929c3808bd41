import { App, Alert, Button, Card, Descriptions, Flex, Popconfirm, Result, Skeleton, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { beijing, useErrorMessage } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { CreditPlate, downloadJson, Hash, ObjectClassTag, useCreditLevels, useEnforcementLabels, useInspectorNames } from './common';
import type { Draw, DrawSelection, Enterprise, Verification } from './types';

/** 一次抽取: the published commitment, then the revealed seed and the result, its verification and its full record. */
export default function DrawPage() {
  const { drawId = '' } = useParams();
  const { t, pick } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const report = useErrorMessage();
  const draw = useLoad(() => api<Draw>(`/api/enforcement/draws/${encodeURIComponent(drawId)}`), [drawId]);
  const [performing, setPerforming] = useState(false);

  if (draw.error instanceof ApiError && (draw.error.status === 404 || draw.error.status === 400)) {
    return <Result status="404" title={pick(draw.error.text)} extra={<Link to="/enforcement/plans">{t('enforcement.plans.back')}</Link>} />;
  }
  if (draw.error !== undefined) return <LoadFailed error={draw.error} retry={draw.reload} />;
  const d = draw.data;
  if (!d) return <Skeleton active paragraph={{ rows: 8 }} />;
  const c = d.committed;

  const perform = async () => {
    setPerforming(true);
    try {
      await api(`/api/enforcement/draws/${d.drawId}/perform`, { method: 'POST', json: {} });
      message.success(t('enforcement.draw.performed'));
    } catch (error) {
      report(error);
    } finally {
      setPerforming(false);
      draw.reload();
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space wrap>
            <span>{t('enforcement.draw.title', { name: d.planName })}</span>
            <Tag color={d.status === 'performed' ? 'green' : 'gold'} data-testid="draw-status" data-status={d.status}>
              {t(`enforcement.draw.status.${d.status}`)}
            </Tag>
          </Space>
        }
        extra={<Link to="/enforcement/plans">{t('enforcement.plans.back')}</Link>}
      >
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('enforcement.draw.commitment')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('enforcement.draw.commitmentIntro')}</Typography.Paragraph>
        <Descriptions
          size="small"
          bordered
          column={1}
          data-testid="draw-commitment"
          items={[
            { key: 'period', label: t('enforcement.plan.period'), children: d.period },
            { key: 'committedAt', label: t('enforcement.draw.committedAt'), children: beijing(d.committedAt) },
            { key: 'seedHash', label: t('enforcement.draw.seedHash'), children: <Hash value={c.seedHash} testId="seed-hash" /> },
            { key: 'candidatesHash', label: t('enforcement.draw.candidatesHash', { n: c.candidateCount }), children: <Hash value={c.candidatesHash} testId="candidates-hash" /> },
            { key: 'poolHash', label: t('enforcement.draw.poolHash', { n: c.poolSize }), children: <Hash value={c.poolHash} testId="pool-hash" /> },
            { key: 'planHash', label: t('enforcement.draw.planHash'), children: <Hash value={c.planHash} testId="plan-hash" /> },
          ]}
        />
        {d.status === 'committed' && can('enforcement-officer') && (
          <Flex gap={12} align="center" wrap style={{ marginTop: 16 }}>
            <Popconfirm title={t('enforcement.draw.performConfirm')} description={t('enforcement.draw.performExplain')} okText={t('enforcement.draw.perform')} cancelText={t('common.cancel')} onConfirm={perform} okButtonProps={{ ...{ 'data-testid': 'draw-perform-confirm' } }}>
              <Button type="primary" loading={performing} data-testid="draw-perform">
                {t('enforcement.draw.perform')}
              </Button>
            </Popconfirm>
            <Typography.Text type="secondary">{t('enforcement.draw.performHint')}</Typography.Text>
          </Flex>
        )}
      </Card>
      {d.performed && <DrawResult draw={d} />}
    </Flex>
  );
}

/** The revealed seed, who was drawn with which inspectors, who could not be assigned, and the verification. */
function DrawResult({ draw: d }: { draw: Draw }) {
  const { t } = useI18n();
  const labels = useEnforcementLabels();
  const levels = useCreditLevels();
  const inspector = useInspectorNames();
  const report = useErrorMessage();
  const p = d.performed!;
  const enterprises = useLoad(() => api<Enterprise[]>('/api/enforcement/enterprises'), []);
  const byId = useMemo(() => new Map((enterprises.data ?? []).map((e) => [e.enterpriseId, e])), [enterprises.data]);
  const [verification, setVerification] = useState<Verification>();
  const [verifying, setVerifying] = useState(false);
  const verify = async () => {
    setVerifying(true);
    try {
      setVerification(await api<Verification>(`/api/enforcement/draws/${d.drawId}/verification`));
    } catch (error) {
      report(error);
    } finally {
      setVerifying(false);
    }
  };
  useEffect(() => {
    void verify();
    // verified once when the result is shown; the button checks again
  }, [d.drawId]);

  const name = (id: string) => byId.get(id)?.name ?? id.slice(-8);
  const selections: TableColumnsType<DrawSelection> = [
    { title: t('enforcement.field.name'), render: (_, s) => <Link to={`/enforcement/enterprises/${s.enterpriseId}`}>{name(s.enterpriseId)}</Link> },
    { title: t('enforcement.field.uscc'), width: 190, render: (_, s) => <span style={{ fontFamily: 'monospace' }}>{byId.get(s.enterpriseId)?.uscc ?? '—'}</span> },
    { title: t('enforcement.field.objectClass'), width: 130, render: (_, s) => <ObjectClassTag value={s.objectClass} labels={labels} /> },
    { title: t('enforcement.draw.creditAtDraw'), width: 150, render: (_, s) => <CreditPlate level={s.creditLevel} levels={levels} /> },
    { title: t('enforcement.draw.inspectors'), width: 220, render: (_, s) => <span data-testid="selection-inspectors">{s.inspectorIds.map(inspector).join(t('problems.sep.list'))}</span> },
  ];
  return (
    <>
      <Card
        title={t('enforcement.draw.result')}
        extra={
          <Space wrap>
            <Link to={`/enforcement/tasks?drawId=${d.drawId}`}>{t('enforcement.draw.tasks')}</Link>
            <Button onClick={() => downloadJson(`/api/enforcement/draws/${d.drawId}/record`, `draw-${d.drawId}.json`).catch(report)} data-testid="draw-record">
              {t('enforcement.draw.download')}
            </Button>
          </Space>
        }
      >
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: 'performedAt', label: t('enforcement.draw.performedAt'), children: beijing(d.performedAt) },
            { key: 'algorithm', label: t('enforcement.draw.algorithm'), children: <Typography.Text code>{p.algorithm}</Typography.Text> },
            { key: 'seed', label: t('enforcement.draw.seed'), children: <Hash value={p.seed} testId="draw-seed" /> },
            { key: 'resultHash', label: t('enforcement.draw.resultHash'), children: <Hash value={p.resultHash} /> },
          ]}
        />
        <Typography.Title level={5}>{t('enforcement.draw.selections', { n: p.selections.length })}</Typography.Title>
        <Table<DrawSelection>
          rowKey="enterpriseId"
          size="small"
          pagination={false}
          columns={selections}
          dataSource={p.selections}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('enforcement.draw.noSelections') }}
          onRow={(s) => ({ 'data-testid': 'selection', 'data-enterprise-id': s.enterpriseId }) as HTMLAttributes<HTMLElement>}
        />
        {p.unassigned.length > 0 && (
          <>
            <Typography.Title level={5}>{t('enforcement.draw.unassigned', { n: p.unassigned.length })}</Typography.Title>
            <Table
              rowKey="enterpriseId"
              size="small"
              pagination={false}
              dataSource={p.unassigned}
              columns={[
                { title: t('enforcement.field.name'), render: (_, u) => name(u.enterpriseId) },
                { title: t('enforcement.draw.reason'), render: (_, u) => labels.unassigned(u.reason) },
              ]}
              onRow={() => ({ 'data-testid': 'unassigned' }) as HTMLAttributes<HTMLElement>}
            />
          </>
        )}
      </Card>
      <Card title={t('enforcement.draw.verification')} extra={<Button onClick={verify} loading={verifying} data-testid="draw-verify">{t('enforcement.draw.verifyAgain')}</Button>}>
        <Typography.Paragraph type="secondary">{t('enforcement.draw.verificationIntro')}</Typography.Paragraph>
        {verification &&
          (verification.ok ? (
            <Alert type="success" showIcon title={t('enforcement.draw.verified')} data-testid="verification" data-ok="true" />
          ) : (
            <Alert
              type="error"
              showIcon
              title={t('enforcement.draw.mismatch')}
              data-testid="verification"
              data-ok="false"
              description={
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {verification.mismatches.map((m) => (
                    <li key={m}>{t('enforcement.draw.mismatchField', { field: t(`enforcement.draw.field.${m}`) === `enforcement.draw.field.${m}` ? m : t(`enforcement.draw.field.${m}`), code: m })}</li>
                  ))}
                </ul>
              }
            />
          ))}
      </Card>
    </>
  );
}
