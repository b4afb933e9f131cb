import type { Replier } from '../deps.ts';

/** zh-CN unless the conversation is known to be in English (the widget sends its locale). */
function english(locale: string | null): boolean {
  return locale?.toLowerCase().startsWith('en') ?? false;
}

/**
 * The bot's turn for a message that is only attachments: there is no text to understand, so no
 * intent is guessed. It acknowledges the file and offers a person (the quick reply hands off).
 */
export const attachmentOnlyReplier: Replier = async (input) => {
  const en = english(input.locale);
  return {
    replies: [
      {
        author: 'bot',
        kind: 'fallback',
        text: en
          ? "Thanks, I've received your file. I can't read images or files myself — add a few words about what you need, or talk to a person who can look at it."
          : '已收到您发送的文件。我暂时看不懂图片和文件，您可以补充文字描述问题，或者转人工客服帮您查看。',
        quickReplies: [en ? 'Talk to a person' : '转人工'],
        understanding: { intent: null, emotionLevel: null, language: en ? 'en' : 'zh', latencyMs: 0 },
      },
    ],
    botState: input.botState,
    handoff: null,
  };
};
