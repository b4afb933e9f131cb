import { Form, Input, Radio, Select } from 'antd';
import type { Role, UserView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';

type NewUser = { name: string; email: string; password: string; role: Role; locale: 'zh-CN' | 'en-US' };
const FIELDS = ['name', 'email', 'password', 'role', 'locale'] as const;

export function CreateUserDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(user: UserView): void }) {
  const { t, locale } = useI18n();
  const { api } = useSignedIn();

  return (
    <FormDialog<NewUser>
      open={open}
      title={t('users.createTitle')}
      okText={t('common.create')}
      name="create-user"
      destroyOnHidden
      requiredMark="optional"
      initialValues={{ role: 'agent', locale }}
      fields={FIELDS}
      onSubmit={async (values) => onCreated((await api.users.create(values)).user)}
      onClose={onClose}
    >
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
    </FormDialog>
  );
}
