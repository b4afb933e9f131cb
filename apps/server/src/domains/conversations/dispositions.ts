import { workspaceStore } from '../accounts/index.ts';
import { Disposition } from '@lingxi/contracts';
import type { Executor } from '../../platform/db/index.ts';

/** What a workspace starts with; admins replace the list (PUT /api/v1/settings/dispositions). */
export const defaultDispositions: Disposition[] = [
  { key: 'solved', label: { 'zh-CN': '已解决', 'en-US': 'Resolved / answered' } },
  { key: 'refund', label: { 'zh-CN': '已退款', 'en-US': 'Refund issued' } },
  { key: 'replacement', label: { 'zh-CN': '已补发 / 换货', 'en-US': 'Replacement sent' } },
  { key: 'no_response', label: { 'zh-CN': '客户未回复', 'en-US': 'No response from customer' } },
  { key: 'duplicate', label: { 'zh-CN': '重复会话', 'en-US': 'Duplicate' } },
  { key: 'spam', label: { 'zh-CN': '垃圾信息', 'en-US': 'Spam' } },
];

/** Reads workspace settings `dispositions` leniently: a missing or broken list is the default one. */
export function dispositionsFrom(settings: unknown): Disposition[] {
  const raw = (settings as { dispositions?: unknown } | null)?.dispositions;
  if (!Array.isArray(raw)) return defaultDispositions;
  const valid = raw.map((d) => Disposition.safeParse(d)).filter((r) => r.success).map((r) => r.data!);
  return valid.length > 0 ? valid : defaultDispositions;
}

export async function readDispositions(db: Executor, workspaceId: string): Promise<Disposition[]> {
  return dispositionsFrom(await workspaceStore.settings(db, workspaceId));
}

/** Replaces the list, leaving the other settings sections as they are. */
export async function saveDispositions(db: Executor, workspaceId: string, dispositions: Disposition[]): Promise<Disposition[]> {
  await workspaceStore.saveSettingsSection(db, workspaceId, 'dispositions', dispositions);
  return dispositions;
}

/** Tags as stored: trimmed, one spelling per tag whatever its case (the first one typed wins), in the order given. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tag.toLowerCase();
    if (tag.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
