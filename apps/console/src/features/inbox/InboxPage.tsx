import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Badge, Select, Tabs, Tag, Typography } from 'antd';
import { ConversationStatus, type ConversationView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isApiError } from '../../lib/api/client.ts';
import { useRealtimeEvents } from '../../lib/realtime.tsx';
import { useRouter } from '../../lib/router.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import type { ScreenProps } from '../../paths.ts';
import { useShortcuts } from '../../ui/keyboard.ts';
import { EmptyState, ErrorState, Loading } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';
import { conversationIdOf, INBOX_TABS, listQuery, parseTab, stepSelection, type InboxTab } from './inboxModel.ts';
import { RelativeTime } from './RelativeTime.tsx';

const ConversationPane = lazy(() => import('../conversation/ConversationPane.tsx'));
const statusColors: Record<ConversationView['status'], string> = { bot: 'default', queued: 'orange', assigned: 'blue', resolved: 'green', closed: 'default', pending: 'purple' };

export default function InboxPage({ params }: ScreenProps) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const { search, navigate } = useRouter();
  const tab = parseTab(search.get('tab'));
  const statusParam = ConversationStatus.safeParse(search.get('status'));
  const status = statusParam.success ? statusParam.data : undefined;
  const selected = params.id;
  const list = useResource((signal) => api.conversations.list({ ...listQuery(tab, status), limit: 100 }, signal), [api, tab, status]);
  const conversations = list.data?.conversations ?? [];
  const suffix = `?${new URLSearchParams({ tab, ...(status ? { status } : {}) }).toString()}`;
  const open = useCallback((id: string | undefined) => id && navigate(`/console/inbox/${id}${suffix}`), [navigate, suffix]);

  // Conversations with customer messages not seen yet; opening one clears it.
  const [unread, setUnread] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    if (selected) setUnread((previous) => (previous.has(selected) ? new Set([...previous].filter((id) => id !== selected)) : previous));
  }, [selected]);
  useEffect(() => {
    const base = document.title.replace(/^\(\d+\) /, '');
    document.title = unread.size > 0 ? `(${unread.size}) ${base}` : base;
  }, [unread]);
  useEffect(() => () => void (document.title = document.title.replace(/^\(\d+\) /, '')), []);

  // Live: a burst of events becomes one list refresh.
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useRealtimeEvents(['conversation.updated', 'conversation.created', 'message.created'], (event, payload) => {
    const about = conversationIdOf(payload);
    if (event === 'message.created' && about && about !== selected && (payload as { author?: unknown }).author === 'customer') {
      setUnread((previous) => (previous.has(about) ? previous : new Set([...previous, about])));
    }
    if (refreshTimer.current) return;
    refreshTimer.current = setTimeout(() => {
      refreshTimer.current = null;
      list.reload();
    }, 400);
  });
  useEffect(() => () => void (refreshTimer.current && clearTimeout(refreshTimer.current)), []);

  const ids = conversations.map((c) => c.id);
  useShortcuts({ j: () => open(stepSelection(ids, selected, 1)), k: () => open(stepSelection(ids, selected, -1)) });
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected, conversations.length]);

  const setFilter = (next: { tab?: InboxTab; status?: string | undefined }) => {
    const query = new URLSearchParams();
    query.set('tab', next.tab ?? tab);
    const nextStatus = 'status' in next ? next.status : status;
    if (nextStatus && (next.tab ?? tab) !== 'unassigned') query.set('status', nextStatus);
    navigate(`/console/inbox${selected ? `/${selected}` : ''}?${query}`, { replace: true });
  };

  const unavailable = isApiError(list.error) && list.error.status === 404 && list.error.code === 'NOT_FOUND';
  const emptyText = tab === 'mine' ? t('inbox.emptyMine') : tab === 'unassigned' ? t('inbox.emptyUnassigned') : t('inbox.empty');

  return (
    <div className="lx-inbox">
      <section className="lx-panel lx-inbox-list" aria-label={t('inbox.list')}>
        <div className="lx-inbox-list-head">
          <Tabs
            size="small"
            activeKey={tab}
            onChange={(key) => setFilter({ tab: key as InboxTab })}
            items={INBOX_TABS.map((key) => ({ key, label: t(`inbox.tab.${key}`) }))}
            tabBarExtraContent={
              tab !== 'unassigned' ? (
                <Select
                  size="small"
                  allowClear
                  aria-label={t('inbox.filterStatus')}
                  placeholder={t('inbox.filterStatus')}
                  value={status}
                  onChange={(value: string | undefined) => setFilter({ status: value })}
                  style={{ width: 110 }}
                  options={ConversationStatus.options.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                />
              ) : null
            }
          />
        </div>
        {list.error && !list.data ? (
          unavailable ? <EmptyState compact title={t('inbox.notAvailable')} /> : <ErrorState compact error={list.error} onRetry={list.reload} />
        ) : list.loading && !list.data ? (
          <Loading />
        ) : conversations.length === 0 ? (
          <EmptyState compact title={emptyText} />
        ) : (
          <ul className="lx-inbox-items" ref={listRef}>
            {conversations.map((c) => (
              <li key={c.id}>
                <a
                  href={`/console/inbox/${c.id}${suffix}`}
                  className="lx-inbox-item"
                  aria-current={c.id === selected ? 'true' : undefined}
                  onClick={(e) => {
                    if (e.ctrlKey || e.metaKey || e.button !== 0) return;
                    e.preventDefault();
                    open(c.id);
                  }}
                >
                  <div className="lx-inbox-item-top">
                    <span className="lx-inbox-item-name" style={unread.has(c.id) ? { fontWeight: 700 } : undefined}>
                      {unread.has(c.id) ? <Badge status="processing" aria-label={t('inbox.unread')} style={{ marginInlineEnd: 6 }} /> : null}
                      {c.contactName ?? `${t('inbox.unnamed')} ${c.contactId.slice(-4)}`}
                    </span>
                    <Typography.Text type="secondary" style={{ fontSize: 12, flexShrink: 0 }}>
                      <RelativeTime iso={c.lastMessageAt ?? c.createdAt} />
                    </Typography.Text>
                  </div>
                  <div className="lx-inbox-item-meta">
                    <Tag color={statusColors[c.status]} style={{ marginInlineEnd: 0 }}>{t(`status.${c.status}`)}</Tag>
                    {c.handoffTrigger ? <span>{t(`trigger.${c.handoffTrigger}`)}</span> : null}
                    {c.status === 'queued' && c.queuePosition ? <Badge color="orange" text={<span style={{ fontSize: 12 }}>{t('inbox.queuePosition', { n: c.queuePosition })}</span>} /> : null}
                    <span>· {c.channel}</span>
                  </div>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      {selected ? (
        <Suspense fallback={<div className="lx-panel"><Loading minHeight={400} /></div>}>
          <ConversationPane key={selected} id={selected} onChanged={list.reload} />
        </Suspense>
      ) : (
        <div className="lx-panel" style={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <EmptyState title={t('inbox.pick')} action={<Typography.Text type="secondary">{t('inbox.pickHint')}</Typography.Text>} />
        </div>
      )}
    </div>
  );
}
