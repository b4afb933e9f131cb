import { useCallback } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

// Settings → Dispositions, in both languages (kept beside the screen, as the bot settings do).

const zh = {
  'disp.title': '结案类型',
  'disp.subtitle': '坐席解决会话时选择的处理结果；收件箱和报表按它显示和统计',
  'disp.readOnly': '只有管理员可以修改结案类型',
  'disp.rules': '标识保存后不能再改：已解决的会话记的是标识，所以改名请改中英文名称。删除一个类型不影响已经用它结案的会话，它们会显示这个标识。最多 {max} 个，至少 1 个。',
  'disp.keyboard': '在一行里按 Alt + ↑ / ↓ 可以上下移动这一行',
  'disp.count': '{n} / {max} 个',
  'disp.order': '顺序',
  'disp.key': '标识',
  'disp.keyHelp': '小写字母开头，可用小写字母、数字和 _',
  'disp.zh': '中文名称',
  'disp.en': '英文名称',
  'disp.new': '新增',
  'disp.lockedKey': '已保存的标识不能修改：已结案的会话用它记录处理结果',
  'disp.add': '添加结案类型',
  'disp.up': '上移：{name}',
  'disp.down': '下移：{name}',
  'disp.remove': '删除：{name}',
  'disp.lastOne': '至少保留一个结案类型',
  'disp.full': '最多 {max} 个结案类型',
  'disp.reset': '还原',
  'disp.saved': '结案类型已保存，坐席下次解决会话时即可选用',
  'disp.unchanged': '没有改动',
  'disp.unsaved': '有未保存的改动',
  'disp.empty': '还没有结案类型，至少添加一个',
  'disp.problem.pattern': '小写字母开头，只能用小写字母、数字和 _（最多 32 个字符）',
  'disp.problem.duplicate': '这个标识已被另一行使用',
  'disp.problem.required': '必填',
} as const;

export type DispositionTextKey = keyof typeof zh;

const en: Record<DispositionTextKey, string> = {
  'disp.title': 'Dispositions',
  'disp.subtitle': 'How a conversation ended, picked by the agent who resolves it; the inbox and the reports show and count it',
  'disp.readOnly': 'Only admins can change the dispositions',
  'disp.rules': 'A key cannot change once saved: resolved conversations record the key, so rename a disposition through its labels. Removing one leaves the conversations resolved with it as they are; they show its key. Up to {max}, at least 1.',
  'disp.keyboard': 'Alt + ↑ / ↓ in a row moves that row',
  'disp.count': '{n} of {max}',
  'disp.order': 'Order',
  'disp.key': 'Key',
  'disp.keyHelp': 'Starts with a lowercase letter; lowercase letters, digits and _',
  'disp.zh': 'Chinese label',
  'disp.en': 'English label',
  'disp.new': 'New',
  'disp.lockedKey': 'A saved key cannot change: resolved conversations record their outcome by it',
  'disp.add': 'Add a disposition',
  'disp.up': 'Move up: {name}',
  'disp.down': 'Move down: {name}',
  'disp.remove': 'Remove: {name}',
  'disp.lastOne': 'Keep at least one disposition',
  'disp.full': 'At most {max} dispositions',
  'disp.reset': 'Undo changes',
  'disp.saved': 'Dispositions saved; agents can pick them the next time they resolve',
  'disp.unchanged': 'Nothing changed',
  'disp.unsaved': 'Unsaved changes',
  'disp.empty': 'No dispositions yet; add at least one',
  'disp.problem.pattern': 'Starts with a lowercase letter; lowercase letters, digits and _ only (up to 32)',
  'disp.problem.duplicate': 'Another row already uses this key',
  'disp.problem.required': 'Required',
};

export const dispositionTexts = { 'zh-CN': zh, 'en-US': en } as const;
export type DispositionT = (key: DispositionTextKey, vars?: Record<string, string | number>) => string;

/** The server's problems about the list, in the reader's language; null for anything else. */
export function dispositionProblemText(message: string, t: DispositionT): string | null {
  if (message.startsWith('must be lowercase letters, digits or _')) return t('disp.problem.pattern');
  if (/^"[^"]+" appears more than once$/.test(message)) return t('disp.problem.duplicate');
  return null;
}

export function useDispositionTexts() {
  const { locale } = useI18n();
  const t = useCallback<DispositionT>(
    (key, vars = {}) => dispositionTexts[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)),
    [locale],
  );
  return { t, locale };
}
