import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { seedDemoKnowledge } from '../knowledge/index.ts';

let t: TestApp;
let seq = 0;

beforeAll(async () => {
  t = await startTestApp();
  await seedDemoKnowledge(t.app.knowledge, { workspaceId: t.workspaceId });
}, 60_000);
afterAll(async () => t?.close());

async function session(body: Record<string, unknown> = {}) {
  const res = await t.call('POST', '/api/public/v1/sessions', { body });
  expect(res.status).toBe(201);
  return res.body as { sessionToken: string; contactId: string; conversationId: string };
}
const say = (token: string, text: string, clientMessageId = `c-${++seq}`) => t.call('POST', '/api/public/v1/messages', { token, body: { text, clientMessageId } });

describe('customer conversation with the bot', () => {
  it('answers a Chinese question from the Chinese entry and an English one from the English entry', async () => {
    const s = await session({ locale: 'zh-CN' });
    const zh = await say(s.sessionToken, '退货运费谁出？');
    expect(zh.status).toBe(200);
    expect(zh.body.message).toMatchObject({ author: 'customer', text: '退货运费谁出？', conversationId: s.conversationId });
    expect(zh.body.replies).toHaveLength(1);
    expect(zh.body.replies[0]).toMatchObject({ kind: 'answer' });
    expect(zh.body.replies[0].text).toContain('运费险');
    expect(zh.body.replies[0].knowledgeEntryId).toBeTruthy();
    expect(zh.body.replies[0].suggestions.length).toBeGreaterThan(0);
    expect(zh.body.conversation).toMatchObject({ id: s.conversationId, status: 'bot', queuePosition: null });

    const en = await say(s.sessionToken, 'How long does a refund take?');
    expect(en.body.replies[0].kind).toBe('answer');
    expect(en.body.replies[0].text).toContain('business days');
    expect(en.body.replies[0].knowledgeEntryId).not.toBe(zh.body.replies[0].knowledgeEntryId);

    const history = await t.call('GET', '/api/public/v1/messages', { token: s.sessionToken });
    expect(history.body.messages.map((m: { author: string }) => m.author)).toEqual(['customer', 'bot', 'customer', 'bot']);
    const after = await t.call('GET', `/api/public/v1/messages?after=${zh.body.replies[0].id}`, { token: s.sessionToken });
    expect(after.body.messages.map((m: { text: string }) => m.text)[0]).toBe('How long does a refund take?');
  });

  it('hands off on 转人工 with a handoff package the agent can read', async () => {
    const s = await session({ name: '王小明', email: 'wxm@example.com' });
    await say(s.sessionToken, '怎么开发票？');
    const res = await say(s.sessionToken, '转人工');
    expect(res.body.replies[0]).toMatchObject({ kind: 'handoff' });
    expect(res.body.conversation.status).toBe('queued');
    expect(res.body.conversation.queuePosition).toBeGreaterThanOrEqual(1);
    expect(res.body.conversation.estimatedWaitSeconds).toBeGreaterThan(0);
    const detail = await t.call('GET', `/api/v1/conversations/${s.conversationId}`, { token: t.adminToken });
    expect(detail.status).toBe(200);
    expect(detail.body.handoff).toMatchObject({ trigger: 'explicit', contact: { name: '王小明', email: 'wxm@example.com' } });
    expect(detail.body.handoff.summary).toContain('怎么开发票');
    expect(detail.body.handoff.emotionTrajectory).toHaveLength(2);
    expect(detail.body.conversation.handoffTrigger).toBe('explicit');
    // Queued: the bot stays quiet.
    const quiet = await say(s.sessionToken, '还有人吗');
    expect(quiet.body.replies).toEqual([]);
    expect(quiet.body.conversation.status).toBe('queued');
  });

  it('hands off when the same question comes three times', async () => {
    const s = await session();
    const first = await say(s.sessionToken, '优惠券为什么用不了');
    expect(first.body.replies[0].kind).toBe('answer');
    await say(s.sessionToken, '优惠券为什么用不了');
    const third = await say(s.sessionToken, '优惠券为什么用不了');
    expect(third.body.conversation.status).toBe('queued');
    const detail = await t.call('GET', `/api/v1/conversations/${s.conversationId}`, { token: t.adminToken });
    expect(detail.body.handoff.trigger).toBe('repeat');
  });

  it('hands off an angry customer', async () => {
    const s = await session();
    const res = await say(s.sessionToken, '你们这什么垃圾服务！！！气死我了，投诉！');
    expect(res.body.conversation.status).toBe('queued');
    const detail = await t.call('GET', `/api/v1/conversations/${s.conversationId}`, { token: t.adminToken });
    expect(detail.body.handoff.trigger).toBe('emotion');
    expect(detail.body.handoff.emotionTrajectory.at(-1)).toBeGreaterThanOrEqual(4);
  });

  it('hands off after two turns in a row it does not understand', async () => {
    const s = await session({ locale: 'en-US' });
    const first = await say(s.sessionToken, 'what is the capital of France');
    expect(first.body.replies[0].kind).toBe('fallback');
    expect(first.body.conversation.status).toBe('bot');
    const second = await say(s.sessionToken, 'tell me a joke about penguins');
    expect(second.body.conversation.status).toBe('queued');
    const detail = await t.call('GET', `/api/v1/conversations/${s.conversationId}`, { token: t.adminToken });
    expect(detail.body.handoff.trigger).toBe('low_confidence');
  });

  it('never lets the bot answer a human-only contact', async () => {
    const s = await session({ email: 'vip-person@example.com' });
    const patched = await t.call('PATCH', `/api/v1/contacts/${s.contactId}`, { token: t.adminToken, body: { humanOnly: true } });
    expect(patched.status).toBe(200);
    const res = await say(s.sessionToken, '怎么退货？');
    expect(res.body.replies.every((r: { kind: string }) => r.kind !== 'answer')).toBe(true);
    expect(res.body.conversation.status).toBe('queued');
    const detail = await t.call('GET', `/api/v1/conversations/${s.conversationId}`, { token: t.adminToken });
    expect(detail.body.handoff.trigger).toBe('human_only');
    // The same person comes back with a new session: still never the bot.
    const again = await session({ email: 'vip-person@example.com' });
    expect(again.contactId).toBe(s.contactId);
    const res2 = await say(again.sessionToken, 'How do I return an item?');
    expect(res2.body.replies.map((r: { kind: string }) => r.kind)).toEqual(['handoff']);
  });

  it('stores a repeated clientMessageId once, also when the retries race', async () => {
    const s = await session();
    const first = await say(s.sessionToken, '怎么开发票？', 'same-1');
    const retry = await say(s.sessionToken, '怎么开发票？', 'same-1');
    expect(retry.body).toEqual(first.body);
    const raced = await Promise.all([1, 2, 3, 4].map(() => say(s.sessionToken, '运费怎么算？', 'same-2')));
    for (const r of raced) expect(r.body.message.id).toBe(raced[0]!.body.message.id);
    for (const r of raced) expect(r.body.replies.map((x: { id: string }) => x.id)).toEqual(raced[0]!.body.replies.map((x: { id: string }) => x.id));
    const history = await t.call('GET', '/api/public/v1/messages', { token: s.sessionToken });
    expect(history.body.messages).toHaveLength(4);
  });
});
