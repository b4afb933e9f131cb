import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Badge, Card, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import type { AgentView, ConversationView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRealtime, useRealtimeEvents } from '../../lib/realtime.tsx';
import { Link } from '../../lib/router.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { inboxPath } from '../../paths.ts';
import { errorText } from '../../ui/errorText.ts';
import { PageHead } from '../../ui/PageHead.tsx';
import { EmptyState, ErrorState } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';
import { presenceBadge } from '../settings/AgentsPage.tsx';
import { waitText } from './waitText.ts';

const LIVE_EVENTS = ['agent.presence_changed', 'conversation.updated', 'conversation.created', 'conversation.offered'] as const;

/** Every agent with presence and load, and the queue with wait times; assign from here; live over the socket. */
export default function SupervisorPage() {
  const { t, tryT } = useI18n();
  const { api } = useSignedIn();
  const { connected } = useRealtime();
  const { message } = App.useApp();
  const floor = useResource(async (signal) => {
    const [agents, queue, assigned] = await Promise.all([api.team.agents(), api.conversations.list({ status: 'queued', limit: 200 }, signal), api.conversations.list({ status: 'assigned', limit: 200 }, signal)]);
    return { agents: agents.agents, queue: queue.conversations, assigned: assigned.conversations };
  }, [api]);
  const [now, setNow] = useState(() => Date.now());
  const [assigning, setAssigning] = useState<string | null>(null);

  // Many events can arrive together (a handoff, an offer, a presence change): reload at most every 300 ms.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useRealtimeEvents(LIVE_EVENTS, () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      floor.reload();
    }, 300);
  });
  useEffect(() => () => { if (pending.current) clearTimeout(pending.current); }, []);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const agents = floor.data?.agents ?? [];
  // The list does not always carry queue positions: fall back to the order of arrival.
  const queue = useMemo(() => [...(floor.data?.queue ?? [])].sort((a, b) => (a.queuePosition ?? 1e9) - (b.queuePosition ?? 1e9) || (a.queuedAt ?? a.createdAt).localeCompare(b.queuedAt ?? b.createdAt)), [floor.data]);
  const online = agents.filter((a) => a.status === 'online').length;

  const assign = async (conversation: ConversationView, agent: AgentView) => {
    setAssigning(conversation.id);
    try {
      await api.conversations.reassign(conversation.id, agent.userId);
      void message.success(t('supervisor.assigned', { name: agent.name }));
      floor.reload();
    } catch (error) {
      void message.error(errorText(error, tryT));
    } finally {
      setAssigning(null);
    }
  };
  const agentOptions = agents.map((a) => ({ value: a.userId, label: `${a.name} · ${t(`presence.${a.status}`)} · ${a.activeConversations}/${a.capacity}`, disabled: a.status === 'offline' }));
  const contactOf = (c: ConversationView) => c.contactName ?? `${t('inbox.unnamed')} ${c.contactId.slice(-4)}`;
  const agentName = new Map(agents.map((a) => [a.userId, a.name]));
  const assignSelect = (c: ConversationView) => (
    <Select size="small" style={{ width: 170 }} placeholder={t('supervisor.assignTo')} aria-label={`${t('supervisor.assignTo')} ${contactOf(c)}`} options={agentOptions.filter((o) => o.value !== c.assigneeId)} loading={assigning === c.id} disabled={assigning === c.id}
      showSearch optionFilterProp="label" notFoundContent={t('handover.noAgents')} value={null}
      onChange={(userId: string) => { const agent = agents.find((a) => a.userId === userId); if (agent) void assign(c, agent); }} />
  );

  if (floor.error && !floor.data) return <><PageHead title={t('supervisor.title')} subtitle={t('supervisor.subtitle')} /><div className="lx-panel"><ErrorState error={floor.error} onRetry={floor.reload} /></div></>;
  return (
    <>
      <PageHead
        title={t('supervisor.title')}
        subtitle={t('supervisor.subtitle')}
        extra={<Space>
          <Tag color="blue">{t('supervisor.onlineCount', { online, total: agents.length })}</Tag>
          {connected ? <Badge status="processing" text={t('supervisor.live')} /> : <Badge status="error" text={t('supervisor.stale')} />}
        </Space>}
      />
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1.1fr) minmax(0, 1fr)', gap: 12, alignItems: 'start' }}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          <Card size="small" title={t('supervisor.queue', { count: queue.length })} role="region" aria-label={t('supervisor.queue', { count: queue.length })}>
            <Table<ConversationView>
              rowKey="id"
              size="small"
              loading={floor.loading && !floor.data}
              dataSource={queue}
              pagination={false}
              locale={{ emptyText: floor.loading && !floor.data ? ' ' : <EmptyState compact title={t('supervisor.noQueue')} /> }}
              columns={[
                { title: t('supervisor.position'), dataIndex: 'queuePosition', width: 60, render: (p: number | null, _c, index) => p ?? index + 1 },
                { title: t('supervisor.customer'), key: 'contact', render: (_, c) => <Link to={inboxPath(c.id)}>{contactOf(c)}</Link> },
                { title: t('supervisor.trigger'), dataIndex: 'handoffTrigger', render: (trigger: ConversationView['handoffTrigger']) => (trigger ? <Tag color="orange">{t(`trigger.${trigger}`)}</Tag> : '—') },
                {
                  title: t('supervisor.waiting'), key: 'wait', width: 90,
                  render: (_, c) => {
                    const seconds = c.queuedAt ? Math.max(0, Math.round((now - Date.parse(c.queuedAt)) / 1000)) : null;
                    return seconds === null ? '—' : <span className={`lx-queue-wait${seconds >= 120 ? ' long' : ''}`}>{waitText(seconds)}</span>;
                  },
                },
                {
                  title: t('supervisor.assignTo'), key: 'assign', width: 190,
                  render: (_, c) => assignSelect(c),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('supervisor.inProgress', { count: floor.data?.assigned.length ?? 0 })} role="region" aria-label={t('supervisor.inProgress', { count: floor.data?.assigned.length ?? 0 })}>
            <Table<ConversationView>
              rowKey="id"
              size="small"
              loading={floor.loading && !floor.data}
              dataSource={floor.data?.assigned ?? []}
              pagination={(floor.data?.assigned.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              locale={{ emptyText: floor.loading && !floor.data ? ' ' : <EmptyState compact title={t('supervisor.noneInProgress')} /> }}
              columns={[
                { title: t('supervisor.customer'), key: 'contact', render: (_, c) => <Link to={inboxPath(c.id)}>{contactOf(c)}</Link> },
                { title: t('supervisor.assignee'), dataIndex: 'assigneeId', render: (id: string | null) => (id ? agentName.get(id) ?? id.slice(-4) : '—') },
                { title: t('supervisor.reassign'), key: 'reassign', width: 190, render: (_, c) => assignSelect(c) },
              ]}
            />
          </Card>
        </div>
        <Card size="small" title={t('supervisor.agents', { count: agents.length })} role="region" aria-label={t('supervisor.agents', { count: agents.length })}>
          <Table<AgentView>
            rowKey="userId"
            size="small"
            loading={floor.loading && !floor.data}
            dataSource={[...agents].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name))}
            pagination={false}
            locale={{ emptyText: floor.loading && !floor.data ? ' ' : <EmptyState compact title={t('supervisor.noAgents')} /> }}
            columns={[
              { title: t('agents.name'), dataIndex: 'name', render: (name: string, a) => <span>{name} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`role.${a.role}`)}</Typography.Text></span> },
              { title: t('agents.presence'), dataIndex: 'status', width: 90, render: (s: AgentView['status']) => <Badge status={presenceBadge[s]} text={t(`presence.${s}`)} /> },
              { title: t('supervisor.since'), dataIndex: 'statusChangedAt', width: 90, render: (at: string | null) => (at ? waitText(Math.max(0, Math.round((now - Date.parse(at)) / 1000))) : '—') },
              {
                title: t('supervisor.load'), key: 'load', width: 150,
                render: (_, a) => {
                  const full = a.capacity > 0 && a.activeConversations >= a.capacity;
                  return <Progress size="small" percent={a.capacity > 0 ? Math.round((a.activeConversations / a.capacity) * 100) : 0} status={full ? 'exception' : 'normal'} format={() => `${a.activeConversations}/${a.capacity}`} aria-label={`${t('supervisor.load')} ${a.activeConversations}/${a.capacity}`} />;
                },
              },
            ]}
          />
        </Card>
      </div>
    </>
  );
}

const order = (a: AgentView) => (a.status === 'online' ? 0 : a.status === 'away' ? 1 : 2);
