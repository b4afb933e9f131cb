import type { BotSettingsView, UpdateBotSettingsRequest } from '@lingxi/contracts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/index.ts';
import { isDomainError, type DomainError, type Problem } from '../../../platform/errors.ts';
import type { Ids } from '../../../platform/ids.ts';
import { emit } from '../../../events/catalog.ts';
import { actorOf, recordAudit } from '../../accounts/index.ts';
import type { BotSettingsSource } from '../deps.ts';
import { botErrors } from '../errors.ts';
import { presentBotSettings, readBotSettings } from '../settings.ts';
import { workspaceStore } from '../../accounts/index.ts';

type Actor = ReturnType<typeof actorOf>;

/**
 * Changes the given bot settings (trigger switches one by one; the rest stay), audited. The event makes
 * every node forget its cached copy, so the next customer message anywhere uses the new values.
 */
export async function updateBotSettings(
  deps: { db: Database; ids: Ids; clock: Clock; settings: BotSettingsSource },
  input: { workspaceId: string; change: UpdateBotSettingsRequest; actor: Actor; mayChangeOrderLookup: boolean },
): Promise<BotSettingsView | DomainError> {
  const { change } = input;
  if (change.orderLookupUrl !== undefined && !input.mayChangeOrderLookup) return botErrors.orderLookupAdminOnly();
  const saved = await deps.db.transaction(async (tx) => {
    const current = presentBotSettings(await readBotSettings(tx, input.workspaceId, true));
    const { triggers, ...scalars } = change;
    const next: BotSettingsView = { ...current, ...scalars, triggers: { ...current.triggers, ...triggers } };
    const conflict = inconsistency(current, next, change);
    if (conflict) return conflict;
    const fields = [...Object.keys(scalars), ...Object.keys(triggers ?? {}).map((name) => `triggers.${name}`)];
    await workspaceStore.saveSettingsSection(tx, input.workspaceId, 'bot', next);
    await recordAudit(tx, deps, input.actor, { workspaceId: input.workspaceId, action: 'settings.bot_updated', targetType: 'workspace', targetId: input.workspaceId, detail: { fields } });
    await emit(tx, deps, { name: 'workspace.settings_changed', workspaceId: input.workspaceId, payload: { section: 'bot', fields, by: input.actor.userId } });
    return next;
  });
  if (isDomainError(saved)) return saved;
  deps.settings.forget(input.workspaceId);
  return saved;
}

/** "Not understood" must not start above "answered"; the problem goes on the field the caller changed. */
function inconsistency(current: BotSettingsView, next: BotSettingsView, change: UpdateBotSettingsRequest): DomainError | null {
  if (next.lowConfidence <= next.answerConfidence) return null;
  const problems: Problem[] = [];
  if (change.lowConfidence !== undefined) problems.push({ path: 'body.lowConfidence', message: `must not be above answerConfidence (${next.answerConfidence})` });
  if (change.answerConfidence !== undefined) problems.push({ path: 'body.answerConfidence', message: `must not be below lowConfidence (${next.lowConfidence})` });
  if (problems.length === 0) problems.push({ path: 'body.lowConfidence', message: `must not be above answerConfidence (${current.answerConfidence})` });
  return botErrors.settingsInconsistent(problems);
}
