import { describe, expect, it } from 'vitest';
import { noteLocale, reportNotes } from './reportNotes.ts';

describe('the language of report notes', () => {
  it.each([
    ['the query wins', 'zh-CN', 'en-US,en;q=0.9', 'zh-CN'],
    ['Chinese from the browser', undefined, 'zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['Taiwan and Hong Kong read the Chinese notes', undefined, 'zh-TW', 'zh-CN'],
    ['the higher q wins, not the order', undefined, 'en;q=0.5, zh;q=0.8', 'zh-CN'],
    ['a language we do not have is skipped', undefined, 'fr-FR, en;q=0.3', 'en-US'],
    ['q=0 means no', undefined, 'zh;q=0, en;q=0.1', 'en-US'],
    ['nothing said: English', undefined, undefined, 'en-US'],
    ['an unknown query value falls back to the header', 'de-DE', 'zh-CN', 'zh-CN'],
  ] as const)('%s', (_name, query, header, locale) => expect(noteLocale(query, header)).toBe(locale));

  it('has every note in both languages', () => {
    expect(Object.keys(reportNotes['zh-CN']).sort()).toEqual(Object.keys(reportNotes['en-US']).sort());
    expect(reportNotes['zh-CN'].periods('Asia/Shanghai')).toContain('Asia/Shanghai');
  });
});
