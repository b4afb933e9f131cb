import { describe, expect, it } from 'vitest';
import { inboxTexts } from './inboxTexts.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();

describe('inbox texts', () => {
  it('have the same placeholders in both languages, and English in English', () => {
    const zh = inboxTexts['zh-CN'];
    const en = inboxTexts['en-US'];
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(Object.entries(zh).filter(([key, text]) => placeholders(text) !== placeholders(en[key as keyof typeof zh]))).toEqual([]);
    expect(Object.entries(en).filter(([, text]) => /[\u4e00-\u9fff]/.test(text) || !text.trim())).toEqual([]);
  });
});
