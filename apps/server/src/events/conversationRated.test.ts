import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { ConversationRatedNotice, LiveFigures } from '@lingxi/contracts';
import { startTestApp, type TestApp } from '../testing/harness.ts';

/** A customer's CSAT reaches the console live: the agent who handled it, the rest of the workspace, and the wall's figures. */
describe('conversation.rated over the socket', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await startTestApp({ config: { LINGXI_SEED_DEMO: 'false' } });
  }, 60_000);
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t?.close();
  });

  async function connect(token: string): Promise<Socket> {
    const socket = io(t.baseUrl, { path: '/socket.io', auth: { token }, transports: ['websocket'] });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
    });
    return socket;
  }
  const next = <T>(socket: Socket, event: string, accept: (payload: T) => boolean = () => true) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${event} within 5 s`)), 5_000);
      const listener = (payload: T) => {
        if (!accept(payload)) return;
        clearTimeout(timer);
        socket.off(event, listener);
        resolve(payload);
      };
      socket.on(event, listener);
    });

  it('tells the assigned agent and the workspace, with the score and the comment', async () => {
    await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: 'mei@example.com', name: '梅', password: 'password-123', role: 'agent' } });
    const agentToken = await t.login('mei@example.com', 'password-123');
    const agentId = (await t.call('GET', '/api/v1/auth/me', { token: agentToken })).body.user.id as string;
    const agentSocket = await connect(agentToken);
    const adminSocket = await connect(t.adminToken);

    const session = (await t.call('POST', '/api/public/v1/sessions', { body: { locale: 'zh-CN' } })).body;
    await t.call('POST', '/api/public/v1/conversation/handoff', { token: session.sessionToken, body: {} });
    expect((await t.call('POST', `/api/v1/conversations/${session.conversationId}/accept`, { token: agentToken })).status).toBe(200);
    const resolved = await t.call('POST', `/api/v1/conversations/${session.conversationId}/resolve`, { token: agentToken, body: {} });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    await t.app.dispatcher.drain();

    const forAgent = next<unknown>(agentSocket, 'conversation.rated');
    const forAdmin = next<unknown>(adminSocket, 'conversation.rated');
    const wall = next<unknown>(adminSocket, 'analytics.live', (f) => (f as { csatResponses?: number }).csatResponses === 1);
    const rated = await t.call('POST', '/api/public/v1/conversation/csat', { token: session.sessionToken, body: { score: 4, comment: '解决得很快' } });
    expect(rated.body).toEqual({ ok: true });
    await t.app.dispatcher.drain();

    const notice = ConversationRatedNotice.parse(await forAgent);
    expect(notice).toMatchObject({ conversationId: session.conversationId, score: 4, comment: '解决得很快', assigneeId: agentId });
    expect(ConversationRatedNotice.parse(await forAdmin).id).toBe(notice.id);
    // The dashboard's live figures include CSAT and are pushed again after a rating.
    expect(LiveFigures.parse(await wall).csatAverage).toBe(4);
  });
});
