import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useFormErrors } from '../admin/form-errors';
import { useLoad } from '../admin/use-load';
import { compact, useRequired } from '../problems/common';
import type { Enterprise, Inspector } from './types';

interface Values {
  enterpriseId: string;
  inspectorIds: string[];
  problemId?: string;
  alarmId?: string;
  note?: string;
}

const FIELDS = ['enterpriseId', 'inspectorIds', 'trigger.problemId', 'trigger.alarmId', 'trigger.note'];
const CODE_FIELDS = { INSPECTOR_RECUSED: 'inspectorIds', INSPECTOR_UNKNOWN: 'inspectorIds', TWO_INSPECTORS_REQUIRED: 'inspectorIds', ENTERPRISE_NOT_FOUND: 'enterpriseId' };

/** 专项检查: an inspection of one enterprise outside the draw, because of a problem, an alarm or another reason. */
export function TargetedTaskModal({ onClose, onCreated }: { onClose(): void; onCreated(taskId: string): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const required = useRequired();
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(FIELDS, CODE_FIELDS);
  const [busy, setBusy] = useState(false);
  const enterprises = useLoad(() => api<Enterprise[]>('/api/enforcement/enterprises'), []);
  const pool = useLoad(() => api<Inspector[]>('/api/enforcement/inspectors'), []);
  const finish = async (v: Values) => {
    setBusy(true);
    errors.reset();
    try {
      const trigger = compact({ problemId: v.problemId?.trim(), alarmId: v.alarmId?.trim(), note: v.note?.trim() });
      const { taskId } = await api<{ taskId: string }>('/api/enforcement/tasks', { json: { enterpriseId: v.enterpriseId, inspectorIds: v.inspectorIds, trigger } });
      message.success(t('enforcement.targeted.created'));
      onCreated(taskId);
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
      title={t('enforcement.targeted.title')}
      okText={t('enforcement.targeted.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('enforcement.targeted.intro')}</Typography.Paragraph>
      <Form<Values> form={form} name="targeted" layout="vertical" onFinish={finish} onValuesChange={errors.onValuesChange}>
        {errors.alert}
        <Form.Item name="enterpriseId" label={t('enforcement.task.enterprise')} rules={[required('value')]} {...errors.item('enterpriseId')}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={enterprises.loading} options={(enterprises.data ?? []).map((e) => ({ value: e.enterpriseId, label: `${e.name}（${e.uscc}）` }))} />
        </Form.Item>
        <Form.Item name="inspectorIds" label={t('enforcement.draw.inspectors')} rules={[required('value')]} extra={t('enforcement.targeted.inspectorsHint')} {...errors.item('inspectorIds')}>
          <Select mode="multiple" maxCount={5} showSearch={{ optionFilterProp: 'label' }} loading={pool.loading} options={(pool.data ?? []).filter((i) => i.active).map((i) => ({ value: i.inspectorId, label: i.name }))} />
        </Form.Item>
        <Form.Item name="problemId" label={t('enforcement.targeted.problemId')} {...errors.item('trigger.problemId')}>
          <Input maxLength={36} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="alarmId" label={t('enforcement.targeted.alarmId')} {...errors.item('trigger.alarmId')}>
          <Input maxLength={36} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="note" label={t('enforcement.targeted.note')} {...errors.item('trigger.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
