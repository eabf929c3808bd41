import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useApiErrors, useRequired } from '../problems/common';
import type { IdentityRequest } from './types';

export type Decision = 'approve' | 'refuse';

/** Approve (with an optional note) or refuse (with a reason) one identity request; the identity is never shown here. */
export function DecisionModal({ request, decision, onClose, onDone }: { request: IdentityRequest; decision: Decision; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const required = useRequired();
  const [form] = Form.useForm<{ note?: string; reason?: string }>();
  const [busy, setBusy] = useState(false);
  const field = decision === 'approve' ? 'note' : 'reason';
  const errors = useApiErrors([field]);
  const finish = async (values: { note?: string; reason?: string }) => {
    setBusy(true);
    errors.reset();
    try {
      const text = values[field]?.trim();
      await api(`/api/intake/identity-requests/${request.requestId}/${decision}`, { method: 'POST', json: text ? { [field]: text } : {} });
      message.success(t(`rewards.requests.${decision}d`));
      onDone();
    } catch (error) {
      errors.fail(error, onDone);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t(`rewards.requests.${decision}Title`)}
      okText={t(`rewards.requests.${decision}`)}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: decision === 'refuse', loading: busy, ...{ 'data-testid': `identity-${decision}-confirm` } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {t('rewards.requests.about', { purpose: request.purpose, caseRef: request.caseRef })}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name={`identity-${decision}`} onFinish={finish} onValuesChange={(changed) => errors.clear(changed as Record<string, unknown>)}>
        <Form.Item
          name={field}
          label={decision === 'approve' ? t('rewards.requests.note') : t('rewards.requests.reason')}
          rules={decision === 'refuse' ? [required()] : []}
          {...errors.item(field)}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid={`identity-${decision}-text`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
