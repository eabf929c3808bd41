import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { beijingToday, compact, useApiErrors, useRequired } from '../problems/common';
import { rethrowAsYuan, useYuanRule, YuanInput } from './common';
import { parseYuan } from './money';
import type { Bounty } from './types';

interface PublishValues {
  title: string;
  description: string;
  maxAmountYuan: string;
  approvalReference: string;
  expiresOn?: Dayjs;
  problemId?: string;
}

const FIELDS = ['title', 'description', 'maxAmountYuan', 'approvalReference', 'expiresOn', 'problemId'];

/** 发布悬赏: the public text, the most it pays, the government approval it rests on, and until when. */
export function PublishBountyModal({ onClose, onDone }: { onClose(): void; onDone(bounty: Bounty): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const required = useRequired();
  const yuan = useYuanRule();
  const [form] = Form.useForm<PublishValues>();
  const [busy, setBusy] = useState(false);
  const errors = useApiErrors(FIELDS);
  const today = beijingToday();
  const finish = async (v: PublishValues) => {
    setBusy(true);
    errors.reset();
    try {
      const json = compact({
        title: v.title.trim(),
        description: v.description.trim(),
        maxAmountFen: parseYuan(v.maxAmountYuan),
        approvalReference: v.approvalReference.trim(),
        expiresOn: v.expiresOn?.format('YYYY-MM-DD'),
        problemId: v.problemId?.trim(),
      });
      const bounty = await api<Bounty>('/api/rewards/bounties', { method: 'POST', json }).catch(rethrowAsYuan);
      message.success(t('rewards.bounty.published'));
      onDone(bounty);
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={640}
      title={t('rewards.bounty.publishTitle')}
      okText={t('rewards.bounty.publish')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'bounty-publish-confirm' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<PublishValues> form={form} name="bounty-publish" layout="vertical" onFinish={finish} onValuesChange={(changed) => errors.clear(changed as Record<string, unknown>)}>
        <Form.Item name="title" label={t('rewards.bounty.title')} rules={[required()]} {...errors.item('title')}>
          <Input maxLength={100} showCount data-testid="bounty-title" />
        </Form.Item>
        <Form.Item name="description" label={t('rewards.bounty.description')} rules={[required()]} extra={t('rewards.bounty.descriptionHint')} {...errors.item('description')}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="bounty-description" />
        </Form.Item>
        <Form.Item name="maxAmountYuan" label={t('rewards.bounty.maxAmount')} required rules={[yuan()]} {...errors.item('maxAmountYuan')}>
          <YuanInput data-testid="bounty-max-amount" />
        </Form.Item>
        <Form.Item name="approvalReference" label={t('rewards.bounty.approvalReference')} rules={[required()]} extra={t('rewards.bounty.approvalHint')} {...errors.item('approvalReference')}>
          <Input maxLength={200} data-testid="bounty-approval" />
        </Form.Item>
        <Form.Item name="expiresOn" label={t('rewards.bounty.expiresOn')} rules={[required('value')]} {...errors.item('expiresOn')}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(today), 'day')} data-testid="bounty-expires" />
        </Form.Item>
        <Form.Item name="problemId" label={t('rewards.bounty.problemId')} extra={t('rewards.bounty.problemHint')} {...errors.item('problemId')}>
          <Input maxLength={64} style={{ fontFamily: 'monospace' }} data-testid="bounty-problem" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
