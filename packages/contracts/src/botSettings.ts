import { z } from 'zod';

// Workspace settings `bot`: when the bot answers, asks "did you mean", or hands the customer to a person.

/** Allowed ranges, shared by the server's validation and the console's sliders. */
export const botSettingRanges = {
  answerConfidence: { min: 0.05, max: 1, step: 0.01 },
  lowConfidence: { min: 0, max: 0.95, step: 0.01 },
  clarifyMargin: { min: 0, max: 0.5, step: 0.01 },
  lowConfidenceTurns: { min: 1, max: 10, step: 1 },
  repeatTimes: { min: 2, max: 10, step: 1 },
  emotionLevel: { min: 2, max: 5, step: 1 },
} as const;
export type BotRangedSetting = keyof typeof botSettingRanges;

const between = (key: BotRangedSetting) => {
  const { min, max, step } = botSettingRanges[key];
  const message = `must be between ${min} and ${max}`;
  const base = z.number({ error: `must be a number between ${min} and ${max}` }).min(min, message).max(max, message);
  return step === 1 ? base.int(`must be a whole number between ${min} and ${max}`) : base;
};

/** Triggers a workspace may switch off. An explicit request ("转人工") and a contact marked human-only always reach a person. */
const onOff = () => z.boolean({ error: 'must be true or false' });
export const HandoffTriggerSwitches = z.object({
  repeat: onOff().describe('the same question asked repeatTimes in a row'),
  emotion: onOff().describe('emotion at emotionLevel or above, or rising sharply'),
  low_confidence: onOff().describe('lowConfidenceTurns not-understood turns in a row'),
});
export type HandoffTriggerSwitches = z.infer<typeof HandoffTriggerSwitches>;

const orderLookupUrl = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .regex(/^https?:\/\/[^\s]+$/i, 'must be an http(s) URL')
  .refine((url) => url.includes('{orderNumber}'), 'must contain {orderNumber}')
  .nullable()
  .describe('the order-status flow looks orders up here; {orderNumber} is replaced; null uses the built-in demo order service');

export const BotSettings = z.object({
  answerConfidence: between('answerConfidence').describe('a knowledge match at least this confident is answered'),
  lowConfidence: between('lowConfidence').describe('below this a turn counts as not understood; must not be above answerConfidence'),
  clarifyMargin: between('clarifyMargin').describe('two matches closer than this get "did you mean A or B?"'),
  lowConfidenceTurns: between('lowConfidenceTurns').describe('not-understood turns in a row before handing off'),
  repeatTimes: between('repeatTimes').describe('times in a row the same question is asked before handing off'),
  emotionLevel: between('emotionLevel').describe('emotion level (1 calm … 5 furious) that hands off'),
  vipGetsHuman: onOff().describe('VIP contacts go straight to a person'),
  triggers: HandoffTriggerSwitches,
  orderLookupUrl,
});
export type BotSettingsView = z.infer<typeof BotSettings>;

const notAboveAnswer = (v: { lowConfidence?: number; answerConfidence?: number }) =>
  v.lowConfidence === undefined || v.answerConfidence === undefined || v.lowConfidence <= v.answerConfidence;

/** PUT takes any of the fields (`triggers` may be partial); the rest stay as they are. */
export const UpdateBotSettingsRequest = BotSettings.omit({ triggers: true })
  .partial()
  .extend({ triggers: HandoffTriggerSwitches.partial().optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one setting' })
  .refine(notAboveAnswer, { message: 'must not be above answerConfidence', path: ['lowConfidence'] });
export type UpdateBotSettingsRequest = z.infer<typeof UpdateBotSettingsRequest>;

export const BotSettingsResponse = z.object({
  settings: BotSettings,
  defaults: BotSettings.describe('what each setting is when the workspace has not changed it'),
});
export type BotSettingsResponse = z.infer<typeof BotSettingsResponse>;
