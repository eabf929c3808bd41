import { Alert, Button, Form, Input, Modal, Result, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { loadAgencies } from '../judicial/common';
import type { Agency } from '../judicial/types';
import { useFormErrors } from './form-errors';
import { codedOptions, LIAISON_AGENCY_KINDS, ORGANISATION_KINDS, ROLE_CODES, searchByLabelOrCode, type Reference } from './reference';
import type { UserSummary } from './UsersTab';

interface NewUser {
  username: string;
  displayName: string;
  roles: string[];
  towns: string[];
  departments: string[];
  organisation?: { code: string; name: string; kind: string };
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
const FIELDS = ['username', 'displayName', 'roles', 'towns', 'departments', 'organisation.code', 'organisation.name', 'organisation.kind'];
/** Refusals of the whole request that belong to one field. */
const CODE_FIELDS = { USERNAME_TAKEN: 'username', ORGANISATION_MISMATCH: 'roles' };

/** A scope warning (not an error): an officer without towns or departments sees the whole city. */
function scopeWarning(role: string, message: string) {
  return ({ getFieldValue }: { getFieldValue(name: string): unknown }) => ({
    warningOnly: true,
    validator: (_: unknown, value?: string[]) =>
      (getFieldValue('roles') as string[] | undefined)?.includes(role) && !value?.length ? Promise.reject(new Error(message)) : Promise.resolve(),
  });
}

export function CreateUserModal({ open, reference, onClose, onCreated }: { open: boolean; reference: Reference; onClose(): void; onCreated(user: UserSummary): void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<NewUser>();
  const errors = useFormErrors(FIELDS, CODE_FIELDS);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<{ user: UserSummary; password: string }>();
  const roles = Form.useWatch('roles', form) ?? [];
  // a 行刑衔接 liaison speaks for an agency (police, procuratorate, court): its organisation is that agency
  const agencyKind = roles.map((r) => LIAISON_AGENCY_KINDS[r]).find(Boolean);
  const isOrganisation = roles.includes('organisation') && !agencyKind;
  const [agencies, setAgencies] = useState<Agency[]>([]);
  useEffect(() => {
    if (!open || !agencyKind) return;
    let live = true;
    loadAgencies().then((a) => live && setAgencies(a), () => undefined);
    return () => {
      live = false;
    };
  }, [open, agencyKind]);
  const agencyOptions = agencies.filter((a) => a.kind === agencyKind).map((a) => ({ value: a.code, label: a.name }));

  const close = () => {
    setCreated(undefined); // the initial password is not kept anywhere once the dialog closes
    errors.reset();
    form.resetFields();
    onClose();
  };

  const submit = async (values: NewUser) => {
    setBusy(true);
    errors.reset();
    try {
      const agency = agencyKind ? agencies.find((a) => a.code === values.organisation?.code && a.kind === agencyKind) : undefined;
      const body = {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        roles: values.roles,
        towns: values.towns ?? [],
        departments: values.departments ?? [],
        ...(agency
          ? { organisation: { code: agency.code, name: agency.name, kind: agencyKind } }
          : values.roles.includes('organisation') && values.organisation
            ? { organisation: { code: values.organisation.code.trim(), name: values.organisation.name.trim(), kind: values.organisation.kind } }
            : {}),
      };
      const answer = await api<{ user: UserSummary; password: string }>('/api/admin/users', { json: body });
      setCreated(answer);
      onCreated(answer.user);
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={created ? t('admin.users.created.title') : t('admin.users.create.title')}
      footer={null}
      onCancel={close}
      mask={{ closable: false }}
      destroyOnHidden
      width={640}
    >
      {created ? (
        <div>
          <Result
            status="success"
            title={t('admin.users.created', { name: created.user.displayName, username: created.user.username })}
            style={{ paddingBlock: 16 }}
          />
          <Alert type="warning" showIcon title={t('admin.users.password.once')} description={t('admin.users.password.hand')} />
          <div style={{ margin: '16px 0', textAlign: 'center' }}>
            <Typography.Text type="secondary">{t('admin.users.password.label')}</Typography.Text>
            <div>
              <Typography.Text code copyable={{ text: created.password }} style={{ fontSize: 20 }}>
                <span data-testid="initial-password">{created.password}</span>
              </Typography.Text>
            </div>
          </div>
          <div style={{ textAlign: 'right' }}>
            <Button type="primary" onClick={close} autoFocus>
              {t('admin.users.password.done')}
            </Button>
          </div>
        </div>
      ) : (
        <Form<NewUser>
          form={form}
          layout="vertical"
          onFinish={submit}
          onValuesChange={errors.onValuesChange}
          initialValues={{ roles: [], towns: [], departments: [] }}
          disabled={busy}
        >
          {errors.alert}
          <Form.Item
            name="username"
            label={t('admin.users.username')}
            extra={t('admin.users.username.hint')}
            rules={[
              { required: true, message: t('admin.users.username.required') },
              { pattern: USERNAME, message: t('admin.users.username.pattern') },
            ]}
            {...errors.item('username')}
          >
            <Input data-testid="new-username" autoComplete="off" spellCheck={false} autoFocus />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('admin.users.displayName')}
            rules={[
              { required: true, whitespace: true, message: t('admin.users.displayName.required') },
              { max: 50, message: t('admin.tooLong', { max: 50 }) },
            ]}
            {...errors.item('displayName')}
          >
            <Input data-testid="new-display-name" autoComplete="off" />
          </Form.Item>
          <Form.Item name="roles" label={t('admin.users.roles')} rules={[{ required: true, message: t('admin.users.roles.required') }]} {...errors.item('roles')}>
            <Select
              mode="multiple"
              data-testid="new-roles"
              showSearch={{ optionFilterProp: 'label' }}
              options={ROLE_CODES.map((code) => ({ value: code, label: t(`admin.role.${code}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="towns"
            label={t('admin.users.towns')}
            extra={t('admin.users.towns.hint')}
            dependencies={['roles']}
            rules={[scopeWarning('town-officer', t('admin.users.towns.warn'))]}
            {...errors.item('towns')}
          >
            <Select mode="multiple" data-testid="new-towns" showSearch={searchByLabelOrCode} options={codedOptions(reference.towns, pick)} />
          </Form.Item>
          <Form.Item
            name="departments"
            label={t('admin.users.departments')}
            extra={t('admin.users.departments.hint')}
            dependencies={['roles']}
            rules={[scopeWarning('department-officer', t('admin.users.departments.warn'))]}
            {...errors.item('departments')}
          >
            <Select mode="multiple" data-testid="new-departments" showSearch={searchByLabelOrCode} options={codedOptions(reference.departments, pick)} />
          </Form.Item>
          {agencyKind && (
            <Form.Item
              name={['organisation', 'code']}
              label={t('admin.users.agency')}
              extra={agencyOptions.length ? t('admin.users.agency.hint') : t('admin.users.agency.none')}
              rules={[{ required: true, message: t('admin.users.agency.required') }]}
              {...errors.item('organisation')}
            >
              <Select data-testid="new-agency" options={agencyOptions} />
            </Form.Item>
          )}
          {isOrganisation && (
            <fieldset style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 16px 0', marginBottom: 16 }}>
              <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', marginBottom: 0, border: 0 }}>{t('admin.users.organisation')}</legend>
              <Form.Item
                name={['organisation', 'name']}
                label={t('admin.users.organisation.name')}
                rules={[{ required: true, whitespace: true, message: t('admin.users.organisation.name.required') }]}
                {...errors.item('organisation.name')}
              >
                <Input data-testid="new-organisation-name" />
              </Form.Item>
              <Form.Item
                name={['organisation', 'code']}
                label={t('admin.users.organisation.code')}
                extra={t('admin.users.organisation.code.hint')}
                rules={[{ required: true, whitespace: true, message: t('admin.users.organisation.code.required') }]}
                {...errors.item('organisation.code')}
              >
                <Input data-testid="new-organisation-code" spellCheck={false} />
              </Form.Item>
              <Form.Item
                name={['organisation', 'kind']}
                label={t('admin.users.organisation.kind')}
                rules={[{ required: true, message: t('admin.users.organisation.kind.required') }]}
                {...errors.item('organisation.kind')}
              >
                <Select data-testid="new-organisation-kind" options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`admin.orgKind.${kind}`) }))} />
              </Form.Item>
            </fieldset>
          )}
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            <Button onClick={close} disabled={false}>
              {t('common.cancel')}
            </Button>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="save-user">
              {t('admin.users.save')}
            </Button>
          </Space>
        </Form>
      )}
    </Modal>
  );
}
