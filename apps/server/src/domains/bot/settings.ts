import { BotSettings as BotSettingsSchema, type BotSettingsView } from '@lingxi/contracts';
import type { Executor } from '../../platform/db/index.ts';
import { workspaceStore } from '../accounts/index.ts';
import { defaultThresholds, thresholdsFrom, type BotThresholds } from './model.ts';

export type BotSettings = BotThresholds & { orderLookupUrl: string | null };

/** Reads workspace settings `bot` leniently: every missing or bad value falls back to its default. */
export function botSettingsFrom(settings: unknown): BotSettings {
  const stored = (settings as { bot?: { orderLookupUrl?: unknown } } | null)?.bot?.orderLookupUrl;
  const url = BotSettingsSchema.shape.orderLookupUrl.safeParse(stored);
  return { ...thresholdsFrom(settings), orderLookupUrl: url.success ? url.data : null };
}

/** What the API shows and what is stored: the settings a workspace can change, nothing derived. */
export function presentBotSettings(s: BotSettings): BotSettingsView {
  return {
    answerConfidence: s.answerConfidence,
    lowConfidence: s.lowConfidence,
    clarifyMargin: s.clarifyMargin,
    lowConfidenceTurns: s.lowConfidenceTurns,
    repeatTimes: s.repeatTimes,
    emotionLevel: s.emotionLevel,
    vipGetsHuman: s.vipGetsHuman,
    triggers: { ...s.triggers },
    orderLookupUrl: s.orderLookupUrl,
  };
}

export const defaultBotSettings: BotSettingsView = presentBotSettings({ ...defaultThresholds, orderLookupUrl: null });

export async function readBotSettings(db: Executor, workspaceId: string, forUpdate = false): Promise<BotSettings> {
  return botSettingsFrom(await workspaceStore.settings(db, workspaceId, forUpdate));
}
