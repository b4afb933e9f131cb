import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Clock } from './platform/clock.ts';
import type { Database } from './platform/db/index.ts';
import type { Ids } from './platform/ids.ts';
import type { Bus } from './platform/bus/index.ts';
import { createDispatcher, type Dispatcher } from './platform/outbox/index.ts';
import { createJobs, type Jobs } from './platform/jobs/index.ts';
import { createBlobs } from './platform/blobs.ts';
import { domainError, isDomainError } from './platform/errors.ts';
import type { Principal, RouteSpec } from './platform/route.ts';
import { accountErrors, accountRoutes, authenticate, can, SESSION_COOKIE } from './domains/accounts/index.ts';
import { contactRoutes } from './domains/contacts/index.ts';
import { activeCountsByAssignee, queuedForRouting, agentConversationRoutes, bindConversationSocket, createCustomerResolver, createMessageWrites, publicConversationRoutes, type ConversationsDeps } from './domains/conversations/index.ts';
import { createLiveModels, knowledgeRoutes, type KnowledgeDeps } from './domains/knowledge/index.ts';
import { botSettingsRoutes, botTryRoutes, createBot, createBotSettings, demoOrderRoutes } from './domains/bot/index.ts';
import { offerStore, profileStore, routingRoutes, type RoutingDeps } from './domains/routing/index.ts';
import { analyticsRoutes, analyticsSettingsRoutes, createAnalyticsSettings, createLiveWall, type AnalyticsDeps } from './domains/analytics/index.ts';
import { checkOverflow, createRoutingSettings, noticeConnect, noticeDisconnect, queueStanding, routingSettingsRoutes } from './domains/routing/index.ts';
import { attachmentRoutes, handoverRoutes, leaveMessageRoutes, withOverflowNotice } from './domains/conversations/index.ts';
import { assistRoutes } from './domains/assist/index.ts';
import { feedbackRoutes } from './domains/feedback/index.ts';
import { DEFAULT_WORKSPACE } from './cli/seed.ts';
import { createHttpServer } from './http/server.ts';
import type { PrincipalResolvers } from './http/auth.ts';
import { createMetrics, exposeLiveFigures } from './http/metrics.ts';
import { createGateway, rooms, type Gateway } from './realtime/gateway.ts';
import { subscribers } from './events/subscribers.ts';
import { jobHandlers, scheduleDailyMaintenance } from './jobs.ts';

export const VERSION = '0.1.0';

export type AppDeps = {
  config: Config;
  db: Database;
  bus: Bus;
  clock: Clock;
  ids: Ids;
  /** Poll intervals: tests shorten them. */
  pollMs?: { outbox?: number; jobs?: number };
};

export type LingxiApp = {
  http: FastifyInstance;
  dispatcher: Dispatcher;
  jobs: Jobs;
  gateway: () => Gateway | null;
  /** The knowledge base and the live FAQ models of this node (seeding, `lingxi import kb`). */
  knowledge: KnowledgeDeps;
  /** Listens on config HOST:PORT (or the given port) and starts the roles this node runs. */
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
};

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The composition root: wires platform, domains, HTTP and realtime. Tests build exactly this. */
export async function buildApp(deps: AppDeps): Promise<LingxiApp> {
  const { config, db, bus, clock, ids } = deps;
  const roles = new Set(config.LINGXI_ROLES);
  let gateway: Gateway | null = null;
  let ready = false;
  let closing = false;
  const log = { error: (o: unknown, m?: string) => http.log.error(o, m), warn: (o: unknown, m?: string) => http.log.warn(o, m) };

  const accounts = { db, ids, clock, sessionTtlHours: config.LINGXI_SESSION_TTL_HOURS };
  let selfUrl: string | null = null;
  const models = createLiveModels({ db });
  const knowledge: KnowledgeDeps = { db, ids, clock, models, jobs: () => jobs };
  const botSettings = createBotSettings({ db });
  const bot = createBot({ clock, models, settings: botSettings, selfUrl: () => selfUrl });
  // The handoff reply offers a message or a callback when waiting will not work (routing's overflow rules).
  const replier = withOverflowNotice(bot, (workspaceId) => checkOverflow(db.sql, routing, { workspaceId, conversationId: null }));
  const conversations: ConversationsDeps = { db, ids, clock, replier, inflight: new Map(), writes: createMessageWrites({ db }), secondsPerQueuedConversation: 60, afterCommit: () => dispatcher.kick(),
    queueStanding: (workspaceId, conversationId) => queueStanding(db.sql, routing, workspaceId, conversationId) };
  const resolveCustomer = createCustomerResolver({ db });
  const resolvers: PrincipalResolvers = {
    async user(token) {
      const user = await authenticate(accounts, token);
      if (isDomainError(user)) return user;
      return { kind: 'user', ...user };
    },
    async customer(token) {
      return resolveCustomer(token);
    },
    authorize(principal: Principal, policy: string): ReturnType<PrincipalResolvers['authorize']> {
      // 'a|b': either admits (an attachment is read by its conversation's customer or by agents).
      if (policy.includes('|')) {
        const denials = policy.split('|').map((one) => resolvers.authorize(principal, one));
        return denials.includes(null) ? null : denials[denials.length - 1]!;
      }
      if (policy === 'public') return null;
      if (policy === 'customer') return principal.kind === 'customer' ? null : domainError('AUTH_REQUIRED', 401, 'This needs a customer session token.', 'Start one with POST /api/public/v1/sessions.');
      if (principal.kind !== 'user') return accountErrors.notAuthenticated();
      return can(principal.role as never, policy) ? null : accountErrors.forbidden(policy);
    },
  };

  const routingSettings = createRoutingSettings({ db });
  const routing: RoutingDeps = {
    db,
    ids,
    clock,
    jobs: () => jobs,
    activeCounts: activeCountsByAssignee,
    queue: queuedForRouting,
    settings: routingSettings,
    // Across nodes through the Redis adapter; a node without the realtime role cannot tell, so it leaves presence alone.
    hasLiveSockets: async (userId) => (gateway ? (await gateway.io.in(rooms.user(userId)).fetchSockets()).length > 0 : true),
  };
  const analyticsSettings = createAnalyticsSettings({ db });
  const analytics: AnalyticsDeps = {
    db, ids, clock, knowledge: models, settings: analyticsSettings,
    agents: async (workspaceId) => (await profileStore.list(db.sql, workspaceId)).map((p) => ({ userId: p.userId, status: p.status, capacity: p.capacity })),
  };
  // The inbox's team view: the caller's teammates (routing profiles) and the queued conversations transferred to their teams.
  const teamScope = async (workspaceId: string, userId: string) => {
    const [profiles, offers] = await Promise.all([profileStore.list(db.sql, workspaceId), offerStore.list(db.sql, workspaceId)]);
    const mine = new Set(profiles.find((p) => p.userId === userId)?.teamIds ?? []);
    return { memberIds: profiles.filter((p) => p.teamIds.some((t) => mine.has(t))).map((p) => p.userId), conversationIds: offers.filter((o) => o.teamId && mine.has(o.teamId)).map((o) => o.conversationId) };
  };
  const wall = createLiveWall({ ...analytics, log, outlet: (workspaceId, figures) => gateway?.emit(rooms.workspace(workspaceId), 'analytics.live', figures) });
  // Attached files, on disk (a directory every node shares when there are several).
  const blobs = createBlobs(config.LINGXI_ATTACHMENTS_DIR ?? join(config.LINGXI_DATA_DIR, 'attachments'));
  const routes: RouteSpec[] = roles.has('api')
    ? [
        ...accountRoutes(accounts),
        ...contactRoutes({ db, ids, clock }),
        ...publicConversationRoutes({ ...conversations, models, defaultWorkspace: DEFAULT_WORKSPACE, attachmentMaxBytes: config.LINGXI_ATTACHMENT_MAX_BYTES }),
        ...agentConversationRoutes({ ...conversations, teamScope }),
        ...knowledgeRoutes(knowledge),
        ...demoOrderRoutes({ clock }),
        ...botTryRoutes({ clock, models, settings: botSettings }),
        ...botSettingsRoutes({ db, ids, clock, settings: botSettings }),
        ...feedbackRoutes({ db, ids, clock }),
        ...routingRoutes(routing),
        ...routingSettingsRoutes({ ...routing, settings: routingSettings }),
        ...handoverRoutes({ ...conversations, routing }),
        ...leaveMessageRoutes(conversations),
        ...attachmentRoutes({ db, ids, clock, blobs, maxBytes: config.LINGXI_ATTACHMENT_MAX_BYTES }),
        ...assistRoutes({ db, ids, clock, models }),
        ...analyticsRoutes({ ...analytics, wall }),
        ...analyticsSettingsRoutes({ db, ids, clock, settings: analyticsSettings }),
      ]
    : [];
  const metrics = createMetrics();
  exposeLiveFigures(metrics, () => wall.latest());
  const http = await createHttpServer({
    logLevel: config.LOG_LEVEL,
    bodyLimit: config.LINGXI_BODY_LIMIT_BYTES,
    routes,
    resolvers,
    cookieName: SESSION_COOKIE,
    secureCookies: config.LINGXI_PUBLIC_URL?.startsWith('https://') ?? false,
    metrics,
    isReady: () => ready,
    staticRoots: { console: here('../../console/dist'), widget: here('../../widget/dist') },
    version: VERSION,
  });

  const dispatcher = createDispatcher({ db, bus, subscribers: subscribers({ gateway: () => gateway, knowledgeModels: models, routing, analytics: { ids, wall },
    settingsCaches: { bot: botSettings, routing: routingSettings, analytics: analyticsSettings } }), log, pollMs: deps.pollMs?.outbox,
    // One connection on the embedded database: fewer, fuller rounds leave it to the message path.
    roundGapMs: db.kind === 'pglite' ? 50 : 20 });
  db.onCommit(() => dispatcher.kick());
  const jobDeps = { clock, jobs: () => jobs, routing, knowledge, blobs };
  const jobs: Jobs = createJobs({ db, clock, ids, handlers: jobHandlers(jobDeps), log, pollMs: deps.pollMs?.jobs });

  if (roles.has('realtime')) {
    gateway = await createGateway(http.server, { resolvers, redisUrl: config.REDIS_URL });
    const live = gateway;
    const broadcast = { emit: live.emit, conversationRoom: rooms.conversation, workspaceRoom: rooms.workspace };
    live.onConnect((socket, principal) => bindConversationSocket(conversations, broadcast, socket, principal));
    live.onConnect((socket, principal) => {
      if (principal.kind !== 'user') return;
      // The last socket of an agent closing starts the presence grace period (a durable job). The close
      // is noticed after the connect was counted, so the grace check sees this connection.
      const agent = { workspaceId: principal.workspaceId, userId: principal.userId };
      const counted = noticeConnect(routing, agent).catch((error) => log.warn({ err: error }, 'agent connection not counted'));
      socket.on('disconnect', () => void counted.then(() => noticeDisconnect(routing, agent)).catch((error) => {
        // Closing the node closes its sockets too, often after its database: no grace to schedule then.
        if (!closing) log.warn({ err: error }, 'presence grace not scheduled');
      }));
    });
  }

  return {
    http,
    dispatcher,
    jobs,
    gateway: () => gateway,
    knowledge,
    async listen(port) {
      const address = await http.listen({ port: port ?? config.PORT, host: config.HOST });
      selfUrl = address.replace('0.0.0.0', '127.0.0.1').replace('[::1]', '127.0.0.1').replace('[::]', '127.0.0.1');
      if (roles.has('worker')) {
        dispatcher.start();
        await scheduleDailyMaintenance(db.sql, jobDeps, clock.now());
        jobs.start();
        wall.start();
      }
      ready = true;
      return address;
    },
    async close() {
      ready = false;
      closing = true;
      await http.close();
      await wall.stop();
      await dispatcher.stop();
      await jobs.stop();
      if (gateway) await gateway.close();
    },
  };
}
