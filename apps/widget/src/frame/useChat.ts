import { useEffect, useState } from 'preact/hooks';
import type { Chat, ChatState } from './chat.ts';

/** Re-renders on every change of the chat's state. */
export function useChatState(chat: Chat): ChatState {
  const [state, setState] = useState(chat.get());
  useEffect(() => {
    const unsubscribe = chat.subscribe(setState);
    // Effects run after paint: catch up on anything that changed between the first render and now.
    setState(chat.get());
    return unsubscribe;
  }, [chat]);
  return state;
}
