import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { createLiveModels } from './liveModels.ts';

let t: TestApp;
let seq = 0;
const askBot = async (text: string) => {
  const s = (await t.call('POST', '/api/public/v1/sessions', { body: {} })).body;
  return (await t.call('POST', '/api/public/v1/messages', { token: s.sessionToken, body: { text, clientMessageId: `k-${++seq}` } })).body;
};
const line = (o: unknown) => JSON.stringify(o);

beforeAll(async () => {
  t = await startTestApp({ fixedNow: new Date('2026-06-01T08:00:00Z') });
}, 60_000);
afterAll(async () => t?.close());

describe('knowledge import', () => {
  it('publishes the good rows, reports bad ones by line, and the bot answers from them at once', async () => {
    const ndjson = [
      line({ question: '发票怎么开？', similarQuestions: ['我要开发票', '怎么申请发票', '可以开票吗'], answer: '在订单详情里申请**电子发票**。', category: '发票', tags: ['invoice'] }),
      '{"question": broken',
      line({ question: 'How do I get an invoice?', similarQuestions: ['I need an invoice', 'request an invoice', 'can you issue an invoice'], answer: 'Request an **e-invoice** in the order details.', category: 'Invoices' }),
      line({ question: 'no answer here', similarQuestions: 'not a list' }),
      '',
      line({ question: '会员有什么权益？', similarQuestions: ['会员福利', '开会员有什么好处', '会员特权'], answer: '每月免运费券。', quickReplies: ['怎么开通会员'] }),
    ].join('\n');
    const res = await t.call('POST', '/api/v1/knowledge/import', { token: t.adminToken, body: ndjson, headers: { 'content-type': 'application/x-ndjson' } });
    expect(res.status).toBe(200);
    expect(res.body.imported).toBe(3);
    expect(res.body.modelVersion).toBe(1);
    expect(res.body.errors.map((e: { line: number }) => e.line)).toEqual([2, 4]);
    expect(res.body.errors[1].problems.map((p: { path: string }) => p.path).sort()).toEqual(['answer', 'similarQuestions']);

    const zh = await askBot('我想开发票');
    expect(zh.replies[0]).toMatchObject({ kind: 'answer', text: '在订单详情里申请**电子发票**。' });
    const en = await askBot('can I get an invoice please');
    expect(en.replies[0]).toMatchObject({ kind: 'answer', text: 'Request an **e-invoice** in the order details.' });
    const perks = await askBot('会员有什么福利');
    expect(perks.replies[0].quickReplies).toEqual(['怎么开通会员']);

    // Importing the same question again updates that entry (a new version), it does not duplicate it.
    const again = await t.call('POST', '/api/v1/knowledge/import', { token: t.adminToken, body: { entries: [{ question: '发票怎么开？', similarQuestions: ['我要开发票', '开票'], answer: '请在「订单详情 → 发票」申请。' }] } });
    expect(again.body).toMatchObject({ imported: 1, errors: [], modelVersion: 2 });
    expect((await askBot('我要开发票')).replies[0].text).toBe('请在「订单详情 → 发票」申请。');
    const list = await t.call('GET', '/api/v1/knowledge/entries?q=发票', { token: t.adminToken });
    expect(list.body.total).toBe(1);
    expect(list.body.entries[0]).toMatchObject({ version: 2, status: 'published', language: 'zh' });

    const exported = await t.call('GET', '/api/v1/knowledge/export', { token: t.adminToken });
    expect(exported.body.entries).toHaveLength(3);
    const lines = await fetch(`${t.baseUrl}/api/v1/knowledge/export?format=jsonl`, { headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(lines.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const jsonl = await lines.text();
    expect(jsonl.trim().split('\n').map((l) => JSON.parse(l))).toEqual(exported.body.entries);
    const roundTrip = await t.call('POST', '/api/v1/knowledge/import', { token: t.adminToken, body: { entries: exported.body.entries } });
    expect(roundTrip.body).toMatchObject({ imported: 3, errors: [] });
  });
});

describe('knowledge import from CSV', () => {
  it('publishes good rows and lists bad ones by line', async () => {
    const csv = 'question,similarQuestions,answer,category\n可以开专票吗？,能开增值税专用发票吗|专票怎么开|企业专票,"可以，先在「增票资质」里提交企业信息。",发票\n,,missing question,\n';
    const res = await t.call('POST', '/api/v1/knowledge/import', { token: t.adminToken, body: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 1, errors: [{ line: 3 }] });
    expect((await askBot('专票怎么开')).replies[0].text).toBe('可以，先在「增票资质」里提交企业信息。');
  });
});

describe('knowledge entries', () => {
  it('drafts stay out of the bot until published; edits are versioned and can be restored; archived entries stop answering', async () => {
    const created = await t.call('POST', '/api/v1/knowledge/entries', {
      token: t.adminToken,
      body: { question: '怎么修改收货地址？', similarQuestions: ['地址写错了', '改地址', '换收货地址'], answer: '发货前可以在订单详情里改地址。', category: '订单' },
    });
    expect(created.status).toBe(201);
    expect(created.body.entry).toMatchObject({ status: 'draft', version: 1 });
    const id = created.body.entry.id;
    expect((await askBot('地址写错了怎么改')).replies[0].knowledgeEntryId ?? null).not.toBe(id);

    const published = await t.call('POST', `/api/v1/knowledge/entries/${id}/publish`, { token: t.adminToken });
    expect(published.body.entry).toMatchObject({ status: 'published', version: 2 });
    expect((await askBot('地址写错了怎么改')).replies[0]).toMatchObject({ kind: 'answer', knowledgeEntryId: id, text: '发货前可以在订单详情里改地址。' });

    const edited = await t.call('PATCH', `/api/v1/knowledge/entries/${id}`, { token: t.adminToken, body: { answer: '发货前在「订单详情 → 修改地址」里改，最多 2 次。' } });
    expect(edited.body.entry.version).toBe(3);
    expect((await askBot('地址写错了怎么改')).replies[0].text).toBe('发货前在「订单详情 → 修改地址」里改，最多 2 次。');

    const versions = await t.call('GET', `/api/v1/knowledge/entries/${id}/versions`, { token: t.adminToken });
    expect(versions.body.versions.map((v: { version: number; action: string }) => [v.version, v.action])).toEqual([[3, 'updated'], [2, 'published'], [1, 'created']]);
    expect(versions.body.versions[0].changedBy).toBe('admin@lingxi.local');
    const restored = await t.call('POST', `/api/v1/knowledge/entries/${id}/versions/2/restore`, { token: t.adminToken });
    expect(restored.body.entry).toMatchObject({ version: 4, answer: '发货前可以在订单详情里改地址。', status: 'published' });
    expect((await askBot('地址写错了怎么改')).replies[0].text).toBe('发货前可以在订单详情里改地址。');

    const archived = await t.call('DELETE', `/api/v1/knowledge/entries/${id}`, { token: t.adminToken });
    expect(archived.body.entry.status).toBe('archived');
    expect((await askBot('地址写错了怎么改')).replies[0].knowledgeEntryId ?? null).not.toBe(id);
    expect((await t.call('POST', `/api/v1/knowledge/entries/${id}/versions/9/restore`, { token: t.adminToken })).status).toBe(404);
    const duplicate = await t.call('POST', '/api/v1/knowledge/entries', { token: t.adminToken, body: { question: '会员有什么权益？', answer: 'x' } });
    expect(duplicate.status).toBe(409);
  });

  it('answers a time-limited entry only inside its window', async () => {
    const promo = await t.call('POST', '/api/v1/knowledge/entries', {
      token: t.adminToken,
      body: { question: '618 优惠券怎么领？', similarQuestions: ['618 领券', '618 活动券在哪领', '618 优惠券'], answer: '618 期间在领券中心领取。', status: 'published', validFrom: '2026-06-10T00:00:00Z', validTo: '2026-06-19T00:00:00Z' },
    });
    expect(promo.status).toBe(201);
    expect((await askBot('618 优惠券怎么领')).replies[0].knowledgeEntryId ?? null).not.toBe(promo.body.entry.id);
    (t.clock as unknown as { set(at: Date): void }).set(new Date('2026-06-12T00:00:00Z'));
    expect((await askBot('618 优惠券怎么领')).replies[0]).toMatchObject({ kind: 'answer', knowledgeEntryId: promo.body.entry.id });
    (t.clock as unknown as { set(at: Date): void }).set(new Date('2026-06-01T08:00:00Z'));
  });

  it('another node swaps in a newly published model from the database (what knowledge.published triggers there)', async () => {
    const otherNode = createLiveModels({ db: t.db });
    const before = await otherNode.get(t.workspaceId);
    expect(before).not.toBeNull();
    const res = await t.call('POST', '/api/v1/knowledge/import', { token: t.adminToken, body: { entries: [{ question: '可以用礼品卡付款吗？', similarQuestions: ['礼品卡能用吗', '礼品卡支付', '用礼品卡买东西'], answer: '支持礼品卡支付。' }] } });
    await otherNode.refresh(t.workspaceId, res.body.modelVersion);
    const after = (await otherNode.get(t.workspaceId))!;
    expect(after.version).toBe(res.body.modelVersion);
    expect(after.version).toBeGreaterThan(before!.version);
    const match = after.matcher.match('礼品卡能付款吗');
    expect(after.entries.get(match.entryId!)?.answer).toBe('支持礼品卡支付。');
  });

  it('checks permissions: agents read, only managers write', async () => {
    await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: 'agent@kb.test', name: 'Agent', password: 'agent-password-1', role: 'agent' } });
    const agent = await t.login('agent@kb.test', 'agent-password-1');
    expect((await t.call('GET', '/api/v1/knowledge/entries', { token: agent })).status).toBe(200);
    expect((await t.call('POST', '/api/v1/knowledge/import', { token: agent, body: { entries: [{ question: 'a', answer: 'b' }] } })).status).toBe(403);
    const widget = await t.call('GET', '/api/public/v1/widget-config?workspace=demo');
    expect(widget.status).toBe(200);
    expect(widget.body.suggestedQuestions['zh-CN'].length).toBeGreaterThan(0);
    expect(widget.body.suggestedQuestions['en-US']).toContain('How do I get an invoice?');
  });
});
