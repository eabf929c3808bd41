import { Card, Col, Descriptions, Flex, Form, Input, Result, Row, Select, Skeleton, Switch, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useLoad } from '../admin/use-load';
import { beijing, CommandForm, describe, useRequired } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { CreditPlate, ObjectClassTag, forget, useCreditLevels, useEnforcementLabels } from './common';
import { RESULT_COLOURS, type CreditMove, type EnterpriseDetail } from './types';

/** 单位详情: the registration, the list it is on, its credit history with the rule behind each move, its inspections. */
export default function EnterprisePage() {
  const { enterpriseId = '' } = useParams();
  const { t, pick } = useI18n();
  const { can } = useSession();
  const labels = useEnforcementLabels();
  const levels = useCreditLevels();
  const loaded = useLoad(() => api<EnterpriseDetail>(`/api/enforcement/enterprises/${encodeURIComponent(enterpriseId)}`), [enterpriseId]);

  if (loaded.error instanceof ApiError && (loaded.error.status === 404 || loaded.error.status === 400)) {
    return <Result status="404" title={pick(loaded.error.text)} extra={<Link to="/enforcement/enterprises">{t('enforcement.registry.back')}</Link>} />;
  }
  if (loaded.error !== undefined) return <LoadFailed error={loaded.error} retry={loaded.reload} />;
  const e = loaded.data;
  if (!e) return <Skeleton active paragraph={{ rows: 8 }} />;
  const done = (next: unknown) => {
    forget('/api/enforcement/enterprises');
    loaded.setData(next as EnterpriseDetail);
  };

  const facts = describe([
    ['uscc', t('enforcement.field.uscc'), <span style={{ fontFamily: 'monospace' }}>{e.uscc}</span>],
    ['objectClass', t('enforcement.field.objectClass'), <ObjectClassTag value={e.objectClass} labels={labels} />],
    ['creditLevel', t('enforcement.field.creditLevel'), <CreditPlate level={e.creditLevel} levels={levels} />],
    ['special', t('enforcement.field.special'), e.special ? t('enforcement.special.on', { reason: e.specialReason ?? '' }) : t('enforcement.no')],
    ['permitClass', t('enforcement.field.permitClass'), labels.permitClass(e.permitClass)],
    ['keyPolluter', t('enforcement.field.keyPolluter'), e.keyPolluter ? t('enforcement.yes') : t('enforcement.no')],
    ['industry', t('enforcement.field.industry'), e.industry],
    ['townCode', t('enforcement.field.townCode'), labels.town(e.townCode)],
    ['address', t('enforcement.field.address'), e.address, true],
    ['location', t('enforcement.field.location'), e.location ? `${e.location.lat}, ${e.location.lng}` : null],
    ['outlets', t('enforcement.field.outlets'), e.outlets.length ? e.outlets.map((o) => o.code).join(t('problems.sep.list')) : null, true],
  ]);
  const history: TableColumnsType<CreditMove> = [
    { title: t('enforcement.credit.at'), width: 150, render: (_, m) => beijing(m.at) },
    {
      title: t('enforcement.credit.move'),
      width: 340,
      render: (_, m) => (
        <Flex gap={4} align="center">
          {m.previousLevel && (
            <>
              <CreditPlate level={m.previousLevel} levels={levels} />→
            </>
          )}
          <CreditPlate level={m.level} levels={levels} />
        </Flex>
      ),
    },
    { title: t('enforcement.credit.rule'), width: 150, render: (_, m) => <Tag data-testid="credit-rule">{labels.creditRule(m.rule)}</Tag> },
    { title: t('enforcement.credit.reason'), render: (_, m) => m.reason },
    { title: t('enforcement.credit.ruleVersion'), width: 100, render: (_, m) => t('enforcement.versionN', { n: m.ruleVersion }) },
  ];
  const inspections: TableColumnsType<EnterpriseDetail['inspections'][number]> = [
    { title: t('enforcement.task.createdAt'), width: 150, render: (_, i) => beijing(i.createdAt) },
    { title: t('enforcement.task.kind'), width: 100, render: (_, i) => labels.taskKind(i.kind) },
    { title: t('enforcement.task.status'), width: 100, render: (_, i) => labels.taskStatus(i.status) },
    { title: t('enforcement.task.result'), width: 160, render: (_, i) => (i.result ? <Tag color={RESULT_COLOURS[i.result]}>{labels.result(i.result)}</Tag> : '—') },
    { title: t('enforcement.task.inspectedOn'), width: 120, render: (_, i) => i.inspectedOn ?? '—' },
    { title: '', width: 90, render: (_, i) => <Link to={`/enforcement/tasks/${i.taskId}`}>{t('enforcement.open')}</Link> },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={can('enforcement-officer') ? 16 : 24}>
        <Flex vertical gap={16}>
          <Card title={<span data-testid="enterprise-name">{e.name}</span>} extra={<Link to="/enforcement/enterprises">{t('enforcement.registry.back')}</Link>}>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={facts} />
          </Card>
          <Card title={t('enforcement.credit.history')}>
            <Table<CreditMove>
              rowKey={(m) => `${m.at}-${m.level}`}
              size="small"
              pagination={false}
              columns={history}
              dataSource={[...e.creditHistory].reverse()}
              scroll={{ x: 800 }}
              onRow={() => ({ 'data-testid': 'credit-move' }) as HTMLAttributes<HTMLElement>}
            />
          </Card>
          <Card title={t('enforcement.enterprise.inspections')}>
            <Table rowKey="taskId" size="small" pagination={false} columns={inspections} dataSource={e.inspections} scroll={{ x: 700 }} locale={{ emptyText: t('enforcement.enterprise.noInspections') }} />
          </Card>
        </Flex>
      </Col>
      {can('enforcement-officer') && (
        <Col xs={24} xl={8}>
          <Card title={t('enforcement.enterprise.actions')}>
            <Tabs
              items={[
                { key: 'credit', label: t('enforcement.credit.byHand'), children: <CreditForm enterprise={e} onDone={done} onConflict={loaded.reload} /> },
                { key: 'special', label: t('enforcement.special.title'), children: <SpecialForm enterprise={e} onDone={done} onConflict={loaded.reload} /> },
              ]}
            />
          </Card>
        </Col>
      )}
    </Row>
  );
}

interface FormProps {
  enterprise: EnterpriseDetail;
  onDone(next: unknown): void;
  onConflict(): void;
}

/** 人工评定: the bureau sets the level (e.g. after the annual rating) and says why. */
function CreditForm({ enterprise: e, onDone, onConflict }: FormProps) {
  const { t, pick } = useI18n();
  const required = useRequired();
  const levels = useCreditLevels();
  return (
    <CommandForm<{ level: string; reason: string }>
      name="credit"
      testId="credit-form"
      fields={['level', 'reason']}
      syncKey={e.creditLevel}
      initialValues={{ level: e.creditLevel }}
      intro={<Typography.Paragraph type="secondary">{t('enforcement.credit.byHandIntro')}</Typography.Paragraph>}
      submit={(v) => api(`/api/enforcement/enterprises/${e.enterpriseId}/credit`, { method: 'PUT', json: { level: v.level, reason: v.reason.trim() } })}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('enforcement.credit.saved')}
      submitText={t('enforcement.credit.save')}
      submitTestId="credit-submit"
    >
      {(item) => (
        <>
          <Form.Item name="level" label={t('enforcement.field.creditLevel')} rules={[required('value')]} {...item('level')}>
            <Select data-testid="credit-level" options={(levels ?? []).map((l) => ({ value: l.code, label: <CreditPlate level={l.code} levels={levels} />, title: pick(l) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('enforcement.credit.reason')} rules={[required()]} {...item('reason')}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="credit-reason" />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}

/** 特殊监管对象: put the enterprise on the special list (repeat complaints, poor record, high risk) or take it off. */
function SpecialForm({ enterprise: e, onDone, onConflict }: FormProps) {
  const { t } = useI18n();
  const required = useRequired();
  return (
    <CommandForm<{ special: boolean; reason: string }>
      name="special"
      testId="special-form"
      fields={['special', 'reason']}
      syncKey={e.special}
      initialValues={{ special: e.special }}
      intro={<Typography.Paragraph type="secondary">{t('enforcement.special.intro')}</Typography.Paragraph>}
      submit={(v) => api(`/api/enforcement/enterprises/${e.enterpriseId}/special`, { method: 'PUT', json: { special: !!v.special, reason: v.reason.trim() } })}
      onDone={onDone}
      onConflict={onConflict}
      successText={t('enforcement.special.saved')}
      submitText={t('enforcement.special.save')}
      submitTestId="special-submit"
    >
      {(item) => (
        <>
          <Form.Item name="special" valuePropName="checked" label={t('enforcement.special.listed')} {...item('special')}>
            <Switch aria-label={t('enforcement.special.listed')} data-testid="special-switch" />
          </Form.Item>
          <Form.Item name="reason" label={t('enforcement.special.reason')} rules={[required()]} {...item('reason')}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="special-reason" />
          </Form.Item>
        </>
      )}
    </CommandForm>
  );
}
