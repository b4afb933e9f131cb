import { describe, expect, it } from 'vitest';
import { dispositionProblemText, dispositionTexts, type DispositionT } from './dispositionsTexts.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();

describe('dispositions texts', () => {
  it('say the same things in both languages, and English in English', () => {
    const zh = dispositionTexts['zh-CN'];
    const en = dispositionTexts['en-US'];
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(Object.entries(zh).filter(([key, text]) => placeholders(text) !== placeholders(en[key as keyof typeof zh]))).toEqual([]);
    expect(Object.entries(en).filter(([, text]) => /[\u4e00-\u9fff]/.test(text) || !text.trim())).toEqual([]);
  });

  it.each([
    ['must be lowercase letters, digits or _ (up to 32)', 'disp.problem.pattern'],
    ['"refund" appears more than once', 'disp.problem.duplicate'],
    ['must not be empty', null],
  ])('reads the server’s %j', (message, key) => {
    const t: DispositionT = (k) => k;
    expect(dispositionProblemText(message, t)).toBe(key);
  });
});
