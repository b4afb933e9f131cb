import { isValidBankCard, isValidIdCard } from './checksums.ts';

export type EntityType = 'order_number' | 'phone' | 'email' | 'amount' | 'datetime' | 'id_card' | 'bank_card';
export type Entity = { type: EntityType; value: string; start: number; end: number };
export type EntityOptions = { orderNumberPattern?: RegExp };

/** Default order number: 10–20 digits, or 1–4 capital letters followed by 8–20 digits (DD20261121001). */
export const defaultOrderNumberPattern = /(?<![A-Za-z0-9])(?:[A-Z]{1,4}\d{8,20}|\d{10,20})(?![A-Za-z0-9])/gu;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/gu;
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/gu;
const LANDLINE = /(?<!\d)(?:0\d{2,3}-\d{7,8}|\(0\d{2,3}\)\s?\d{7,8}|400-?\d{3}-?\d{4})(?!\d)/gu;
const INTERNATIONAL = /(?<![\w+])\+(?!86)\d{1,3}[- ]?\d{2,4}(?:[- ]?\d{2,4}){1,3}(?!\d)/gu;
const ID_CARD = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/gu;
const BANK_CARD = /(?<!\d)\d{4}(?:[ -]?\d{4}){2,3}(?:[ -]?\d{1,3})?(?!\d)/gu;
const CN_NUMBER = '[零〇一二两三四五六七八九十百千万亿点]+';
const AMOUNT = new RegExp(
  String.raw`(?:[¥￥$]|RMB|USD|CNY)\s?\d+(?:,\d{3})*(?:\.\d+)?|\d+(?:,\d{3})*(?:\.\d+)?\s?(?:元|块钱|块|RMB|USD|CNY|美元|dollars?|yuan)|${CN_NUMBER}(?:元|块钱|块)`,
  'giu',
);
const DATETIME = new RegExp([
  String.raw`\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?`,
  String.raw`(?:\d{4}年)?\d{1,2}月\d{1,2}[日号](?:(?:上午|下午|晚上|早上)?\d{1,2}[点:：]\d{0,2}分?)?`,
  String.raw`(?:今天|明天|后天|昨天|前天|今晚|明早|下周[一二三四五六日天]?|上周[一二三四五六日天]?|周[一二三四五六日天]|星期[一二三四五六日天])(?:(?:上午|下午|晚上|早上)?\d{1,2}点(?:\d{1,2}分|半)?)?`,
  String.raw`(?:上午|下午|晚上|早上)\d{1,2}点(?:\d{1,2}分|半)?`,
  String.raw`\b(?:today|tomorrow|tonight|yesterday|next (?:week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b`,
  String.raw`\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b`,
  String.raw`\b\d{1,2}:\d{2}\b`,
].join('|'), 'giu');

function collect(text: string, pattern: RegExp, type: EntityType, accept: (value: string) => boolean = () => true): Entity[] {
  const found: Entity[] = [];
  for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))) {
    const value = m[0];
    if (value && accept(value)) found.push({ type, value, start: m.index ?? 0, end: (m.index ?? 0) + value.length });
  }
  return found;
}

// Earlier types win an overlap: a checksummed ID beats a generic order number of the same digits.
function withoutOverlaps(entities: Entity[]): Entity[] {
  const kept: Entity[] = [];
  for (const e of entities) if (!kept.some((k) => e.start < k.end && k.start < e.end)) kept.push(e);
  return kept.sort((a, b) => a.start - b.start);
}

/** Entities in the raw text, with offsets into it; PII types are checksummed where a checksum exists. */
export function extractEntities(text: string, options: EntityOptions = {}): Entity[] {
  const digitsOf = (v: string) => v.replace(/[ -]/gu, '');
  return withoutOverlaps([
    ...collect(text, EMAIL, 'email'),
    ...collect(text, ID_CARD, 'id_card', isValidIdCard),
    ...collect(text, BANK_CARD, 'bank_card', (v) => isValidBankCard(digitsOf(v))),
    ...collect(text, MOBILE, 'phone'),
    ...collect(text, LANDLINE, 'phone'),
    ...collect(text, INTERNATIONAL, 'phone'),
    ...collect(text, options.orderNumberPattern ?? defaultOrderNumberPattern, 'order_number'),
    ...collect(text, DATETIME, 'datetime'),
    ...collect(text, AMOUNT, 'amount'),
  ]);
}
