import { describe, expect, it } from 'vitest';
import { contrastWithWhite, readableBrand } from './theme.ts';

describe('readableBrand', () => {
  it('keeps a brand colour that white text already reads well on', () => {
    expect(readableBrand('#4f46e5')).toBe('#4f46e5');
    expect(contrastWithWhite('#4f46e5')).toBeGreaterThan(4.5);
  });

  it.each(['#1677ff', '#0ea5e9', '#22c55e', '#f59e0b', '#ffffff', '#fff'])('darkens %s until white text on it passes WCAG AA', (color) => {
    expect(contrastWithWhite(color)).toBeLessThan(4.5);
    const readable = readableBrand(color);
    expect(contrastWithWhite(readable)).toBeGreaterThanOrEqual(4.5);
    expect(readable).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('leaves what is not a colour alone', () => {
    expect(readableBrand('nope')).toBe('nope');
  });
});
