import { describe, expect, it } from 'vitest';
import type { AnalyticsSettings } from '@lingxi/contracts';
import { changesBetween, sameSettings, zoneChoices } from './analyticsSettingsModel.ts';
import { analyticsProblemText, makeAnalyticsSettingsT } from './analyticsSettingsTexts.ts';

const saved: AnalyticsSettings = {
  timezone: 'Asia/Shanghai', idleMinutes: 30, queueLengthAlert: 10, longestWaitAlertSeconds: 300, slaFirstResponseSeconds: 180,
  costPerBotConversation: 0.3, costPerHumanConversation: 12, currency: 'CNY', surge: { windowMinutes: 10, baselineHours: 24, minCount: 5, ratio: 3 },
};

describe('reports & alerts settings screen', () => {
  it('sends only what changed, surge fields one by one', () => {
    expect(changesBetween(saved, saved)).toEqual({});
    expect(changesBetween(saved, { ...saved, idleMinutes: 45, surge: { ...saved.surge, ratio: 2.5 } })).toEqual({ idleMinutes: 45, surge: { ratio: 2.5 } });
    expect(changesBetween(saved, { ...saved, timezone: ' Europe/Berlin ' })).toEqual({ timezone: 'Europe/Berlin' });
    expect(sameSettings(saved, { ...saved, surge: { ...saved.surge } })).toBe(true);
  });

  it('offers the common zones first and always the saved one', () => {
    expect(zoneChoices('Asia/Shanghai', ['Africa/Abidjan', 'Asia/Shanghai'])).toEqual(expect.arrayContaining(['Asia/Shanghai', 'Africa/Abidjan']));
    expect(zoneChoices('Asia/Shanghai', ['Africa/Abidjan'])[0]).toBe('Asia/Shanghai');
    expect(zoneChoices('Pacific/Chatham', [])[0]).toBe('Pacific/Chatham');
  });

  it('says the server’s problems in the reader’s language', () => {
    const zh = makeAnalyticsSettingsT('zh-CN');
    expect(analyticsProblemText('must be a whole number between 1 and 1440', zh)).toBe('应为 1 到 1440 之间的整数');
    expect(analyticsProblemText('must be a number between 0 and 100000', zh)).toBe('应在 0 到 100000 之间');
    expect(analyticsProblemText('must be an IANA time zone such as Asia/Shanghai', zh)).toBe('应为 IANA 时区名称，如 Asia/Shanghai');
    expect(analyticsProblemText('something else', zh)).toBeNull();
  });
});
