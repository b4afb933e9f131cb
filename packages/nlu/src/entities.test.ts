import { describe, expect, it } from 'vitest';
import { isValidBankCard, isValidIdCard } from './checksums.ts';
import { extractEntities } from './entities.ts';
import { redactPii } from './redaction.ts';

const typesAndValues = (text: string, options = {}) => extractEntities(text, options).map((e) => [e.type, e.value]);

describe('checksums', () => {
  it.each([
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['440304199001011233', true],
    ['440304199001011231', false], // wrong check digit
    ['440304199013011233', false], // month 13
    ['44030419900101123', false], // 17 digits
  ])('ID card %s → %s', (id, valid) => expect(isValidIdCard(id)).toBe(valid));
  it.each([
    ['4111111111111111', true],
    ['6222021234567890128', true],
    ['6222021234567890127', false],
    ['123456789012', false], // too short
  ])('bank card %s → %s', (card, valid) => expect(isValidBankCard(card)).toBe(valid));
});

describe('extractEntities', () => {
  it('finds order numbers, phones and emails with offsets', () => {
    const text = '订单号DD20261121001，手机13812345678，邮箱alice@example.com';
    const entities = extractEntities(text);
    expect(entities.map((e) => [e.type, e.value])).toEqual([
      ['order_number', 'DD20261121001'], ['phone', '13812345678'], ['email', 'alice@example.com'],
    ]);
    for (const e of entities) expect(text.slice(e.start, e.end)).toBe(e.value);
  });
  it('finds landlines and international numbers', () => {
    expect(typesAndValues('call 010-12345678 or +44 20 7946 0958')).toEqual([['phone', '010-12345678'], ['phone', '+44 20 7946 0958']]);
  });
  it('does not take an 11-digit number outside 1[3-9] for a mobile', () => {
    expect(typesAndValues('号码12345678901')).toEqual([['order_number', '12345678901']]);
  });
  it('tells ID cards and bank cards by checksum', () => {
    expect(typesAndValues('身份证11010519491231002X，卡号6222 0212 3456 7890 128')).toEqual([
      ['id_card', '11010519491231002X'], ['bank_card', '6222 0212 3456 7890 128'],
    ]);
    expect(typesAndValues('卡号6222021234567890127')).toEqual([['order_number', '6222021234567890127']]);
  });
  it('finds amounts and dates in Chinese and English', () => {
    expect(typesAndValues('退款¥199.50还没到，明天下午3点前处理')).toEqual([['amount', '¥199.50'], ['datetime', '明天下午3点']]);
    expect(typesAndValues('退我五十块钱 11月21日')).toEqual([['amount', '五十块钱'], ['datetime', '11月21日']]);
    expect(typesAndValues('I paid $25 on 2026-11-21 at 3pm, refund 100 USD tomorrow')).toEqual([
      ['amount', '$25'], ['datetime', '2026-11-21'], ['datetime', '3pm'], ['amount', '100 USD'], ['datetime', 'tomorrow'],
    ]);
  });
  it('uses a configured order number pattern', () => {
    expect(typesAndValues('my order is SO-7781', { orderNumberPattern: /SO-\d{4}/u })).toEqual([['order_number', 'SO-7781']]);
  });
});

describe('redactPii', () => {
  it.each([
    ['手机13812345678', '手机138****5678'],
    ['mail alice@example.com now', 'mail a***@example.com now'],
    ['身份证11010519491231002X', '身份证**************002X'],
    ['卡号4111111111111111', '卡号************1111'],
    ['tel 010-12345678', 'tel 010-****5678'],
    ['+86 138 1234 5678', '+86 138****5678'],
    ['订单DD20261121001', '订单DD20261121001'],
  ])('%s → %s', (text, redacted) => expect(redactPii(text)).toBe(redacted));
});
