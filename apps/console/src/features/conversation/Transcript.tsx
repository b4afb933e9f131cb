import { useEffect, useRef } from 'react';
import { Tag, Typography } from 'antd';
import { LockOutlined, RobotOutlined } from '@ant-design/icons';
import type { AgentMessageView } from '@lingxi/contracts';
import type { z } from 'zod';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { EmptyState } from '../../ui/StateViews.tsx';
import { Markdown } from '../../ui/Markdown.tsx';
import { MentionText } from './MentionText.tsx';
import { MessageAttachments } from './Attachments.tsx';

type Message = z.infer<typeof AgentMessageView>;

function styleOf(m: Message): 'customer' | 'bot' | 'agent' | 'note' | 'system' {
  if (m.private || m.kind === 'note') return 'note';
  if (m.author === 'system' || m.kind === 'system') return 'system';
  return m.author === 'customer' ? 'customer' : m.author === 'bot' ? 'bot' : 'agent';
}

export function Transcript({ messages, meId }: { messages: readonly Message[]; meId: string }) {
  const { t, formatDateTime } = useI18n();
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [messages.length]);
  if (messages.length === 0) return <div className="lx-transcript"><EmptyState compact title={t('conversation.noMessages')} /></div>;
  return (
    <div className="lx-transcript" role="log" aria-live="polite" tabIndex={0}>
      {messages.map((m) => {
        const style = styleOf(m);
        const who = m.author === 'agent' && m.authorId === meId ? t('conversation.you') : t(`conversation.author.${m.author}`);
        return (
          <div key={m.id} className={`lx-msg ${style}`}>
            {style !== 'system' ? (
              <div className="lx-msg-meta">
                {style === 'bot' ? <RobotOutlined /> : null}
                {style === 'note' ? <LockOutlined /> : null}
                <span>{style === 'note' ? `${who} · ${t('conversation.internalNote')}` : who}</span>
                <time dateTime={m.createdAt}>{formatDateTime(m.createdAt).slice(-8)}</time>
                {m.author === 'bot' && typeof m.confidence === 'number' ? <Tag bordered={false} style={{ fontSize: 11, marginInlineEnd: 0 }}>{t('conversation.confidence', { value: m.confidence.toFixed(2) })}</Tag> : null}
                {m.author === 'bot' && m.kind !== 'answer' && m.kind !== 'text' ? <Tag bordered={false} color="processing" style={{ fontSize: 11 }}>{m.kind}</Tag> : null}
              </div>
            ) : null}
            {m.text || !m.attachments?.length ? <div className="lx-msg-bubble">{style === 'bot' || style === 'agent' ? <Markdown source={m.text} /> : style === 'note' ? <MentionText text={m.text} mentions={m.mentions} /> : m.text}</div> : null}
            <MessageAttachments attachments={m.attachments} />
            {m.suggestions && m.suggestions.length > 0 ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>→ {m.suggestions.join(' / ')}</Typography.Text>
            ) : null}
          </div>
        );
      })}
      <div ref={end} />
    </div>
  );
}
