import { App, Button, Form, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { useFormErrors } from './form-errors';
import { codedOptions, nameOf, searchByLabelOrCode, type MatrixRow, type Reference } from './reference';

const FIELDS = ['leadDepartment', 'cooperating'];

/** Category → default lead and co-operating departments (交办时的默认值). */
export function MatrixTab({ reference, onChange }: { reference: Reference; onChange(matrix: MatrixRow[]): void }) {
  const { t, pick } = useI18n();
  const [editing, setEditing] = useState<MatrixRow>();
  const rows = reference.categories.map(
    (c) => reference.matrix.find((m) => m.category === c.code) ?? { category: c.code, leadDepartment: '', cooperating: [] },
  );
  return (
    <>
      <Typography.Paragraph type="secondary">{t('admin.matrix.hint')}</Typography.Paragraph>
      <Table<MatrixRow>
        rowKey="category"
        size="middle"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('admin.matrix.category'), dataIndex: 'category', width: 160, render: (code: string) => nameOf(reference.categories, code, pick) },
          {
            title: t('admin.matrix.lead'),
            dataIndex: 'leadDepartment',
            render: (code: string) => (code ? nameOf(reference.departments, code, pick) : <Typography.Text type="warning">{t('admin.matrix.unset')}</Typography.Text>),
          },
          {
            title: t('admin.matrix.cooperating'),
            dataIndex: 'cooperating',
            render: (codes: string[]) =>
              codes.length ? codes.map((c) => <Tag key={c}>{nameOf(reference.departments, c, pick)}</Tag>) : <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
          },
          {
            title: t('admin.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, row) => (
              <Button size="small" onClick={() => setEditing(row)} data-testid={`edit-matrix-${row.category}`} aria-label={t('admin.matrix.editOne', { category: nameOf(reference.categories, row.category, pick) })}>
                {t('admin.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <MatrixRowModal
          row={editing}
          reference={reference}
          onClose={() => setEditing(undefined)}
          onSaved={(matrix) => {
            onChange(matrix);
            setEditing(undefined);
          }}
        />
      )}
    </>
  );
}

function MatrixRowModal({ row, reference, onClose, onSaved }: { row: MatrixRow; reference: Reference; onClose(): void; onSaved(matrix: MatrixRow[]): void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ leadDepartment: string; cooperating: string[] }>();
  const errors = useFormErrors(FIELDS);
  const [busy, setBusy] = useState(false);
  const lead = Form.useWatch('leadDepartment', form);
  const departments = codedOptions(reference.departments, pick);
  const category = nameOf(reference.categories, row.category, pick);

  const submit = async (values: { leadDepartment: string; cooperating?: string[] }) => {
    setBusy(true);
    errors.reset();
    try {
      const matrix = await api<MatrixRow[]>(`/api/cases/settings/matrix/${encodeURIComponent(row.category)}`, {
        method: 'PUT',
        json: { leadDepartment: values.leadDepartment, cooperating: (values.cooperating ?? []).filter((d) => d !== values.leadDepartment) },
      });
      message.success(t('admin.matrix.saved', { category }));
      onSaved(matrix);
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={t('admin.matrix.edit', { category })} footer={null} onCancel={onClose} mask={{ closable: false }} destroyOnHidden width={560}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed: { leadDepartment?: string }) => {
          errors.onValuesChange(changed);
          // the lead department cannot also co-operate
          if (changed.leadDepartment) form.setFieldValue('cooperating', ((form.getFieldValue('cooperating') as string[] | undefined) ?? []).filter((d) => d !== changed.leadDepartment));
        }}
        initialValues={{ leadDepartment: row.leadDepartment || undefined, cooperating: row.cooperating }}
        disabled={busy}
      >
        {errors.alert}
        <Form.Item name="leadDepartment" label={t('admin.matrix.lead')} rules={[{ required: true, message: t('admin.matrix.lead.required') }]} {...errors.item('leadDepartment')}>
          <Select data-testid="matrix-lead" showSearch={searchByLabelOrCode} options={departments} autoFocus />
        </Form.Item>
        <Form.Item name="cooperating" label={t('admin.matrix.cooperating')} extra={t('admin.matrix.cooperating.hint')} {...errors.item('cooperating')}>
          <Select mode="multiple" data-testid="matrix-cooperating" showSearch={searchByLabelOrCode} options={departments.filter((d) => d.value !== lead)} />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose} disabled={false}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="save-matrix">
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
