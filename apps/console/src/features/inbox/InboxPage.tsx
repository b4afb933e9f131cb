import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Badge, Button, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ConversationView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isApiError } from '../../lib/api/client.ts';
import { useRealtimeEvents } from '../../lib/realtime.tsx';
import { useRouter } from '../../lib/router.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import type { ScreenProps } from '../../paths.ts';
import { useShortcuts } from '../../ui/keyboard.ts';
import { EmptyState, ErrorState, Loading } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';
import { dispositionLabel, useDispositions } from '../conversation/dispositions.ts';
import { conversationIdOf, filtersToSearch, hasNarrowing, INBOX_TABS, listQuery, parseFilters, rowOutcome, stepSelection, type InboxFilters, type InboxTab } from './inboxModel.ts';
import { InboxFilterBar, type InboxFilterBarHandle } from './InboxFilterBar.tsx';
import { useInboxTexts } from './inboxTexts.ts';
import { RelativeTime } from './RelativeTime.tsx';

const ConversationPane = lazy(() => import('../conversation/ConversationPane.tsx'));
const statusColors: Record<ConversationView['status'], string> = { bot: 'default', queued: 'orange', assigned: 'blue', resolved: 'green', closed: 'default', pending: 'purple' };

export default function InboxPage({ params }: ScreenProps) {
  const { t, locale } = useI18n();
  const { t: it } = useInboxTexts();
  const dispositions = useDispositions();
  const labelOf = (key: string) => dispositionLabel(dispositions.data?.dispositions, key, locale);
  const { api } = useSignedIn();
  const { search, navigate } = useRouter();
  const filters = parseFilters(search);
  const { tab } = filters;
  const selected = params.id;
  const query = filtersToSearch(filters);
  const list = useResource((signal) => api.conversations.list({ ...listQuery(parseFilters(new URLSearchParams(query))), limit: 100 }, signal), [api, query]);
  const conversations = list.data?.conversations ?? [];
  const suffix = `?${query}`;
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
  useRealtimeEvents(['conversation.updated', 'conversation.created', 'message.created', 'conversation.tagged'], (event, payload) => {
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
  const filterBar = useRef<InboxFilterBarHandle>(null);
  useShortcuts({ j: () => open(stepSelection(ids, selected, 1)), k: () => open(stepSelection(ids, selected, -1)), '/': () => filterBar.current?.focusSearch() });
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    listRef.current?.querySelector('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected, conversations.length]);

  // Filters live in the URL (a reload or a shared link shows the same list); the current one is read at call time.
  const current = useRef(filters);
  current.current = filters;
  const setFilter = useCallback(
    (change: Partial<InboxFilters>) => {
      const next = filtersToSearch({ ...current.current, ...change });
      navigate(`/console/inbox${selected ? `/${selected}` : ''}?${next}`, { replace: true });
    },
    [navigate, selected],
  );

  const unavailable = isApiError(list.error) && list.error.status === 404 && list.error.code === 'NOT_FOUND';
  const narrowed = hasNarrowing(filters);
  const emptyText = narrowed ? it('inbox.noMatch') : tab === 'mine' ? t('inbox.emptyMine') : tab === 'unassigned' ? t('inbox.emptyUnassigned') : tab === 'team' ? it('inbox.emptyTeam') : t('inbox.empty');

  return (
    <div className="lx-inbox">
      <section className="lx-panel lx-inbox-list" aria-label={t('inbox.list')}>
        <div className="lx-inbox-list-head">
          <Tabs
            size="small"
            activeKey={tab}
            onChange={(key) => setFilter({ tab: key as InboxTab })}
            items={INBOX_TABS.map((key) => ({ key, label: key === 'team' ? it('inbox.tab.team') : t(`inbox.tab.${key}`) }))}
          />
          <InboxFilterBar ref={filterBar} filters={filters} onChange={setFilter} />
        </div>
        {list.error && !list.data ? (
          unavailable ? <EmptyState compact title={t('inbox.notAvailable')} /> : <ErrorState compact error={list.error} onRetry={list.reload} />
        ) : list.loading && !list.data ? (
          <Loading />
        ) : conversations.length === 0 ? (
          <EmptyState
            compact
            title={emptyText}
            action={
              narrowed ? (
                <>
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{it('inbox.noMatchHint')}</Typography.Paragraph>
                  <Button size="small" onClick={() => setFilter({ status: undefined, channel: undefined, tag: undefined, emotion: undefined, q: undefined })}>{it('inbox.clearFilters')}</Button>
                </>
              ) : undefined
            }
          />
        ) : (
          <ul className="lx-inbox-items" ref={listRef}>
            {conversations.map((c) => {
              const outcome = rowOutcome(c, labelOf);
              return (
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
                      {outcome.disposition ? <Tag color="green" bordered={false} style={{ fontSize: 11, marginInlineEnd: 0 }} title={it('resolve.disposition.label', { label: outcome.disposition })} data-testid="inbox-disposition">{outcome.disposition}</Tag> : null}
                      {outcome.tags.map((tag) => <Tag key={tag} bordered={false} style={{ fontSize: 11, marginInlineEnd: 0 }}>{tag}</Tag>)}
                      {outcome.moreTags.length ? (
                        <Tooltip title={outcome.moreTags.join(' · ')}>
                          <Tag bordered={false} style={{ fontSize: 11, marginInlineEnd: 0 }}>+{outcome.moreTags.length}</Tag>
                        </Tooltip>
                      ) : null}
                    </div>
                  </a>
                </li>
              );
            })}
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
