// Leaving a message (or booking a callback) instead of waiting: pure rules the form and the chat share.
import type { Messages } from './i18n.ts';

export type OverflowAction = 'leave_message' | 'callback';
export type LeaveFields = { text: string; email: string; phone: string; callbackAt: string };
export type LeaveField = keyof LeaveFields;
export type LeaveProblems = Partial<Record<LeaveField | 'form', string>>;
export type LeaveRequest = { text: string; contact?: { email?: string; phone?: string }; callbackAt?: string };

// The server's overflow quick replies (conversations/notices.ts), in both languages: they open the form, never the chat.
const ACTIONS: Record<string, OverflowAction> = {
  留言: 'leave_message',
  'Leave a message': 'leave_message',
  预约回电: 'callback',
  'Request a callback': 'callback',
};

export function overflowAction(quickReply: string): OverflowAction | null {
  return ACTIONS[quickReply.trim()] ?? null;
}

/** The actions a batch of incoming messages offers (the handoff notice's quick replies), added to those known. */
export function offeredActions(known: OverflowAction[] | null, messages: ReadonlyArray<{ author: string; quickReplies?: readonly string[] | null }>): OverflowAction[] | null {
  const offered = messages.flatMap((m) => (m.author === 'customer' ? [] : (m.quickReplies ?? []).map(overflowAction))).filter((a) => a !== null);
  return offered.length ? [...new Set([...(known ?? []), ...offered])] : known;
}

/** The socket's `actions`, keeping only the ones this frame knows how to offer. */
export function knownActions(actions: readonly string[]): OverflowAction[] {
  return actions.filter((a): a is OverflowAction => a === 'leave_message' || a === 'callback');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 -]{5,19}$/;

/** `2026-11-23T10:00` from a datetime-local input → `2026-11-23T10:00:00+08:00`, with the offset the browser has at that time. */
export function withOffset(local: string, offsetMinutes: number): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!match) return null;
  // getTimezoneOffset() is minutes *behind* UTC (Shanghai: -480), so the sign flips.
  const east = -offsetMinutes;
  const sign = east >= 0 ? '+' : '-';
  const abs = Math.abs(east);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${match[1]}T${match[2]}:${match[3]}:${match[4] ?? '00'}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** What the customer typed, checked the way the server will; the request to send when there is no problem. */
export function leaveRequest(action: OverflowAction, fields: LeaveFields, t: Messages, offsetOf: (local: string) => number): { request: LeaveRequest } | { problems: LeaveProblems } {
  const problems: LeaveProblems = {};
  const text = fields.text.trim();
  const email = fields.email.trim();
  const phone = fields.phone.trim();
  if (!text) problems.text = t.required;
  if (email && !EMAIL.test(email)) problems.email = t.invalidEmail;
  if (phone && !PHONE.test(phone)) problems.phone = t.invalidPhone;
  let callbackAt: string | null = null;
  if (action === 'callback') {
    if (!fields.callbackAt.trim()) problems.callbackAt = t.required;
    else if (!(callbackAt = withOffset(fields.callbackAt, offsetOf(fields.callbackAt)))) problems.callbackAt = t.invalidDateTime;
  }
  if (Object.keys(problems).length) return { problems };
  const contact = { ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
  return { request: { text, ...(email || phone ? { contact } : {}), ...(callbackAt ? { callbackAt } : {}) } };
}

/** The server's problems (`body.contact.email` …) placed on the matching fields; anything else goes to the form. */
export function problemsByField(problems: ReadonlyArray<{ path: string; message: string }>): LeaveProblems {
  const fields: Record<string, LeaveField> = { 'body.text': 'text', 'body.contact.email': 'email', 'body.contact.phone': 'phone', 'body.callbackAt': 'callbackAt' };
  const placed: LeaveProblems = {};
  for (const problem of problems) {
    const field = fields[problem.path] ?? 'form';
    placed[field] = placed[field] ? `${placed[field]}; ${problem.message}` : problem.message;
  }
  return placed;
}
