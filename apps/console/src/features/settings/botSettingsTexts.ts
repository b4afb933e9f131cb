import { useCallback } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

// The bot settings screen's words, in both languages (kept beside the screen, as the dashboard does).

const zh = {
  'bot.title': '机器人与转人工',
  'bot.subtitle': '机器人什么时候自己回答、什么时候反问、什么时候把客户交给人工坐席',
  'bot.readOnly': '只有管理员和主管可以修改这些设置',
  'bot.reset': '还原',
  'bot.defaults': '恢复默认值',
  'bot.defaultsFilled': '已填入默认值，保存后生效',
  'bot.saved': '已保存，新的设置从客户的下一条消息起生效',
  'bot.unchanged': '没有改动',
  'bot.allDefault': '当前全部为默认值',
  'bot.default': '默认：{value}',
  'bot.tryTitle': '改完试一试',
  'bot.tryHint': '保存后，到知识库页右侧的“试一试”里输入客户会问的话，能看到置信度、选中的条目和原因。连续重复提问、连续没听懂这两类条件需要真实会话才会触发，可在演示页 /demo 里体验。',
  'bot.tryLink': '打开知识库的“试一试”',
  'bot.answering': '机器人何时作答',
  'bot.answeringHelp': '机器人把客户的问题和知识库逐条比较，得出一个 0–100% 的把握（置信度）。下面三个数决定它怎么用这个把握。',
  'bot.scale': '置信度刻度',
  'bot.zone.low': '没听懂',
  'bot.zone.middleHelp': '在这两条线之间：候选接近时反问，否则谨慎作答',
  'bot.zone.middle': '拿不准',
  'bot.zone.high': '直接回答',
  'bot.answerConfidence': '直接回答的置信度',
  'bot.answerConfidenceHelp': '最佳匹配达到这个把握时，机器人直接给出知识库的答案。调高：答得更准但更常反问；调低：答得更多但更容易答偏。',
  'bot.lowConfidence': '“没听懂”的置信度',
  'bot.lowConfidenceHelp': '低于这个把握，机器人认为没听懂，会请客户换个说法，并计入“连续没听懂”。不能高于“直接回答”的置信度。',
  'bot.clarifyMargin': '反问的差距',
  'bot.clarifyMarginHelp': '前两个候选的把握相差小于这个值时，机器人反问“您是想问 A 还是 B？”。设为 0 则从不因为候选接近而反问。',
  'bot.handoff': '何时转人工',
  'bot.handoffHelp': '每条客户消息都按下面的顺序检查，第一个满足的条件就是转人工的原因，会记在会话上并计入报表。',
  'bot.alwaysOn': '始终开启',
  'bot.trigger.explicit': '客户要求人工',
  'bot.trigger.explicitHelp': '客户说“转人工”“人工客服”“agent”“human”等。这个条件不能关闭：客户要人，就给人。',
  'bot.trigger.human_only': '必须人工的客户',
  'bot.trigger.human_onlyHelp': '客户资料里标记了“必须人工”的客户一开口就转人工，不能关闭。',
  'bot.vipGetsHuman': 'VIP 客户直接转人工',
  'bot.trigger.emotion': '客户情绪激动',
  'bot.trigger.emotionHelp': '情绪等级从 1（平静）到 5（愤怒）。达到所选等级，或情绪短时间内急剧上升时转人工。',
  'bot.emotionLevel': '转人工的情绪等级',
  'bot.emotion.2': '2 略有不满',
  'bot.emotion.3': '3 明显不满',
  'bot.emotion.4': '4 生气',
  'bot.emotion.5': '5 愤怒',
  'bot.trigger.repeat': '重复提问',
  'bot.trigger.repeatHelp': '客户连续问同一个问题（同样的话，或命中同一条知识）达到这个次数，说明答案没解决问题。',
  'bot.repeatTimes': '连续问几次',
  'bot.trigger.low_confidence': '连续没听懂',
  'bot.trigger.low_confidenceHelp': '机器人连续这么多轮都没听懂客户（置信度低于“没听懂”的线）时转人工。',
  'bot.lowConfidenceTurns': '连续几轮',
  'bot.times': '{n} 次',
  'bot.turns': '{n} 轮',
  'bot.triggerOff': '已关闭：这个条件不会转人工',
  'bot.orders': '订单查询',
  'bot.ordersHelp': '客户查订单时，机器人调用这个地址，{orderNumber} 会换成订单号；留空则用内置的演示订单服务。只有管理员可以修改（服务器会访问这个地址）。',
  'bot.orderLookupUrl': '订单查询地址',
  'bot.error.inconsistent': '这几项设置互相矛盾：“没听懂”的线不能高于“直接回答”的线',
  'bot.problem.between': '应在 {min} 到 {max} 之间',
  'bot.problem.wholeBetween': '应为 {min} 到 {max} 之间的整数',
  'bot.problem.notAbove': '不能高于“直接回答”的置信度（{value}）',
  'bot.problem.notAboveAny': '不能高于“直接回答”的置信度',
  'bot.problem.notBelow': '不能低于“没听懂”的置信度（{value}）',
  'bot.problem.onOff': '只能是开或关',
  'bot.problem.url': '应为 http(s) 地址',
  'bot.problem.placeholder': '地址里需要包含 {orderNumber}',
  'bot.problem.adminOnly': '只有管理员可以修改',
} as const;

export type BotTextKey = keyof typeof zh;

const en: Record<BotTextKey, string> = {
  'bot.title': 'Bot & handoff',
  'bot.subtitle': 'When the bot answers by itself, when it asks back, and when it hands the customer to a person',
  'bot.readOnly': 'Only admins and supervisors can change these settings',
  'bot.reset': 'Reset',
  'bot.defaults': 'Fill in defaults',
  'bot.defaultsFilled': 'Defaults filled in; they apply once you save',
  'bot.saved': 'Saved: the new settings apply from the customer’s next message',
  'bot.unchanged': 'Nothing changed',
  'bot.allDefault': 'Everything is at its default',
  'bot.default': 'Default: {value}',
  'bot.tryTitle': 'Try it after a change',
  'bot.tryHint': 'After saving, type what a customer would ask into “Try the bot” on the knowledge page: it shows the confidence, the chosen entry and why. The repeat and not-understood-in-a-row triggers need a real conversation: try them on the /demo page.',
  'bot.tryLink': 'Open “Try the bot”',
  'bot.answering': 'When the bot answers',
  'bot.answeringHelp': 'The bot compares the customer’s question with every knowledge entry and gets a confidence from 0 to 100%. These three numbers decide what it does with it.',
  'bot.scale': 'Confidence scale',
  'bot.zone.low': 'Not understood',
  'bot.zone.middleHelp': 'Between the two lines: asks back when two matches are close, else answers carefully',
  'bot.zone.middle': 'Unsure',
  'bot.zone.high': 'Answers',
  'bot.answerConfidence': 'Answer from',
  'bot.answerConfidenceHelp': 'When the best match is at least this confident, the bot gives the knowledge answer. Higher: more accurate but asks back more often. Lower: answers more, but more often off the mark.',
  'bot.lowConfidence': '“Not understood” below',
  'bot.lowConfidenceHelp': 'Below this the bot has not understood: it asks the customer to rephrase and counts the turn towards “not understood in a row”. Must not be above “Answer from”.',
  'bot.clarifyMargin': 'Ask back when closer than',
  'bot.clarifyMarginHelp': 'When the two best matches are closer than this, the bot asks “Did you mean A or B?”. 0 never asks back for close matches.',
  'bot.handoff': 'When to hand over to a person',
  'bot.handoffHelp': 'Every customer message is checked in this order; the first that fires is the handoff reason, recorded on the conversation and counted in reports.',
  'bot.alwaysOn': 'Always on',
  'bot.trigger.explicit': 'The customer asks for a person',
  'bot.trigger.explicitHelp': 'The customer says “agent”, “human”, “转人工”, “人工客服” and the like. This cannot be switched off: a customer who asks for a person gets one.',
  'bot.trigger.human_only': 'Customers who must get a person',
  'bot.trigger.human_onlyHelp': 'Contacts marked “human only” in their profile go to a person at once. This cannot be switched off.',
  'bot.vipGetsHuman': 'VIP customers go straight to a person',
  'bot.trigger.emotion': 'The customer is upset',
  'bot.trigger.emotionHelp': 'Emotion runs from 1 (calm) to 5 (furious). Hands off at the chosen level, or when emotion rises sharply within a few messages.',
  'bot.emotionLevel': 'Hand off at emotion level',
  'bot.emotion.2': '2 slightly unhappy',
  'bot.emotion.3': '3 clearly unhappy',
  'bot.emotion.4': '4 angry',
  'bot.emotion.5': '5 furious',
  'bot.trigger.repeat': 'The same question again',
  'bot.trigger.repeatHelp': 'The customer asks the same thing (the same words, or the same knowledge entry matched) this many times in a row: the answer is not helping.',
  'bot.repeatTimes': 'Times in a row',
  'bot.trigger.low_confidence': 'Not understood, again and again',
  'bot.trigger.low_confidenceHelp': 'The bot has not understood the customer (confidence below the “not understood” line) for this many turns in a row.',
  'bot.lowConfidenceTurns': 'Turns in a row',
  'bot.times': '{n} times',
  'bot.turns': '{n} turns',
  'bot.triggerOff': 'Off: this never hands off',
  'bot.orders': 'Order lookup',
  'bot.ordersHelp': 'When a customer asks about an order, the bot calls this address with {orderNumber} replaced; empty uses the built-in demo order service. Only admins can change it (the server calls this address).',
  'bot.orderLookupUrl': 'Order lookup address',
  'bot.error.inconsistent': 'These settings contradict each other: the “not understood” line cannot be above the “answer from” line',
  'bot.problem.between': 'must be between {min} and {max}',
  'bot.problem.wholeBetween': 'must be a whole number between {min} and {max}',
  'bot.problem.notAbove': 'must not be above “Answer from” ({value})',
  'bot.problem.notAboveAny': 'must not be above “Answer from”',
  'bot.problem.notBelow': 'must not be below “Not understood” ({value})',
  'bot.problem.onOff': 'must be on or off',
  'bot.problem.url': 'must be an http(s) address',
  'bot.problem.placeholder': 'the address must contain {orderNumber}',
  'bot.problem.adminOnly': 'only admins can change this',
};

export const botTexts = { 'zh-CN': zh, 'en-US': en } as const;

type Fill = Record<string, string | number>;
export type BotT = (key: BotTextKey, vars?: Fill) => string;

function fill(template: string, vars: Fill): string {
  // `{orderNumber}` in a text is literal unless a value is given for it.
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The server's problem messages about bot settings, in the reader's language; null for anything else. */
export function botProblemText(message: string, t: BotT): string | null {
  const range = /^must be (a whole number |a number )?between (\S+) and (\S+)$/.exec(message);
  if (range) return t(range[1] === 'a whole number ' ? 'bot.problem.wholeBetween' : 'bot.problem.between', { min: range[2]!, max: range[3]! });
  const above = /^must not be above answerConfidence(?: \((\S+)\))?$/.exec(message);
  if (above) return above[1] ? t('bot.problem.notAbove', { value: above[1] }) : t('bot.problem.notAboveAny');
  const below = /^must not be below lowConfidence \((\S+)\)$/.exec(message);
  if (below) return t('bot.problem.notBelow', { value: below[1]! });
  const fixed: Record<string, BotTextKey> = {
    'must be true or false': 'bot.problem.onOff',
    'must be an http(s) URL': 'bot.problem.url',
    'must contain {orderNumber}': 'bot.problem.placeholder',
    'only admins may change this': 'bot.problem.adminOnly',
  };
  return fixed[message] ? t(fixed[message]) : null;
}

export function makeBotT(locale: keyof typeof botTexts): BotT {
  return (key, vars = {}) => fill(botTexts[locale][key], vars);
}

export function useBotTexts() {
  const { locale } = useI18n();
  const t = useCallback<BotT>((key, vars) => makeBotT(locale)(key, vars), [locale]);
  return { t, locale };
}
