import type { z } from 'zod';
import type { WidgetConfigResponse } from '@lingxi/contracts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { DomainError } from '../../../platform/errors.ts';
import { workspaceStore } from '../../accounts/index.ts';
import { isValidAt, type LiveModels } from '../../knowledge/index.ts';
import { conversationErrors } from '../errors.ts';
import { topAnsweredEntries } from '../store.ts';

type WidgetSettings = { greeting?: Record<string, string>; preChatForm?: { enabled?: boolean; fields?: string[] }; theme?: { primaryColor?: string } };
const SUGGESTIONS = 5;

/** What the widget shows before the first message: greeting, 猜你想问, pre-chat form, colours. */
export async function widgetConfig(deps: { db: Database; clock: Clock; models: LiveModels }, slug: string): Promise<z.input<typeof WidgetConfigResponse> | DomainError> {
  const workspace = await workspaceStore.bySlug(deps.db.sql, slug);
  if (!workspace) return { ...conversationErrors.workspaceNotFound(slug), problems: [{ path: 'query.workspace', message: 'no such workspace' }] };
  const settings = ((workspace.settings as { widget?: WidgetSettings } | null)?.widget ?? {}) as WidgetSettings;
  const now = deps.clock.now();
  const [model, top] = await Promise.all([deps.models.get(workspace.id), topAnsweredEntries(deps.db.sql, workspace.id, new Date(now.getTime() - 7 * 86_400_000), 40)]);
  const suggested: { 'zh-CN': string[]; 'en-US': string[] } = { 'zh-CN': [], 'en-US': [] };
  if (model) {
    // The most asked lately first, then the knowledge base's own order to fill up.
    const ordered = [...top.map((id) => model.entries.get(id)), ...model.entries.values()];
    const seen = new Set<string>();
    for (const entry of ordered) {
      if (!entry || seen.has(entry.id) || !isValidAt(entry, now)) continue;
      seen.add(entry.id);
      const list = entry.language === 'en' ? suggested['en-US'] : suggested['zh-CN'];
      if (list.length < SUGGESTIONS) list.push(entry.question);
    }
  }
  const fields = (settings.preChatForm?.fields ?? []).filter((f): f is 'name' | 'email' | 'phone' => f === 'name' || f === 'email' || f === 'phone');
  return {
    workspace: workspace.slug,
    name: workspace.name,
    greeting: {
      'zh-CN': settings.greeting?.['zh-CN'] ?? `您好，我是${workspace.name}的智能客服灵犀，有什么可以帮您？`,
      'en-US': settings.greeting?.['en-US'] ?? `Hi, I'm Lingxi, the ${workspace.name} assistant. How can I help?`,
    },
    suggestedQuestions: suggested,
    preChatForm: { enabled: settings.preChatForm?.enabled ?? false, fields },
    theme: { primaryColor: settings.theme?.primaryColor ?? '#1677ff' },
  };
}
