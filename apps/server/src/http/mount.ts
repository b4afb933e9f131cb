import type { FastifyInstance } from 'fastify';
import { ErrorBody } from '@lingxi/contracts';
import type { z } from 'zod';
import { DomainFailure, type Problem } from '../platform/errors.ts';
import { RawReply, type CookieOptions, type RouteSpec } from '../platform/route.ts';
import { principalFor, type PrincipalResolvers } from './auth.ts';
import { problemsOf, validationFailed } from './errors.ts';

type Part = 'params' | 'query' | 'body';

/** Mounts route specs: every part of the request is checked together so one answer lists every problem. */
export function mountRoutes(app: FastifyInstance, specs: readonly RouteSpec[], options: { resolvers: PrincipalResolvers; cookieName: string; secureCookies: boolean }): void {
  for (const spec of specs) {
    const status = spec.status ?? 200;
    app.route({
      method: spec.method,
      url: spec.url,
      schema: {
        summary: spec.summary,
        tags: spec.tags,
        ...(spec.params ? { params: spec.params } : {}),
        ...(spec.query ? { querystring: spec.query } : {}),
        ...(spec.body ? { body: spec.body } : {}),
        ...(spec.policy !== 'public' ? { security: [{ bearer: [] }] } : {}),
        response: { [status]: spec.response, '4xx': ErrorBody, '5xx': ErrorBody },
      },
      config: { policy: spec.policy },
      handler: async (request, reply) => {
        const principal = await principalFor(request, spec.policy, options.resolvers, options.cookieName);
        const problems: Problem[] = [];
        const parsed: Record<Part, unknown> = { params: undefined, query: undefined, body: undefined };
        const raw: Record<Part, unknown> = { params: request.params, query: request.query, body: request.body };
        for (const part of ['params', 'query', 'body'] as const) {
          const schema = spec[part] as z.ZodType | undefined;
          if (!schema) continue;
          const result = schema.safeParse(part === 'body' && raw.body === undefined ? {} : raw[part]);
          if (result.success) parsed[part] = result.data;
          else problems.push(...problemsOf(part, result.error));
        }
        if (problems.length > 0) throw new DomainFailure(validationFailed(problems));
        let code = status;
        const result = await spec.handler({
          params: parsed.params,
          query: parsed.query,
          body: parsed.body,
          principal,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: String(request.id),
          headers: request.headers,
          setStatus: (c: number) => {
            code = c;
          },
          setCookie: (name: string, value: string, cookie?: CookieOptions) => {
            void reply.setCookie(name, value, {
              path: cookie?.path ?? '/',
              httpOnly: cookie?.httpOnly ?? true,
              sameSite: 'lax',
              secure: options.secureCookies,
              ...(cookie?.maxAgeSeconds ? { maxAge: cookie.maxAgeSeconds } : {}),
            });
          },
          clearCookie: (name: string) => {
            void reply.clearCookie(name, { path: '/' });
          },
        } as never);
        if (result instanceof RawReply) {
          void reply.type(result.contentType);
          if (result.filename) void reply.header('content-disposition', `attachment; filename="${result.filename}"`);
          return reply.code(code).send(result.body);
        }
        return reply.code(code).send(result);
      },
    });
  }
}
