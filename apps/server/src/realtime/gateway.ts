import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Principal } from '../platform/route.ts';
import { isDomainError } from '../platform/errors.ts';
import { CUSTOMER_TOKEN_PREFIX, type PrincipalResolvers } from '../http/auth.ts';

/** Rooms: one per conversation, per user, per workspace (agents and supervisors of it). */
export const rooms = {
  conversation: (id: string) => `conversation:${id}`,
  user: (id: string) => `user:${id}`,
  workspace: (id: string) => `workspace:${id}`,
};

export interface Gateway {
  readonly io: Server;
  emit(room: string, event: string, data: unknown): void;
  /** Called when a socket joins, to let domains add rooms or replay what was missed. */
  onConnect(handler: (socket: Socket, principal: Principal) => void | Promise<void>): void;
  close(): Promise<void>;
}

export async function createGateway(server: HttpServer, deps: { resolvers: PrincipalResolvers; redisUrl?: string; corsOrigin?: boolean }): Promise<Gateway> {
  const io = new Server(server, { path: '/socket.io', serveClient: false, cors: { origin: deps.corsOrigin ?? true, credentials: true } });
  const redis: Redis[] = [];
  if (deps.redisUrl) {
    const pub = new Redis(deps.redisUrl, { lazyConnect: true });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    redis.push(pub, sub);
    io.adapter(createAdapter(pub, sub));
  }
  const handlers: Array<(socket: Socket, principal: Principal) => void | Promise<void>> = [];

  io.use(async (socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0) return next(new Error('AUTH_REQUIRED: pass { auth: { token } } when connecting'));
    const principal = token.startsWith(CUSTOMER_TOKEN_PREFIX) ? await deps.resolvers.customer(token) : await deps.resolvers.user(token);
    if (isDomainError(principal)) return next(new Error(`${principal.code}: ${principal.message}`));
    socket.data.principal = principal;
    next();
  });

  io.on('connection', async (socket) => {
    const principal = socket.data.principal as Principal;
    if (principal.kind === 'user') await socket.join([rooms.user(principal.userId), rooms.workspace(principal.workspaceId)]);
    if (principal.kind === 'customer') await socket.join(rooms.conversation(principal.conversationId));
    for (const handler of handlers) await handler(socket, principal);
  });

  return {
    io,
    emit(room, event, data) {
      io.to(room).emit(event, data);
    },
    onConnect(handler) {
      handlers.push(handler);
    },
    async close() {
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.allSettled(redis.map((r) => r.quit()));
    },
  };
}
