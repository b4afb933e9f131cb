import type { ReplyLanguage } from './texts.ts';

/** One customer turn as the bot remembers it (kept on the conversation, the last 20). */
export type BotTurnMemory = {
  text: string;
  said: string;
  entryId: string | null;
  question: string | null;
  confidence: number;
  low: boolean;
  emotion: number;
  language: ReplyLanguage;
  entities: { type: string; value: string }[];
};
export type FlowState = { name: 'order_status'; attempts: number };
export type BotMemory = { turns: BotTurnMemory[]; lowStreak: number; flow: FlowState | null };

export const MEMORY_TURNS = 20;

/** Reads what is stored leniently: an old or empty state starts fresh. */
export function memoryOf(stored: unknown): BotMemory {
  const s = (stored ?? {}) as Partial<BotMemory>;
  return {
    turns: Array.isArray(s.turns) ? s.turns.slice(-MEMORY_TURNS) : [],
    lowStreak: typeof s.lowStreak === 'number' ? s.lowStreak : 0,
    flow: s.flow && s.flow.name === 'order_status' ? s.flow : null,
  };
}
