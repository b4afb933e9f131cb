// What each report's numbers mean, in the caller's language (`?locale=` or Accept-Language; English otherwise).

export type NoteLocale = 'zh-CN' | 'en-US';

type Notes = {
  periods(timezone: string): string;
  fcr: string;
  responseTimes: string;
  emotion: string;
  abandonment: string;
  intents: string;
  paths: string;
  heatmap(timezone: string): string;
  forecast(weeks: number, trend: number): string;
  value(v: { bot: number; human: number; currency: string }): string;
  truncated(rows: number): string;
  nps: string;
};

export const reportNotes: Record<NoteLocale, Notes> = {
  'en-US': {
    periods: (tz) => `Periods start in ${tz}; conversations are counted in the period they started.`,
    fcr: 'FCR: resolved and never reopened / resolved (by the bot or a person).',
    responseTimes: 'Bot FRT: customer’s first message → bot’s first reply. Human FRT: handoff → the agent’s first reply. AHT: taken → resolved.',
    emotion: 'Emotion of each customer message the bot read: 1 calm … 5 angry; 4 and 5 count as negative.',
    abandonment: 'Abandoned: handed to a person, then left (closed or left a message) before any agent took it.',
    intents: 'Pareto: intents sorted by volume; top80 marks the few that make 80% of conversations. A conversation’s intent is the first thing the bot recognised.',
    paths: 'Where self-service stopped: handed to a person (by trigger) or ended silently after a fallback/clarifying reply; after which bot reply and after how many bot turns.',
    heatmap: (tz) => `Weekday 1 = Monday; hours in ${tz}.`,
    forecast: (weeks, trend) => `Seasonal average of the same weekday and hour over the last ${weeks} weeks (basis), times the trend ${trend} = last 7 days ÷ the 7 days before (clamped 0.5–2; 1 without history).`,
    value: ({ bot, human, currency }) => `Every conversation costs ${bot} ${currency} of bot time; one a person takes costs ${human} ${currency} more (workspace settings analytics.costPerBotConversation / costPerHumanConversation). Savings: bot-resolved conversations × (person − bot). Human-replacement rate: bot-resolved / resolved.`,
    truncated: (rows) => `The first ${rows} conversations of the range; narrow the range for the rest.`,
    nps: 'NPS: % promoters (9–10) − % detractors (0–6) among the conversations whose customer answered, counted with the period the conversation started.',
  },
  'zh-CN': {
    periods: (tz) => `时间段按 ${tz} 时区划分；会话计入它开始的那个时间段。`,
    fcr: '首次解决率 FCR：已解决且从未重新打开的会话 / 已解决的会话（机器人或人工解决）。',
    responseTimes: '机器人首响：客户第一条消息 → 机器人第一次回复。人工首响：转人工 → 坐席第一次回复。平均处理时长 AHT：坐席接入 → 解决。',
    emotion: '机器人读到的每条客户消息的情绪：1 平静 … 5 愤怒；4 和 5 算作负面。',
    abandonment: '排队放弃：已转人工，但在坐席接入前离开（关闭或留言）。',
    intents: '帕累托：问题按会话量排序；top80 标出占 80% 会话的少数问题。会话的问题是机器人第一次识别出的问题。',
    paths: '自助服务在哪里中断：转人工（按原因），或在兜底/反问回复后客户沉默离开；在哪条机器人回复之后、经过几轮。',
    heatmap: (tz) => `星期 1 = 周一；小时按 ${tz} 时区。`,
    forecast: (weeks, trend) => `过去 ${weeks} 周同一星期几、同一小时的平均值（basis），乘以趋势系数 ${trend} = 最近 7 天 ÷ 之前 7 天（限制在 0.5–2；没有历史时为 1）。`,
    value: ({ bot, human, currency }) => `每个会话计机器人成本 ${bot} ${currency}；有坐席接待的会话再加 ${human} ${currency}（工作区设置“报表与告警”中的成本）。节省 = 机器人解决的会话数 × （人工 − 机器人）。人力替代率 = 机器人解决 / 已解决。`,
    truncated: (rows) => `只列出这个时间段的前 ${rows} 个会话；缩小时间段可查看其余会话。`,
    nps: 'NPS：回答了推荐意愿的会话中，推荐者（9–10 分）占比 − 贬损者（0–6 分）占比，计入会话开始的时间段。',
  },
};

/** `?locale=` first, then the best of Accept-Language (by q), else English. */
export function noteLocale(query: string | undefined, acceptLanguage: string | string[] | undefined): NoteLocale {
  if (query === 'zh-CN' || query === 'en-US') return query;
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((l) => l.q > 0 && (l.tag.startsWith('zh') || l.tag.startsWith('en')))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.tag.startsWith('zh') ? 'zh-CN' : 'en-US';
}
