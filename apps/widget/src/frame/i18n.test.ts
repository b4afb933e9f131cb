import { describe, expect, it } from 'vitest';
import { messagesFor, pickLocale } from './i18n.ts';

describe('pickLocale', () => {
  it.each([
    [['zh-CN'], 'zh-CN'],
    [['zh'], 'zh-CN'],
    [['zh-TW', 'en-US'], 'zh-CN'],
    [['zh-Hans-CN'], 'zh-CN'],
    [['ZH-hk'], 'zh-CN'],
    [['en-US', 'zh-CN'], 'en-US'],
    [['en-GB'], 'en-US'],
    [['fr-FR'], 'en-US'],
    [['zu'], 'en-US'],
    [[], 'en-US'],
    [undefined, 'en-US'],
  ] as const)('%j → %s', (languages, expected) => {
    expect(pickLocale(languages)).toBe(expected);
  });

  it('has every string in both languages', () => {
    const zh = messagesFor('zh-CN');
    const en = messagesFor('en-US');
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    // Position 3 in line means two people ahead (the server's queuePosition is 1-based and counts the customer).
    expect(zh.queued(3, 240)).toBe('正在为你转接人工客服，前面还有 2 位，预计等待 4 分钟');
    expect(en.queued(3, 240)).toBe('Connecting you to a person · you are #3 in line · about 4 min');
    expect(zh.queued(1, 60)).toBe('正在为你转接人工客服，下一位就是你，预计等待 1 分钟');
    expect(en.queued(1, null)).toBe('Connecting you to a person · you are next');
    expect(en.queued(null, null)).toBe('Connecting you to a person');
  });
});
