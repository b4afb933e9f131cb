import type { AssistSettings } from '@lingxi/contracts';

// Pure rules of agent assist: soothing scripts, the compensation hint, and canned-response variables.

export type AssistLanguage = 'zh' | 'en';
export const SOOTHE_FROM_LEVEL = 3;

const scripts: Record<string, Record<AssistLanguage, string>> = {
  anger: {
    zh: '非常抱歉给您带来这么不好的体验，您的心情我完全理解。这件事我来负责跟进，现在就为您处理，请您放心。',
    en: 'I am truly sorry for the trouble this has caused, and I completely understand your frustration. I will take ownership of this and sort it out for you right now.',
  },
  anxiety: {
    zh: '理解您着急的心情，请您放心，我已经在为您查询，马上给您一个明确的答复。',
    en: 'I understand this is urgent for you. Please rest assured I am checking it right now and will give you a clear answer shortly.',
  },
  disappointment: {
    zh: '很抱歉这次没有达到您的期望，谢谢您告诉我们。我会尽力为您弥补，也会把您的意见反馈给相关团队。',
    en: 'I am sorry we did not live up to your expectations, and thank you for telling us. I will do my best to make it right and pass your feedback on to the team.',
  },
  neutral: {
    zh: '非常理解您的感受，给您添麻烦了。我会认真为您处理，有任何进展第一时间告诉您。',
    en: 'I understand how you feel and I am sorry for the inconvenience. I will handle this carefully and keep you posted on every step.',
  },
};

/** A script that acknowledges the feeling first, in the customer's language; null when the customer is calm. */
export function soothingScript(level: number, category: string, language: AssistLanguage): string | null {
  if (level < SOOTHE_FROM_LEVEL) return null;
  return (scripts[category] ?? scripts.neutral!)[language];
}

/** What the agent may offer on their own under the workspace policy, stronger the angrier the customer. */
export function compensationHint(level: number, policy: AssistSettings, language: AssistLanguage): string {
  const coupon = level >= 5 ? policy.maxCouponYuan : Math.round(policy.maxCouponYuan / 2);
  const parts: string[] = [];
  if (coupon > 0) parts.push(language === 'en' ? `offer a coupon of up to ¥${coupon}` : `可主动提供不超过 ${coupon} 元的优惠券`);
  if (policy.allowExpressRefund) parts.push(language === 'en' ? 'an express refund (no return needed) is allowed' : '可为客户办理极速退款（无需退货）');
  if (parts.length === 0) return language === 'en' ? 'No compensation is pre-approved: escalate to a supervisor if needed.' : '没有预先授权的补偿，如需补偿请联系主管。';
  return language === 'en' ? `Policy: ${parts.join('; ')}.` : `补偿政策：${parts.join('；')}。`;
}

export const defaultAssistSettings: AssistSettings = { maxCouponYuan: 20, allowExpressRefund: true };

const VARIABLE = /\{\{\s*([a-zA-Z]+(?:\.[a-zA-Z]+)*)\s*\}\}/g;

/** The {{variables}} a text uses, in order of first use. */
export function variablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1]!))];
}

/** Fills {{variables}} from the values known; unknown or empty ones stay as written and are reported. */
export function renderTemplate(text: string, values: Record<string, string | null | undefined>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const rendered = text.replace(VARIABLE, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === '') {
      missing.add(name);
      return whole;
    }
    return value;
  });
  return { text: rendered, missing: [...missing] };
}

/** A knowledge answer shortened for a card: the first lines, never cut inside a word-less run of Chinese. */
export function excerptOf(answer: string, max = 120): string {
  const flat = answer.replace(/[#*_`>|]/g, '').replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
