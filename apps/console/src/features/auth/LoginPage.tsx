import { useState } from 'react';
import { Alert, Button, Form, Input, Segmented, Typography } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Locale } from '../../i18n/translate.ts';
import { problemsForForm } from '../../lib/api/formProblems.ts';
import { isApiError } from '../../lib/api/client.ts';
import { useSession } from '../../lib/session.tsx';
import { errorText, problemText } from '../../ui/errorText.ts';
import { BrandMark } from '../../ui/BrandMark.tsx';

type LoginForm = { email: string; password: string };

export function LoginPage() {
  const { t, tryT, locale, setLocale } = useI18n();
  const { api, signIn, endedBecause } = useSession();
  const [form] = Form.useForm<LoginForm>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async (values: LoginForm) => {
    setSubmitting(true);
    setFailure(null);
    try {
      const result = await api.auth.login(values.email, values.password);
      signIn({ token: result.token, user: result.user, expiresAt: result.expiresAt });
    } catch (error) {
      setFailure(error);
      if (isApiError(error)) {
        const { fields } = problemsForForm(error.problems, ['email', 'password']);
        form.setFields(fields.map((f) => ({ name: f.name as never, errors: f.errors.map((m) => problemText({ message: m }, tryT)) })));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <main className="lx-login">
      <div className="lx-login-lang">
        <Segmented<Locale>
          size="small"
          aria-label={t('header.language')}
          value={locale}
          onChange={setLocale}
          options={[
            { label: '中文', value: 'zh-CN' },
            { label: 'English', value: 'en-US' },
          ]}
        />
      </div>
      {/* A plain panel rather than antd's Card, which would pull Tabs into the first download. */}
      <section className="lx-login-card" aria-labelledby="login-title">
        <div className="lx-login-brand">
          <BrandMark size={40} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }} id="login-title">{t('login.title')}</Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </div>
        </div>
        {endedBecause && !failure ? <Alert type="info" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} /> : null}
        {failure ? <Alert type="error" showIcon title={errorText(failure, tryT)} style={{ marginBottom: 16 }} role="alert" /> : null}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={submitting}>
          <Form.Item label={t('login.email')} name="email" rules={[{ required: true, message: t('problem.is required') }, { type: 'email', message: t('problem.must be an email address') }]}>
            <Input prefix={<MailOutlined />} autoComplete="username" autoFocus placeholder={t('login.emailPlaceholder')} size="large" inputMode="email" />
          </Form.Item>
          <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('problem.is required') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
            {t('login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('login.footer')}
        </Typography.Paragraph>
      </section>
    </main>
  );
}
