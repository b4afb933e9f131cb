import { useEffect, useState } from 'preact/hooks';
import type { Chat, ChatState } from './chat.ts';

/** Re-renders on every change of the chat's state. */
export function useChatState(chat: Chat): ChatState {
  const [state, setState] = useState(chat.get());
  useEffect(() => chat.subscribe(setState), [chat]);
  return state;
}
