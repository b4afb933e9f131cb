import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { seedDemoKnowledge } from '../knowledge/index.ts';

/** AI assist on the demo knowledge base, the soothing script for an angry customer, canned responses and their variables. */
describe('agent assist and canned responses', () => {
  let t: TestApp;
  let agentToken: string;
  let seq = 0;
  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoKnowledge(t.app.knowledge, { workspaceId: t.workspaceId });
    await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: 'wei@example.com', name: '张伟', password: 'agent-password', role: 'agent' } });
    agentToken = await t.login('wei@example.com', 'agent-password');
  }, 120_000);
  afterAll(async () => t?.close());

  async function conversationSaying(texts: string[], session: Record<string, unknown> = {}) {
    const s = (await t.call('POST', '/api/public/v1/sessions', { body: session })).body as { sessionToken: string; conversationId: string };
    for (const text of texts) await t.call('POST', '/api/public/v1/messages', { token: s.sessionToken, body: { text, clientMessageId: `as-${++seq}` } });
    return s;
  }

  it('suggests knowledge-base answers with entry ids and confidence, and cards, for a demo question', async () => {
    const s = await conversationSaying(['运费怎么算？']);
    const assist = await t.call('GET', `/api/v1/conversations/${s.conversationId}/assist`, { token: agentToken });
    expect(assist.status).toBe(200);
    expect(assist.body).toMatchObject({ text: '运费怎么算？', language: 'zh', soothing: null, emotion: { level: 1 } });
    expect(assist.body.suggestions[0]).toMatchObject({ question: '运费怎么算？', text: expect.stringContaining('99 元包邮'), entryId: expect.any(String) });
    expect(assist.body.suggestions[0].confidence).toBeGreaterThan(0.3);
    expect(assist.body.cards.length).toBeGreaterThan(1);
    expect(assist.body.cards[0]).toMatchObject({ question: '运费怎么算？', excerpt: expect.any(String) });
  });

  it('looks back past "转人工" to what the customer asked, in their language', async () => {
    const s = await conversationSaying(['How long does a refund take?', 'human please']);
    const assist = await t.call('GET', `/api/v1/conversations/${s.conversationId}/assist`, { token: agentToken });
    expect(assist.body.language).toBe('en');
    expect(assist.body.suggestions.length).toBeGreaterThan(0);
    expect(assist.body.suggestions[0].question.toLowerCase()).toContain('refund');
  });

  it('adds a soothing script and the compensation policy when the customer is angry', async () => {
    const s = await conversationSaying(['你们这什么破服务！！！我要投诉，马上给我退款！']);
    const assist = await t.call('GET', `/api/v1/conversations/${s.conversationId}/assist`, { token: agentToken });
    expect(assist.body.emotion.level).toBeGreaterThanOrEqual(3);
    expect(assist.body.soothing).toMatchObject({ category: 'anger', script: expect.stringContaining('抱歉'), compensation: { maxCouponYuan: 20, allowExpressRefund: true, text: expect.stringContaining('20 元') } });

    expect((await t.call('PUT', '/api/v1/settings/assist', { token: agentToken, body: { maxCouponYuan: 50 } })).status).toBe(403);
    const bad = await t.call('PUT', '/api/v1/settings/assist', { token: t.adminToken, body: { maxCouponYuan: -5, allowExpressRefund: 'yes' } });
    expect(bad.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['body.allowExpressRefund', 'body.maxCouponYuan']);
    expect((await t.call('PUT', '/api/v1/settings/assist', { token: t.adminToken, body: { maxCouponYuan: 50, allowExpressRefund: false } })).body.settings).toEqual({ maxCouponYuan: 50, allowExpressRefund: false });
    const english = await conversationSaying(['This is ridiculous!!! I want a refund NOW']);
    const calmed = await t.call('GET', `/api/v1/conversations/${english.conversationId}/assist`, { token: agentToken });
    expect(calmed.body.soothing).toMatchObject({ script: expect.stringContaining('sorry'), compensation: { text: expect.stringContaining('¥50'), allowExpressRefund: false } });
    expect(calmed.body.soothing.compensation.text).not.toContain('express refund');
  });

  it('answers 404 for an unknown conversation', async () => {
    expect((await t.call('GET', '/api/v1/conversations/00000000-0000-7000-8000-000000000000/assist', { token: agentToken })).status).toBe(404);
  });

  it('keeps canned responses: create, list, search, edit, render with variables, delete', async () => {
    const draft = { shortcut: 'order', title: '查询订单 / Order lookup', text: { 'zh-CN': '{{customer.name}}您好，我是{{agent.name}}，正在为您查询订单 {{order.number}}。', 'en-US': 'Hi {{customer.name}}, {{agent.name}} here. Checking order {{order.number}} now.' } };
    expect((await t.call('POST', '/api/v1/canned-responses', { token: agentToken, body: draft })).status).toBe(403);
    const created = await t.call('POST', '/api/v1/canned-responses', { token: t.adminToken, body: draft });
    expect(created.status).toBe(201);
    expect(created.body.cannedResponse).toMatchObject({ shortcut: 'order', variables: ['customer.name', 'agent.name', 'order.number'] });
    const id = created.body.cannedResponse.id;
    expect((await t.call('POST', '/api/v1/canned-responses', { token: t.adminToken, body: draft })).body.error).toMatchObject({ code: 'CANNED_SHORTCUT_TAKEN', problems: [{ path: 'body.shortcut' }] });
    await t.call('POST', '/api/v1/canned-responses', { token: t.adminToken, body: { shortcut: 'thanks', title: '感谢', text: { 'zh-CN': '感谢您的耐心等待！' } } });

    const all = await t.call('GET', '/api/v1/canned-responses', { token: agentToken });
    expect(all.body.cannedResponses.map((c: { shortcut: string }) => c.shortcut)).toEqual(['order', 'thanks']);
    expect((await t.call('GET', '/api/v1/canned-responses?q=感谢', { token: agentToken })).body.cannedResponses.map((c: { shortcut: string }) => c.shortcut)).toEqual(['thanks']);

    const s = await conversationSaying(['我的订单 LX20260001234 到哪了'], { name: '王芳', locale: 'zh-CN' });
    const rendered = await t.call('POST', `/api/v1/canned-responses/${id}/render`, { token: agentToken, body: { conversationId: s.conversationId } });
    expect(rendered.body).toEqual({ text: '王芳您好，我是张伟，正在为您查询订单 LX20260001234。', locale: 'zh-CN', missing: [] });
    const anonymous = await conversationSaying(['hello'], { locale: 'en-US' });
    const partly = await t.call('POST', `/api/v1/canned-responses/${id}/render`, { token: agentToken, body: { conversationId: anonymous.conversationId } });
    expect(partly.body).toEqual({ text: 'Hi {{customer.name}}, 张伟 here. Checking order {{order.number}} now.', locale: 'en-US', missing: ['customer.name', 'order.number'] });

    const edited = await t.call('PUT', `/api/v1/canned-responses/${id}`, { token: t.adminToken, body: { ...draft, title: '订单', text: { 'zh-CN': '请稍等，{{customer.name}}。' } } });
    expect(edited.body.cannedResponse).toMatchObject({ title: '订单', text: { 'zh-CN': '请稍等，{{customer.name}}。', 'en-US': null }, variables: ['customer.name'] });
    const noEnglish = await t.call('POST', `/api/v1/canned-responses/${id}/render`, { token: agentToken, body: { conversationId: s.conversationId, locale: 'en-US' } });
    expect(noEnglish.status).toBe(409);
    expect((await t.call('PUT', `/api/v1/canned-responses/${id}`, { token: t.adminToken, body: { ...draft, shortcut: 'thanks' } })).status).toBe(409);

    expect((await t.call('DELETE', `/api/v1/canned-responses/${id}`, { token: t.adminToken })).body).toEqual({ ok: true });
    expect((await t.call('DELETE', `/api/v1/canned-responses/${id}`, { token: t.adminToken })).status).toBe(404);
  });

  it('lists every problem of bad canned responses and render requests', async () => {
    const bad = await t.call('POST', '/api/v1/canned-responses', { token: t.adminToken, body: { shortcut: 'has space', title: '', text: {} } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['body.shortcut', 'body.text', 'body.title']);
    const render = await t.call('POST', '/api/v1/canned-responses/not-a-uuid/render', { token: agentToken, body: { conversationId: 'x', locale: 'fr' } });
    expect(render.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['body.conversationId', 'body.locale', 'params.id']);
  });
});
