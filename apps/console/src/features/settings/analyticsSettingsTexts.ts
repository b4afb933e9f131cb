import { useCallback } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

// The reports & alerts settings screen's words, in both languages (kept beside the screen, as the bot settings do).

const zh = {
  'as.title': '报表与告警',
  'as.subtitle': '报表按哪个时区算“天”、会话何时算结束、什么时候提醒主管、成本怎么算',
  'as.readOnly': '只有管理员和主管可以修改这些设置',
  'as.reset': '还原',
  'as.defaults': '恢复默认值',
  'as.defaultsFilled': '已填入默认值，保存后生效',
  'as.saved': '已保存：实时监控、告警和报表马上按新设置计算',
  'as.unchanged': '没有改动',
  'as.allDefault': '当前全部为默认值',
  'as.range': '范围 {min}–{max}，默认 {value}',
  'as.defaultOnly': '默认 {value}',
  'as.time': '时间与会话结束',
  'as.timeHelp': '报表里的“按天”“按小时”、热力图的星期几、实时监控上的“今日”，都按这个时区来划分。',
  'as.timezone': '时区',
  'as.timezoneHelp': '选择城市名称形式的时区（如 Asia/Shanghai），不要用 +08:00 这样的偏移量。',
  'as.idleMinutes': '机器人会话多久没动静算结束',
  'as.idleMinutesHelp': '机器人接待的会话没有人会去关闭，客户不再说话这么久之后，就算机器人解决（计入机器人解决率）。调短：结束得快，解决率出得早；调长：不会把还在想问题的客户算作已解决。',
  'as.alerts': '告警',
  'as.alertsHelp': '达到阈值时，实时监控上出现告警并推送给在线的主管；达到两倍时为严重告警。同一告警 15 分钟内不会重复提醒。',
  'as.queueLengthAlert': '排队人数达到',
  'as.queueLengthAlertHelp': '排队等人工的客户达到这个数时提醒，通常说明需要更多坐席上线。',
  'as.longestWaitAlertSeconds': '最长等待达到',
  'as.longestWaitAlertSecondsHelp': '排在最前面的客户等了这么久还没有坐席接入时提醒。',
  'as.slaFirstResponseSeconds': '人工首次回复目标',
  'as.slaFirstResponseSecondsHelp': '转人工之后，坐席应在这个时间内说第一句话。等到目标的 80% 还没回复的会话，算作“首响超时风险”。',
  'as.costs': '成本与价值',
  'as.costsHelp': '“价值”报表用这两个数估算成本和节省：每个会话都算机器人成本；有坐席接待的会话再加上人工成本。节省 = 机器人解决的会话数 × （人工 − 机器人）。',
  'as.costPerBotConversation': '每个会话的机器人成本',
  'as.costPerBotConversationHelp': '模型调用、服务器等折算到每个会话的费用。',
  'as.costPerHumanConversation': '每个人工会话的成本',
  'as.costPerHumanConversationHelp': '坐席接待一个会话的平均人力成本（在机器人成本之上）。',
  'as.currency': '货币',
  'as.surge': '咨询激增',
  'as.surgeHelp': '某个问题突然被很多人问到时（如支付故障、物流延误），提醒主管，并把相关知识和建议回复推送给坐席。',
  'as.surgeRule': '规则：某个问题在最近 {window} 分钟内被问到至少 {minCount} 次，并且达到过去 {baseline} 小时平均水平的 {ratio} 倍（达到 {critical} 倍为严重）。',
  'as.windowMinutes': '统计窗口',
  'as.windowMinutesHelp': '数最近多少分钟内的提问。',
  'as.baselineHours': '平时水平取过去',
  'as.baselineHoursHelp': '用这么多小时内每个窗口的平均提问数作为“平时”，平时很少被问的问题按每小时 1 次计。',
  'as.minCount': '至少被问到',
  'as.minCountHelp': '提问少于这个数时不算激增，避免冷门问题偶尔被问两次就告警。',
  'as.ratio': '达到平时的',
  'as.ratioHelp': '比平时多出这么多倍才算激增。',
  'as.unit.minutes': '分钟',
  'as.unit.seconds': '秒',
  'as.unit.hours': '小时',
  'as.unit.customers': '人',
  'as.unit.times': '次',
  'as.unit.ratio': '倍',
  'as.inMinutes': '约 {n} 分钟',
  'as.problem.wholeBetween': '应为 {min} 到 {max} 之间的整数',
  'as.problem.between': '应在 {min} 到 {max} 之间',
  'as.problem.timezone': '应为 IANA 时区名称，如 Asia/Shanghai',
  'as.problem.currency': '应为三个大写字母的货币代码，如 CNY',
  'as.problem.required': '必填',
} as const;

export type AnalyticsSettingsTextKey = keyof typeof zh;

const en: Record<AnalyticsSettingsTextKey, string> = {
  'as.title': 'Reports & alerts',
  'as.subtitle': 'Which time zone reports count days in, when a conversation has ended, when supervisors are alerted, and what conversations cost',
  'as.readOnly': 'Only admins and supervisors can change these settings',
  'as.reset': 'Reset',
  'as.defaults': 'Fill in defaults',
  'as.defaultsFilled': 'Defaults filled in; they apply once you save',
  'as.saved': 'Saved: the live monitor, alerts and reports use the new settings at once',
  'as.unchanged': 'Nothing changed',
  'as.allDefault': 'Everything is at its default',
  'as.range': 'From {min} to {max}; default {value}',
  'as.defaultOnly': 'Default {value}',
  'as.time': 'Time and when a conversation ends',
  'as.timeHelp': 'Days and hours in reports, weekdays in the heatmap and “today” on the live monitor follow this time zone.',
  'as.timezone': 'Time zone',
  'as.timezoneHelp': 'Pick a zone by its city name (such as Asia/Shanghai), not an offset such as +08:00.',
  'as.idleMinutes': 'A bot conversation has ended after this much silence',
  'as.idleMinutesHelp': 'Nobody closes the bot’s conversations: once the customer has been quiet this long, it counts as resolved by the bot (in the bot resolution rate). Shorter: counted sooner. Longer: a customer still thinking is not counted as resolved.',
  'as.alerts': 'Alerts',
  'as.alertsHelp': 'At a threshold an alert appears on the live monitor and is pushed to supervisors online; at twice the threshold it is critical. The same alert is not raised again within 15 minutes.',
  'as.queueLengthAlert': 'Queue reaches',
  'as.queueLengthAlertHelp': 'Alert when this many customers wait for a person; usually a sign that more agents should come online.',
  'as.longestWaitAlertSeconds': 'Longest wait reaches',
  'as.longestWaitAlertSecondsHelp': 'Alert when the customer first in line has waited this long without an agent.',
  'as.slaFirstResponseSeconds': 'Target for a person’s first reply',
  'as.slaFirstResponseSecondsHelp': 'After the handoff an agent should say something within this time. Conversations still without a reply at 80% of it count as “first response at risk”.',
  'as.costs': 'Costs and value',
  'as.costsHelp': 'The “Value” report estimates costs and savings from these: every conversation costs bot time; one an agent takes costs a person’s time on top. Savings = bot-resolved conversations × (person − bot).',
  'as.costPerBotConversation': 'Bot cost per conversation',
  'as.costPerBotConversationHelp': 'Model calls, servers and the like, per conversation.',
  'as.costPerHumanConversation': 'Cost of a conversation with a person',
  'as.costPerHumanConversationHelp': 'What an agent’s time on one conversation costs on average (on top of the bot).',
  'as.currency': 'Currency',
  'as.surge': 'Surges',
  'as.surgeHelp': 'When many customers suddenly ask the same thing (a payment outage, late deliveries), supervisors are alerted and agents get the related knowledge and a suggested reply.',
  'as.surgeRule': 'Rule: a question asked at least {minCount} times in the last {window} minutes, and at least {ratio} × its usual level over the past {baseline} hours ({critical} × is critical).',
  'as.windowMinutes': 'Counting window',
  'as.windowMinutesHelp': 'Questions are counted over this many minutes.',
  'as.baselineHours': 'Usual level over the past',
  'as.baselineHoursHelp': 'The mean count per window over this many hours is “usual”; a question rarely asked counts as once an hour.',
  'as.minCount': 'Asked at least',
  'as.minCountHelp': 'Fewer questions than this are never a surge, so a rare question asked twice does not raise an alert.',
  'as.ratio': 'Times the usual level',
  'as.ratioHelp': 'How many times its usual level a question must reach to be a surge.',
  'as.unit.minutes': 'min',
  'as.unit.seconds': 's',
  'as.unit.hours': 'h',
  'as.unit.customers': 'customers',
  'as.unit.times': 'times',
  'as.unit.ratio': '×',
  'as.inMinutes': 'about {n} min',
  'as.problem.wholeBetween': 'must be a whole number between {min} and {max}',
  'as.problem.between': 'must be between {min} and {max}',
  'as.problem.timezone': 'must be an IANA time zone such as Asia/Shanghai',
  'as.problem.currency': 'must be a three-letter currency code such as CNY',
  'as.problem.required': 'is required',
};

export const analyticsSettingsTexts = { 'zh-CN': zh, 'en-US': en } as const;

type Fill = Record<string, string | number>;
export type AnalyticsSettingsT = (key: AnalyticsSettingsTextKey, vars?: Fill) => string;

export function makeAnalyticsSettingsT(locale: keyof typeof analyticsSettingsTexts): AnalyticsSettingsT {
  return (key, vars = {}) => analyticsSettingsTexts[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The server's problem messages about these settings, in the reader's language; null for anything else. */
export function analyticsProblemText(message: string, t: AnalyticsSettingsT): string | null {
  const range = /^must be (a whole number|a number) between (\S+) and (\S+)$/.exec(message);
  if (range) return t(range[1] === 'a whole number' ? 'as.problem.wholeBetween' : 'as.problem.between', { min: range[2]!, max: range[3]! });
  if (message === 'must be an IANA time zone such as Asia/Shanghai') return t('as.problem.timezone');
  if (message === 'must be a three-letter currency code such as CNY') return t('as.problem.currency');
  return null;
}

export function useAnalyticsSettingsTexts() {
  const { locale } = useI18n();
  const t = useCallback<AnalyticsSettingsT>((key, vars) => makeAnalyticsSettingsT(locale)(key, vars), [locale]);
  return { t, locale };
}
