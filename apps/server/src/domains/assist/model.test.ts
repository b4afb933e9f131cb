import { describe, expect, it } from 'vitest';
import { compensationHint, renderTemplate, soothingScript, variablesIn } from './model.ts';

describe('assist rules', () => {
  it.each([
    [1, 'anger', 'zh', null],
    [2, 'anxiety', 'en', null],
    [3, 'anxiety', 'zh', '着急'],
    [5, 'anger', 'en', 'sorry'],
    [4, 'something-new', 'zh', '理解'],
  ] as const)('level %i %s in %s → %s', (level, category, language, contains) => {
    const script = soothingScript(level, category, language);
    if (contains === null) expect(script).toBeNull();
    else expect(script).toContain(contains);
  });

  it('offers more to the angriest, within the policy', () => {
    expect(compensationHint(5, { maxCouponYuan: 30, allowExpressRefund: true }, 'zh')).toBe('补偿政策：可主动提供不超过 30 元的优惠券；可为客户办理极速退款（无需退货）。');
    expect(compensationHint(3, { maxCouponYuan: 30, allowExpressRefund: false }, 'en')).toBe('Policy: offer a coupon of up to ¥15.');
    expect(compensationHint(4, { maxCouponYuan: 0, allowExpressRefund: false }, 'en')).toContain('escalate');
  });

  it('fills variables and reports the unknown ones', () => {
    expect(variablesIn('{{customer.name}} {{ agent.name }} {{customer.name}}')).toEqual(['customer.name', 'agent.name']);
    expect(renderTemplate('Hi {{customer.name}}, order {{order.number}} / {{unknown.thing}}', { 'customer.name': 'Ann', 'order.number': '' })).toEqual({
      text: 'Hi Ann, order {{order.number}} / {{unknown.thing}}',
      missing: ['order.number', 'unknown.thing'],
    });
  });
});
