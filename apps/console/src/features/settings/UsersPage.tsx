import { useMemo, useState } from 'react';
import { App, Button, Input, Table, Tag, Typography } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { UserView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { EmptyState, ErrorState } from '../../ui/StateViews.tsx';
import { PageHead } from '../../ui/PageHead.tsx';
import { useResource } from '../../ui/useResource.ts';
import { CreateUserDialog } from './CreateUserDialog.tsx';

const roleColors = { admin: 'volcano', supervisor: 'geekblue', agent: 'green' } as const;

export default function UsersPage() {
  const { t, formatDateTime } = useI18n();
  const { api, session } = useSignedIn();
  const { message } = App.useApp();
  const users = useResource(() => api.users.list(), [api]);
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState(false);
  const canManage = session.user.role === 'admin';

  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const all = users.data?.users ?? [];
    return needle ? all.filter((u) => u.name.toLowerCase().includes(needle) || u.email.includes(needle)) : all;
  }, [users.data, filter]);

  const created = (user: UserView) => {
    setCreating(false);
    users.setData((previous) => (previous ? { users: [...previous.users, user] } : previous));
    void message.success(t('users.created.toast', { name: user.name }));
  };

  return (
    <>
      <PageHead
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={canManage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{t('users.add')}</Button> : null}
      />
      <div className="lx-panel" style={{ padding: 16 }}>
        {users.error && !users.data ? (
          <ErrorState error={users.error} onRetry={users.reload} />
        ) : (
          <>
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('users.searchPlaceholder')}
              aria-label={t('users.searchPlaceholder')}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              style={{ maxWidth: 320, marginBottom: 12 }}
            />
            <Table<UserView>
              rowKey="id"
              size="middle"
              loading={users.loading}
              dataSource={rows}
              pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              locale={{ emptyText: users.loading ? ' ' : <EmptyState compact title={t('users.empty')} /> }}
              columns={[
                { title: t('users.name'), dataIndex: 'name', render: (name: string, u) => <Typography.Text strong={u.id === session.user.id}>{name}</Typography.Text> },
                { title: t('users.email'), dataIndex: 'email' },
                { title: t('users.role'), dataIndex: 'role', width: 120, render: (role: UserView['role']) => <Tag color={roleColors[role]}>{t(`role.${role}`)}</Tag> },
                { title: t('users.locale'), dataIndex: 'locale', width: 150, render: (l: string) => (l === 'en-US' ? 'English' : '中文') },
                { title: t('users.status'), dataIndex: 'disabled', width: 100, render: (d: boolean) => (d ? <Tag>{t('users.disabled')}</Tag> : <Tag color="success">{t('users.enabled')}</Tag>) },
                { title: t('users.created'), dataIndex: 'createdAt', width: 200, render: (at: string) => formatDateTime(at) },
              ]}
            />
          </>
        )}
      </div>
      {canManage ? <CreateUserDialog open={creating} onClose={() => setCreating(false)} onCreated={created} /> : null}
    </>
  );
}
