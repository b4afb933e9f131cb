import type { AssistResponse } from '@lingxi/contracts';
import { analyzeEmotion, detectLanguage } from '@lingxi/nlu';
import type { DomainError } from '../../../platform/errors.ts';
import { assistContext } from '../../conversations/index.ts';
import { isValidAt, type LiveModel } from '../../knowledge/index.ts';
import { isExplicitHandoffRequest } from '../../bot/index.ts';
import type { AssistDeps } from '../deps.ts';
import { assistErrors } from '../errors.ts';
import { compensationHint, excerptOf, soothingScript, type AssistLanguage } from '../model.ts';
import { readAssistSettings } from '../settings.ts';

const SUGGESTIONS = 3;
const CARDS = 5;
/** Below this a match is noise, not a suggestion. */
const SUGGESTION_FLOOR = 0.2;
/** How many recent customer messages to look back through when the latest ("转人工", "hello?") matches nothing. */
const LOOK_BACK = 3;

type Candidate = { entryId: string; score: number };

function usableCandidates(model: LiveModel, text: string, language: AssistLanguage, now: Date): Candidate[] {
  const match = model.matcher.match(text, 8);
  if (match.outOfScope) return [];
  const raw = match.candidates.filter((c) => {
    const entry = model.entries.get(c.entryId);
    return entry !== undefined && isValidAt(entry, now);
  });
  const same = raw.filter((c) => model.entries.get(c.entryId)!.language !== (language === 'zh' ? 'en' : 'zh'));
  return same.length > 0 ? same : raw;
}

const languageOf = (text: string, locale: string | null): AssistLanguage => {
  const detected = text ? detectLanguage(text) : 'mixed';
  if (detected === 'zh' || detected === 'en') return detected;
  return locale?.startsWith('en') ? 'en' : 'zh';
};

/**
 * For the customer's latest message: answers from the knowledge base to send or edit, knowledge cards to read,
 * and, when the customer is upset (level ≥ 3), a soothing script with what the workspace lets the agent offer.
 */
export async function assistFor(deps: AssistDeps, input: { workspaceId: string; conversationId: string }): Promise<AssistResponse | DomainError> {
  const context = await assistContext(deps.db.sql, input.workspaceId, input.conversationId);
  if (!context) return assistErrors.conversationNotFound(input.conversationId);
  const latest = context.customerMessages[0] ?? null;
  const language = languageOf(latest?.text ?? '', context.locale);
  const model = latest ? await deps.models.get(input.workspaceId) : null;
  const now = deps.clock.now();

  let candidates: Candidate[] = [];
  if (model) {
    for (const message of context.customerMessages.slice(0, LOOK_BACK)) {
      if (isExplicitHandoffRequest(message.text)) continue;
      candidates = usableCandidates(model, message.text, language, now);
      if ((candidates[0]?.score ?? 0) >= SUGGESTION_FLOOR) break;
    }
  }
  const entries = candidates.map((c) => ({ c, entry: model!.entries.get(c.entryId)! }));
  const suggestions = entries
    .filter(({ c }) => c.score >= SUGGESTION_FLOOR)
    .slice(0, SUGGESTIONS)
    .map(({ c, entry }) => ({ entryId: entry.id, question: entry.question, text: entry.answer, confidence: Math.round(c.score * 1000) / 1000 }));
  const cards = entries.slice(0, CARDS).map(({ entry }) => ({ entryId: entry.id, question: entry.question, excerpt: excerptOf(entry.answer), category: entry.category ?? null }));

  const emotion = latest ? analyzeEmotion(latest.text) : null;
  let soothing: AssistResponse['soothing'] = null;
  const script = emotion ? soothingScript(emotion.level, emotion.category, language) : null;
  if (emotion && script) {
    const policy = await readAssistSettings(deps.db.sql, input.workspaceId);
    soothing = { emotionLevel: emotion.level, category: emotion.category, script, compensation: { text: compensationHint(emotion.level, policy, language), ...policy } };
  }
  return {
    messageId: latest?.id ?? null,
    text: latest?.text ?? null,
    language,
    emotion: emotion ? { level: emotion.level, category: emotion.category } : null,
    suggestions,
    cards,
    soothing,
  };
}
