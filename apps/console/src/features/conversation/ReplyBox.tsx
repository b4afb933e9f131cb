import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Input, Switch, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { AgentMessageView } from '@lingxi/contracts';
import type { z } from 'zod';
import type { TextAreaRef } from 'antd/es/input/TextArea.js';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { errorText } from '../../ui/errorText.ts';
import { CannedPicker } from '../canned/CannedPicker.tsx';
import { insertCanned, matchCanned, slashQuery, type Canned } from '../canned/cannedQuery.ts';
import { useInboxTexts } from '../inbox/inboxTexts.ts';
import { MentionPicker, useMentionPicker } from './MentionPicker.tsx';
import { useReplyAttachments } from './Attachments.tsx';
import { ReplyDropZone } from './ReplyDropZone.tsx';

type Message = z.infer<typeof AgentMessageView>;
export type ReplyBoxHandle = { focus(): void; toggleNote(): void; /** Puts a suggested text in the box to edit before sending. */ fill(text: string): void };
/** reply: assigned to me; notesOnly: not mine (yet); closed: over, notes only. */
export type ReplyMode = 'reply' | 'notesOnly' | 'closed';

export const ReplyBox = forwardRef<ReplyBoxHandle, { conversationId: string; mode: ReplyMode; onSent(message: Message): void }>(function ReplyBox({ conversationId, mode, onSent }, ref) {
  const { t, tryT, locale } = useI18n();
  const { api } = useSignedIn();
  const [text, setText] = useState('');
  const [slash, setSlash] = useState<{ query: string; start: number; caret: number } | null>(null);
  const [canned, setCanned] = useState<Canned[] | null>(null);
  const [active, setActive] = useState(0);
  const pickerId = useId();
  const caretTo = useRef<number | null>(null);
  const [noteChosen, setNoteChosen] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const area = useRef<TextAreaRef>(null);
  const note = noteChosen || mode !== 'reply';
  // Notes @mention colleagues: a list under "@" like the canned one under "/".
  const { t: it } = useInboxTexts();
  const mentionListId = useId();
  const mention = useMentionPicker({ enabled: note, apply: (next) => { caretTo.current = next.caret; setText(next.text); } });

  useImperativeHandle(ref, () => ({
    focus: () => area.current?.focus(),
    toggleNote: () => {
      if (mode === 'reply') setNoteChosen((v) => !v);
      area.current?.focus();
    },
    fill: (next: string) => {
      setText(next);
      setSlash(null);
      caretTo.current = next.length;
      area.current?.focus();
    },
  }));

  // The canned list is loaded the first time "/" is typed in this conversation view, then filtered here.
  useEffect(() => {
    if (!slash || canned) return;
    api.canned.list().then((r) => setCanned(r.cannedResponses), (error: unknown) => {
      setCanned([]);
      setFailure(error);
    });
  }, [slash, canned, api]);
  useEffect(() => {
    if (caretTo.current === null) return;
    const el = area.current?.resizableTextArea?.textArea;
    if (el) el.setSelectionRange(caretTo.current, caretTo.current);
    caretTo.current = null;
  }, [text]);
  const matches = slash ? matchCanned(canned ?? [], slash.query) : [];

  const choose = async (item: Canned) => {
    if (!slash) return;
    const at = slash;
    setSlash(null);
    try {
      const rendered = await api.canned.render(item.id, conversationId, locale);
      const next = insertCanned(text, at.start, at.caret, rendered.text);
      caretTo.current = next.caret;
      setText(next.text);
    } catch (error) {
      setFailure(error);
    }
    area.current?.focus();
  };

  const onChange = (value: string, caret: number) => {
    setText(value);
    const found = slashQuery(value, caret);
    setSlash(found ? { ...found, caret } : null);
    mention.update(value, caret);
    if (!found || found.query !== slash?.query) setActive(0);
  };

  const files = useReplyAttachments(conversationId);
  const send = async () => {
    const body = text.trim();
    if ((!body && files.ids.length === 0) || sending || files.uploading) return;
    setSending(true);
    setFailure(null);
    try {
      const { message } = await api.conversations.reply(conversationId, body, note, files.ids);
      setText('');
      files.clear();
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
    if (mention.onKeyDown(event, text)) return;
    if (slash) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const n = Math.max(1, matches.length);
        setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : n - 1)) % n);
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && matches[active]) {
        event.preventDefault();
        void choose(matches[active]!);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setSlash(null);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey || !event.shiftKey)) {
      event.preventDefault();
      void send();
    } else if (event.key === 'Escape') {
      (event.target as HTMLTextAreaElement).blur();
    }
  };

  return (
    <ReplyDropZone className={`lx-reply lx-canned${note ? ' note' : ''}`} onFiles={(data) => files.onPaste({ clipboardData: data, preventDefault: () => undefined })}>
      {mention.open && !slash ? <MentionPicker id={mentionListId} items={mention.matches} active={mention.active} onChoose={(person) => mention.choose(text, person)} onHover={mention.setActive} /> : null}
      {slash ? <CannedPicker id={pickerId} items={matches} active={active} loading={canned === null} onChoose={(item) => void choose(item)} onHover={setActive} /> : null}
      {failure ? <Alert type="error" showIcon closable onClose={() => setFailure(null)} title={t('conversation.sendFailed', { reason: errorText(failure, tryT) })} style={{ marginBottom: 8 }} /> : null}
      <Input.TextArea
        ref={area}
        value={text}
        onChange={(e) => onChange(e.target.value, e.target.selectionStart ?? e.target.value.length)}
        onBlur={() => {
          setSlash(null);
          mention.close();
        }}
        role="combobox"
        aria-expanded={slash !== null || mention.open}
        aria-controls={slash ? pickerId : mention.open ? mentionListId : undefined}
        aria-activedescendant={slash && matches[active] ? `${pickerId}-${active}` : mention.open && mention.matches[mention.active] ? `${mentionListId}-${mention.active}` : undefined}
        aria-autocomplete="list"
        onKeyDown={onKeyDown}
        onPaste={files.onPaste}
        autoSize={{ minRows: 2, maxRows: 8 }}
        placeholder={note ? t('conversation.notePlaceholder') : t('conversation.replyPlaceholderCanned')}
        aria-label={note ? t('conversation.internalNote') : t('conversation.send')}
        variant="borderless"
        maxLength={4000}
        data-testid="reply-box"
      />
      {files.list}
      <div className="lx-reply-bar">
        <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', fontSize: 13 }}>
          <Switch size="small" checked={note} disabled={mode !== 'reply'} onChange={setNoteChosen} aria-label={t('conversation.internalNote')} />
          {t('conversation.internalNote')}
          {note && mode === 'reply' ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>· {it('mention.hint')}</Typography.Text> : null}
          {mode === 'notesOnly' ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>· {t('conversation.acceptToReply')}</Typography.Text> : null}
          {mode === 'closed' ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>· {t('conversation.closedNoReply')}</Typography.Text> : null}
        </label>
        {files.button}
        <Button type="primary" icon={<SendOutlined />} onClick={() => void send()} loading={sending} disabled={(!text.trim() && files.ids.length === 0) || files.uploading} style={note && text.trim() ? { background: '#d48806' } : undefined}>
          {note ? t('conversation.saveNote') : t('conversation.send')}
        </Button>
      </div>
    </ReplyDropZone>
  );
});
