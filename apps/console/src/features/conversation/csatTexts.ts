import { useCallback } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

// Words of the live CSAT badge and the agent's rating notification (kept beside them, as the dashboard does).

const zh = {
  'csat.badge': '满意度 {score}/5',
  'csat.badgeLabel': '客户满意度评分 {score} 分（满分 5 分）',
  'csat.noComment': '客户没有留言',
  'csat.new': '刚刚评价',
  'csat.notifyTitle': '{name}给了 {score}/5 分',
  'csat.notifyCustomer': '客户',
  'csat.notifyNoComment': '没有留言。',
  'csat.open': '查看会话',
} as const;
export type CsatTextKey = keyof typeof zh;

const en: Record<CsatTextKey, string> = {
  'csat.badge': 'CSAT {score}/5',
  'csat.badgeLabel': 'Customer satisfaction: {score} out of 5',
  'csat.noComment': 'No comment from the customer',
  'csat.new': 'just rated',
  'csat.notifyTitle': '{name} rated the conversation {score}/5',
  'csat.notifyCustomer': 'A customer',
  'csat.notifyNoComment': 'No comment.',
  'csat.open': 'Open the conversation',
};

export const csatTexts = { 'zh-CN': zh, 'en-US': en } as const;

export function useCsatTexts() {
  const { locale } = useI18n();
  const t = useCallback(
    (key: CsatTextKey, vars: Record<string, string | number> = {}) => csatTexts[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)),
    [locale],
  );
  return { t };
}

/** Green for satisfied (4–5), gold for neutral, red for a rating someone should look at. */
export function csatTone(score: number): 'green' | 'gold' | 'red' {
  return score >= 4 ? 'green' : score === 3 ? 'gold' : 'red';
}
