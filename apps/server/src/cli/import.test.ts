import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { productionMode } from '../testing/harness.ts';
import { entriesToXlsx } from '../domains/knowledge/index.ts';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));

describe.skipIf(productionMode)('lingxi import kb', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lingxi-cli-import-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const lingxi = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, LINGXI_DATA_DIR: dataDir, LINGXI_SEED_DEMO: 'false', LOG_LEVEL: 'warn' },
    });

  it('imports JSON Lines as the contract says, and a Chinese XLSX by its extension with bad rows by sheet row', async () => {
    expect(lingxi('seed').status).toBe(0);
    const jsonl = join(dataDir, 'kb.jsonl');
    writeFileSync(jsonl, `${JSON.stringify({ question: '怎么退货？', similarQuestions: ['可以退吗'], answer: '七天内在订单里申请。' })}\n{broken\n`);
    const lines = lingxi('import', 'kb', jsonl);
    expect(lines.status).toBe(0);
    expect(JSON.parse(lines.stdout.trim().split('\n').pop()!)).toMatchObject({ imported: 1, errors: [{ line: 2 }] });

    const xlsx = join(dataDir, '售后.xlsx');
    const entry = { similarQuestions: ['洗碗机不干净', '洗不干净'], category: '售后', tags: ['洗碗机'], quickReplies: [], channels: [], validFrom: null, validTo: null };
    writeFileSync(xlsx, await entriesToXlsx([{ ...entry, question: '洗碗机洗不干净怎么办？', answer: '请清洗滤网并使用专用洗涤块。' }, { ...entry, question: '没有答案', answer: '' }]));
    const sheet = lingxi('import', 'kb', xlsx);
    expect(sheet.status).toBe(0);
    expect(JSON.parse(sheet.stdout.trim().split('\n').pop()!)).toMatchObject({ imported: 1, errors: [{ line: 3, problems: [{ path: 'answer', message: 'is required' }] }] });
    expect(sheet.stderr).toContain('line 3: answer is required');
  }, 240_000);
});
