import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Tag } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { applyProblems } from '../../ui/applyProblems.ts';
import { errorText } from '../../ui/errorText.ts';
import { PageHead } from '../../ui/PageHead.tsx';

type PasswordForm = { currentPassword: string; newPassword: string; confirm: string };

export default function AccountPage() {
  const { t, tryT, formatDateTime } = useI18n();
  const { api, session } = useSignedIn();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const user = session.user;

  const submit = async (values: PasswordForm) => {
    setSaving(true);
    setFailure(null);
    try {
      await api.auth.changePassword(values.currentPassword, values.newPassword);
      form.resetFields();
      void message.success(t('account.passwordChanged'));
    } catch (error) {
      applyProblems(form, error, ['currentPassword', 'newPassword'], tryT);
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHead title={t('account.title')} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: 16, maxWidth: 1000 }}>
        <Card title={t('account.profile')} size="small">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('account.name')}>{user.name}</Descriptions.Item>
            <Descriptions.Item label={t('account.email')}>{user.email}</Descriptions.Item>
            <Descriptions.Item label={t('account.role')}><Tag>{t(`role.${user.role}`)}</Tag></Descriptions.Item>
            <Descriptions.Item label={t('account.since')}>{formatDateTime(user.createdAt)}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t('account.passwordTitle')} size="small">
          <Alert type="info" showIcon title={t('account.passwordHint')} style={{ marginBottom: 16 }} />
          {failure ? <Alert type="error" showIcon title={errorText(failure, tryT)} style={{ marginBottom: 16 }} /> : null}
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={saving}>
            <Form.Item label={t('account.currentPassword')} name="currentPassword" rules={[{ required: true, message: t('problem.is required') }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item label={t('account.newPassword')} name="newPassword" rules={[{ required: true, message: t('problem.is required') }, { min: 8, message: t('problem.must be at least 8 characters') }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label={t('account.confirmPassword')}
              name="confirm"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: t('problem.is required') },
                ({ getFieldValue }) => ({ validator: (_, value) => (!value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('account.passwordMismatch')))) }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving}>{t('account.submitPassword')}</Button>
          </Form>
        </Card>
      </div>
    </>
  );
}
