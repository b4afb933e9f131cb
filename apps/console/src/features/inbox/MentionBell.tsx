import { useEffect, useRef, useState } from 'react';
import { App, Badge, Button, List, Popover, Tooltip, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { MentionView } from '@lingxi/contracts';
import { useRealtimeEvents } from '../../lib/realtime.tsx';
import { useRouter } from '../../lib/router.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { ErrorState, Loading } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';
import { RelativeTime } from './RelativeTime.tsx';
import { useInboxTexts } from './inboxTexts.ts';

const conversationLink = (conversationId: string) => `/console/inbox/${encodeURIComponent(conversationId)}?tab=all`;

/** The bell in the header: notes that @mention me, unread first; a live mention pops a notification that opens the conversation. */
export function MentionBell() {
  const { t } = useInboxTexts();
  const { api } = useSignedIn();
  const { notification } = App.useApp();
  const { path, navigate } = useRouter();
  const [open, setOpen] = useState(false);
  const mentions = useResource((signal) => api.inbox.mentions({ limit: 30 }, signal), [api]);
  const unread = mentions.data?.unread ?? 0;
  const told = useRef(new Set<string>());

  const markRead = async (read: { ids?: string[]; all?: boolean }) => {
    try {
      const { unread: left } = await api.inbox.markMentionsRead(read);
      const now = new Date().toISOString();
      mentions.setData((previous) =>
        previous ? { unread: left, mentions: previous.mentions.map((m) => (read.all || read.ids?.includes(m.id) ? { ...m, readAt: m.readAt ?? now } : m)) } : previous,
      );
    } catch {
      mentions.reload();
    }
  };
  const openConversation = (conversationId: string) => {
    setOpen(false);
    navigate(conversationLink(conversationId));
  };

  // Opening a conversation reads the mentions in it.
  const openId = /^\/console\/inbox\/([^/]+)$/.exec(path)?.[1];
  useEffect(() => {
    if (!openId) return;
    const ids = (mentions.data?.mentions ?? []).filter((m) => m.conversationId === openId && !m.readAt).map((m) => m.id);
    if (ids.length > 0) void markRead({ ids });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [openId, mentions.data]);

  useRealtimeEvents(['mention.created'], (_event, payload) => {
    const parsed = MentionView.pick({ id: true, conversationId: true, excerpt: true, authorId: true }).safeParse(payload);
    if (!parsed.success || told.current.has(parsed.data.id)) return;
    told.current.add(parsed.data.id);
    mentions.reload();
    const key = `mention-${parsed.data.id}`;
    notification.info({
      key,
      title: t('mention.notifyTitle', { name: nameOf(parsed.data.authorId) ?? t('mention.someone') }),
      description: parsed.data.excerpt,
      actions: (
        <Button size="small" type="link" onClick={() => { notification.destroy(key); openConversation(parsed.data.conversationId); }}>
          {t('mention.open')}
        </Button>
      ),
      placement: 'bottomRight',
      duration: 10,
    });
  });
  const nameOf = (authorId: string | null) => mentions.data?.mentions.find((m) => m.authorId === authorId)?.authorName ?? null;

  const content = (
    <div style={{ width: 340, maxHeight: 420, overflowY: 'auto' }} data-testid="mention-list">
      {mentions.error && !mentions.data ? (
        <ErrorState compact error={mentions.error} onRetry={mentions.reload} title={t('mention.loadFailed')} />
      ) : !mentions.data ? (
        <Loading minHeight={80} />
      ) : (
        <List
          size="small"
          dataSource={mentions.data.mentions}
          locale={{ emptyText: t('mention.empty') }}
          renderItem={(m) => (
            <List.Item
              style={{ cursor: 'pointer', background: m.readAt ? undefined : '#f0f7ff', paddingInline: 8 }}
              onClick={() => {
                if (!m.readAt) void markRead({ ids: [m.id] });
                openConversation(m.conversationId);
              }}
            >
              <List.Item.Meta
                title={
                  <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                    <Typography.Text strong={!m.readAt}>{m.authorName ?? t('mention.someone')}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}><RelativeTime iso={m.createdAt} /></Typography.Text>
                  </span>
                }
                description={<Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 13 }}>{m.excerpt}</Typography.Paragraph>}
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <span style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          {t('mention.title')}
          {unread > 0 ? <Button size="small" type="link" onClick={() => void markRead({ all: true })}>{t('mention.markAllRead')}</Button> : null}
        </span>
      }
      content={content}
    >
      <Tooltip title={t('mention.bell', { n: unread })} {...(open ? { open: false } : {})}>
        <button type="button" className="lx-icon-button" aria-label={t('mention.bell', { n: unread })} data-testid="mention-bell">
          <Badge count={unread} size="small" offset={[2, -2]}>
            <BellOutlined />
          </Badge>
        </button>
      </Tooltip>
    </Popover>
  );
}
