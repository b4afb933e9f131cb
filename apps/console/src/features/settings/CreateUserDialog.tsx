import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import type { Role, UserView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Problem } from '../../lib/api/client.ts';
import { useSignedIn } from '../../lib/session.tsx';
import { applyProblems } from '../../ui/applyProblems.ts';
import { errorText, problemText } from '../../ui/errorText.ts';

type NewUser = { name: string; email: string; password: string; role: Role; locale: 'zh-CN' | 'en-US' };
const FIELDS = ['name', 'email', 'password', 'role', 'locale'] as const;

export function CreateUserDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(user: UserView): void }) {
  const { t, tryT, locale } = useI18n();
  const { api } = useSignedIn();
  const [form] = Form.useForm<NewUser>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; general: Problem[] } | null>(null);

  const submit = async (values: NewUser) => {
    setSaving(true);
    setFailure(null);
    try {
      const { user } = await api.users.create(values);
      form.resetFields();
      onCreated(user);
    } catch (error) {
      setFailure({ error, general: applyProblems(form, error, FIELDS, tryT) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      {failure ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={errorText(failure.error, tryT)}
          description={failure.general.length ? failure.general.map((p) => `${p.path}: ${problemText(p, tryT)}`).join('; ') : undefined}
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ role: 'agent', locale }} requiredMark="optional" name="create-user">
        <Form.Item label={t('users.name')} name="name" rules={[{ required: true, whitespace: true, message: t('problem.is required') }]}>
          <Input autoFocus maxLength={100} />
        </Form.Item>
        <Form.Item label={t('users.email')} name="email" rules={[{ required: true, message: t('problem.is required') }, { type: 'email', message: t('problem.must be an email address') }]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('users.password')} name="password" extra={t('users.passwordHelp')} rules={[{ required: true, message: t('problem.is required') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label={t('users.role')} name="role" rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={(['agent', 'supervisor', 'admin'] as const).map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item label={t('users.locale')} name="locale">
          <Select options={[{ value: 'zh-CN', label: '中文' }, { value: 'en-US', label: 'English' }]} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
