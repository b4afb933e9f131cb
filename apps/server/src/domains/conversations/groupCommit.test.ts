import { describe, expect, it } from 'vitest';
import { createGroupCommit } from './groupCommit.ts';

describe('group commit', () => {
  it('writes what arrives during a write together, keeps each caller’s result, and never puts one key twice in a batch', async () => {
    const batches: string[][] = [];
    const gc = createGroupCommit<string, string>({
      keyOf: (s) => s[0]!,
      async write(items) {
        batches.push(items);
        await new Promise((r) => setTimeout(r, 10));
        return items.map((s) => s.toUpperCase());
      },
    });
    const results = await Promise.all(['a1', 'b1', 'c1', 'a2', 'b2'].map((s) => gc.submit(s)));
    expect(results).toEqual(['A1', 'B1', 'C1', 'A2', 'B2']);
    expect(batches[0]).toEqual(['a1']);
    expect(batches[1]).toEqual(['b1', 'c1', 'a2']);
    expect(batches[2]).toEqual(['b2']);
  });

  it('isolates a failing item by retrying the batch one by one', async () => {
    const gc = createGroupCommit<number, number>({
      async write(items) {
        if (items.includes(3)) throw new Error('bad row');
        return items.map((n) => n * 2);
      },
    });
    const outcomes = await Promise.allSettled([1, 2, 3, 4].map((n) => gc.submit(n)));
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : 'failed'))).toEqual([2, 4, 'failed', 8]);
  });
});
