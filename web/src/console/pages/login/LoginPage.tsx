import { Button, Card, Form, Input, Segmented, Typography, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../../shared/api';
import { useI18n, type Locale } from '../../../shared/i18n';
import { useSession } from '../../session';
import { useFormErrors } from '../admin/form-errors';

interface Credentials {
  username: string;
  password: string;
}

const FIELDS = ['username', 'password'];

/** Where to go after signing in: the page the user came from (a console path), else the dashboard. */
function destination(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export default function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const { session, signIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Credentials>();
  const errors = useFormErrors(FIELDS);
  const [busy, setBusy] = useState(false);
  const password = useRef<InputRef>(null);
  const target = destination(location.state);

  if (session && !busy) return <Navigate to={target} replace />;

  const submit = async ({ username, password: secret }: Credentials) => {
    setBusy(true);
    errors.reset();
    try {
      await signIn(username.trim(), secret);
      navigate(target, { replace: true });
    } catch (error) {
      errors.fail(error);
      if (error instanceof ApiError && error.code === 'BAD_CREDENTIALS') {
        form.setFieldValue('password', '');
        password.current?.focus();
      }
      setBusy(false);
    }
  };

  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #e7f3ec 0%, #f5f7f6 60%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
          <Segmented<Locale>
            size="small"
            aria-label={t('login.language')}
            value={locale}
            onChange={(value) => setLocale(value)}
            options={[
              { value: 'zh-CN', label: t('login.language.zh') },
              { value: 'en', label: t('login.language.en') },
            ]}
          />
        </div>
        <Typography.Title level={1} style={{ textAlign: 'center', marginTop: 0, marginBottom: 4, fontSize: 22, color: '#0f7b4f' }}>
          {t('app.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('login.heading')}
        </Typography.Paragraph>
        {errors.alert}
        <Form<Credentials>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          onValuesChange={errors.onValuesChange}
          disabled={busy}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.username.required') }, { max: 64, message: t('login.tooLong', { max: 64 }) }]}
            {...errors.item('username')}
          >
            <Input data-testid="username" autoComplete="username" autoFocus autoCapitalize="none" spellCheck={false} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.password.required') }, { max: 256, message: t('login.tooLong', { max: 256 }) }]}
            {...errors.item('password')}
          >
            <Input.Password data-testid="password" autoComplete="current-password" ref={password} />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" block loading={busy} data-testid="sign-in">
              {t('login.signIn')}
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
          {t('login.hint')}
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
