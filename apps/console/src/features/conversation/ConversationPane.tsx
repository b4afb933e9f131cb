import { useCallback, useRef, useState } from 'react';
import { App, Button, Space, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, LoginOutlined } from '@ant-design/icons';
import { AgentMessageView } from '@lingxi/contracts';
import type { z } from 'zod';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRealtimeEvents } from '../../lib/realtime.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { errorText } from '../../ui/errorText.ts';
import { useShortcuts } from '../../ui/keyboard.ts';
import { ErrorState, Loading } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';
import { conversationIdOf, mergeMessages } from '../inbox/inboxModel.ts';
import { AssistPanel } from '../assist/AssistPanel.tsx';
import { ContactCard } from './ContactCard.tsx';
import { ConversationTags } from './ConversationTags.tsx';
import { PeopleProvider } from './people.tsx';
import { ResolveDialog } from './ResolveDialog.tsx';
import { CsatBadge } from './CsatBadge.tsx';
import { HandoffPanel } from './HandoffPanel.tsx';
import { HandoverActions } from './HandoverActions.tsx';
import { ReplyBox, type ReplyBoxHandle } from './ReplyBox.tsx';
import { Transcript } from './Transcript.tsx';

type Message = z.infer<typeof AgentMessageView>;

export default function ConversationPane({ id, onChanged }: { id: string; onChanged(): void }) {
  const { t, tryT } = useI18n();
  const { api, session } = useSignedIn();
  const { message } = App.useApp();
  const detail = useResource((signal) => api.conversations.get(id, signal), [api, id]);
  const [acting, setActing] = useState<'accept' | 'resolve' | null>(null);
  const [joined, setJoined] = useState(false);
  const [resolving, setResolving] = useState(false);
  const reply = useRef<ReplyBoxHandle>(null);

  const addMessages = useCallback(
    (incoming: Message[]) => detail.setData((previous) => (previous ? { ...previous, messages: mergeMessages(previous.messages, incoming) } : previous)),
    [detail],
  );

  // A message event that carries the message is merged in place; anything else about this conversation reloads it.
  useRealtimeEvents(['message.created', 'conversation.updated', 'conversation.tagged'], (event, payload) => {
    if (conversationIdOf(payload) !== id) return;
    if (event === 'message.created') {
      const candidate = (payload as { message?: unknown }).message ?? payload;
      const parsed = AgentMessageView.safeParse(candidate);
      if (parsed.success) return addMessages([parsed.data]);
    }
    detail.reload();
  });

  const act = async (kind: 'accept' | 'resolve') => {
    setActing(kind);
    try {
      const { conversation } = kind === 'accept' ? await api.conversations.accept(id) : await api.conversations.resolve(id);
      detail.setData((previous) => (previous ? { ...previous, conversation } : previous));
      void message.success(t(kind === 'accept' ? 'conversation.accepted' : 'conversation.resolved'));
      onChanged();
      if (kind === 'accept') reply.current?.focus();
    } catch (error) {
      void message.error(errorText(error, tryT));
      detail.reload();
    } finally {
      setActing(null);
    }
  };

  const data = detail.data;
  const conversation = data?.conversation;
  const mine = conversation?.assigneeId === session.user.id;
  const canAccept = conversation ? conversation.status === 'queued' || (conversation.status === 'assigned' && !mine && session.user.role !== 'agent') : false;
  const canResolve = conversation ? conversation.status === 'assigned' && (mine || session.user.role !== 'agent') : false;
  useShortcuts({
    r: () => reply.current?.focus(),
    n: () => reply.current?.toggleNote(),
    a: () => canAccept && !acting && void act('accept'),
    e: () => canResolve && !acting && setResolving(true),
  });

  if (detail.error && !data) return <div className="lx-panel"><ErrorState error={detail.error} onRetry={detail.reload} title={t('conversation.loadFailed')} /></div>;
  if (!data || !conversation) return <div className="lx-panel"><Loading minHeight={400} /></div>;

  const lastCustomerMessage = data.messages.findLast((m) => m.author === 'customer')?.id ?? null;
  const name = data.contact.name ?? conversation.contactName ?? `${t('inbox.unnamed')} ${conversation.contactId.slice(-4)}`;
  const replyMode = (mine || joined) && conversation.status === 'assigned' ? 'reply' : conversation.status === 'resolved' || conversation.status === 'closed' ? 'closed' : 'notesOnly';

  return (
    <PeopleProvider>
      <div className="lx-conversation">
        <section className="lx-panel lx-thread" aria-label={t('conversation.transcript')}>
          <header className="lx-thread-head">
            <Space size={8} wrap>
              <Typography.Title level={5} style={{ margin: 0 }}>{name}</Typography.Title>
              <Tag>{t(`status.${conversation.status}`)}</Tag>
              {data.contact.vip ? <Tag color="gold">{t('conversation.vip')}</Tag> : null}
              <CsatBadge conversationId={id} csat={data.csat} />
            </Space>
            <Space>
              <HandoverActions
                conversation={conversation}
                onChanged={(next) => {
                  detail.setData((previous) => (previous ? { ...previous, conversation: next } : previous));
                  onChanged();
                }}
                onJoined={() => setJoined(true)}
              />
              {canAccept ? (
                <Tooltip title="a">
                  <Button type="primary" icon={<LoginOutlined />} loading={acting === 'accept'} onClick={() => void act('accept')}>{t('conversation.accept')}</Button>
                </Tooltip>
              ) : null}
              {canResolve ? (
                <Tooltip title="e">
                  <Button icon={<CheckCircleOutlined />} loading={acting === 'resolve'} onClick={() => setResolving(true)} data-testid="resolve-button">{t('conversation.resolve')}</Button>
                </Tooltip>
              ) : null}
            </Space>
          </header>
          <div style={{ padding: '6px 16px', borderBottom: '1px solid #f0f0f0' }}>
            <ConversationTags conversation={conversation} onChanged={(next) => detail.setData((previous) => (previous ? { ...previous, conversation: next } : previous))} />
          </div>
          {data.handoff ? <HandoffPanel handoff={data.handoff} /> : null}
          <Transcript messages={data.messages} meId={session.user.id} />
          <ReplyBox ref={reply} conversationId={id} mode={replyMode} onSent={(m) => addMessages([m])} />
        </section>
        <aside className="lx-side" aria-label={t('conversation.contact')}>
          <AssistPanel conversationId={id} forMessage={lastCustomerMessage} canUse={replyMode === 'reply'} onUse={(text) => reply.current?.fill(text)} />
          <ContactCard contact={data.contact} conversation={conversation} pastConversations={data.handoff?.pastConversations ?? null} />
        </aside>
        <ResolveDialog
          conversation={conversation}
          open={resolving}
          onClose={() => setResolving(false)}
          onResolved={(next) => {
            setResolving(false);
            detail.setData((previous) => (previous ? { ...previous, conversation: next } : previous));
            void message.success(t('conversation.resolved'));
            onChanged();
            detail.reload();
          }}
        />
      </div>
    </PeopleProvider>
  );
}
