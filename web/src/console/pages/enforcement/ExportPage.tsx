import { App, Button, Card, DatePicker, Descriptions, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useFormErrors } from '../admin/form-errors';
import { beijingToday } from '../problems/common';

interface ExportFile {
  format: string;
  generatedAt: string;
  authority: string;
  period: { from: string; to: string };
  inspections: unknown[];
  penalties: unknown[];
}

/** 数据导出: inspections and penalty decisions of a date range, in the documented format for the 互联网+监管 platform. */
export default function ExportPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ range: [Dayjs, Dayjs] }>();
  const errors = useFormErrors(['from', 'to']);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<ExportFile>();
  const today = dayjs(beijingToday());

  const download = async ({ range }: { range: [Dayjs, Dayjs] }) => {
    const from = range[0].format('YYYY-MM-DD');
    const to = range[1].format('YYYY-MM-DD');
    setBusy(true);
    errors.reset();
    try {
      const file = await api<ExportFile>(`/api/enforcement/export?from=${from}&to=${to}`);
      const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `enforcement-export-${from}-${to}.json`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setLast(file);
      message.success(t('enforcement.export.done'));
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('enforcement.export.title')}>
      <Typography.Paragraph type="secondary">{t('enforcement.export.intro')}</Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={{ range: [today.startOf('year'), today] }} onFinish={download} style={{ rowGap: 8 }}>
        <Form.Item name="range" label={t('enforcement.export.range')} rules={[{ required: true, message: t('problems.required') }]} {...(errors.item('from').help ? errors.item('from') : errors.item('to'))}>
          <DatePicker.RangePicker data-testid="export-range" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="export-download">
            {t('enforcement.export.download')}
          </Button>
        </Form.Item>
      </Form>
      {errors.alert}
      {last && (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          style={{ marginTop: 16 }}
          data-testid="export-summary"
          items={[
            { key: 'format', label: t('enforcement.export.format'), children: <Typography.Text code>{last.format}</Typography.Text> },
            { key: 'authority', label: t('enforcement.export.authority'), children: last.authority },
            { key: 'period', label: t('enforcement.export.range'), children: `${last.period.from} ~ ${last.period.to}` },
            { key: 'inspections', label: t('enforcement.export.inspections'), children: last.inspections.length },
            { key: 'penalties', label: t('enforcement.export.penalties'), children: last.penalties.length },
          ]}
        />
      )}
    </Card>
  );
}
