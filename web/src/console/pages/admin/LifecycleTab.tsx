import { Alert, App, Button, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useFormErrors } from './form-errors';
import { useLoad } from './use-load';

/** GET|PUT /api/cases/settings/lifecycle */
interface Lifecycle {
  warningWorkingDays: number;
  timeLimitWorkingDays: { general: number; serious: number; major: number };
}

const SEVERITIES = ['general', 'serious', 'major'] as const;
const FIELDS = ['warningWorkingDays', ...SEVERITIES.map((s) => `timeLimitWorkingDays.${s}`)];

/** Default time limits by severity and how early the deadline warning comes (in working days). */
export function LifecycleTab() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Lifecycle>();
  const loaded = useLoad(() => api<Lifecycle>('/api/cases/settings/lifecycle'), []);
  const errors = useFormErrors(FIELDS);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (loaded.data) form.setFieldsValue(loaded.data);
  }, [loaded.data, form]);

  const save = async (values: Lifecycle) => {
    setBusy(true);
    errors.reset();
    try {
      const saved = await api<Lifecycle>('/api/cases/settings/lifecycle', { method: 'PUT', json: values });
      loaded.setData(saved);
      message.success(t('admin.lifecycle.saved'));
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  if (loaded.error !== undefined) {
    return (
      <Alert
        type="error"
        showIcon
        title={loaded.error instanceof ApiError ? pick(loaded.error.text) : t('common.error')}
        action={<Button size="small" onClick={loaded.reload}>{t('common.retry')}</Button>}
      />
    );
  }
  if (loaded.loading) return <Skeleton active />;
  const days = (min: number, max: number) => [
    { required: true, message: t('admin.lifecycle.required') },
    { type: 'integer' as const, min, max, message: t('admin.lifecycle.range', { min, max }) },
  ];

  return (
    <div style={{ maxWidth: 560 }}>
      <Typography.Paragraph type="secondary">{t('admin.lifecycle.hint')}</Typography.Paragraph>
      <Form<Lifecycle> form={form} layout="vertical" onFinish={save} onValuesChange={errors.onValuesChange} disabled={busy}>
        {errors.alert}
        <Typography.Title level={5}>{t('admin.lifecycle.limits')}</Typography.Title>
        {SEVERITIES.map((severity) => (
          <Form.Item
            key={severity}
            name={['timeLimitWorkingDays', severity]}
            label={t(`admin.severity.${severity}`)}
            rules={days(1, 365)}
            {...errors.item(`timeLimitWorkingDays.${severity}`)}
          >
            <InputNumber min={1} max={365} precision={0} suffix={t('admin.lifecycle.workingDays')} style={{ width: 200 }} data-testid={`limit-${severity}`} />
          </Form.Item>
        ))}
        <Typography.Title level={5}>{t('admin.lifecycle.warning')}</Typography.Title>
        <Form.Item name="warningWorkingDays" label={t('admin.lifecycle.warningDays')} extra={t('admin.lifecycle.warningDays.hint')} rules={days(0, 30)} {...errors.item('warningWorkingDays')}>
          <InputNumber min={0} max={30} precision={0} suffix={t('admin.lifecycle.workingDays')} style={{ width: 200 }} data-testid="warning-days" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="save-lifecycle">
          {t('common.save')}
        </Button>
      </Form>
    </div>
  );
}
