import { extractEntities, type Entity } from './entities.ts';

function maskPhone(value: string): string {
  const digits = value.replace(/\D/gu, '');
  const stars = (n: number) => '*'.repeat(Math.max(0, n));
  const mobile = /1[3-9]\d{9}$/u.exec(digits)?.[0];
  if (mobile && (digits.length === 11 || digits.startsWith('86'))) {
    return `${digits.length > 11 ? '+86 ' : ''}${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
  }
  const country = /^\+(\d{1,3})/u.exec(value.trim())?.[1];
  if (country) return `+${country} ${stars(digits.length - country.length - 4)}${digits.slice(-4)}`;
  const area = /^\(?(0\d{2,3}|400)\)?/u.exec(value.trim())?.[1];
  if (area) return `${area}-${stars(digits.length - area.length - 4)}${digits.slice(-4)}`;
  return `${stars(digits.length - 4)}${digits.slice(-4)}`;
}

function maskEmail(value: string): string {
  const at = value.indexOf('@');
  return `${value.slice(0, 1)}***${value.slice(at)}`;
}

function keepLastFour(value: string): string {
  const digits = value.replace(/[ -]/gu, '');
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

const MASKS: Partial<Record<Entity['type'], (value: string) => string>> = {
  phone: maskPhone, email: maskEmail, id_card: keepLastFour, bank_card: keepLastFour,
};

/** Masks personal data for logs and for anything sent outside: 138****5678, a***@example.com, ID and bank cards keep their last 4. */
export function redactPii(text: string): string {
  let out = '';
  let at = 0;
  for (const e of extractEntities(text)) {
    const mask = MASKS[e.type];
    if (!mask) continue;
    out += text.slice(at, e.start) + mask(e.value);
    at = e.end;
  }
  return out + text.slice(at);
}
