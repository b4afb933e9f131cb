/** @jsxImportSource preact */
import { useEffect, useRef, useState } from 'preact/hooks';
import { filesOf } from './Attachments.tsx';
import type { HostBridge } from './bridge.ts';
import type { Chat } from './chat.ts';
import { messagesFor, type Locale } from './i18n.ts';
import { LeaveMessageForm } from './LeaveMessageForm.tsx';
import { Composer, CsatPrompt, PreChatForm, StatusBanner } from './Panels.tsx';
import { readableBrand } from './theme.ts';
import { Transcript } from './Transcript.tsx';
import { useChatState } from './useChat.ts';

export function App({ chat, bridge, onLocale }: { chat: Chat; bridge: HostBridge; onLocale(locale: Locale): void }) {
  const state = useChatState(chat);
  const t = messagesFor(state.locale);
  const input = useRef<HTMLTextAreaElement | null>(null);
  const config = state.config;

  useEffect(() => {
    document.documentElement.lang = state.locale;
    document.title = `${config?.name ?? 'Lingxi'} · ${t.title}`;
  }, [state.locale, config?.name]);
  useEffect(() => {
    if (state.visible && state.phase === 'chat') input.current?.focus();
  }, [state.visible, state.phase]);
  useEffect(() => bridge.post({ source: 'lingxi', type: 'unread', count: state.unread }), [state.unread]);
  useEffect(() => {
    if (config) bridge.post({ source: 'lingxi', type: 'ready', primaryColor: config.theme.primaryColor });
  }, [config?.theme.primaryColor]);

  const switchTo: Locale = state.locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  const status = state.conversation?.status;
  const subtitle =
    status === 'queued' ? t.queuedShort : status === 'assigned' ? t.assigned : status === 'pending' ? t.pending : status === 'resolved' || status === 'closed' ? t.resolved : t.subtitle;
  const style = config ? { '--lx': config.theme.primaryColor, '--lx-strong': readableBrand(config.theme.primaryColor) } : undefined;
  // Files dragged over the chat are sent when dropped (only while the message box is there to send them).
  const [dragging, setDragging] = useState(false);
  // The message box is there unless a rating is being asked for or was just given.
  const composing = state.csat === 'none' || state.csat === 'skipped';
  const canDrop = state.phase === 'chat' && composing && !state.leaving;
  const onDrag = (event: DragEvent) => {
    if (!canDrop || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    setDragging(event.type !== 'dragleave' || (event.relatedTarget !== null && (event.currentTarget as Node).contains(event.relatedTarget as Node)));
  };

  return (
    <div
      class={`app${dragging ? ' dragging' : ''}`}
      style={style}
      onKeyDown={(event) => event.key === 'Escape' && bridge.post({ source: 'lingxi', type: 'close' })}
      onDragEnter={onDrag}
      onDragOver={onDrag}
      onDragLeave={onDrag}
      onDrop={(event) => {
        setDragging(false);
        const files = filesOf(event.dataTransfer);
        if (!canDrop || files.length === 0) return;
        event.preventDefault();
        chat.attach(files);
      }}
    >
      {dragging && <div class="drop-hint" aria-hidden="true">{t.dropFiles}</div>}
      <header class="header">
        <div class="brand-avatar" aria-hidden="true">灵</div>
        <div class="heading">
          <h1>{config?.name ?? t.title}</h1>
          <p>{subtitle}</p>
        </div>
        <button type="button" class="head-btn lang" lang={switchTo} aria-label={t.switchLanguageLabel} onClick={() => onLocale(switchTo)}>
          {t.switchLanguage}
        </button>
        {bridge.embedded && (
          <button type="button" class="head-btn" aria-label={t.close} title={t.close} onClick={() => bridge.post({ source: 'lingxi', type: 'close' })}>
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" d="M6 6l12 12M18 6 6 18" /></svg>
          </button>
        )}
      </header>
      {state.phase === 'loading' && (
        <div class="center" role="status"><span class="spinner dark" aria-hidden="true" /></div>
      )}
      {state.phase === 'unavailable' && (
        <div class="center" role="alert">
          <p>{t.loadFailed}</p>
          <button type="button" class="primary" onClick={() => void chat.start()}>{t.retry}</button>
        </div>
      )}
      {state.phase === 'prechat' && config && <PreChatForm chat={chat} state={state} t={t} fields={config.preChatForm.fields} />}
      {state.phase === 'chat' && config && (
        <>
          <StatusBanner state={state} t={t} />
          <Transcript chat={chat} state={state} t={t} greeting={config.greeting[state.locale]} suggested={config.suggestedQuestions[state.locale]} />
          {state.notice === 'actionFailed' && (
            <div class="banner warn notice" role="alert">
              {t.startFailed}
              <button type="button" class="link-btn" aria-label={t.close} onClick={chat.dismissNotice}>✕</button>
            </div>
          )}
          <CsatPrompt chat={chat} state={state} t={t} />
          {state.leaving && composing && <LeaveMessageForm key={state.leaving} chat={chat} action={state.leaving} t={t} />}
          {composing && !state.leaving && <Composer chat={chat} state={state} t={t} inputRef={input} />}
          <div class="powered">{t.poweredBy}</div>
        </>
      )}
    </div>
  );
}
