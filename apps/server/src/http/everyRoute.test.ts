import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/harness.ts';

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; anyOf?: JsonSchema[]; enum?: unknown[]; format?: string };
type Operation = { parameters?: Array<{ in: string; name: string; schema: JsonSchema; required?: boolean }>; requestBody?: { content: Record<string, { schema: JsonSchema }> }; security?: unknown[] };

/** A value of the wrong type for a schema, so validation must name this field. */
function wrongValueFor(schema: JsonSchema): unknown {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (schema.enum) return '__not_one_of_the_options__';
  switch (type) {
    case 'string':
      return 12345;
    case 'number':
    case 'integer':
      return 'not a number';
    case 'boolean':
      return 'not a boolean';
    case 'array':
      return 'not a list';
    case 'object':
      return 42;
    default:
      return undefined;
  }
}

/**
 * Walks the OpenAPI document: every route, given bad input, answers a 4xx that lists every problem —
 * never a 500. New routes are covered the moment they are mounted.
 */
describe('bad input to every route', () => {
  let t: TestApp;
  let paths: Record<string, Record<string, Operation>>;
  let customerToken: string | null = null;
  beforeAll(async () => {
    t = await startTestApp();
    paths = (await t.call('GET', '/api/docs/json')).body.paths;
    const session = await t.call('POST', '/api/public/v1/sessions', { body: {} });
    if (session.status === 201) customerToken = session.body.sessionToken;
  });
  afterAll(async () => t?.close());

  const tokenFor = (path: string) => (path.startsWith('/api/public/') ? (customerToken ?? undefined) : t.adminToken);

  it('covers the routes of the API', () => {
    expect(Object.keys(paths).length).toBeGreaterThan(5);
  });

  it('describes the socket events beside the routes (OpenAPI has no words for them)', async () => {
    const { description } = (await t.call('GET', '/api/docs/json')).body.info as { description: string };
    for (const event of ['message.send', 'resume', 'message.created', 'conversation.updated', 'conversation.offered', 'mention.created']) expect(description).toContain(`\`${event}\``);
  });

  it('rejects malformed ids in the path with a 4xx naming the parameter', async () => {
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const uuidParams = (operation.parameters ?? []).filter((p) => p.in === 'path' && p.schema.format === 'uuid');
        if (uuidParams.length === 0) continue;
        const url = path.replace(/\{(\w+)\}/g, 'not-a-uuid');
        const result = await t.call(method.toUpperCase(), url, { token: tokenFor(path), body: method === 'get' || method === 'delete' ? undefined : {} });
        expect(result.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
        expect(result.status, `${method} ${path}`).toBeLessThan(500);
        expect(result.body.error.problems.map((p: { path: string }) => p.path), `${method} ${path}`).toEqual(
          expect.arrayContaining(uuidParams.map((p) => `params.${p.name}`)),
        );
      }
    }
  });

  it('lists a problem for every wrongly typed body field at once', async () => {
    let checked = 0;
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const schema = operation.requestBody?.content['application/json']?.schema;
        if (!schema?.properties) continue;
        const body: Record<string, unknown> = {};
        for (const [name, property] of Object.entries(schema.properties)) {
          const wrong = wrongValueFor(property.anyOf?.[0] ?? property);
          if (wrong !== undefined) body[name] = wrong;
        }
        if (Object.keys(body).length === 0) continue;
        const url = path.replace(/\{(\w+)\}/g, '00000000-0000-7000-8000-000000000000');
        const result = await t.call(method.toUpperCase(), url, { token: tokenFor(path), body });
        expect(result.status, `${method} ${path}: ${JSON.stringify(result.body)}`).toBe(400);
        const reported = result.body.error.problems.map((p: { path: string }) => p.path);
        for (const name of Object.keys(body)) expect(reported.some((p: string) => p.startsWith(`body.${name}`)), `${method} ${path} body.${name}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2);
  });

  it('answers a body that is not JSON at all with a 4xx on every route that takes one', async () => {
    for (const [path, methods] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (!operation.requestBody?.content['application/json']) continue;
        const url = path.replace(/\{(\w+)\}/g, '00000000-0000-7000-8000-000000000000');
        const result = await t.call(method.toUpperCase(), url, { token: tokenFor(path), body: '{"unterminated": ', headers: { 'content-type': 'application/json' } });
        expect(result.status, `${method} ${path}`).toBe(400);
        expect(result.body.error.code).toBe('BODY_NOT_JSON');
      }
    }
  });
});
