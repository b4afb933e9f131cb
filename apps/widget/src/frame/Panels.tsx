/** @jsxImportSource preact */
import { useRef, useState } from 'preact/hooks';
import type { Chat, ChatState, PreChatFields } from './chat.ts';
import type { Messages } from './i18n.ts';
import { AttachButton, filesOf } from './Attachments.tsx';
import { Headset } from './icons.tsx';

export function StatusBanner({ state, t }: { state: ChatState; t: Messages }) {
  if (state.connection === 'offline') return <div class="banner warn" role="status">{t.offline}</div>;
  if (state.connection === 'reconnecting') return <div class="banner warn" role="status"><span class="spinner" aria-hidden="true" />{t.reconnecting}</div>;
  const conversation = state.conversation;
  if (conversation?.status === 'queued') {
    return (
      <div class="banner info queue" role="status">
        <span class="spinner" aria-hidden="true" />
        {t.queued(conversation.queuePosition ?? null, conversation.estimatedWaitSeconds ?? null)}
      </div>
    );
  }
  if (conversation?.status === 'pending') return <div class="banner ok pending" role="status">{t.pending}</div>;
  // "An agent has joined" is in the header; the agent's own words follow in the transcript.
  return null;
}

export function Composer({ chat, state, t, inputRef }: { chat: Chat; state: ChatState; t: Messages; inputRef: { current: HTMLTextAreaElement | null } }) {
  const [text, setText] = useState('');
  const [typingSent, setTypingSent] = useState(false);
  const submit = (event?: Event) => {
    event?.preventDefault();
    if (!text.trim()) return;
    chat.send(text);
    setText('');
    if (typingSent) chat.typing(false);
    setTypingSent(false);
    inputRef.current?.focus();
  };
  const status = state.conversation?.status;
  const canHandOff = status === undefined || status === 'bot';
  // While the queue cannot serve well, leaving a message or booking a callback stays one click away.
  const instead = status === 'queued' || status === 'pending' ? (state.overflow ?? []) : [];
  return (
    <form class="composer" onSubmit={submit}>
      {canHandOff && (
        <div class="actions">
          <button type="button" class="pill" aria-label={t.talkToPersonLabel} onClick={() => void chat.handoff()}>
            <Headset /> {t.talkToPerson}
          </button>
        </div>
      )}
      {instead.length > 0 && (
        <div class="actions" role="group" aria-label={t.overflowActions}>
          {instead.map((action) => (
            <button type="button" class="pill" key={action} onClick={() => chat.openLeave(action)}>
              {action === 'callback' ? t.requestCallback : t.leaveMessage}
            </button>
          ))}
        </div>
      )}
      <div class="input-row">
        <AttachButton chat={chat} t={t} />
        <label class="sr-only" for="lx-input">{t.inputLabel}</label>
        <textarea
          id="lx-input"
          ref={inputRef}
          rows={1}
          value={text}
          maxLength={4000}
          placeholder={t.placeholder}
          onInput={(event) => {
            const value = (event.target as HTMLTextAreaElement).value;
            setText(value);
            const typing = value.trim().length > 0;
            if (typing !== typingSent) {
              chat.typing(typing);
              setTypingSent(typing);
            }
          }}
          onPaste={(event) => {
            // A pasted screenshot is sent as an image; pasted text stays text.
            const files = filesOf(event.clipboardData);
            if (files.length === 0) return;
            event.preventDefault();
            chat.attach(files);
          }}
          onKeyDown={(event) => {
            // Enter sends; Shift+Enter and IME composition (pinyin) keep typing.
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) submit(event);
          }}
        />
        <button type="submit" class="send" aria-label={t.send} title={t.send} disabled={!text.trim()}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z" /></svg>
        </button>
      </div>
    </form>
  );
}

export function PreChatForm({ chat, state, t, fields }: { chat: Chat; state: ChatState; t: Messages; fields: Array<'name' | 'email' | 'phone'> }) {
  const [values, setValues] = useState<PreChatFields>({});
  const [errors, setErrors] = useState<Partial<Record<keyof PreChatFields, string>>>({});
  const [busy, setBusy] = useState(false);
  const labels = { name: t.fieldName, email: t.fieldEmail, phone: t.fieldPhone };
  const types = { name: 'text', email: 'email', phone: 'tel' };
  const autocomplete = { name: 'name', email: 'email', phone: 'tel' };
  const submit = async (event: Event) => {
    event.preventDefault();
    const found: typeof errors = {};
    for (const field of fields) {
      const value = values[field]?.trim() ?? '';
      if (!value) found[field] = t.required;
      else if (field === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) found[field] = t.invalidEmail;
      else if (field === 'phone' && !/^\+?[0-9][0-9 -]{5,19}$/.test(value)) found[field] = t.invalidPhone;
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    await chat.submitPreChat(Object.fromEntries(fields.map((f) => [f, values[f]!.trim()])));
    setBusy(false);
  };
  return (
    <form class="prechat" onSubmit={submit} noValidate>
      <h2 id="lx-prechat-title">{t.preChatTitle}</h2>
      {fields.map((field) => (
        <div class="field" key={field}>
          <label for={`lx-${field}`}>{labels[field]}</label>
          <input
            id={`lx-${field}`}
            type={types[field]}
            autocomplete={autocomplete[field]}
            value={values[field] ?? ''}
            aria-invalid={errors[field] ? 'true' : undefined}
            aria-describedby={errors[field] ? `lx-${field}-error` : undefined}
            onInput={(event) => setValues({ ...values, [field]: (event.target as HTMLInputElement).value })}
          />
          {errors[field] && <div class="field-error" id={`lx-${field}-error`}>{errors[field]}</div>}
        </div>
      ))}
      {state.notice === 'startFailed' && <div class="banner warn" role="alert">{t.startFailed}</div>}
      <button type="submit" class="primary" disabled={busy}>{t.preChatSubmit}</button>
    </form>
  );
}

export function CsatPrompt({ chat, state, t }: { chat: Chat; state: ChatState; t: Messages }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const stars = useRef<HTMLDivElement>(null);
  if (state.csat === 'none' || state.csat === 'skipped') return null;
  if (state.csat === 'sent') {
    return (
      <div class="csat done" role="status">
        {t.csatThanks}
        {state.npsAnswered ? null : <NpsQuestion chat={chat} t={t} />}
        <button type="button" class="primary" onClick={chat.startOver}>{t.newConversation}</button>
      </div>
    );
  }
  // A radio group is one tab stop: arrows move and choose, as screen-reader users expect.
  const choose = (n: number) => {
    setScore(n);
    stars.current?.querySelectorAll<HTMLButtonElement>('[role="radio"]')[n - 1]?.focus();
  };
  const onArrow = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowUp' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowDown' ? -1 : 0;
    if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      choose(event.key === 'Home' ? 1 : 5);
    } else if (step) {
      event.preventDefault();
      choose(Math.min(5, Math.max(1, (score || (step > 0 ? 0 : 6)) + step)));
    }
  };
  return (
    <form
      class="csat"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!score) return;
        setBusy(true);
        await chat.submitCsat(score, comment);
        setBusy(false);
      }}
    >
      <div class="csat-title" id="lx-csat-title">{t.csatTitle}</div>
      <div class="stars" role="radiogroup" aria-labelledby="lx-csat-title" ref={stars} onKeyDown={onArrow}>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            type="button"
            key={n}
            role="radio"
            aria-checked={score === n}
            aria-label={t.csatStar(n)}
            tabIndex={n === (score || 1) ? 0 : -1}
            class={`star${n <= score ? ' on' : ''}`}
            onClick={() => setScore(n)}
          >★</button>
        ))}
      </div>
      <label class="sr-only" for="lx-csat-comment">{t.csatComment}</label>
      <textarea id="lx-csat-comment" rows={2} maxLength={2000} placeholder={t.csatComment} value={comment} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />
      <button type="submit" class="primary" disabled={!score || busy}>{t.csatSubmit}</button>
      <button type="button" class="link-btn skip" onClick={chat.skipCsat}>{t.csatSkip}</button>
    </form>
  );
}

/** Net Promoter Score, optional: one tap on 0–10 sends it (the server keeps one answer per conversation). */
function NpsQuestion({ chat, t }: { chat: Chat; t: Messages }) {
  const [busy, setBusy] = useState(false);
  return (
    <div class="nps">
      <div class="csat-title" id="lx-nps-title">{t.npsTitle}</div>
      <div class="nps-scale" role="group" aria-labelledby="lx-nps-title">
        {Array.from({ length: 11 }, (_, n) => (
          <button type="button" key={n} disabled={busy} aria-label={t.npsScore(n)} onClick={async () => {
            setBusy(true);
            await chat.submitNps(n);
            setBusy(false);
          }}>{n}</button>
        ))}
      </div>
      <div class="nps-ends" aria-hidden="true"><span>{t.npsLow}</span><span>{t.npsHigh}</span></div>
    </div>
  );
}
