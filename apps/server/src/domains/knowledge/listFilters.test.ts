import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';

/** The console's list filters: by tag and channel (no channel = every channel), and the categories and tags to offer. */
describe('knowledge list filters', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { LINGXI_SEED_DEMO: 'false' } });
    const entries = [
      { question: '优惠券怎么用？', answer: '结算时选择。', category: '优惠', tags: ['coupon', 'promo'], channels: ['app'] },
      { question: '双十一活动规则', answer: '满 300 减 50。', category: '优惠', tags: ['promo'], channels: [] },
      { question: 'How do I return?', answer: 'Within 7 days.', category: 'Returns', tags: [], channels: ['web'] },
    ];
    for (const e of entries) expect((await t.call('POST', '/api/v1/knowledge/entries', { token: t.adminToken, body: { ...e, status: 'draft' } })).status).toBe(201);
  }, 60_000);
  afterAll(async () => t?.close());

  const questions = async (query: string) => ((await t.call('GET', `/api/v1/knowledge/entries?${query}`, { token: t.adminToken })).body.entries as { question: string }[]).map((e) => e.question);

  it('filters by tag and by channel', async () => {
    expect(await questions('tag=promo')).toEqual(['优惠券怎么用？', '双十一活动规则']);
    expect(await questions('tag=coupon&category=%E4%BC%98%E6%83%A0')).toEqual(['优惠券怎么用？']);
    expect(await questions('channel=web')).toEqual(['双十一活动规则', 'How do I return?']);
    const bad = await t.call('GET', '/api/v1/knowledge/entries?channel=fax&limit=0', { token: t.adminToken });
    expect(bad.status).toBe(400);
    expect(bad.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['query.channel', 'query.limit']);
  });

  it('lists the categories and tags in use, most used first', async () => {
    const facets = await t.call('GET', '/api/v1/knowledge/facets', { token: t.adminToken });
    expect(facets.body).toEqual({ categories: [{ name: '优惠', count: 2 }, { name: 'Returns', count: 1 }], tags: [{ name: 'promo', count: 2 }, { name: 'coupon', count: 1 }] });
  });
});
