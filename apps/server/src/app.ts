import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Clock } from './platform/clock.ts';
import type { Database } from './platform/db/index.ts';
import type { Ids } from './platform/ids.ts';
import type { Bus } from './platform/bus/index.ts';
import { createDispatcher, type Dispatcher } from './platform/outbox/index.ts';
import { createJobs, type Jobs } from './platform/jobs/index.ts';
import { domainError, isDomainError } from './platform/errors.ts';
import type { Principal, RouteSpec } from './platform/route.ts';
import { accountErrors, accountRoutes, authenticate, can, SESSION_COOKIE } from './domains/accounts/index.ts';
import { createHttpServer } from './http/server.ts';
import type { PrincipalResolvers } from './http/auth.ts';
import { createMetrics } from './http/metrics.ts';
import { createGateway, type Gateway } from './realtime/gateway.ts';
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
  const log = { error: (o: unknown, m?: string) => http.log.error(o, m), warn: (o: unknown, m?: string) => http.log.warn(o, m) };

  const accounts = { db, ids, clock, sessionTtlHours: config.LINGXI_SESSION_TTL_HOURS };
  const resolvers: PrincipalResolvers = {
    async user(token) {
      const user = await authenticate(accounts, token);
      if (isDomainError(user)) return user;
      return { kind: 'user', ...user };
    },
    async customer() {
      // TODO(#4): widget session tokens arrive with the conversations domain.
      return domainError('AUTH_SESSION_EXPIRED', 401, 'Unknown customer session.', 'Start a new session with POST /api/public/v1/sessions.');
    },
    authorize(principal: Principal, policy: string) {
      if (policy === 'public') return null;
      if (policy === 'customer') return principal.kind === 'customer' ? null : domainError('AUTH_REQUIRED', 401, 'This needs a customer session token.', 'Start one with POST /api/public/v1/sessions.');
      if (principal.kind !== 'user') return accountErrors.notAuthenticated();
      return can(principal.role as never, policy) ? null : accountErrors.forbidden(policy);
    },
  };

  const routes: RouteSpec[] = roles.has('api') ? [...accountRoutes(accounts)] : [];
  const metrics = createMetrics();
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

  const dispatcher = createDispatcher({ db, bus, subscribers: subscribers({ gateway: () => gateway }), log, pollMs: deps.pollMs?.outbox });
  db.onCommit(() => dispatcher.kick());
  const jobDeps = { clock, jobs: () => jobs };
  const jobs: Jobs = createJobs({ db, clock, ids, handlers: jobHandlers(jobDeps), log, pollMs: deps.pollMs?.jobs });

  if (roles.has('realtime')) {
    gateway = await createGateway(http.server, { resolvers, redisUrl: config.REDIS_URL });
  }

  return {
    http,
    dispatcher,
    jobs,
    gateway: () => gateway,
    async listen(port) {
      const address = await http.listen({ port: port ?? config.PORT, host: config.HOST });
      if (roles.has('worker')) {
        dispatcher.start();
        await scheduleDailyMaintenance(db.sql, jobDeps, clock.now());
        jobs.start();
      }
      ready = true;
      return address;
    },
    async close() {
      ready = false;
      await http.close();
      await dispatcher.stop();
      await jobs.stop();
      if (gateway) await gateway.close();
    },
  };
}
