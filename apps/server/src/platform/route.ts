import type { Readable } from 'node:stream';
import type { z } from 'zod';

/**
 * A route as data: domains describe their HTTP surface without importing the web framework;
 * the http layer mounts every spec (validation, policy, OpenAPI, errors) in one place.
 */
export type Principal =
  | { kind: 'user'; userId: string; workspaceId: string; role: string; email: string; sessionId: string }
  | { kind: 'customer'; workspaceId: string; contactId: string; conversationId: string }
  | { kind: 'anonymous' };

/** The one file of a multipart upload, read whole (up to the route's maxBytes; `truncated` if it was larger). */
export type UploadedFile = { filename: string; contentType: string; bytes: Buffer; truncated: boolean };

export type CookieOptions = { maxAgeSeconds?: number; httpOnly?: boolean; path?: string };

export type RouteContext<P, Q, B> = {
  params: P;
  query: Q;
  body: B;
  principal: Principal;
  ip: string;
  userAgent: string | null;
  requestId: string;
  headers: Record<string, string | string[] | undefined>;
  /** Only on routes with `upload`: the file sent (null if the request had no file part). */
  file: UploadedFile | null;
  setStatus(code: number): void;
  setCookie(name: string, value: string, options?: CookieOptions): void;
  clearCookie(name: string): void;
};

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteSpec<P extends Schema | undefined = Schema | undefined, Q extends Schema | undefined = Schema | undefined, B extends Schema | undefined = Schema | undefined, R extends Schema = Schema> = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  /** Who may call it: 'public', 'customer' (a widget session), or a permission a user's role must grant. */
  policy: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The success status and body; errors are always the shared ErrorBody. */
  status?: number;
  response: R;
  /** Body content types besides JSON the route accepts (e.g. application/x-ndjson). */
  consumes?: string[];
  /** Content types of a RawReply the route answers with (for the API docs), e.g. a file download. */
  produces?: string[];
  /** The route takes one file as multipart/form-data (field `file`); larger files arrive truncated for the handler to refuse. */
  upload?: { maxBytes: number };
  handler(ctx: RouteContext<Out<P>, Out<Q>, Out<B>>): Promise<z.input<R> | RawReply>;
};

export function route<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined, R extends Schema = Schema>(
  spec: RouteSpec<P, Q, B, R>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** A body sent as it is (e.g. a CSV download) instead of the route's JSON response. */
export class RawReply {
  constructor(
    readonly body: string | Uint8Array | Readable,
    readonly contentType: string,
    readonly filename?: string,
    /** inline: shown by the browser (images); otherwise downloaded. Extra headers (e.g. caching) go with it. */
    readonly options: { inline?: boolean; headers?: Record<string, string> } = {},
  ) {}
}
