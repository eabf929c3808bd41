import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn'; // registers the Chinese month and weekday names the date picker asks dayjs for
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useFormErrors } from './form-errors';
import { useLoad } from './use-load';

/** GET /api/cases/settings/calendar?year= */
interface DayOverride {
  date: string;
  kind: 'holiday' | 'makeup-workday';
  name: string;
  confirmed: boolean;
}
interface Row {
  date?: Dayjs;
  kind?: DayOverride['kind'];
  name?: string;
  confirmed?: boolean;
}

const KINDS = ['holiday', 'makeup-workday'] as const;
const isWeekend = (d: Dayjs) => d.day() === 0 || d.day() === 6;

/** The working-day calendar: one year's public holidays and make-up working days (调休上班), as the State Council publishes them. */
export function CalendarTab() {
  const { t, pick } = useI18n();
  const { message, modal } = App.useApp();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [form] = Form.useForm<{ overrides: Row[] }>();
  const loaded = useLoad(() => api<DayOverride[]>(`/api/cases/settings/calendar?year=${year}`), [year]);
  const [busy, setBusy] = useState(false);
  const rows = Form.useWatch('overrides', form) ?? [];
  const paths = useMemo(() => rows.flatMap((_, i) => ['date', 'kind', 'name', 'confirmed'].map((f) => `overrides.${i}.${f}`)), [rows]);
  const errors = useFormErrors(paths);

  const show = useCallback(
    (list: DayOverride[]) => {
      form.resetFields();
      form.setFieldsValue({ overrides: list.map((o) => ({ ...o, date: dayjs(o.date) })) });
    },
    [form],
  );
  useEffect(() => {
    if (loaded.data) show(loaded.data);
  }, [loaded.data, show]);

  const asSent = (list: Row[]) =>
    list.map((r) => ({ date: r?.date?.format('YYYY-MM-DD') ?? '', kind: r?.kind, name: (r?.name ?? '').trim(), confirmed: Boolean(r?.confirmed) }));
  const dirty = loaded.data !== undefined && JSON.stringify(asSent(rows)) !== JSON.stringify(asSent(loaded.data.map((o) => ({ ...o, date: dayjs(o.date) }))));

  const changeYear = (next: number) => {
    if (!dirty) return setYear(next);
    modal.confirm({ title: t('admin.calendar.discard.title'), content: t('admin.calendar.discard.body'), onOk: () => setYear(next) });
  };

  const save = async (values: { overrides?: Row[] }) => {
    setBusy(true);
    errors.reset();
    try {
      const overrides = asSent(values.overrides ?? []);
      const saved = await api<DayOverride[]>(`/api/cases/settings/calendar/${year}`, { method: 'PUT', json: { overrides } });
      loaded.setData(saved); // shown again by the effect above, untouched
      message.success(t('admin.calendar.saved', { year }));
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const unconfirmed = rows.filter((r) => r && !r.confirmed).length;
  const dateRules = (index: number) => [
    { required: true, message: t('admin.calendar.date.required') },
    {
      validator: (_: unknown, value?: Dayjs) => {
        if (!value) return Promise.resolve();
        if (value.year() !== year) return Promise.reject(new Error(t('admin.calendar.date.year', { year })));
        const all = (form.getFieldValue('overrides') as Row[] | undefined) ?? [];
        if (all.some((r, i) => i !== index && r?.date?.isSame(value, 'day'))) return Promise.reject(new Error(t('admin.calendar.date.duplicate')));
        if (all[index]?.kind === 'makeup-workday' && !isWeekend(value)) return Promise.reject(new Error(t('admin.calendar.date.makeupWeekend')));
        return Promise.resolve();
      },
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('admin.calendar.hint')}
      </Typography.Paragraph>
      <Space wrap>
        <label htmlFor="calendar-year">{t('admin.calendar.year')}</label>
        <Select<number>
          id="calendar-year"
          value={year}
          onChange={changeYear}
          style={{ width: 120 }}
          options={[-1, 0, 1, 2].map((d) => ({ value: thisYear + d, label: t('admin.calendar.yearOption', { year: thisYear + d }) }))}
        />
      </Space>
      {loaded.error !== undefined && (
        <Alert
          type="error"
          showIcon
          title={loaded.error instanceof ApiError ? pick(loaded.error.text) : t('common.error')}
          action={<Button size="small" onClick={loaded.reload}>{t('common.retry')}</Button>}
        />
      )}
      {loaded.loading ? (
        <Skeleton active />
      ) : (
        <>
          {rows.length === 0 && <Alert type="warning" showIcon title={t('admin.calendar.empty', { year })} />}
          {unconfirmed > 0 && <Alert type="warning" showIcon title={t('admin.calendar.unconfirmed', { n: unconfirmed })} description={t('admin.calendar.unconfirmed.hint')} />}
          <Form form={form} onFinish={save} onValuesChange={errors.onValuesChange} disabled={busy}>
            {errors.alert}
            <Form.List name="overrides">
              {(fields, { add, remove }) => (
                <>
                  <Table
                    rowKey="key"
                    size="small"
                    pagination={false}
                    dataSource={fields}
                    locale={{ emptyText: t('admin.calendar.none') }}
                    onRow={(field) => ({ style: rows[field.name] && !rows[field.name].confirmed ? { background: '#fffbe6' } : undefined })}
                    columns={[
                      {
                        title: t('admin.calendar.date'),
                        key: 'date',
                        width: 230,
                        render: (_, field) => (
                          <Space align="start">
                            <Form.Item name={[field.name, 'date']} rules={dateRules(field.name)} dependencies={[['overrides', field.name, 'kind']]} style={{ margin: 0 }} {...errors.item(`overrides.${field.name}.date`)}>
                              <DatePicker allowClear={false} aria-label={t('admin.calendar.date')} style={{ width: 140 }} />
                            </Form.Item>
                            <Typography.Text type="secondary" style={{ lineHeight: '32px', whiteSpace: 'nowrap' }}>
                              {rows[field.name]?.date ? t(`admin.weekday.${rows[field.name].date!.day()}`) : null}
                            </Typography.Text>
                          </Space>
                        ),
                      },
                      {
                        title: t('admin.calendar.kind'),
                        key: 'kind',
                        width: 170,
                        render: (_, field) => (
                          <Form.Item name={[field.name, 'kind']} rules={[{ required: true, message: t('admin.calendar.kind.required') }]} style={{ margin: 0 }} {...errors.item(`overrides.${field.name}.kind`)}>
                            <Select aria-label={t('admin.calendar.kind')} options={KINDS.map((k) => ({ value: k, label: t(`admin.calendar.kind.${k}`) }))} />
                          </Form.Item>
                        ),
                      },
                      {
                        title: t('admin.calendar.name'),
                        key: 'name',
                        render: (_, field) => (
                          <Form.Item
                            name={[field.name, 'name']}
                            rules={[{ required: true, whitespace: true, message: t('admin.calendar.name.required') }, { max: 50, message: t('admin.tooLong', { max: 50 }) }]}
                            style={{ margin: 0 }}
                            {...errors.item(`overrides.${field.name}.name`)}
                          >
                            <Input aria-label={t('admin.calendar.name')} placeholder={t('admin.calendar.name.placeholder')} />
                          </Form.Item>
                        ),
                      },
                      {
                        title: t('admin.calendar.confirmed'),
                        key: 'confirmed',
                        width: 190,
                        render: (_, field) => (
                          <Space>
                            <Form.Item name={[field.name, 'confirmed']} valuePropName="checked" style={{ margin: 0 }} {...errors.item(`overrides.${field.name}.confirmed`)}>
                              <Checkbox>{t('admin.calendar.confirmed.yes')}</Checkbox>
                            </Form.Item>
                            {rows[field.name] && !rows[field.name].confirmed && <Tag color="warning">{t('admin.calendar.unconfirmedTag')}</Tag>}
                          </Space>
                        ),
                      },
                      {
                        title: t('admin.actions'),
                        key: 'remove',
                        width: 90,
                        render: (_, field) => (
                          <Button size="small" danger onClick={() => remove(field.name)}>
                            {t('admin.remove')}
                          </Button>
                        ),
                      },
                    ]}
                  />
                  <Space style={{ marginTop: 16, width: '100%', justifyContent: 'space-between' }} wrap>
                    <Button onClick={() => add({ kind: 'holiday', confirmed: false, name: '' })}>{t('admin.calendar.add')}</Button>
                    <Space>
                      <Button onClick={() => loaded.data && show(loaded.data)} disabled={busy || !dirty}>
                        {t('admin.calendar.revert')}
                      </Button>
                      <Button type="primary" htmlType="submit" loading={busy} data-testid="save-calendar">
                        {t('admin.calendar.save', { year })}
                      </Button>
                    </Space>
                  </Space>
                </>
              )}
            </Form.List>
          </Form>
        </>
      )}
    </Space>
  );
}
