import { describe, expect, it } from 'vitest';
import { pickLocale, translate } from './translate.ts';

const dictionaries = {
  'zh-CN': { greet: '你好，{name}', onlyZh: '只有中文', count: '{n} 条' },
  'en-US': { greet: 'Hello, {name}', count: '{n} items' },
};

describe('translate', () => {
  it('fills variables in the chosen locale', () => {
    expect(translate(dictionaries, 'en-US', 'greet', { name: 'Li' })).toBe('Hello, Li');
    expect(translate(dictionaries, 'zh-CN', 'greet', { name: '李' })).toBe('你好，李');
    expect(translate(dictionaries, 'en-US', 'count', { n: 3 })).toBe('3 items');
  });
  it('falls back to Chinese, then to the key itself', () => {
    expect(translate(dictionaries, 'en-US', 'onlyZh')).toBe('只有中文');
    expect(translate(dictionaries, 'en-US', 'missing.key')).toBe('missing.key');
  });
  it('leaves unknown placeholders visible so a missing variable is noticed', () => {
    expect(translate(dictionaries, 'en-US', 'greet')).toBe('Hello, {name}');
  });
});

describe('pickLocale', () => {
  it.each([
    [null, ['en-GB', 'zh-CN'], 'en-US'],
    [null, ['zh-TW'], 'zh-CN'],
    [null, ['fr-FR'], 'zh-CN'],
    ['en-US', ['zh-CN'], 'en-US'],
    ['de-DE', ['en-US'], 'en-US'],
  ] as const)('saved %s, browser %o → %s', (saved, languages, expected) => {
    expect(pickLocale(saved, languages)).toBe(expected);
  });
});
