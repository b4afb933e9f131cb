/** @jsxImportSource preact */
import { useEffect, useRef } from 'preact/hooks';
import type { Chat, ChatState } from './chat.ts';
import { AttachmentList } from './Attachments.tsx';
import { formatSize } from './attachments.ts';
import type { Locale, Messages } from './i18n.ts';
import { Check, ThumbDown, ThumbUp } from './icons.tsx';
import { renderMarkdown } from './markdown.ts';
import type { ChatMessage } from './transcript.ts';

type Props = { chat: Chat; state: ChatState; t: Messages; greeting: string; suggested: string[] };

export function Transcript({ chat, state, t, greeting, suggested }: Props) {
  const log = useRef<HTMLDivElement>(null);
  const count = state.messages.length;
  const typing = state.botThinking || state.agentTyping;
  const settled = useRef(false);
  useEffect(() => {
    const box = log.current;
    if (!box) return;
    // Follow new messages unless the customer scrolled up to read; a restored history opens at its end.
    const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 160;
    // The leave-a-message form takes room below: keep the notice it answers in view.
    if (nearBottom || !settled.current || state.csat === 'asking' || state.leaving) box.scrollTop = box.scrollHeight;
    if (count > 0) settled.current = true;
  }, [count, typing, state.csat, state.leaving]);

  const asked = state.messages.some((m) => m.author === 'customer');
  // Buttons stay on the answers the customer has not replied to yet; older ones would only clutter.
  const lastCustomerIndex = findLastIndex(state.messages, (m) => m.author === 'customer');
  // Once a person has taken the conversation (or it ended), "leave a message instead" no longer applies.
  const served = ['assigned', 'resolved', 'closed'].includes(state.conversation?.status ?? '');
  return (
    <div class="log" ref={log} role="log" aria-live="polite" aria-relevant="additions" aria-label={t.conversationLog} tabIndex={0}>
      <div class="msg bot">
        <Avatar />
        <div class="bubble"><div class="md" dangerouslySetInnerHTML={{ __html: renderMarkdown(greeting) }} /></div>
      </div>
      {!asked && suggested.length > 0 && (
        <div class="chips-block" role="group" aria-label={t.suggested}>
          <div class="chips-title">{t.suggested}</div>
          <div class="chips">
            {suggested.map((question) => (
              <button type="button" class="chip" key={question} onClick={() => chat.send(question)}>{question}</button>
            ))}
          </div>
        </div>
      )}
      {state.messages.map((message, index) => (
        <MessageRow key={message.id} chat={chat} message={message} t={t} locale={state.locale} rated={state.rated[message.id]} latest={index > lastCustomerIndex} served={served} />
      ))}
      {typing && (
        <div class="msg bot typing-row">
          <Avatar />
          <div class="bubble typing" role="status">
            <span class="dot" /><span class="dot" /><span class="dot" />
            <span class="sr-only">{state.agentTyping ? t.typingAgent : t.typingBot}</span>
          </div>
        </div>
      )}
    </div>
  );
}

function MessageRow({ chat, message, t, locale, rated, latest, served }: { chat: Chat; message: ChatMessage; t: Messages; locale: Locale; rated: boolean | undefined; latest: boolean; served: boolean }) {
  const files = message.attachments?.length ? <AttachmentList chat={chat} attachments={message.attachments} t={t} locale={locale} /> : null;
  if (message.author === 'system' || message.kind === 'system') {
    // The handoff notice is a system line; when the queue cannot serve it offers 留言 / 预约回电 below it.
    const quick = latest && !served ? (message.quickReplies ?? []) : [];
    if (!quick.length) return <div class="system-line">{message.text}</div>;
    return (
      <div class="system-row">
        <div class="system-line">{message.text}</div>
        <QuickReplies chat={chat} replies={quick} t={t} />
      </div>
    );
  }
  if (message.author === 'customer') {
    return (
      <div class="msg me">
        {message.text && (
          <div class={`bubble${message.delivery === 'failed' ? ' failed' : ''}`}>
            <span class="sr-only">{t.you}: </span>
            {message.text}
          </div>
        )}
        {!message.text && <span class="sr-only">{t.you}: </span>}
        {files}
        {message.uploadProblem ? (
          <div class="delivery" role="alert">
            <span class="error-text">{uploadProblemText(message, t, locale)}</span>
            {' · '}
            {message.uploadProblem.kind === 'failed' && (
              <>
                <button type="button" class="link-btn" onClick={() => chat.retry(message.clientMessageId!)}>{t.retry}</button>
                {' · '}
              </>
            )}
            <button type="button" class="link-btn" onClick={() => chat.discard(message.clientMessageId!)}>{t.removeFile}</button>
          </div>
        ) : message.delivery && message.delivery !== 'uploading' && (
          <div class="delivery" aria-live="polite">
            {message.delivery === 'sending' && t.sending}
            {message.delivery === 'waiting' && t.queuedOffline}
            {message.delivery === 'failed' && (
              <>
                <span class="error-text">{t.sendFailed}</span>
                {' · '}
                <button type="button" class="link-btn" onClick={() => chat.retry(message.clientMessageId!)}>{t.retry}</button>
              </>
            )}
          </div>
        )}
      </div>
    );
  }
  const options = message.suggestions ?? [];
  const quick = message.quickReplies ?? [];
  const isAgent = message.author === 'agent';
  return (
    <div class={`msg ${isAgent ? 'agent' : 'bot'}`}>
      <Avatar agent={isAgent} />
      <div class="stack">
        {/* Visible name only: the bubble already says who speaks to a screen reader. */}
        {isAgent && <div class="who" aria-hidden="true">{t.agent}</div>}
        {(message.text || !files) && (
          <div class="bubble">
            <span class="sr-only">{isAgent ? t.agent : t.bot}: </span>
            <div class="md" dangerouslySetInnerHTML={{ __html: renderMarkdown(message.text) }} />
          </div>
        )}
        {files}
        {latest && quick.length > 0 && <QuickReplies chat={chat} replies={quick} t={t} />}
        {latest && options.length > 0 && (
          <div class="chips-block" role="group" aria-label={message.kind === 'clarify' ? t.didYouMean : t.related}>
            <div class="chips-title">{message.kind === 'clarify' ? t.didYouMean : t.related}</div>
            <div class="chips">
              {options.map((option) => (
                <button type="button" class="chip" key={option} onClick={() => chat.send(option)}>{option}</button>
              ))}
            </div>
          </div>
        )}
        {message.kind === 'answer' && (
          <div class="feedback" role="group" aria-label={t.helpful}>
            {rated === undefined ? (
              <>
                <span>{t.helpful}</span>
                <button type="button" class="icon-btn" aria-label={t.helpfulYes} title={t.helpfulYes} onClick={() => void chat.rate(message.id, true)}><ThumbUp /></button>
                <button type="button" class="icon-btn" aria-label={t.helpfulNo} title={t.helpfulNo} onClick={() => void chat.rate(message.id, false)}><ThumbDown /></button>
              </>
            ) : (
              <span class="thanks" role="status"><Check /> {t.thanksFeedback}</span>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

function uploadProblemText(message: ChatMessage, t: Messages, locale: Locale): string {
  const problem = message.uploadProblem!;
  if (problem.kind === 'tooLarge') return t.fileTooLarge(problem.limitBytes ? formatSize(problem.limitBytes, locale) : null);
  return problem.kind === 'typeNotAllowed' ? t.fileTypeNotAllowed : t.uploadFailed;
}

function QuickReplies({ chat, replies, t }: { chat: Chat; replies: string[]; t: Messages }) {
  return (
    <div class="chips" role="group" aria-label={t.quickReplies}>
      {replies.map((reply) => <button type="button" class="chip solid" key={reply} onClick={() => chat.quickReply(reply)}>{reply}</button>)}
    </div>
  );
}

function Avatar({ agent = false }: { agent?: boolean }) {
  return <div class={`avatar${agent ? ' agent' : ''}`} aria-hidden="true">{agent ? '客' : '灵'}</div>;
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
