import type { HandoffPackage, HandoffTrigger } from '@lingxi/contracts';
import { presentAttachment, type HandoffContext } from '../conversations/index.ts';
import type { BotTurnMemory } from './state.ts';
import { texts, type ReplyLanguage } from './texts.ts';

/** What the agent reads before saying hello: built from the bot's memory and the customer's record, no guessing. */
export function buildHandoffPackage(input: { trigger: HandoffTrigger; turns: readonly BotTurnMemory[]; context: HandoffContext; language: ReplyLanguage; at: Date }): HandoffPackage {
  const { turns, context } = input;
  const asked = [...new Set(turns.map((t) => t.question ?? t.said).filter(Boolean))].slice(-3);
  const rated = context.botAnswers.filter((a) => a.helpful !== null);
  const helpedCount = rated.filter((a) => a.helpful).length;
  const botHelped = rated.length === 0 ? null : helpedCount * 2 >= rated.length;
  const peak = Math.max(1, ...turns.map((t) => t.emotion));
  const reason = texts.triggerName(input.language, input.trigger);
  const entities = new Map<string, { type: string; value: string }>();
  for (const t of turns) for (const e of t.entities) entities.set(`${e.type}:${e.value}`, e);
  const files = filesSentLine(context.customerFiles, input.language);
  const summary =
    input.language === 'en'
      ? `Asked about: ${asked.join('; ') || '(nothing yet)'}.${files} The bot answered ${context.botAnswers.length} time(s)${rated.length ? `, ${helpedCount} of ${rated.length} rated helpful` : ''}. Emotion peaked at ${peak}/5. Handed over because ${reason}.`
      : `客户咨询：${asked.join('；') || '（尚未提问）'}。${files}机器人回答 ${context.botAnswers.length} 次${rated.length ? `，其中 ${helpedCount}/${rated.length} 次被评为有帮助` : ''}。情绪最高 ${peak}/5。转人工原因：${reason}。`;
  return {
    trigger: input.trigger,
    summary,
    intents: turns.map((t) => ({ entryId: t.entryId, question: t.question, confidence: Math.round(t.confidence * 1000) / 1000, text: t.said })),
    entities: [...entities.values()],
    emotionTrajectory: turns.map((t) => t.emotion),
    botAnswers: context.botAnswers.map((a) => ({ messageId: a.messageId, entryId: a.entryId, question: turns.find((t) => t.entryId === a.entryId)?.question ?? null, helpful: a.helpful })),
    botHelped,
    contact: context.contact,
    pastConversations: context.pastConversations,
    attachments: context.customerFiles.map(presentAttachment),
    at: input.at.toISOString(),
  };
}

const FILES_NAMED = 5;

/** "图片" / "image" for pictures, else the file's extension (PDF, XLSX …): what an agent would call it. */
function fileKind(file: { name: string; contentType: string }, language: ReplyLanguage): string {
  if (file.contentType.startsWith('image/')) return language === 'en' ? 'image' : '图片';
  const dot = file.name.lastIndexOf('.');
  return dot > 0 ? file.name.slice(dot + 1).toUpperCase() : language === 'en' ? 'file' : '文件';
}

/** The files the customer already sent, counted and the first few named, so the agent does not ask for them again. */
export function filesSentLine(files: readonly { name: string; contentType: string }[], language: ReplyLanguage): string {
  if (files.length === 0) return '';
  const named = files.slice(0, FILES_NAMED).map((f) => (language === 'en' ? `${f.name} (${fileKind(f, language)})` : `${f.name}（${fileKind(f, language)}）`));
  const more = files.length - named.length;
  if (language === 'en') return ` Sent ${files.length} file${files.length === 1 ? '' : 's'}: ${named.join(', ')}${more ? ` and ${more} more` : ''}.`;
  return `已发送 ${files.length} 个文件：${named.join('、')}${more ? ` 等（另有 ${more} 个）` : ''}。`;
}
