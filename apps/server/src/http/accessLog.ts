import type { FastifyInstance } from 'fastify';

const SLOW_MS = 1_000;

/**
 * One log line per request, after the response, instead of Fastify's two: at debug when all went
 * well (a busy node answers thousands a second), info for a refused request, warn when slow, error
 * for a server fault. The route's pattern is logged, not the URL, so query strings (searches,
 * tokens) stay out of the logs.
 */
export function installAccessLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    const level = status >= 500 ? 'error' : ms >= SLOW_MS ? 'warn' : status >= 400 ? 'info' : 'debug';
    if (!(request.log as unknown as { isLevelEnabled(l: string): boolean }).isLevelEnabled(level)) return;
    request.log[level]({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status, ms }, 'request completed');
  });
}
