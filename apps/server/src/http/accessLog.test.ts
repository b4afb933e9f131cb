import Fastify, { LogController } from 'fastify';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { installAccessLog } from './accessLog.ts';

async function serverLogging(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  const app = Fastify({ logger: { level, stream }, logController: new LogController({ disableRequestLogging: true }) });
  installAccessLog(app);
  app.get('/items/:id', async (request, reply) => ((request.query as { fail?: string }).fail ? reply.code(400).send({ error: 'bad' }) : { ok: true }));
  await app.ready();
  return { app, lines };
}

describe('access log', () => {
  it('says nothing at info for a request that went well', async () => {
    const { app, lines } = await serverLogging('info');
    await app.inject({ url: '/items/1?q=secret' });
    expect(lines.filter((l) => l.msg === 'request completed')).toEqual([]);
    await app.close();
  });

  it('logs one line for a refused request with the route pattern, never the query', async () => {
    const { app, lines } = await serverLogging('info');
    await app.inject({ url: '/items/42?fail=1&q=13800138000' });
    const logged = lines.filter((l) => l.msg === 'request completed');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ method: 'GET', route: '/items/:id', status: 400 });
    expect(JSON.stringify(lines)).not.toContain('13800138000');
    await app.close();
  });

  it('logs every request at debug', async () => {
    const { app, lines } = await serverLogging('debug');
    await app.inject({ url: '/items/1' });
    expect(lines.filter((l) => l.msg === 'request completed')).toHaveLength(1);
    await app.close();
  });
});
