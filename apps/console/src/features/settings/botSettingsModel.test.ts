import { describe, expect, it } from 'vitest';
import type { BotSettingsView } from '@lingxi/contracts';
import { changesBetween, confidenceZones, formOf, sameSettings } from './botSettingsModel.ts';
import { botProblemText, makeBotT } from './botSettingsTexts.ts';

const saved: BotSettingsView = {
  answerConfidence: 0.45, lowConfidence: 0.3, clarifyMargin: 0.05, lowConfidenceTurns: 2, repeatTimes: 3, emotionLevel: 4, vipGetsHuman: false,
  triggers: { repeat: true, emotion: true, low_confidence: true }, orderLookupUrl: null,
};

describe('bot settings screen', () => {
  it('sends only what changed, trigger switches one by one, an empty address as null', () => {
    expect(changesBetween(saved, formOf(saved))).toEqual({});
    const form = { ...formOf(saved), repeatTimes: 4, triggers: { ...saved.triggers, emotion: false } };
    expect(changesBetween(saved, form)).toEqual({ repeatTimes: 4, triggers: { emotion: false } });
    expect(changesBetween({ ...saved, orderLookupUrl: 'https://x.cn/{orderNumber}' }, { ...form, orderLookupUrl: '  ' })).toMatchObject({ orderLookupUrl: null });
    expect(changesBetween(saved, { ...formOf(saved), orderLookupUrl: ' https://x.cn/o/{orderNumber} ' })).toEqual({ orderLookupUrl: 'https://x.cn/o/{orderNumber}' });
    expect(sameSettings(saved, { ...saved, triggers: { ...saved.triggers } })).toBe(true);
    expect(sameSettings(saved, { ...saved, clarifyMargin: 0.1 })).toBe(false);
  });

  it('draws the confidence scale in three zones', () => {
    expect(confidenceZones(0.3, 0.45)).toEqual({ low: 30, middle: 15, high: 55 });
    expect(confidenceZones(0.5, 0.4)).toEqual({ low: 50, middle: 0, high: 50 });
  });

  it('says the server’s problems in the reader’s language, ranges included', () => {
    const zh = makeBotT('zh-CN');
    expect(botProblemText('must be between 0.05 and 1', zh)).toBe('应在 0.05 到 1 之间');
    expect(botProblemText('must be a whole number between 2 and 10', makeBotT('en-US'))).toBe('must be a whole number between 2 and 10');
    expect(botProblemText('must not be above answerConfidence (0.45)', zh)).toBe('不能高于“直接回答”的置信度（0.45）');
    expect(botProblemText('must contain {orderNumber}', zh)).toBe('地址里需要包含 {orderNumber}');
    expect(botProblemText('is required', zh)).toBeNull();
  });

  it('has every text in both languages with the same placeholders', async () => {
    const { botTexts } = await import('./botSettingsTexts.ts');
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();
    for (const [key, zh] of Object.entries(botTexts['zh-CN'])) expect(holes(botTexts['en-US'][key as keyof typeof botTexts['en-US']]), key).toBe(holes(zh));
  });
});
