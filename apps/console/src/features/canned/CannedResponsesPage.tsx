import { useMemo, useState } from 'react';
import { App, Button, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { errorText } from '../../ui/errorText.ts';
import { PageHead } from '../../ui/PageHead.tsx';
import { EmptyState, ErrorState } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';
import { CannedDialog } from './CannedDialog.tsx';
import { matchCanned, type Canned } from './cannedQuery.ts';

/** Settings → canned responses: what agents call up with "/" in the reply box. */
export default function CannedResponsesPage() {
  const { t, tryT } = useI18n();
  const { api, session } = useSignedIn();
  const { message } = App.useApp();
  const list = useResource((signal) => api.canned.list(undefined, signal), [api]);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Canned | 'new' | null>(null);
  const canManage = session.user.role !== 'agent';
  const rows = useMemo(() => matchCanned(list.data?.cannedResponses ?? [], filter, 10_000), [list.data, filter]);

  const saved = (item: Canned) => {
    setEditing(null);
    list.setData((previous) => {
      if (!previous) return previous;
      const others = previous.cannedResponses.filter((c) => c.id !== item.id);
      return { cannedResponses: [...others, item].sort((a, b) => a.shortcut.localeCompare(b.shortcut)) };
    });
    void message.success(t('canned.saved'));
  };
  const remove = async (item: Canned) => {
    try {
      await api.canned.remove(item.id);
      list.setData((previous) => (previous ? { cannedResponses: previous.cannedResponses.filter((c) => c.id !== item.id) } : previous));
      void message.success(t('canned.deleted'));
    } catch (error) {
      void message.error(errorText(error, tryT));
    }
  };

  return (
    <>
      <PageHead title={t('canned.title')} subtitle={t('canned.subtitle')} extra={canManage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('canned.add')}</Button> : null} />
      <div className="lx-panel" style={{ padding: 16 }}>
        {list.error && !list.data ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <>
            <Space style={{ marginBottom: 12 }} wrap>
              <Input allowClear prefix={<SearchOutlined />} placeholder={t('canned.search')} aria-label={t('canned.search')} value={filter} onChange={(e) => setFilter(e.target.value)} style={{ width: 320 }} />
              {!canManage ? <Typography.Text type="secondary">{t('canned.readOnly')}</Typography.Text> : null}
            </Space>
            <Table<Canned>
              rowKey="id"
              size="middle"
              loading={list.loading}
              dataSource={rows}
              pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              locale={{ emptyText: list.loading ? ' ' : <EmptyState compact title={t('canned.empty')} /> }}
              columns={[
                { title: t('canned.shortcut'), dataIndex: 'shortcut', width: 140, render: (s: string) => <Typography.Text code>/{s}</Typography.Text> },
                { title: t('canned.titleField'), dataIndex: 'title', width: 180 },
                { title: t('canned.textZh'), key: 'zh', ellipsis: true, render: (_, c) => c.text['zh-CN'] ?? <Typography.Text type="secondary">—</Typography.Text> },
                { title: t('canned.textEn'), key: 'en', ellipsis: true, render: (_, c) => c.text['en-US'] ?? <Typography.Text type="secondary">—</Typography.Text> },
                { title: t('canned.variables'), dataIndex: 'variables', width: 180, render: (vars: string[]) => vars.map((v) => <Tag key={v} bordered={false}>{v}</Tag>) },
                ...(canManage
                  ? [{
                      title: '', key: 'actions', width: 110,
                      render: (_: unknown, c: Canned) => (
                        <Space size={0}>
                          <Button type="text" size="small" icon={<EditOutlined />} aria-label={`${t('canned.edit')} /${c.shortcut}`} onClick={() => setEditing(c)} />
                          <Popconfirm title={t('canned.deleteConfirm', { shortcut: c.shortcut })} okText={t('canned.delete')} cancelText={t('common.cancel')} onConfirm={() => remove(c)}>
                            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`${t('canned.delete')} /${c.shortcut}`} />
                          </Popconfirm>
                        </Space>
                      ),
                    }]
                  : []),
              ]}
            />
          </>
        )}
      </div>
      {canManage ? <CannedDialog editing={editing} onClose={() => setEditing(null)} onSaved={saved} /> : null}
    </>
  );
}
