import { isEmotionRisingSharply } from '@lingxi/nlu';
import type { BotTurn, BotTurnInput, Replier, ReplyDraft } from '../conversations/index.ts';
import type { LiveModel } from '../knowledge/index.ts';
import type { BotDeps } from './deps.ts';
import { buildHandoffPackage } from './handoffPackage.ts';
import { chooseAnswer, handoffPolicy, isExplicitHandoffRequest, sameQuestionCount, type AnswerChoice } from './model.ts';
import { httpOrderLookup, orderNumbersIn, orderStatusStep, ORDER_STATUS_TAG, type FlowStep } from './orderStatusFlow.ts';
import { memoryOf, MEMORY_TURNS, type BotMemory, type BotTurnMemory } from './state.ts';
import { texts, type ReplyLanguage } from './texts.ts';
import { understand, type Understanding } from './understand.ts';

const RELATED = 3;
const RELATED_FLOOR = 0.15;

/**
 * The bot's decision, in ARCHITECTURE order: guardrails and understanding, the handoff policy,
 * then an active flow step, a confident answer with related questions, "did you mean", or a fallback.
 */
export function createBot(deps: BotDeps): Replier {
  return async function reply(input: BotTurnInput): Promise<BotTurn> {
    const started = performance.now();
    const now = deps.clock.now();
    const settings = await deps.settings(input.workspaceId);
    const memory = memoryOf(input.botState);
    const text = input.text ?? '';
    const model = text ? await deps.models.get(input.workspaceId) : null;
    // a message without words (an order number) or of mixed languages continues in the language of the last turn
    const spoken = memory.turns.at(-1)?.language;
    const u = understand(text, spoken === 'en' ? 'en-US' : spoken === 'zh' ? 'zh-CN' : input.locale, model, now);
    const choice = chooseAnswer(u.match, settings);
    const answered = choice.kind === 'answer' ? model?.entries.get(choice.entryId) ?? null : null;

    // A flow step (or an order number typed straight away) is understood even if the knowledge base has no match.
    const flowing = memory.flow !== null || answered?.tags.includes(ORDER_STATUS_TAG) === true || (choice.kind === 'fallback' && orderNumbersIn(text).length > 0);
    const low = choice.kind === 'fallback' && !flowing && text !== '';
    const turn: BotTurnMemory = {
      text: u.normalized,
      said: text.slice(0, 200),
      entryId: answered?.id ?? null,
      question: answered?.question ?? null,
      confidence: u.match.confidence,
      low,
      emotion: u.emotion.level,
      language: u.language,
      entities: u.entities,
    };
    const next: BotMemory = { turns: [...memory.turns, turn].slice(-MEMORY_TURNS), lowStreak: low ? memory.lowStreak + 1 : 0, flow: memory.flow };
    const understood = (intent: string | null): ReplyDraft['understanding'] => ({ intent, emotionLevel: text ? u.emotion.level : null, language: u.language, latencyMs: Math.round((performance.now() - started) * 100) / 100, entities: u.entities });

    const trigger =
      input.force ??
      handoffPolicy(
        {
          humanOnly: input.contact.humanOnly,
          vip: input.contact.vip,
          explicitRequest: isExplicitHandoffRequest(text),
          sameQuestionCount: text ? sameQuestionCount(memory.turns, turn) : 0,
          emotionLevel: u.emotion.level,
          emotionRisingSharply: isEmotionRisingSharply(next.turns.map((t) => t.emotion)),
          lowConfidenceStreak: next.lowStreak,
        },
        settings,
      );
    if (trigger) {
      const context = await input.handoffContext();
      const handoffPackage = buildHandoffPackage({ trigger, turns: text ? next.turns : memory.turns, context, language: u.language, at: now });
      const draft: ReplyDraft = { author: 'system', kind: 'handoff', text: texts.handoff(u.language, trigger, context.queueAhead), understanding: understood(`handoff:${trigger}`) };
      return { replies: [draft], botState: { ...next, flow: null, lowStreak: 0 }, handoff: { trigger, package: handoffPackage, queueAhead: context.queueAhead } };
    }

    if (flowing) {
      const lookup = httpOrderLookup(() => settings.orderLookupUrl ?? (deps.selfUrl() ? `${deps.selfUrl()}/api/demo/orders/{orderNumber}` : null));
      const movedOn = choice.kind === 'answer' && !answered?.tags.includes(ORDER_STATUS_TAG);
      const step: FlowStep | null = await orderStatusStep({ flow: memory.flow, text, lang: u.language, movedOn, lookup });
      if (step) {
        const draft: ReplyDraft = { author: 'bot', kind: step.reply.kind, text: step.reply.text, knowledgeEntryId: answered?.id ?? null, confidence: u.match.confidence, ...(step.reply.quickReplies ? { quickReplies: step.reply.quickReplies } : {}), understanding: understood(step.intent) };
        if (!memory.flow && answered && !orderNumbersIn(text).length) draft.text = answered.answer;
        return { replies: [draft], botState: { ...next, flow: step.flow }, handoff: null };
      }
      next.flow = null;
    }
    return { replies: [answerDraft(choice, model, u, understood)], botState: next, handoff: null };
  };
}

function answerDraft(choice: AnswerChoice, model: LiveModel | null, u: Understanding, understood: (intent: string | null) => ReplyDraft['understanding']): ReplyDraft {
  const lang: ReplyLanguage = u.language;
  if (choice.kind === 'answer' && model) {
    const entry = model.entries.get(choice.entryId)!;
    return {
      author: 'bot',
      kind: 'answer',
      text: entry.answer,
      knowledgeEntryId: entry.id,
      confidence: round(choice.confidence),
      suggestions: relatedQuestions(model, entry.id, u),
      ...(entry.quickReplies.length > 0 ? { quickReplies: entry.quickReplies } : {}),
      understanding: understood(entry.id),
    };
  }
  if (choice.kind === 'clarify') {
    return { author: 'bot', kind: 'clarify', text: texts.clarify(lang), confidence: round(choice.confidence), suggestions: choice.options.map((o) => o.question), understanding: understood('clarify') };
  }
  return { author: 'bot', kind: 'fallback', text: texts.fallback(lang), confidence: round(choice.confidence), quickReplies: [texts.talkToPerson(lang)], understanding: understood(null) };
}

/** The runner-up matches, then entries of the same category, in the customer's language. */
function relatedQuestions(model: LiveModel, entryId: string, u: Understanding): string[] {
  const entry = model.entries.get(entryId)!;
  const related = u.match.candidates.filter((c) => c.entryId !== entryId && c.score >= RELATED_FLOOR).map((c) => c.question);
  for (const other of model.entries.values()) {
    if (related.length >= RELATED) break;
    if (other.id !== entryId && other.category === entry.category && other.language === entry.language && !related.includes(other.question)) related.push(other.question);
  }
  return related.slice(0, RELATED);
}

const round = (n: number) => Math.round(n * 1000) / 1000;
