import { describe, expect, it } from 'vitest';
import { actionOf, versionChanges } from './versionChanges.ts';

describe('versionChanges', () => {
  const v1 = { question: '怎么退货', similarQuestions: ['退货流程'], answer: '7 天内可退', quickReplies: [], category: null, tags: ['退货'], channels: [], validFrom: null, validTo: null, status: 'draft' };
  it('lists only what changed, lists as added and removed items', () => {
    const v2 = { ...v1, answer: '7 天无理由退货', similarQuestions: ['退货流程', '如何退货'], tags: [], status: 'published' };
    expect(versionChanges(v1, v2)).toEqual([
      { field: 'similarQuestions', kind: 'list', added: ['如何退货'], removed: [] },
      { field: 'answer', kind: 'text', before: '7 天内可退', after: '7 天无理由退货' },
      { field: 'tags', kind: 'list', added: [], removed: ['退货'] },
      { field: 'status', kind: 'text', before: 'draft', after: 'published' },
    ]);
    expect(versionChanges(v1, v1)).toEqual([]);
  });
  it('shows the fields of the first version as set', () => {
    expect(versionChanges(null, v1).map((c) => c.field)).toEqual(['question', 'similarQuestions', 'answer', 'tags', 'status']);
  });
});

describe('actionOf', () => {
  it.each([
    ['updated', { action: 'updated', from: null }],
    ['restored:3', { action: 'restored', from: 3 }],
  ])('%s', (raw, parsed) => expect(actionOf(raw)).toEqual(parsed));
});
