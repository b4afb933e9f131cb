import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApiClient, isApiError, type ApiError } from './client.ts';

function fakeFetch(status: number, body: unknown, seen: Array<{ url: string; init: RequestInit }> = []): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-request-id': 'req-1' } });
  }) as unknown as typeof fetch;
}

const errorBody = (code: string, status: number) => ({ error: { code, message: `${code} happened`, hint: 'do this', problems: [{ path: 'body.email', message: 'is already used' }], requestId: `r-${status}` } });

describe('api client', () => {
  it('sends the bearer token and query, and parses the answer with the schema', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const client = createApiClient({ token: () => 't0k', onSessionEnded: () => undefined, fetch: fakeFetch(200, { n: 1, extra: true }, seen) });
    const answer = await client.request('GET', '/api/v1/x', { query: { a: 'b', empty: '', none: undefined }, schema: z.object({ n: z.number() }) });
    expect(answer).toEqual({ n: 1 });
    expect(seen[0]!.url).toBe('/api/v1/x?a=b');
    expect((seen[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer t0k');
  });

  it('turns an ErrorBody into an ApiError with every problem', async () => {
    const client = createApiClient({ token: () => 't', onSessionEnded: () => undefined, fetch: fakeFetch(409, errorBody('USER_EMAIL_TAKEN', 409)) });
    const error = await client.request('POST', '/api/v1/users', { body: {}, schema: z.unknown() }).catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ status: 409, code: 'USER_EMAIL_TAKEN', hint: 'do this', problems: [{ path: 'body.email', message: 'is already used' }], requestId: 'r-409' });
  });

  it('ends the session when a request with a token is refused as expired, but not for a wrong password', async () => {
    const ended: ApiError[] = [];
    const expired = createApiClient({ token: () => 't', onSessionEnded: (e) => ended.push(e), fetch: fakeFetch(401, errorBody('AUTH_SESSION_EXPIRED', 401)) });
    await expired.request('GET', '/api/v1/audit', { schema: z.unknown() }).catch(() => undefined);
    expect(ended.map((e) => e.code)).toEqual(['AUTH_SESSION_EXPIRED']);

    const login = createApiClient({ token: () => null, onSessionEnded: (e) => ended.push(e), fetch: fakeFetch(401, errorBody('AUTH_INVALID_CREDENTIALS', 401)) });
    await login.request('POST', '/api/v1/auth/login', { body: {}, schema: z.unknown() }).catch(() => undefined);
    expect(ended).toHaveLength(1);
  });

  it('reports an unreachable server and an unexpected answer as errors the screens can show', async () => {
    const offline = createApiClient({ token: () => null, onSessionEnded: () => undefined, fetch: (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch });
    expect(await offline.request('GET', '/x', { schema: z.unknown() }).catch((e: ApiError) => e.code)).toBe('NETWORK');

    const odd = createApiClient({ token: () => null, onSessionEnded: () => undefined, fetch: fakeFetch(200, { users: 'nope' }) });
    const error = (await odd.request('GET', '/x', { schema: z.object({ users: z.array(z.string()) }) }).catch((e: ApiError) => e)) as ApiError;
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.problems[0]!.path).toBe('response.users');

    const html = createApiClient({ token: () => null, onSessionEnded: () => undefined, fetch: fakeFetch(502, '<html>Bad gateway</html>') });
    expect(await html.request('GET', '/x', { schema: z.unknown() }).catch((e: ApiError) => e.code)).toBe('HTTP_502');
  });
});
