/** @jsxImportSource preact */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Chat, ChatState } from './chat.ts';
import type { Messages } from './i18n.ts';
import { leaveRequest, type LeaveField, type LeaveFields, type LeaveProblems, type OverflowAction } from './leaveMessage.ts';

/** The browser's offset at the chosen local time (it can differ from today's across a DST change). */
const browserOffset = (local: string) => new Date(local).getTimezoneOffset();

/** Inline in the chat: leave a message (and maybe a callback time) instead of waiting in the queue. */
export function LeaveMessageForm({ chat, action, t, offsetOf = browserOffset }: { chat: Chat; action: OverflowAction; t: Messages; offsetOf?: (local: string) => number }) {
  const known = chat.knownContact();
  const [values, setValues] = useState<LeaveFields>({ text: '', email: known.email, phone: known.phone, callbackAt: '' });
  // What was typed, readable at once (an Enter right after typing must not send the previous render's values).
  const latest = useRef(values);
  const [problems, setProblems] = useState<LeaveProblems>({});
  const [offline, setOffline] = useState(false);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLTextAreaElement | null>(null);
  useEffect(() => first.current?.focus(), [action]);
  const callback = action === 'callback';
  const title = callback ? t.callbackTitle : t.leaveMessageTitle;

  const submit = async (event?: Event) => {
    event?.preventDefault();
    if (busy) return;
    const checked = leaveRequest(action, latest.current, t, offsetOf);
    setOffline(false);
    if ('problems' in checked) return setProblems(checked.problems);
    setProblems({});
    setBusy(true);
    const outcome = await chat.leaveMessage(checked.request);
    setBusy(false);
    if (outcome.ok) return;
    setOffline(outcome.offline);
    setProblems(outcome.problems);
  };

  const field = (name: LeaveField, label: string, input: (common: Record<string, unknown>) => preact.JSX.Element, optional = false) => {
    const id = `lx-leave-${name}`;
    const error = problems[name];
    const common = {
      id,
      value: values[name],
      'aria-invalid': error ? 'true' : undefined,
      'aria-describedby': error ? `${id}-error` : undefined,
      'aria-required': optional ? undefined : 'true',
      onInput: (e: Event) => {
        const value = (e.target as HTMLInputElement).value;
        latest.current = { ...latest.current, [name]: value };
        setValues(latest.current);
      },
    };
    return (
      <div class="field">
        <label for={id}>{label}{optional && <span class="optional">{t.optional}</span>}</label>
        {input(common)}
        {error && <div class="field-error" id={`${id}-error`}>{error}</div>}
      </div>
    );
  };

  return (
    <form class="leave" aria-labelledby="lx-leave-title" onSubmit={submit} noValidate>
      <h2 id="lx-leave-title">{title}</h2>
      <p class="leave-hint">{t.leaveMessageHint}</p>
      {field('text', t.fieldMessage, (common) => <textarea {...common} ref={first} rows={3} maxLength={4000} />)}
      {callback && field('callbackAt', t.fieldCallbackAt, (common) => <input {...common} type="datetime-local" />)}
      {field('phone', t.fieldPhone, (common) => <input {...common} type="tel" autocomplete="tel" />, true)}
      {field('email', t.fieldEmail, (common) => <input {...common} type="email" autocomplete="email" />, true)}
      {(offline || problems.form) && (
        <div class="banner warn" role="alert">
          {offline ? t.leaveOffline : t.leaveFailed}
          {offline && <button type="button" class="link-btn" onClick={() => void submit()}>{t.retry}</button>}
        </div>
      )}
      <div class="leave-actions">
        <button type="button" class="link-btn" onClick={chat.closeLeave}>{t.leaveCancel}</button>
        <button type="submit" class="primary" disabled={busy} aria-busy={busy ? 'true' : undefined}>{t.leaveSubmit}</button>
      </div>
    </form>
  );
}
