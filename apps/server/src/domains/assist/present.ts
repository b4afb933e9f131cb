import { variablesIn } from './model.ts';
import type { CannedResponse } from './store.ts';

export function presentCanned(c: CannedResponse) {
  const zh = c.texts['zh-CN'] ?? null;
  const en = c.texts['en-US'] ?? null;
  return {
    id: c.id,
    shortcut: c.shortcut,
    title: c.title,
    text: { 'zh-CN': zh, 'en-US': en },
    variables: variablesIn(`${zh ?? ''}\n${en ?? ''}`),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
