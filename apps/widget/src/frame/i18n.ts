// Every string the customer sees, in both first-class languages.
export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

/** zh, zh-CN, zh-TW, zh-Hans-… → zh-CN; anything else → en-US. The first listed language wins. */
export function pickLocale(languages: readonly string[] | undefined): Locale {
  const first = languages?.find((language) => language.trim().length > 0);
  return first && /^zh\b/i.test(first.trim()) ? 'zh-CN' : 'en-US';
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en-US';
}

const zh = {
  title: '在线客服',
  subtitle: '通常几秒内回复',
  close: '关闭对话窗口',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  placeholder: '输入你的问题…',
  send: '发送',
  inputLabel: '消息',
  suggested: '猜你想问',
  related: '相关问题',
  didYouMean: '你是不是想问：',
  helpful: '这个回答有帮助吗？',
  helpfulYes: '有帮助',
  helpfulNo: '没帮助',
  thanksFeedback: '感谢反馈！',
  talkToPerson: '转人工',
  talkToPersonLabel: '联系人工客服',
  queued: (position: number | null, wait: number | null) =>
    `正在为你转接人工客服${position ? `，前面还有 ${position} 位` : ''}${wait ? `，预计等待 ${minutes(wait, 'zh-CN')}` : ''}`,
  queuedShort: '排队中',
  assigned: '人工客服已接入',
  resolved: '本次会话已结束',
  typingBot: '灵犀正在输入…',
  typingAgent: '客服正在输入…',
  reconnecting: '连接中断，正在重连…',
  offline: '网络已断开，消息将在恢复后自动发送',
  sending: '发送中…',
  queuedOffline: '等待网络…',
  sendFailed: '发送失败',
  retry: '重试',
  loadFailed: '加载失败，请检查网络后重试',
  startFailed: '暂时无法连接客服，请稍后重试',
  you: '你',
  bot: '灵犀助手',
  agent: '客服',
  system: '系统',
  newMessages: '新消息',
  preChatTitle: '开始对话前，请留下联系方式',
  preChatSubmit: '开始对话',
  fieldName: '称呼',
  fieldEmail: '邮箱',
  fieldPhone: '手机号',
  invalidEmail: '邮箱格式不正确',
  invalidPhone: '手机号格式不正确',
  required: '必填',
  csatTitle: '请为本次服务打分',
  csatStar: (n: number) => `${n} 星`,
  csatComment: '还有什么想告诉我们的？（选填）',
  csatSubmit: '提交评价',
  csatThanks: '感谢你的评价！',
  newConversation: '开始新的对话',
  poweredBy: '由 灵犀 提供支持',
  conversationLog: '对话记录',
};

export type Messages = typeof zh;

const en: Messages = {
  title: 'Customer support',
  subtitle: 'We usually reply in seconds',
  close: 'Close chat',
  switchLanguage: '中文',
  switchLanguageLabel: '切换到中文',
  placeholder: 'Type your question…',
  send: 'Send',
  inputLabel: 'Message',
  suggested: 'Popular questions',
  related: 'Related questions',
  didYouMean: 'Did you mean:',
  helpful: 'Was this helpful?',
  helpfulYes: 'Helpful',
  helpfulNo: 'Not helpful',
  thanksFeedback: 'Thanks for the feedback!',
  talkToPerson: 'Talk to a person',
  talkToPersonLabel: 'Talk to a person',
  queued: (position: number | null, wait: number | null) =>
    `Connecting you to a person${position ? ` · you are #${position} in line` : ''}${wait ? ` · about ${minutes(wait, 'en-US')}` : ''}`,
  queuedShort: 'In queue',
  assigned: 'An agent has joined',
  resolved: 'This conversation has ended',
  typingBot: 'Lingxi is typing…',
  typingAgent: 'Agent is typing…',
  reconnecting: 'Connection lost. Reconnecting…',
  offline: 'You are offline. Messages will be sent when you are back.',
  sending: 'Sending…',
  queuedOffline: 'Waiting for network…',
  sendFailed: 'Not sent',
  retry: 'Retry',
  loadFailed: 'Could not load. Check your connection and try again.',
  startFailed: 'Support is unreachable right now. Please try again shortly.',
  you: 'You',
  bot: 'Lingxi assistant',
  agent: 'Agent',
  system: 'System',
  newMessages: 'New messages',
  preChatTitle: 'Before we start, how can we reach you?',
  preChatSubmit: 'Start chat',
  fieldName: 'Name',
  fieldEmail: 'Email',
  fieldPhone: 'Phone',
  invalidEmail: 'Enter a valid email',
  invalidPhone: 'Enter a valid phone number',
  required: 'Required',
  csatTitle: 'How did we do?',
  csatStar: (n: number) => `${n} star${n === 1 ? '' : 's'}`,
  csatComment: 'Anything else to tell us? (optional)',
  csatSubmit: 'Send rating',
  csatThanks: 'Thank you for your rating!',
  newConversation: 'Start a new conversation',
  poweredBy: 'Powered by Lingxi',
  conversationLog: 'Conversation',
};

function minutes(seconds: number, locale: Locale): string {
  const m = Math.max(1, Math.round(seconds / 60));
  return locale === 'zh-CN' ? `${m} 分钟` : `${m} min`;
}

export function messagesFor(locale: Locale): Messages {
  return locale === 'zh-CN' ? zh : en;
}
