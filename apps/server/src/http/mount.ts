import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ErrorBody } from '@lingxi/contracts';
import type { z } from 'zod';
import { DomainFailure, type Problem } from '../platform/errors.ts';
import { RawReply, type CookieOptions, type RouteSpec, type UploadedFile } from '../platform/route.ts';
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
        ...(spec.consumes ? { consumes: spec.consumes } : {}),
        ...(spec.produces ? { produces: spec.produces } : {}),
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
          if (!schema || (part === 'body' && spec.upload)) continue;
          const result = schema.safeParse(part === 'body' && raw.body == null ? {} : raw[part]); // no body at all is an empty one
          if (result.success) parsed[part] = result.data;
          else problems.push(...problemsOf(part, result.error));
        }
        if (spec.upload && !request.isMultipart()) problems.push({ path: 'body.file', message: 'is required: send multipart/form-data with the file in a part named file' });
        if (problems.length > 0) throw new DomainFailure(validationFailed(problems));
        const file = spec.upload ? await readUpload(request, spec.upload.maxBytes) : null;
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
          file,
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
          if (result.filename) void reply.header('content-disposition', contentDisposition(result.options.inline ? 'inline' : 'attachment', result.filename));
          for (const [name, value] of Object.entries(result.options.headers ?? {})) void reply.header(name, value);
          return reply.code(code).send(result.body);
        }
        return reply.code(code).send(result);
      },
    });
  }
}

/** The first file part, read whole up to maxBytes (a larger one arrives truncated, for the handler to refuse); other parts are ignored. */
async function readUpload(request: FastifyRequest, maxBytes: number): Promise<UploadedFile | null> {
  const part = await request.file({ throwFileSizeLimit: false, limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 4096, parts: 40 } });
  if (!part) return null;
  const bytes = await part.toBuffer();
  return { filename: part.filename, contentType: part.mimetype, bytes, truncated: part.file.truncated };
}

/** RFC 6266: an ASCII fallback name and the exact UTF-8 name (Chinese file names survive). */
export function contentDisposition(kind: 'inline' | 'attachment', filename: string): string {
  // eslint-disable-next-line no-control-regex
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const exact = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
