import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/harness.ts';
import { filesSentLine } from './handoffPackage.ts';

describe('filesSentLine', () => {
  const receipt = { name: 'receipt.jpg', contentType: 'image/jpeg' };
  const invoice = { name: '发票.pdf', contentType: 'application/pdf' };
  it.each([
    [[], 'zh', ''],
    [[receipt, invoice], 'zh', '已发送 2 个文件：receipt.jpg（图片）、发票.pdf（PDF）。'],
    [[receipt], 'en', ' Sent 1 file: receipt.jpg (image).'],
    [Array.from({ length: 7 }, () => invoice), 'en', ` Sent 7 files: ${Array.from({ length: 5 }, () => '发票.pdf (PDF)').join(', ')} and 2 more.`],
  ] as const)('%j in %s', (files, language, line) => {
    expect(filesSentLine(files, language)).toBe(line);
  });
});

/** The agent's summary names what the customer already sent, so they are not asked for it again. */
describe('handoff package over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { LINGXI_SEED_DEMO: 'false' } });
  }, 60_000);
  afterAll(async () => t?.close());

  it('counts and names the customer’s files', async () => {
    const session = (await t.call('POST', '/api/public/v1/sessions', { body: { locale: 'zh-CN' } })).body as { sessionToken: string; conversationId: string };
    const form = new FormData();
    form.append('file', new Blob([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], { type: 'application/pdf' }), '退货单.pdf');
    const uploaded = await fetch(`${t.baseUrl}/api/public/v1/attachments`, { method: 'POST', headers: { authorization: `Bearer ${session.sessionToken}` }, body: form });
    const { attachment } = (await uploaded.json()) as { attachment: { id: string } };
    expect((await t.call('POST', '/api/public/v1/messages', { token: session.sessionToken, body: { clientMessageId: 'f-1', text: '', attachments: [attachment.id] } })).status).toBe(200);
    const handoff = await t.call('POST', '/api/public/v1/messages', { token: session.sessionToken, body: { clientMessageId: 'f-2', text: '转人工' } });
    expect(handoff.body.replies[0].kind).toBe('handoff');
    const detail = await t.call('GET', `/api/v1/conversations/${session.conversationId}`, { token: t.adminToken });
    expect(JSON.stringify(detail.body)).toContain('已发送 1 个文件：退货单.pdf（PDF）。');
    expect(detail.body.handoff.attachments).toEqual([{ id: attachment.id, name: '退货单.pdf', contentType: 'application/pdf', size: 15, url: `/api/public/v1/attachments/${attachment.id}` }]);
  });
});
