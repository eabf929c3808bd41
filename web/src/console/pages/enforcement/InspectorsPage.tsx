import { App, Button, Card, Flex, Form, Input, Modal, Select, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useFormErrors } from '../admin/form-errors';
import { useLoad } from '../admin/use-load';
import { useRequired } from '../problems/common';
import { LoadFailed } from '../rewards/common';
import { forget, ShortId, TOWN_CODES, useEnforcementLabels } from './common';
import type { Enterprise, Inspector, InspectorAccount } from './types';

/** 执法人员库: who may be drawn, their town, and what recusal needs (former employers, declared conflicts). */
export default function InspectorsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const labels = useEnforcementLabels();
  const pool = useLoad(() => api<Inspector[]>('/api/enforcement/inspectors'), []);
  const enterprises = useLoad(() => api<Enterprise[]>('/api/enforcement/enterprises'), []);
  const [editing, setEditing] = useState<Inspector | 'new'>();
  const names = useMemo(() => new Map((enterprises.data ?? []).map((e) => [e.enterpriseId, e.name])), [enterprises.data]);
  const officer = can('enforcement-officer');

  if (pool.error !== undefined) return <LoadFailed error={pool.error} retry={pool.reload} />;
  const list = (ids: string[]) =>
    ids.length ? (
      <Flex gap={4} wrap>
        {ids.map((id) => (
          <Tag key={id}>{names.get(id) ?? id.slice(-8)}</Tag>
        ))}
      </Flex>
    ) : (
      '—'
    );
  const columns: TableColumnsType<Inspector> = [
    { title: t('enforcement.inspector.name'), width: 140, render: (_, i) => <Typography.Text strong>{i.name}</Typography.Text> },
    { title: t('enforcement.inspector.account'), width: 110, render: (_, i) => <ShortId id={i.inspectorId} /> },
    { title: t('enforcement.field.townCode'), width: 110, render: (_, i) => labels.town(i.townCode) || '—' },
    { title: t('enforcement.inspector.formerEmployers'), render: (_, i) => list(i.formerEmployers) },
    { title: t('enforcement.inspector.declaredConflicts'), render: (_, i) => list(i.declaredConflicts) },
    { title: t('enforcement.inspector.active'), width: 90, render: (_, i) => (i.active ? <Tag color="green">{t('enforcement.inspector.inPool')}</Tag> : <Tag>{t('enforcement.inspector.out')}</Tag>) },
    ...(officer
      ? [{ title: '', width: 80, render: (_: unknown, i: Inspector) => <Button size="small" onClick={() => setEditing(i)} data-testid="inspector-edit">{t('enforcement.edit')}</Button> }]
      : []),
  ];

  return (
    <Card
      title={t('enforcement.inspectors.title')}
      extra={
        officer && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="pool-add">
            {t('enforcement.inspectors.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('enforcement.inspectors.intro')}</Typography.Paragraph>
      <Table<Inspector>
        rowKey="inspectorId"
        size="middle"
        loading={pool.loading}
        columns={columns}
        dataSource={pool.data ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('enforcement.inspectors.empty') }}
        onRow={(i) => ({ 'data-testid': 'inspector-row', 'data-inspector-id': i.inspectorId }) as HTMLAttributes<HTMLElement>}
      />
      {editing && (
        <InspectorModal
          inspector={editing === 'new' ? undefined : editing}
          pool={pool.data ?? []}
          enterprises={enterprises.data ?? []}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            forget('/api/enforcement/inspectors');
            pool.reload();
          }}
        />
      )}
    </Card>
  );
}

interface Values {
  inspectorId: string;
  name: string;
  townCode?: string;
  formerEmployers: string[];
  declaredConflicts: string[];
  active: boolean;
}

const FIELDS = ['inspectorId', 'name', 'townCode', 'formerEmployers', 'declaredConflicts', 'active'];

/** Add an account with the inspector role to the pool, or change an inspector's town, conflicts and standing. */
function InspectorModal({ inspector, pool, enterprises, onClose, onSaved }: { inspector?: Inspector; pool: Inspector[]; enterprises: Enterprise[]; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const labels = useEnforcementLabels();
  const required = useRequired();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(FIELDS);
  const [busy, setBusy] = useState(false);
  // the gateway lists accounts with the inspector role; without it (an older gateway) the id is typed
  const accounts = useLoad(() => (inspector ? Promise.resolve([]) : api<InspectorAccount[]>('/api/staff/inspectors')), [inspector]);
  const free = (accounts.data ?? []).filter((a) => !pool.some((p) => p.inspectorId === a.userId));
  const enterpriseOptions = enterprises.map((e) => ({ value: e.enterpriseId, label: `${e.name}（${e.uscc}）` }));
  const finish = async (v: Values) => {
    setBusy(true);
    errors.reset();
    try {
      const json = { ...v, name: v.name.trim(), inspectorId: v.inspectorId.trim(), formerEmployers: v.formerEmployers ?? [], declaredConflicts: v.declaredConflicts ?? [], active: !!v.active };
      if (!json.townCode) delete json.townCode;
      await api(`/api/enforcement/inspectors/${encodeURIComponent(json.inspectorId)}`, { method: 'PUT', json });
      message.success(t('enforcement.inspectors.saved', { name: json.name }));
      onSaved();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={680}
      title={inspector ? t('enforcement.inspectors.editTitle', { name: inspector.name }) : t('enforcement.inspectors.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'inspector-save' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="inspector"
        layout="vertical"
        initialValues={inspector ?? { formerEmployers: [], declaredConflicts: [], active: true }}
        onFinish={finish}
        onValuesChange={errors.onValuesChange}
      >
        {errors.alert}
        {inspector ? (
          <Form.Item name="inspectorId" label={t('enforcement.inspector.account')}>
            <Input disabled style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        ) : accounts.error === undefined ? (
          <Form.Item name="inspectorId" label={t('enforcement.inspector.account')} rules={[required('value')]} extra={t('enforcement.inspectors.accountHint')} {...errors.item('inspectorId')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={accounts.loading}
              data-testid="inspector-account"
              options={free.map((a) => ({ value: a.userId, label: a.name }))}
              notFoundContent={t('enforcement.inspectors.noAccounts')}
              onChange={(id: string) => form.setFieldValue('name', free.find((a) => a.userId === id)?.name ?? '')}
            />
          </Form.Item>
        ) : (
          <Form.Item name="inspectorId" label={t('enforcement.inspector.account')} rules={[required()]} extra={t('enforcement.inspectors.accountIdHint')} {...errors.item('inspectorId')}>
            <Input maxLength={100} style={{ fontFamily: 'monospace' }} data-testid="inspector-account-id" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('enforcement.inspector.name')} rules={[required()]} {...errors.item('name')}>
          <Input maxLength={50} data-testid="inspector-name" />
        </Form.Item>
        <Form.Item name="townCode" label={t('enforcement.field.townCode')} extra={t('enforcement.inspectors.townHint')} {...errors.item('townCode')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={TOWN_CODES.map((c) => ({ value: c, label: labels.town(c) }))} />
        </Form.Item>
        <Form.Item name="formerEmployers" label={t('enforcement.inspector.formerEmployers')} {...errors.item('formerEmployers')}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={enterpriseOptions} data-testid="inspector-former" />
        </Form.Item>
        <Form.Item name="declaredConflicts" label={t('enforcement.inspector.declaredConflicts')} extra={t('enforcement.inspectors.conflictHint')} {...errors.item('declaredConflicts')}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={enterpriseOptions} data-testid="inspector-conflicts" />
        </Form.Item>
        <Form.Item name="active" valuePropName="checked" label={t('enforcement.inspector.active')} {...errors.item('active')}>
          <Switch aria-label={t('enforcement.inspector.active')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
