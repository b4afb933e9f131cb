// The customer-side HTTP API, as the frame uses it. Every answer is parsed; failures are data.
import type * as z from 'zod/mini';
import type { LeaveRequest } from './leaveMessage.ts';
import { ConversationState, HandoffResult, MessageList, MessageSent, OkBody, SessionCreated, WidgetConfig, WireError } from './wire.ts';

export type ApiFailure = { ok: false; network: boolean; status: number; code: string; message: string; problems?: Array<{ path: string; message: string }> };
export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

export type PublicApi = ReturnType<typeof createPublicApi>;

const PUBLIC = '/api/public/v1';

export function createPublicApi(deps: { baseUrl: string; fetch: typeof fetch }) {
  async function call<S extends z.ZodMiniType>(schema: S, method: string, path: string, options: { token?: string | null; body?: unknown } = {}): Promise<ApiResult<z.infer<S>>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await deps.fetch(`${deps.baseUrl}${PUBLIC}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch (error) {
      return { ok: false, network: true, status: 0, code: 'NETWORK', message: String(error) };
    }
    let json: unknown = null;
    try {
      json = await response.json();
    } catch {
      // an empty or non-JSON body: reported below by status
    }
    if (!response.ok) {
      const parsed = WireError.safeParse(json);
      const network = response.status >= 500 || response.status === 408 || response.status === 429;
      return parsed.success
        ? { ok: false, network, status: response.status, code: parsed.data.error.code, message: parsed.data.error.message, problems: parsed.data.error.problems ?? [] }
        : { ok: false, network, status: response.status, code: `HTTP_${response.status}`, message: response.statusText };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return { ok: false, network: false, status: response.status, code: 'BAD_RESPONSE', message: parsed.error.message };
    return { ok: true, value: parsed.data };
  }

  return {
    widgetConfig: (workspace: string) => call(WidgetConfig, 'GET', `/widget-config?workspace=${encodeURIComponent(workspace)}`),
    createSession: (body: { workspace: string; locale: string; channel: string; name?: string; email?: string; phone?: string }) =>
      call(SessionCreated, 'POST', '/sessions', { body }),
    sendMessage: (token: string, body: { text: string; clientMessageId: string; attachments?: string[] }) => call(MessageSent, 'POST', '/messages', { token, body }),
    /** An attachment's bytes (its url needs the session token, so an <img src> cannot fetch it itself). */
    async attachment(token: string, url: string): Promise<Blob | null> {
      if (!url.startsWith(`${PUBLIC}/attachments/`)) return null; // the token goes to our own attachment route only
      try {
        const response = await deps.fetch(`${deps.baseUrl}${url}`, { headers: { authorization: `Bearer ${token}` } });
        return response.ok ? await response.blob() : null;
      } catch {
        return null;
      }
    },
    messages: (token: string, after: string | null) =>
      call(MessageList, 'GET', `/messages${after ? `?after=${encodeURIComponent(after)}` : ''}`, { token }),
    conversation: (token: string) => call(ConversationState, 'GET', '/conversation', { token }),
    handoff: (token: string) => call(HandoffResult, 'POST', '/conversation/handoff', { token, body: {} }),
    leaveMessage: (token: string, body: LeaveRequest) => call(HandoffResult, 'POST', '/conversation/leave-message', { token, body }),
    feedback: (token: string, messageId: string, helpful: boolean) =>
      call(OkBody, 'POST', `/messages/${encodeURIComponent(messageId)}/feedback`, { token, body: { helpful } }),
    csat: (token: string, score: number, comment: string) =>
      call(OkBody, 'POST', '/conversation/csat', { token, body: comment ? { score, comment } : { score } }),
    nps: (token: string, score: number) => call(OkBody, 'POST', '/conversation/nps', { token, body: { score } }),
  };
}
