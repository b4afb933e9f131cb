import { describe, expect, it } from 'vitest';
import { enUS } from './en-US.ts';
import { zhCN } from './zh-CN.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('give every key the same placeholders in both languages, and no empty text', () => {
    const mismatched = Object.entries(zhCN).filter(([key, zh]) => placeholders(zh).join() !== placeholders(enUS[key as keyof typeof zhCN]).join());
    expect(mismatched).toEqual([]);
    expect(Object.entries(enUS).filter(([, text]) => !text.trim())).toEqual([]);
  });
  it('say English things in English', () => {
    const chineseInEnglish = Object.entries(enUS).filter(([key, text]) => /[\u4e00-\u9fff]/.test(text) && key !== 'app.name');
    expect(chineseInEnglish).toEqual([]);
  });
});
