import { describe, expect, it } from 'vitest';
import { insertCanned, matchCanned, slashQuery, type Canned } from './cannedQuery.ts';

const canned = (shortcut: string, title: string, zh: string | null = null, en: string | null = null): Canned => ({
  id: `00000000-0000-7000-8000-${String(shortcut.length).padStart(12, '0')}`, shortcut, title, text: { 'zh-CN': zh, 'en-US': en }, variables: [], createdAt: '2026-11-21T00:00:00.000Z', updatedAt: '2026-11-21T00:00:00.000Z',
});

describe('canned responses in the reply box', () => {
  it.each([
    ['/', 1, { query: '', start: 0 }],
    ['/ship', 5, { query: 'ship', start: 0 }],
    ['您好 /退', 5, { query: '退', start: 3 }],
    ['a/b', 3, null],
    ['/ship now', 9, null],
  ] as const)('%s at %i → %o', (text, caret, expected) => expect(slashQuery(text, caret)).toEqual(expected));

  it('puts shortcut prefixes first, then any field containing the query', () => {
    const all = [canned('thanks', 'Thank you', '感谢您的耐心'), canned('refund', 'Refund time', '退款 1-3 天到账'), canned('ref', 'Reference', null, 'See refund policy')];
    expect(matchCanned(all, 'ref').map((c) => c.shortcut)).toEqual(['refund', 'ref']);
    expect(matchCanned(all, '退款').map((c) => c.shortcut)).toEqual(['refund']);
    expect(matchCanned(all, '').length).toBe(3);
  });

  it('replaces the typed /query with the rendered text', () => {
    expect(insertCanned('您好 /退 谢谢', 3, 5, '退款三天到账')).toEqual({ text: '您好 退款三天到账 谢谢', caret: 9 });
  });
});
