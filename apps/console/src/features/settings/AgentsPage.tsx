import { useMemo, useState } from 'react';
import { App, Badge, Button, Input, Table, Tag, Typography } from 'antd';
import { EditOutlined, SearchOutlined } from '@ant-design/icons';
import type { AgentView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { PageHead } from '../../ui/PageHead.tsx';
import { EmptyState, ErrorState } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';
import { AgentDialog } from './AgentDialog.tsx';

export const presenceBadge = { online: 'success', away: 'warning', offline: 'default' } as const;

/** Settings → agents: capacity, skills with levels, languages and teams that routing matches on. */
export default function AgentsPage() {
  const { t } = useI18n();
  const { api, session } = useSignedIn();
  const { message } = App.useApp();
  const canManage = session.user.role === 'admin';
  const data = useResource(async () => {
    const [agents, teams] = await Promise.all([api.team.agents(), api.team.teams()]);
    return { agents: agents.agents, teams: teams.teams };
  }, [api]);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<AgentView | null>(null);
  const teamName = useMemo(() => new Map((data.data?.teams ?? []).map((team) => [team.id, team.name])), [data.data]);
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const all = data.data?.agents ?? [];
    return needle ? all.filter((a) => a.name.toLowerCase().includes(needle) || a.email.toLowerCase().includes(needle)) : all;
  }, [data.data, filter]);

  const saved = (agent: AgentView) => {
    setEditing(null);
    data.setData((previous) => (previous ? { ...previous, agents: previous.agents.map((a) => (a.userId === agent.userId ? agent : a)) } : previous));
    void message.success(t('agents.saved', { name: agent.name }));
  };

  return (
    <>
      <PageHead title={t('agents.title')} subtitle={t('agents.subtitle')} />
      <div className="lx-panel" style={{ padding: 16 }}>
        {data.error && !data.data ? (
          <ErrorState error={data.error} onRetry={data.reload} />
        ) : (
          <>
            <Input allowClear prefix={<SearchOutlined />} placeholder={t('agents.search')} aria-label={t('agents.search')} value={filter} onChange={(e) => setFilter(e.target.value)} style={{ maxWidth: 320, marginBottom: 12 }} />
            <Table<AgentView>
              rowKey="userId"
              size="middle"
              loading={data.loading}
              dataSource={rows}
              pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              locale={{ emptyText: data.loading ? ' ' : <EmptyState compact title={t('agents.empty')} /> }}
              columns={[
                { title: t('agents.name'), dataIndex: 'name', render: (name: string, a) => <span><Typography.Text strong>{name}</Typography.Text><br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.email} · {t(`role.${a.role}`)}</Typography.Text></span> },
                { title: t('agents.presence'), dataIndex: 'status', width: 100, render: (s: AgentView['status']) => <Badge status={presenceBadge[s]} text={t(`presence.${s}`)} /> },
                { title: t('agents.load'), key: 'load', width: 100, render: (_, a) => `${a.activeConversations} / ${a.capacity}` },
                { title: t('agents.skills'), dataIndex: 'skills', render: (skills: AgentView['skills']) => Object.entries(skills).map(([skill, level]) => <Tag key={skill} color="blue">{skill} · {level}</Tag>) },
                { title: t('agents.languages'), dataIndex: 'languages', width: 150, render: (ls: string[]) => ls.map((l) => <Tag key={l}>{l === 'en-US' ? 'English' : '中文'}</Tag>) },
                { title: t('agents.teams'), dataIndex: 'teamIds', render: (ids: string[]) => ids.map((id) => <Tag key={id} color="purple">{teamName.get(id) ?? id.slice(-4)}</Tag>) },
                ...(canManage ? [{ title: '', key: 'edit', width: 90, render: (_: unknown, a: AgentView) => <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(a)} aria-label={`${t('agents.edit')} ${a.name}`}>{t('agents.edit')}</Button> }] : []),
              ]}
            />
          </>
        )}
      </div>
      {canManage ? <AgentDialog agent={editing} teams={data.data?.teams ?? []} onClose={() => setEditing(null)} onSaved={saved} /> : null}
    </>
  );
}
