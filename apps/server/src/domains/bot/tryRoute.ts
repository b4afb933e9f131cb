import { BotTryRequest, BotTryResponse } from '@lingxi/contracts';
import { route } from '../../platform/route.ts';
import { userOf } from '../accounts/index.ts';
import type { BotDeps } from './deps.ts';
import { chooseAnswer, handoffPolicy, isExplicitHandoffRequest, type AnswerChoice } from './model.ts';
import { texts, type ReplyLanguage } from './texts.ts';
import { understand, type Understanding } from './understand.ts';

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The handoff triggers as the settings screen names them, [zh, en]. */
const triggerNames: Record<string, [string, string]> = {
  explicit: ['客户要求人工', 'the customer asks for a person'],
  human_only: ['必须人工的客户', 'a customer who must get a person'],
  emotion: ['客户情绪激动', 'the customer is upset'],
  repeat: ['重复提问', 'the same question again'],
  low_confidence: ['连续没听懂', 'not understood, again and again'],
};

/** Why the bot chose what it chose, in the words of the person asking (their console locale). */
function whyOf(choice: AnswerChoice, u: Understanding, trigger: string | null, settings: { answerConfidence: number; lowConfidence: number }, en: boolean): string {
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  if (trigger) {
    const name = (triggerNames[trigger] ?? [trigger, trigger])[en ? 1 : 0];
    return en ? `Handed to a person: ${name} (${trigger}; emotion level ${u.emotion.level}).` : `转人工：${name}（${trigger}，情绪等级 ${u.emotion.level}）。`;
  }
  if (choice.kind === 'answer') return en ? `Best match at ${pct(choice.confidence)} (answers from ${pct(settings.answerConfidence)}).` : `最佳匹配置信度 ${pct(choice.confidence)}（≥ ${pct(settings.answerConfidence)} 即作答）。`;
  if (choice.kind === 'clarify') return en ? `Two matches too close to choose (${choice.options.map((o) => pct(o.score)).join(' vs ')}): asks which one.` : `两个候选过于接近（${choice.options.map((o) => pct(o.score)).join(' 对 ')}），反问客户。`;
  if (u.match.outOfScope) return en ? 'Out of scope for the knowledge base: says so and offers a person.' : '超出知识库范围：如实告知并提供转人工。';
  return en ? `Confidence ${pct(choice.confidence)} is below ${pct(settings.lowConfidence)}: not understood.` : `置信度 ${pct(choice.confidence)} 低于 ${pct(settings.lowConfidence)}：未理解。`;
}

/**
 * POST /api/v1/bot/try: the workspace's live model and the bot's own understanding and answer choice on one
 * text, with no conversation, memory or flow (so repeat / low-confidence streak triggers cannot fire here).
 */
export function botTryRoutes(deps: Pick<BotDeps, 'clock' | 'models' | 'settings'>) {
  return [
    route({
      method: 'POST', url: '/api/v1/bot/try', summary: 'What the bot would answer to a text, with intent, confidence, candidates and why; no conversation is created', tags: ['knowledge'], policy: 'knowledge:read',
      body: BotTryRequest, response: BotTryResponse,
      async handler(ctx) {
        const { workspaceId } = userOf(ctx.principal);
        const [settings, model] = await Promise.all([deps.settings(workspaceId), deps.models.get(workspaceId)]);
        const locale = ctx.body.locale ?? null;
        const u = understand(ctx.body.text, locale, model, deps.clock.now());
        const choice = chooseAnswer(u.match, settings);
        const trigger = handoffPolicy(
          { humanOnly: false, vip: false, explicitRequest: isExplicitHandoffRequest(ctx.body.text), sameQuestionCount: 1, emotionLevel: u.emotion.level, emotionRisingSharply: false, lowConfidenceStreak: choice.kind === 'fallback' ? 1 : 0 },
          settings,
        );
        const lang: ReplyLanguage = u.language;
        const entry = choice.kind === 'answer' ? model?.entries.get(choice.entryId) ?? null : null;
        const reply = trigger
          ? { text: texts.handoff(lang, trigger, 0), kind: 'handoff' as const, knowledgeEntryId: null, confidence: round(u.match.confidence) }
          : entry
            ? { text: entry.answer, kind: 'answer' as const, knowledgeEntryId: entry.id, confidence: round(choice.confidence) }
            : choice.kind === 'clarify'
              ? { text: texts.clarify(lang), kind: 'clarify' as const, knowledgeEntryId: null, confidence: round(choice.confidence), suggestions: choice.options.map((o) => o.question) }
              : { text: texts.fallback(lang), kind: 'fallback' as const, knowledgeEntryId: null, confidence: round(choice.confidence) };
        return {
          reply,
          intent: trigger ? `handoff:${trigger}` : entry ? entry.id : choice.kind,
          confidence: round(u.match.confidence),
          why: whyOf(choice, u, trigger, settings, locale === 'en-US'),
          language: lang,
          emotion: { level: u.emotion.level, category: u.emotion.category },
          candidates: u.match.candidates.map((c) => ({ entryId: c.entryId, question: c.question, score: round(c.score) })),
          modelVersion: model?.version ?? null,
        };
      },
    }),
  ];
}
