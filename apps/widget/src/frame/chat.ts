// The frame's conversation: session, transcript, offline outbox, live updates and the customer's actions.
// Pure state in, new state out through `set`; all I/O comes in as dependencies so tests can drive it.
import type { PublicApi } from './api.ts';
import { createAttachFlow } from './attachFlow.ts';
import type { Uploader } from './attachments.ts';
import type { Locale } from './i18n.ts';
import { knownActions, offeredActions, overflowAction, problemsByField, type LeaveProblems, type LeaveRequest, type OverflowAction } from './leaveMessage.ts';
import type { ConnectLive, Live } from './live.ts';
import { createOutbox, type KeyValueStorage, type OutboxItem, type SendOutcome } from './outbox.ts';
import { read, readRated, write } from './storage.ts';
import { fromReply, fromWire, isLocal, lastSeenId, localMessage, mergeMessages, type ChatMessage, type Delivery } from './transcript.ts';
import type { ConversationState, WidgetConfig, WireMessage, WireReply } from './wire.ts';

export type ChatState = {
  phase: 'loading' | 'prechat' | 'chat' | 'unavailable';
  config: WidgetConfig | null;
  locale: Locale;
  messages: ChatMessage[];
  conversation: ConversationState | null;
  connection: 'online' | 'offline' | 'reconnecting';
  botThinking: boolean;
  agentTyping: boolean;
  rated: Record<string, boolean>;
  /** 'skipped': the customer put the rating off to ask more; writing reopens the conversation. */
  csat: 'none' | 'asking' | 'sent' | 'skipped';
  /** After the CSAT rating: whether this conversation's "would you recommend us" (0–10) was answered. */
  npsAnswered: boolean;
  notice: 'startFailed' | 'actionFailed' | null;
  visible: boolean;
  unread: number;
  /** Waiting will not work well (server said so): what the customer may do instead. */
  overflow: OverflowAction[] | null;
  /** The inline leave-a-message form, open for this action. */
  leaving: OverflowAction | null;
};

export type LeaveOutcome = { ok: true } | { ok: false; offline: boolean; problems: LeaveProblems };

export type PreChatFields = { name?: string; email?: string; phone?: string };

export type ChatDeps = {
  api: PublicApi;
  storage: KeyValueStorage;
  connectLive: ConnectLive;
  workspace: string;
  locale: Locale;
  now(): Date;
  newId(): string;
  isOnline(): boolean;
  /** Schedules a retry after a failed send; returns a cancel function. */
  later(ms: number, run: () => void): () => void;
  /** Attachments: the upload (with progress) and object URLs for previews and fetched files. */
  upload?: Uploader;
  objectUrl?(blob: Blob): string;
};

const ENDED = new Set(['resolved', 'closed']);

export type Chat = ReturnType<typeof createChat>;

export function createChat(deps: ChatDeps) {
  const keys = {
    session: `lingxi:${deps.workspace}:session`,
    outbox: `lingxi:${deps.workspace}:outbox`,
    csat: (conversationId: string) => `lingxi:${deps.workspace}:csat:${conversationId}`,
    nps: (conversationId: string) => `lingxi:${deps.workspace}:nps:${conversationId}`,
    rated: `lingxi:${deps.workspace}:rated`,
  };
  let state: ChatState = {
    phase: 'loading', config: null, locale: deps.locale, messages: [], conversation: null,
    connection: deps.isOnline() ? 'online' : 'offline', botThinking: false, agentTyping: false,
    rated: readRated(deps.storage, `lingxi:${deps.workspace}:rated`), csat: 'none', npsAnswered: false, notice: null, visible: true, unread: 0,
    overflow: null, leaving: null,
  };
  const listeners = new Set<(state: ChatState) => void>();
  const set = (patch: Partial<ChatState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener(state);
  };

  let token: string | null = read(deps.storage, keys.session);
  let starting: Promise<string | null> | null = null;
  let live: Live | null = null;
  let retryDelay = 1000;
  let cancelRetry: (() => void) | null = null;
  let prechat: PreChatFields = {};
  let browserOnline = deps.isOnline();
  let socketUp = true; // until a socket exists, only the browser's own signal counts
  const connection = (): ChatState['connection'] => (!browserOnline ? 'offline' : socketUp ? 'online' : 'reconnecting');

  const patchLocal = (clientMessageId: string, patch: (m: ChatMessage) => Partial<ChatMessage>) =>
    set({ messages: state.messages.map((m) => (isLocal(m) && m.clientMessageId === clientMessageId ? { ...m, ...patch(m) } : m)) });
  const setDelivery = (clientMessageId: string, delivery: Delivery) => patchLocal(clientMessageId, () => ({ delivery }));

  const merge = (incoming: ChatMessage[], fromLive = false) => {
    const before = state.messages;
    const messages = mergeMessages(before, incoming);
    const known = new Set(before.map((m) => m.id));
    const fresh = fromLive ? incoming.filter((m) => !known.has(m.id) && m.author !== 'customer').length : 0;
    // A handoff notice offering "留言 / 预约回电" means the queue cannot serve well right now.
    const overflow = offeredActions(state.overflow, incoming);
    set({ messages, unread: state.visible ? 0 : state.unread + fresh, overflow, ...(incoming.some((m) => m.author === 'agent') ? { agentTyping: false } : {}) });
  };

  const conversationChanged = (conversation: ConversationState) => {
    const sent = read(deps.storage, keys.csat(conversation.id)) !== null;
    const ended = ENDED.has(conversation.status);
    const served = ended || conversation.status === 'assigned' || conversation.status === 'bot';
    set({
      conversation, csat: sent ? 'sent' : ended ? (state.csat === 'none' ? 'asking' : state.csat) : 'none', ...(ended ? { agentTyping: false } : {}),
      npsAnswered: read(deps.storage, keys.nps(conversation.id)) !== null,
      ...(served ? { overflow: null, leaving: null } : {}),
    });
  };

  const repliesAfter = (replies: readonly WireReply[], at: string) => replies.map((reply) => fromReply(reply, at));

  function goLive(sessionToken: string) {
    live?.close();
    live = deps.connectLive({
      token: sessionToken,
      lastSeenId: () => lastSeenId(state.messages),
      handlers: {
        message: (message: WireMessage) => merge([fromWire(message)], true),
        backfill: (messages) => merge(messages.map(fromWire), true),
        conversation: conversationChanged,
        overflow: (notice) => {
          const actions = knownActions(notice.actions);
          if (actions.length) set({ overflow: actions });
        },
        typing: (author, typing) => (author === 'agent' ? set({ agentTyping: typing }) : set({ botThinking: typing })),
        status: (status) => {
          socketUp = status === 'connected';
          set({ connection: connection() });
          if (status === 'connected') void outbox.flush();
        },
      },
    });
  }

  /** The session, created on first need (first message or "talk to a person"), once. */
  function ensureSession(): Promise<string | null> {
    if (token) return Promise.resolve(token);
    starting ??= deps.api
      .createSession({ workspace: deps.workspace, locale: state.locale, channel: 'web', ...prechat })
      .then((result) => {
        starting = null;
        if (!result.ok) return null;
        token = result.value.sessionToken;
        write(deps.storage, keys.session, token);
        goLive(token);
        return token;
      });
    return starting;
  }

  async function send(item: OutboxItem, renewed = false): Promise<SendOutcome> {
    setDelivery(item.clientMessageId, 'sending');
    const sessionToken = await ensureSession();
    if (!sessionToken) return waitForNetwork(item);
    set({ botThinking: state.conversation?.status !== 'assigned' });
    const attachments = item.attachments?.length ? { attachments: item.attachments.map((a) => a.id) } : {};
    const result = await deps.api.sendMessage(sessionToken, { text: item.text, clientMessageId: item.clientMessageId, ...attachments });
    set({ botThinking: false });
    if (result.ok) {
      retryDelay = 1000;
      const { message, replies, conversation } = result.value;
      merge([fromWire(message), ...repliesAfter(replies, message.createdAt)]);
      conversationChanged(conversation);
      return { kind: 'acknowledged' };
    }
    if (result.network) return waitForNetwork(item);
    if (result.status === 401 && !renewed) {
      // The session expired (or the server forgot it): start a new conversation and send there.
      forgetSession();
      return send(item, true);
    }
    setDelivery(item.clientMessageId, 'failed');
    return { kind: 'refused' };
  }

  function forgetSession(): void {
    token = null;
    live?.close();
    live = null;
    socketUp = true;
    deps.storage.removeItem(keys.session);
    set({ conversation: null, messages: state.messages.filter(isLocal), csat: 'none' });
  }

  function waitForNetwork(item: OutboxItem): SendOutcome {
    setDelivery(item.clientMessageId, 'waiting');
    // Offline: the 'online' event flushes. Online but failing: back off and try again.
    if (deps.isOnline()) {
      cancelRetry?.();
      cancelRetry = deps.later(retryDelay, () => void outbox.flush());
      retryDelay = Math.min(retryDelay * 2, 30_000);
    }
    return { kind: 'retryLater' };
  }

  const outbox = createOutbox({ storage: deps.storage, key: keys.outbox, send });
  const files = createAttachFlow({
    deps, outbox, merge, patchLocal, ensureSession, forgetSession,
    token: () => token,
    maxBytes: () => state.config?.attachments?.maxBytes ?? null,
    local: (clientMessageId) => state.messages.find((m) => isLocal(m) && m.clientMessageId === clientMessageId),
    removeLocal: (clientMessageId) => set({ messages: state.messages.filter((m) => !(isLocal(m) && m.clientMessageId === clientMessageId)) }),
  });

  async function restore(sessionToken: string): Promise<boolean> {
    const [history, conversation] = await Promise.all([deps.api.messages(sessionToken, null), deps.api.conversation(sessionToken)]);
    if (!history.ok && !history.network) {
      // The stored session is gone (expired or revoked): start fresh.
      forgetSession();
      return false;
    }
    if (history.ok) merge(history.value.messages.map(fromWire));
    if (conversation.ok) conversationChanged(conversation.value);
    goLive(sessionToken);
    return true;
  }

  return {
    get: () => state,
    subscribe(listener: (state: ChatState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start(): Promise<void> {
      set({ phase: 'loading', notice: null });
      const config = await deps.api.widgetConfig(deps.workspace);
      if (!config.ok) return set({ phase: 'unavailable' });
      // What was typed before a reload and never acknowledged is shown and sent again.
      const waiting = outbox.items().map((item) => localMessage({ ...item, delivery: item.failed ? 'failed' : 'waiting' }));
      set({ config: config.value, messages: mergeMessages(state.messages, waiting) });
      const resumed = token ? await restore(token) : false;
      set({ phase: resumed || !config.value.preChatForm.enabled ? 'chat' : 'prechat' });
      if (resumed) void outbox.flush();
    },
    async submitPreChat(fields: PreChatFields): Promise<boolean> {
      prechat = fields;
      const sessionToken = await ensureSession();
      if (!sessionToken) {
        set({ notice: 'startFailed' });
        return false;
      }
      set({ phase: 'chat', notice: null });
      return true;
    },
    send(text: string): void {
      const trimmed = text.trim();
      if (!trimmed) return;
      const item = { clientMessageId: deps.newId(), text: trimmed.slice(0, 4000), createdAt: deps.now().toISOString() };
      merge([localMessage({ ...item, delivery: deps.isOnline() ? 'sending' : 'waiting' })]);
      outbox.add(item);
      void outbox.flush();
    },
    /** A quick reply: the overflow ones open the leave-a-message form instead of being sent as chat text. */
    quickReply(text: string): void {
      const action = overflowAction(text);
      if (action) set({ leaving: action });
      else this.send(text);
    },
    openLeave: (action: OverflowAction) => set({ leaving: action }),
    closeLeave: () => set({ leaving: null }),
    /** Contact details the customer already gave (pre-chat form), to prefill the form. */
    knownContact: (): { email: string; phone: string } => ({ email: prechat.email ?? '', phone: prechat.phone ?? '' }),
    async leaveMessage(request: LeaveRequest): Promise<LeaveOutcome> {
      const sessionToken = await ensureSession();
      if (!sessionToken) return { ok: false, offline: true, problems: {} };
      const result = await deps.api.leaveMessage(sessionToken, request);
      if (!result.ok) {
        const problems = problemsByField(result.problems ?? []);
        return { ok: false, offline: result.network, problems: Object.keys(problems).length || result.network ? problems : { form: result.message } };
      }
      const { replies, ...conversation } = result.value;
      merge(repliesAfter(replies ?? [], deps.now().toISOString()));
      conversationChanged(conversation);
      set({ leaving: null });
      return { ok: true };
    },
    /** Each file becomes its own message: uploaded with progress, then sent. */
    attach: files.attach,
    /** Drops an unsent message (a file that could not be uploaded). */
    discard: files.discard,
    /** A URL the frame can show or download: the local preview, or the file fetched once with the session token. */
    attachmentSource: files.source,
    retry(clientMessageId: string): void {
      if (files.retry(clientMessageId)) return;
      setDelivery(clientMessageId, 'sending');
      void outbox.retry(clientMessageId);
    },
    async handoff(): Promise<void> {
      const sessionToken = await ensureSession();
      const result = sessionToken ? await deps.api.handoff(sessionToken) : null;
      if (!result?.ok) return set({ notice: 'actionFailed' });
      const { replies, ...conversation } = result.value;
      merge(repliesAfter(replies ?? [], deps.now().toISOString()));
      conversationChanged({ ...conversation });
    },
    async rate(messageId: string, helpful: boolean): Promise<void> {
      if (!token || messageId in state.rated) return;
      set({ rated: { ...state.rated, [messageId]: helpful } });
      const result = await deps.api.feedback(token, messageId, helpful);
      if (!result.ok) {
        const { [messageId]: _dropped, ...rest } = state.rated;
        set({ rated: rest, notice: 'actionFailed' });
      }
      write(deps.storage, keys.rated, JSON.stringify(state.rated));
    },
    async submitCsat(score: number, comment: string): Promise<boolean> {
      const conversation = state.conversation;
      if (!token || !conversation) return false;
      const result = await deps.api.csat(token, score, comment.trim());
      if (!result.ok) {
        set({ notice: 'actionFailed' });
        return false;
      }
      write(deps.storage, keys.csat(conversation.id), String(score));
      set({ csat: 'sent' });
      return true;
    },
    /** "How likely are you to recommend us?" 0–10, asked once the rating is in; one answer per conversation. */
    async submitNps(score: number): Promise<boolean> {
      const conversation = state.conversation;
      if (!token || !conversation) return false;
      const result = await deps.api.nps(token, score);
      if (!result.ok) {
        set({ notice: 'actionFailed' });
        return false;
      }
      write(deps.storage, keys.nps(conversation.id), String(score));
      set({ npsAnswered: true });
      return true;
    },
    /** After a rated, finished conversation: the next message opens a new one. */
    startOver(): void {
      forgetSession();
      deps.storage.removeItem(keys.rated);
      set({ messages: [], rated: {}, notice: null });
    },
    typing(typing: boolean): void {
      live?.typing(typing);
    },
    /** "Not now": the message box comes back (a new message reopens the conversation) and the rating is not asked again for it. */
    skipCsat: () => set({ csat: 'skipped' }),
    setLocale: (locale: Locale) => set({ locale }),
    setVisible: (visible: boolean) => set({ visible, unread: visible ? 0 : state.unread }),
    dismissNotice: () => set({ notice: null }),
    networkChanged(online: boolean): void {
      browserOnline = online;
      set({ connection: connection() });
      if (online) {
        retryDelay = 1000;
        // A frame that could not load its settings tries again by itself when the network returns.
        if (state.phase === 'unavailable') void this.start();
        else {
          void outbox.flush();
          files.retryFailed(); // uploads that failed for want of a network go again too
        }
      }
    },
    close(): void {
      cancelRetry?.();
      live?.close();
    },
  };
}
