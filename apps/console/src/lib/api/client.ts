import type { z } from 'zod';
import { ErrorBody } from '@lingxi/contracts';

export type Problem = { path: string; message: string };

/** Every failure the console can meet, shaped like the server's ErrorBody (network and parse failures too). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint: string,
    readonly problems: Problem[],
    readonly requestId: string | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

export type RequestOptions<T> = {
  body?: unknown;
  /** Sent as is with this content type instead of JSON (e.g. JSON Lines). */
  rawBody?: { text: string; contentType: string };
  query?: Record<string, string | number | undefined | null>;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
};

export type ApiClient = {
  request<T>(method: string, path: string, options: RequestOptions<T>): Promise<T>;
};

export type ClientDeps = {
  token(): string | null;
  /** Called when a request that carried a token is refused as unauthenticated: the session is over. */
  onSessionEnded(error: ApiError): void;
  fetch?: typeof fetch;
};

function withQuery(path: string, query: RequestOptions<unknown>['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function errorFromResponse(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(text));
    if (parsed.success) {
      const e = parsed.data.error;
      return new ApiError(response.status, e.code, e.message, e.hint, e.problems, e.requestId);
    }
  } catch {
    // not JSON: fall through to a generic error with the status
  }
  return new ApiError(response.status, `HTTP_${response.status}`, text.slice(0, 200) || response.statusText, '', [], response.headers.get('x-request-id'));
}

const SESSION_OVER = new Set(['AUTH_REQUIRED', 'AUTH_SESSION_EXPIRED', 'USER_DISABLED']);

export function createApiClient(deps: ClientDeps): ApiClient {
  const doFetch = deps.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  return {
    async request(method, path, options) {
      const token = deps.token();
      const headers: Record<string, string> = { accept: 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (options.rawBody) {
        body = options.rawBody.text;
        headers['content-type'] = options.rawBody.contentType;
      } else if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] = 'application/json';
      }
      let response: Response;
      try {
        response = await doFetch(withQuery(path, options.query), { method, headers, body, signal: options.signal, credentials: 'same-origin' });
      } catch (cause) {
        if ((cause as Error).name === 'AbortError') throw cause;
        throw new ApiError(0, 'NETWORK', 'The server could not be reached.', 'Check your connection, then retry.', [], null);
      }
      if (!response.ok) {
        const error = await errorFromResponse(response);
        if (token && response.status === 401 && SESSION_OVER.has(error.code)) deps.onSessionEnded(error);
        throw error;
      }
      const json: unknown = response.status === 204 ? {} : await response.json().catch(() => null);
      const parsed = options.schema.safeParse(json);
      if (!parsed.success) {
        const problems = parsed.error.issues.slice(0, 5).map((issue) => ({ path: `response.${issue.path.join('.')}`, message: issue.message }));
        throw new ApiError(response.status, 'BAD_RESPONSE', `The server answered ${method} ${path} in an unexpected shape.`, 'The console and the server may be different versions: reload the page.', problems, response.headers.get('x-request-id'));
      }
      return parsed.data;
    },
  };
}
