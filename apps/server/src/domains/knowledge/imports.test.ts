import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { entriesToXlsx } from './xlsx.ts';
import { runImportSlice } from './commands/runImportSlice.ts';
import { importStore } from './store.ts';

let t: TestApp;
let seq = 0;
const askBot = async (text: string) => {
  const s = (await t.call('POST', '/api/public/v1/sessions', { body: {} })).body;
  return (await t.call('POST', '/api/public/v1/messages', { token: s.sessionToken, body: { text, clientMessageId: `i-${++seq}` } })).body;
};
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a file as the console does: multipart/form-data, part "file". */
async function upload(bytes: Uint8Array | string, fileName: string, type: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), fileName);
  const res = await fetch(`${t.baseUrl}/api/v1/knowledge/imports`, { method: 'POST', headers: { authorization: `Bearer ${t.adminToken}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

async function untilFinished(id: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.call('GET', `/api/v1/knowledge/imports/${id}`, { token: t.adminToken });
    expect(res.status).toBe(200);
    if (res.body.import.status === 'done' || res.body.import.status === 'failed') return res.body.import;
    if (Date.now() > deadline) throw new Error(`import still ${res.body.import.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const entry = (question: string, similarQuestions: string[], answer: string, more: Record<string, unknown> = {}) => ({
  question, similarQuestions, answer, category: '售后', tags: ['导入'], quickReplies: [], channels: [], validFrom: null, validTo: null, ...more,
});

beforeAll(async () => {
  t = await startTestApp({ fixedNow: new Date('2026-06-01T08:00:00Z') });
}, 60_000);
afterAll(async () => t?.close());

describe('background knowledge import', () => {
  it('imports an XLSX in Chinese, lists bad rows by sheet row, and exports it back the same', async () => {
    const sheet = await entriesToXlsx([
      entry('洗衣机漏水怎么办？', ['洗衣机在漏水', '洗衣机底下有水', '滚筒洗衣机漏水了'], '请先关闭水龙头，再在「服务 → 报修」预约上门检修，保修期内免费。', { quickReplies: ['保修多久'] }),
      entry('', ['没有问题'], '这一行缺问题'),
      entry('冰箱不制冷了怎么办？', ['冰箱不冷', '冰箱不制冷', '冷藏室不凉'], '请检查温度设置和门封；仍不制冷请预约上门维修。', { tags: ['冰箱', '维修'] }),
    ]);
    const started = await upload(sheet, '售后知识.xlsx', XLSX);
    expect(started.status).toBe(202);
    expect(started.body.import).toMatchObject({ format: 'xlsx', fileName: '售后知识.xlsx', total: 3, failed: 1, status: 'queued' });
    expect(started.body.import.errors).toEqual([{ line: 3, problems: [{ path: 'question', message: 'is required' }] }]);

    const done = await untilFinished(started.body.import.id);
    expect(done).toMatchObject({ status: 'done', total: 3, processed: 3, imported: 2, failed: 1, failure: null });
    expect(done.modelVersion).toBeGreaterThan(0);
    expect((await askBot('洗衣机底下有水')).replies[0]).toMatchObject({ kind: 'answer', text: '请先关闭水龙头，再在「服务 → 报修」预约上门检修，保修期内免费。' });

    const exported = await fetch(`${t.baseUrl}/api/v1/knowledge/export?format=xlsx`, { headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(exported.headers.get('content-type')).toBe(XLSX);
    const again = await upload(new Uint8Array(await exported.arrayBuffer()), 'knowledge.xlsx', XLSX);
    expect(again.body.import.errors).toEqual([]);
    const reimported = await untilFinished(again.body.import.id);
    expect(reimported).toMatchObject({ status: 'done', failed: 0 });
    const list = await t.call('GET', `/api/v1/knowledge/entries?q=${encodeURIComponent('冰箱不制冷')}`, { token: t.adminToken });
    expect(list.body.entries).toHaveLength(1);
    expect(list.body.entries[0]).toMatchObject({ question: '冰箱不制冷了怎么办？', similarQuestions: ['冰箱不冷', '冰箱不制冷', '冷藏室不凉'], tags: ['冰箱', '维修'], version: 2 });
    const washer = await t.call('GET', `/api/v1/knowledge/entries?q=${encodeURIComponent('洗衣机漏水')}`, { token: t.adminToken });
    expect(washer.body.entries[0]).toMatchObject({ quickReplies: ['保修多久'], answer: '请先关闭水龙头，再在「服务 → 报修」预约上门检修，保修期内免费。' });

    const csv = await fetch(`${t.baseUrl}/api/v1/knowledge/export?format=csv`, { headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text).toContain('洗衣机漏水怎么办？,洗衣机在漏水|洗衣机底下有水|滚筒洗衣机漏水了');
  }, 120_000);

  it('runs a big file in slices, pushing progress to the workspace until done', async () => {
    const socket: Socket = io(t.baseUrl, { path: '/socket.io', auth: { token: t.adminToken }, transports: ['websocket'] });
    const pushed: { id: string; status: string; processed: number }[] = [];
    socket.on('knowledge.import', (p: { id: string; status: string; processed: number }) => pushed.push(p));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const lines = Array.from({ length: 1_201 }, (_, i) =>
      i === 700 ? '{"question": "broken' : JSON.stringify({ question: `型号 LX-${1000 + i} 的滤网多久换一次？`, similarQuestions: [`LX-${1000 + i} 滤网更换`, `LX-${1000 + i} 换滤网`], answer: `LX-${1000 + i} 的滤网建议每 ${3 + (i % 4)} 个月更换一次。` }),
    );
    const started = await upload(lines.join('\n'), 'filters.jsonl', 'application/x-ndjson');
    expect(started.status).toBe(202);
    expect(started.body.import).toMatchObject({ total: 1_201, processed: 1, failed: 1, errors: [{ line: 701 }] });
    const done = await untilFinished(started.body.import.id, 90_000);
    expect(done).toMatchObject({ status: 'done', total: 1_201, processed: 1_201, imported: 1_200, failed: 1 });
    expect(new Date(done.finishedAt).getTime()).toBeGreaterThanOrEqual(new Date(done.startedAt).getTime());

    for (let i = 0; i < 50 && !pushed.some((p) => p.status === 'done'); i++) await new Promise((r) => setTimeout(r, 100));
    socket.disconnect();
    const mine = pushed.filter((p) => p.id === started.body.import.id);
    // Queued, one push per slice of 500 rows (the last moves it to publishing), then done. Events of one millisecond
    // (this test's clock stands still) may arrive in any order: the console keeps the furthest it has seen.
    expect(mine.map((p) => p.processed).sort((a, b) => a - b)).toEqual([1, 501, 1_001, 1_201, 1_201]);
    expect(mine.map((p) => p.status).sort()).toEqual(['done', 'publishing', 'queued', 'running', 'running']);
    expect((await askBot('LX-1234 换滤网')).replies[0]).toMatchObject({ kind: 'answer', text: 'LX-1234 的滤网建议每 5 个月更换一次。' });

    const recent = await t.call('GET', '/api/v1/knowledge/imports', { token: t.adminToken });
    const listed = recent.body.imports.find((i: { id: string }) => i.id === started.body.import.id);
    expect(listed).toMatchObject({ status: 'done', imported: 1_200 });
    expect(listed.errors).toBeUndefined();
  }, 120_000);

  it('says what is wrong with a file it cannot read, and who may import', async () => {
    const headerless = await upload('price,stock\n1,2\n', 'stock.csv', 'text/csv');
    expect(headerless.status).toBe(202);
    expect(headerless.body.import).toMatchObject({ status: 'failed', imported: 0, errors: [{ line: 1 }] });
    expect(headerless.body.import.failure).toMatch(/first row/);
    const notWorkbook = await upload('not a workbook', 'kb.xlsx', XLSX);
    expect(notWorkbook.body.import.errors[0].problems[0].message).toMatch(/not a readable \.xlsx workbook/);
    const empty = await upload('\n\n', 'empty.jsonl', 'application/x-ndjson');
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('KNOWLEDGE_IMPORT_EMPTY');
    const huge = await upload('{}\n'.repeat(100_001), 'huge.jsonl', 'application/x-ndjson');
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('KNOWLEDGE_IMPORT_TOO_BIG');
    expect((await t.call('GET', '/api/v1/knowledge/imports/01900000-0000-7000-8000-000000000000', { token: t.adminToken })).status).toBe(404);

    await t.call('POST', '/api/v1/users', { token: t.adminToken, body: { email: 'agent@imports.test', name: 'Agent', password: 'agent-password-1', role: 'agent' } });
    const agent = await t.login('agent@imports.test', 'agent-password-1');
    const form = new FormData();
    form.append('file', new Blob(['{}'], { type: 'application/x-ndjson' }), 'a.jsonl');
    expect((await fetch(`${t.baseUrl}/api/v1/knowledge/imports`, { method: 'POST', headers: { authorization: `Bearer ${agent}` }, body: form })).status).toBe(403);
  }, 60_000);

  it('fails an import whose slice cannot be saved on its last attempt, saying which lines, instead of leaving it running', async () => {
    const started = await upload(JSON.stringify({ question: '空调漏水怎么办？', answer: '请预约上门检修。' }) + '\n' + JSON.stringify({ question: 'nul\u0000inside', answer: 'x' }), 'nul.jsonl', 'application/x-ndjson');
    // A NUL character is a row problem found at upload, not a database failure later.
    expect(started.body.import.errors).toEqual([{ line: 2, problems: [{ path: 'question', message: expect.stringContaining('NUL') }] }]);
    await untilFinished(started.body.import.id);

    // A slice written by hand with such a row (as a payload from an older server could be) fails on the database.
    const record = await t.db.transaction((tx) => importStore.insert(tx, { id: t.ids.next(), workspaceId: t.workspaceId, status: 'queued', format: 'jsonl', fileName: 'x.jsonl', total: 1, createdAt: t.clock.now() }));
    const payload = { importId: record.id, workspaceId: t.workspaceId, by: 'test', rows: [{ line: 7, entry: { question: 'bad\u0000row', answer: 'x' } }] };
    await expect(t.db.transaction((tx) => runImportSlice(tx, t.app.knowledge, payload, 1))).rejects.toThrow();
    await t.db.transaction((tx) => runImportSlice(tx, t.app.knowledge, payload, 3));
    const failed = (await t.call('GET', `/api/v1/knowledge/imports/${record.id}`, { token: t.adminToken })).body.import;
    expect(failed).toMatchObject({ status: 'failed', imported: 0 });
    expect(failed.failure).toMatch(/^Lines 7–7 could not be saved/);
  });
});
