import type { Disposition } from '@lingxi/contracts';
import { useSignedIn } from '../../lib/session.tsx';
import { useResource } from '../../ui/useResource.ts';

/** The workspace's dispositions (how a conversation can end), for the resolve dialog and the header. */
export function useDispositions() {
  const { api } = useSignedIn();
  return useResource((signal) => api.inbox.dispositions(signal), [api]);
}

/** A disposition's label in the reader's language; an unknown key (since removed from the list) shows as itself. */
export function dispositionLabel(list: readonly Disposition[] | undefined, key: string, locale: 'zh-CN' | 'en-US'): string {
  return list?.find((d) => d.key === key)?.label[locale] ?? key;
}
