import type { BotSettingsView, UpdateBotSettingsRequest } from '@lingxi/contracts';

// Pure rules of the bot settings screen: what to send, and how the confidence scale is drawn.

/** What the form holds: the address as typed ('' for none). */
export type BotSettingsForm = Omit<BotSettingsView, 'orderLookupUrl'> & { orderLookupUrl: string };

export function formOf(settings: BotSettingsView): BotSettingsForm {
  return { ...settings, triggers: { ...settings.triggers }, orderLookupUrl: settings.orderLookupUrl ?? '' };
}

/** Only what differs from the saved settings (a trigger switch on its own), so two people editing different knobs do not undo each other. */
export function changesBetween(saved: BotSettingsView, form: BotSettingsForm): UpdateBotSettingsRequest {
  const change: Record<string, unknown> = {};
  for (const key of ['answerConfidence', 'lowConfidence', 'clarifyMargin', 'lowConfidenceTurns', 'repeatTimes', 'emotionLevel', 'vipGetsHuman'] as const) {
    if (form[key] !== undefined && form[key] !== saved[key]) change[key] = form[key];
  }
  const triggers: Record<string, boolean> = {};
  for (const name of Object.keys(saved.triggers) as (keyof BotSettingsView['triggers'])[]) {
    const value = form.triggers?.[name];
    if (value !== undefined && value !== saved.triggers[name]) triggers[name] = value;
  }
  if (Object.keys(triggers).length) change.triggers = triggers;
  const url = form.orderLookupUrl?.trim() ? form.orderLookupUrl.trim() : null;
  if (form.orderLookupUrl !== undefined && url !== saved.orderLookupUrl) change.orderLookupUrl = url;
  return change as UpdateBotSettingsRequest;
}

export function sameSettings(a: BotSettingsView, b: BotSettingsView): boolean {
  return Object.keys(changesBetween(a, formOf(b))).length === 0;
}

/** The three zones of the confidence scale, in percent of its width (an inconsistent pair shows no middle zone). */
export function confidenceZones(lowConfidence: number, answerConfidence: number): { low: number; middle: number; high: number } {
  const clamp = (n: number) => Math.min(100, Math.max(0, Math.round(n * 100)));
  const low = clamp(lowConfidence);
  const answer = Math.max(low, clamp(answerConfidence));
  return { low, middle: answer - low, high: 100 - answer };
}
