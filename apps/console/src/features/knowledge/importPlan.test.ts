import { describe, expect, it } from 'vitest';
import { fileLine, planImport } from './importPlan.ts';

describe('planImport', () => {
  it('splits into chunks and keeps file line numbers', () => {
    const source = ['{"a":1}', '{"a":2}', '', '{"a":3}', '{"a":4}', '{"a":5}', ''].join('\r\n');
    const plan = planImport(source, 2);
    expect(plan.totalLines).toBe(6);
    expect(plan.chunks.map((c) => [c.firstLine, c.lines])).toEqual([[1, 2], [3, 2], [5, 2]]);
    expect(fileLine(plan.chunks[1]!, 2)).toBe(4);
  });
  it('skips chunks that are only blank lines', () => {
    expect(planImport('{"a":1}\n\n\n{"b":2}', 1).chunks.map((c) => c.firstLine)).toEqual([1, 4]);
  });
});
