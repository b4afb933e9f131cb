import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { seedDemoKnowledge } from '../knowledge/index.ts';

/** "Try the bot" over HTTP on the demo knowledge base: the answer, its entry, candidates and why; no conversation. */
describe('POST /api/v1/bot/try', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoKnowledge(t.app.knowledge, { workspaceId: t.workspaceId });
  }, 120_000);
  afterAll(async () => t?.close());

  it('answers a demo question from its entry with confidence, candidates and why', async () => {
    const r = await t.call('POST', '/api/v1/bot/try', { token: t.adminToken, body: { text: '运费怎么算？', locale: 'zh-CN' } });
    expect(r.status).toBe(200);
    expect(r.body.reply).toMatchObject({ kind: 'answer', text: expect.stringContaining('99 元包邮'), knowledgeEntryId: expect.any(String) });
    expect(r.body.intent).toBe(r.body.reply.knowledgeEntryId);
    expect(r.body.candidates[0]).toMatchObject({ entryId: r.body.reply.knowledgeEntryId, question: '运费怎么算？' });
    expect(r.body.confidence).toBeGreaterThan(0.45);
    expect(r.body.why).toContain('置信度');
    const english = await t.call('POST', '/api/v1/bot/try', { token: t.adminToken, body: { text: 'How long does a refund take?', locale: 'en-US' } });
    expect(english.body).toMatchObject({ language: 'en', reply: { kind: 'answer' } });
    expect(english.body.why).toMatch(/match/i);
  });

  it('says it would hand over on an explicit request, and creates no conversation', async () => {
    const r = await t.call('POST', '/api/v1/bot/try', { token: t.adminToken, body: { text: '转人工' } });
    expect(r.body).toMatchObject({ intent: 'handoff:explicit', reply: { kind: 'handoff' } });
    expect(r.body.why).toContain('客户要求人工');
    const list = await t.call('GET', '/api/v1/conversations', { token: t.adminToken });
    expect(list.body.conversations).toEqual([]);
  });

  it('lists every problem of a bad request and refuses without a login', async () => {
    const bad = await t.call('POST', '/api/v1/bot/try', { token: t.adminToken, body: { text: '  ', locale: 'fr' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['body.locale', 'body.text']);
    expect((await t.call('POST', '/api/v1/bot/try', { body: { text: 'hi' } })).status).toBe(401);
  });
});
