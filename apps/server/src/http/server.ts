import { existsSync } from 'node:fs';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { ErrorBody, HealthResponse } from '@lingxi/contracts';
import type { RouteSpec } from '../platform/route.ts';
import { ids } from './requestIds.ts';
import { installAccessLog } from './accessLog.ts';
import type { PrincipalResolvers } from './auth.ts';
import { installErrorHandling } from './errors.ts';
import { instrumentHttp, type Metrics } from './metrics.ts';
import { mountRoutes } from './mount.ts';
import { REALTIME_DOCS } from './realtimeDocs.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route: see platform/route.ts. */
    policy?: string;
  }
}

export type HttpOptions = {
  logLevel: string;
  bodyLimit: number;
  routes: readonly RouteSpec[];
  resolvers: PrincipalResolvers;
  cookieName: string;
  secureCookies: boolean;
  metrics: Metrics;
  isReady(): boolean;
  /** Built front ends to serve, if they exist: the console at /, the widget at /widget. */
  staticRoots: { console?: string; widget?: string };
  version: string;
};

/**
 * Every route declares a policy. Routes added by third-party plugins (docs UI, static files) are
 * declared public at the place they are registered, never by matching their URL.
 */
const DEFAULT_POLICY = Symbol('defaultPolicy');
type WithDefaultPolicy = FastifyInstance & { [DEFAULT_POLICY]?: string };

function declarePublic(app: FastifyInstance): void {
  (app as WithDefaultPolicy)[DEFAULT_POLICY] = 'public';
}

export async function createHttpServer(options: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: options.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit,
    genReqId: ids,
    requestIdHeader: 'x-request-id',
    connectionTimeout: 30_000,
    requestTimeout: 60_000,
    keepAliveTimeout: 72_000,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRoute', function (this: WithDefaultPolicy, route) {
    const policy = (route.config as { policy?: string } | undefined)?.policy ?? this[DEFAULT_POLICY];
    if (!policy) throw new Error(`Route ${route.method} ${route.url} declares no policy`);
    route.config = { ...(route.config as object), policy };
  });
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', String(request.id));
  });
  app.addContentTypeParser(['application/x-ndjson', 'text/plain', 'text/csv'], { parseAs: 'string' }, (_req, body, done) => done(null, body));
  installErrorHandling(app);
  installAccessLog(app);
  instrumentHttp(app, options.metrics);
  await app.register(fastifyCookie);
  // Attachment uploads; each upload route sets its own file size limit when it reads the file.
  await app.register(fastifyMultipart);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Lingxi API', description: `Lingxi 灵犀 — AI-first customer service. Errors are always \`ErrorBody\`.${REALTIME_DOCS}`, version: options.version },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs) => {
    declarePublic(docs);
    await docs.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  });

  app.get('/healthz', { config: { policy: 'public' }, schema: { hide: true, response: { 200: HealthResponse, 503: ErrorBody } } }, async (_req, reply) => {
    if (!options.isReady()) return reply.code(503).send({ error: { code: 'NOT_READY', message: 'Starting up', hint: 'Try again in a moment.', problems: [], requestId: '' } });
    return { status: 'ok' as const };
  });
  app.get('/metrics', { config: { policy: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    void reply.type(options.metrics.registry.contentType);
    return options.metrics.registry.metrics();
  });

  mountRoutes(app, options.routes, options);

  const { console: consoleRoot, widget: widgetRoot } = options.staticRoots;
  if (widgetRoot && existsSync(widgetRoot)) {
    await app.register(async (widget) => {
      declarePublic(widget);
      await widget.register(fastifyStatic, { root: widgetRoot, prefix: '/widget/', decorateReply: false });
    });
    await app.register(async (demo) => {
      declarePublic(demo);
      await demo.register(fastifyStatic, { root: widgetRoot, serve: false });
      // A demo shop page with the widget embedded, as a customer's site would have it.
      demo.get('/demo', (_req, reply) => reply.sendFile('demo.html'));
    });
  }
  if (consoleRoot && existsSync(consoleRoot)) {
    await app.register(async (site) => {
      declarePublic(site);
      // wildcard: false registers one route per built file (and `/` for index.html).
      await site.register(fastifyStatic, { root: consoleRoot, prefix: '/', wildcard: false });
      // The console is a single-page app: its client-side routes all load index.html.
      site.get('/console/*', (_req, reply) => reply.sendFile('index.html'));
    });
  }
  return app;
}
