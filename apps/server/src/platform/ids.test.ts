import { describe, expect, it } from 'vitest';
import { isUuid, systemIds } from './ids.ts';

describe('systemIds', () => {
  it('makes valid v7 ids that sort in the order they were made, within one millisecond and across many', () => {
    const clock = { ms: 1_790_000_000_000 };
    const ids = systemIds(() => clock.ms);
    const made: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      if (i % 3000 === 0) clock.ms++;
      made.push(ids.next());
    }
    expect(made.every((id) => isUuid(id) && id[14] === '7' && '89ab'.includes(id[19]!))).toBe(true);
    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
  });
});
