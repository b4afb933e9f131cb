import type { BotTurn, Replier } from './deps.ts';
import { notices, type OverflowReasonCode } from './notices.ts';

/**
 * Wraps the bot: when it hands a customer off and waiting will not work well (after hours, nobody online, a
 * long queue or wait), the handoff reply says why and offers quick replies to leave a message or book a callback.
 * The check runs only on handoff turns, before the conversation joins the queue.
 */
export function withOverflowNotice(replier: Replier, overflow: (workspaceId: string) => Promise<OverflowReasonCode | null>): Replier {
  return async (input) => {
    const turn: BotTurn = await replier(input);
    if (!turn.handoff) return turn;
    const reason = await overflow(input.workspaceId);
    if (!reason) return turn;
    const replies = turn.replies.map((draft) => {
      if (draft.kind !== 'handoff') return draft;
      const language = draft.understanding.language === 'en' ? 'en' : 'zh';
      return { ...draft, text: `${draft.text}\n\n${notices.overflow(language, reason)}`, quickReplies: [notices.leaveMessageAction(language), notices.callbackAction(language)] };
    });
    return { ...turn, replies };
  };
}
