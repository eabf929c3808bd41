import { App, Button, Flex, Form, Input, Modal, Radio, Select, Switch } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useFormErrors } from '../admin/form-errors';
import { useLoad } from '../admin/use-load';
import type { Enterprise } from '../enforcement/types';
import { MONITORING_API, useMonitoringLabels } from './common';
import { AUDIENCES, CHANNELS, TIERS, type Recipient } from './types';

interface RecipientValues {
  audience: Recipient['audience'];
  name: string;
  channel: Recipient['channel'];
  address: string;
  secret?: string;
  industry?: string;
  enterpriseId?: string;
  minTier: Recipient['minTier'];
  active: boolean;
}

const FIELDS = ['audience', 'name', 'channel', 'address', 'secret', 'industry', 'enterpriseId', 'minTier', 'active'];

/** Add or change a recipient: who (bureau, a department for an industry, an enterprise's contact), how, from which tier. */
export function RecipientModal({ recipient, onClose, onSaved }: { recipient?: Recipient; onClose(): void; onSaved(): void }) {
  const { t } = useI18n();
  const labels = useMonitoringLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecipientValues>();
  const errors = useFormErrors(FIELDS);
  const [busy, setBusy] = useState(false);
  const audience = Form.useWatch('audience', form);
  const channel = Form.useWatch('channel', form);
  const enterprises = useLoad(audience === 'enterprise' ? () => api<Enterprise[]>('/api/enforcement/enterprises') : undefined, [audience === 'enterprise']);
  const save = async (v: RecipientValues) => {
    setBusy(true);
    errors.reset();
    const json = {
      audience: v.audience,
      name: v.name.trim(),
      channel: v.channel,
      address: v.address.trim(),
      // an empty secret on a change keeps the one the service has
      ...(v.secret?.trim() ? { secret: v.secret.trim() } : recipient ? {} : { secret: null }),
      industry: v.audience === 'department' && v.industry?.trim() ? v.industry.trim() : null,
      enterpriseId: v.audience === 'enterprise' ? (v.enterpriseId ?? null) : null,
      minTier: v.minTier,
      active: v.active,
    };
    try {
      await api(recipient ? `${MONITORING_API}/recipients/${recipient.recipientId}` : `${MONITORING_API}/recipients`, { method: recipient ? 'PUT' : 'POST', json });
      message.success(t('monitoring.recipients.saved'));
      onSaved();
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };
  const req = { required: true, whitespace: true, message: t('problems.required') };
  return (
    <Modal open title={t(recipient ? 'monitoring.recipients.edit' : 'monitoring.recipients.add')} footer={null} onCancel={onClose} width={620} destroyOnHidden>
      <Form<RecipientValues>
        form={form}
        layout="vertical"
        name="recipient"
        onFinish={save}
        onValuesChange={errors.onValuesChange}
        disabled={busy}
        initialValues={recipient ? { ...recipient, industry: recipient.industry ?? undefined, enterpriseId: recipient.enterpriseId ?? undefined } : { audience: 'bureau', channel: 'dingtalk', minTier: 'orange', active: true }}
      >
        {errors.alert}
        <Form.Item name="audience" label={t('monitoring.recipients.audience')} {...errors.item('audience')}>
          <Radio.Group optionType="button" options={AUDIENCES.map((a) => ({ value: a, label: <span data-testid={`recipient-audience-${a}`}>{labels.audience(a)}</span> }))} />
        </Form.Item>
        <Form.Item name="name" label={t('monitoring.recipients.name')} rules={[req]} {...errors.item('name')}>
          <Input maxLength={100} data-testid="recipient-name" />
        </Form.Item>
        {audience === 'department' && (
          <Form.Item name="industry" label={t('monitoring.recipients.industry')} extra={t('monitoring.recipients.industryHint')} {...errors.item('industry')}>
            <Input maxLength={100} data-testid="recipient-industry" />
          </Form.Item>
        )}
        {audience === 'enterprise' && (
          <Form.Item name="enterpriseId" label={t('monitoring.recipients.enterprise')} rules={[{ required: true, message: t('problems.required') }]} {...errors.item('enterpriseId')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={enterprises.loading}
              data-testid="recipient-enterprise"
              options={(enterprises.data ?? []).map((e) => ({ value: e.enterpriseId, label: `${e.name}（${e.uscc}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="channel" label={t('monitoring.recipients.channel')} {...errors.item('channel')}>
          <Radio.Group optionType="button" options={CHANNELS.map((c) => ({ value: c, label: <span data-testid={`recipient-channel-${c}`}>{labels.channel(c)}</span> }))} />
        </Form.Item>
        <Form.Item name="address" label={t('monitoring.recipients.address')} extra={t(`monitoring.recipients.addressHint.${channel ?? 'dingtalk'}`)} rules={[req]} {...errors.item('address')}>
          <Input maxLength={500} data-testid="recipient-address" />
        </Form.Item>
        {channel === 'dingtalk' && (
          <Form.Item
            name="secret"
            label={t('monitoring.recipients.secret')}
            extra={recipient?.hasSecret ? t('monitoring.recipients.secretKept') : t('monitoring.recipients.secretHint')}
            {...errors.item('secret')}
          >
            <Input.Password maxLength={200} autoComplete="new-password" data-testid="recipient-secret" />
          </Form.Item>
        )}
        <Form.Item name="minTier" label={t('monitoring.recipients.minTier')} {...errors.item('minTier')}>
          <Radio.Group optionType="button" options={TIERS.map((tier) => ({ value: tier, label: <span data-testid={`recipient-tier-${tier}`}>{labels.tier(tier)}</span> }))} />
        </Form.Item>
        <Form.Item name="active" label={t('monitoring.recipients.active')} valuePropName="checked" {...errors.item('active')}>
          <Switch />
        </Form.Item>
        <Flex gap={8} justify="end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="recipient-save">
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
