import { forwardRef, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Input, Switch, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { AgentMessageView } from '@lingxi/contracts';
import type { z } from 'zod';
import type { TextAreaRef } from 'antd/es/input/TextArea.js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { errorText } from '../../ui/errorText.ts';

type Message = z.infer<typeof AgentMessageView>;
export type ReplyBoxHandle = { focus(): void; toggleNote(): void };
/** reply: assigned to me; notesOnly: not mine (yet); closed: over, notes only. */
export type ReplyMode = 'reply' | 'notesOnly' | 'closed';

export const ReplyBox = forwardRef<ReplyBoxHandle, { conversationId: string; mode: ReplyMode; onSent(message: Message): void }>(function ReplyBox({ conversationId, mode, onSent }, ref) {
  const { t, tryT } = useI18n();
  const { api } = useSignedIn();
  const [text, setText] = useState('');
  const [noteChosen, setNoteChosen] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const area = useRef<TextAreaRef>(null);
  const note = noteChosen || mode !== 'reply';

  useImperativeHandle(ref, () => ({
    focus: () => area.current?.focus(),
    toggleNote: () => {
      if (mode === 'reply') setNoteChosen((v) => !v);
      area.current?.focus();
    },
  }));

  const send = async () => {
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    setFailure(null);
    try {
      const { message } = await api.conversations.reply(conversationId, body, note);
      setText('');
      onSent(message);
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
      area.current?.focus();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return; // an IME is choosing characters: Enter confirms them, it does not send
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey || !event.shiftKey)) {
      event.preventDefault();
      void send();
    } else if (event.key === 'Escape') {
      (event.target as HTMLTextAreaElement).blur();
    }
  };

  return (
    <div className={`lx-reply${note ? ' note' : ''}`}>
      {failure ? <Alert type="error" showIcon closable onClose={() => setFailure(null)} title={t('conversation.sendFailed', { reason: errorText(failure, tryT) })} style={{ marginBottom: 8 }} /> : null}
      <Input.TextArea
        ref={area}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        autoSize={{ minRows: 2, maxRows: 8 }}
        placeholder={note ? t('conversation.notePlaceholder') : t('conversation.replyPlaceholder')}
        aria-label={note ? t('conversation.internalNote') : t('conversation.send')}
        variant="borderless"
        maxLength={4000}
        data-testid="reply-box"
      />
      <div className="lx-reply-bar">
        <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', fontSize: 13 }}>
          <Switch size="small" checked={note} disabled={mode !== 'reply'} onChange={setNoteChosen} aria-label={t('conversation.internalNote')} />
          {t('conversation.internalNote')}
          {mode === 'notesOnly' ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>· {t('conversation.acceptToReply')}</Typography.Text> : null}
          {mode === 'closed' ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>· {t('conversation.closedNoReply')}</Typography.Text> : null}
        </label>
        <Button type="primary" icon={<SendOutlined />} onClick={() => void send()} loading={sending} disabled={!text.trim()} style={note && text.trim() ? { background: '#d48806' } : undefined}>
          {note ? t('conversation.saveNote') : t('conversation.send')}
        </Button>
      </div>
    </div>
  );
});
