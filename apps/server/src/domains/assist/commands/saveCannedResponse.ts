import type { DomainError } from '../../../platform/errors.ts';
import type { AssistDeps } from '../deps.ts';
import { assistErrors } from '../errors.ts';
import { cannedStore, type CannedResponse } from '../store.ts';

type Draft = { shortcut: string; title: string; text: { 'zh-CN'?: string | undefined; 'en-US'?: string | undefined } };
const textsOf = (text: Draft['text']) => ({ ...(text['zh-CN'] ? { 'zh-CN': text['zh-CN'] } : {}), ...(text['en-US'] ? { 'en-US': text['en-US'] } : {}) });

/** A new canned response; shortcuts are unique in the workspace. */
export async function createCannedResponse(deps: AssistDeps, input: { workspaceId: string; userId: string; draft: Draft }): Promise<CannedResponse | DomainError> {
  const now = deps.clock.now();
  const created = await cannedStore.insert(deps.db.sql, { id: deps.ids.next(), workspaceId: input.workspaceId, shortcut: input.draft.shortcut, title: input.draft.title, texts: textsOf(input.draft.text), createdBy: input.userId, createdAt: now, updatedAt: now });
  return created ?? assistErrors.shortcutTaken(input.draft.shortcut);
}

/** Replaces shortcut, title and texts of a canned response. */
export async function updateCannedResponse(deps: AssistDeps, input: { workspaceId: string; id: string; draft: Draft }): Promise<CannedResponse | DomainError> {
  const existing = await cannedStore.byId(deps.db.sql, input.workspaceId, input.id);
  if (!existing) return assistErrors.cannedNotFound(input.id);
  const clash = await cannedStore.byShortcut(deps.db.sql, input.workspaceId, input.draft.shortcut);
  if (clash && clash.id !== input.id) return assistErrors.shortcutTaken(input.draft.shortcut);
  try {
    const updated = await cannedStore.update(deps.db.sql, input.workspaceId, input.id, { shortcut: input.draft.shortcut, title: input.draft.title, texts: textsOf(input.draft.text), updatedAt: deps.clock.now() });
    return updated ?? assistErrors.cannedNotFound(input.id);
  } catch (error) {
    // Two edits racing for one shortcut: the unique index refuses the second.
    if ((error as { code?: string; cause?: { code?: string } }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505') return assistErrors.shortcutTaken(input.draft.shortcut);
    throw error;
  }
}

export async function deleteCannedResponse(deps: AssistDeps, input: { workspaceId: string; id: string }): Promise<{ ok: true } | DomainError> {
  return (await cannedStore.remove(deps.db.sql, input.workspaceId, input.id)) ? { ok: true } : assistErrors.cannedNotFound(input.id);
}
