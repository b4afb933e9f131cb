import { createContext, useContext, type ReactNode } from 'react';
import { useSignedIn } from '../../lib/session.tsx';
import { useResource } from '../../ui/useResource.ts';
import type { Person } from './mentionQuery.ts';

const none: Person[] = [];
const PeopleContext = createContext<readonly Person[]>(none);

/** The colleagues who can be @mentioned, loaded once per open conversation for the composer and the transcript. */
export function PeopleProvider({ children }: { children: ReactNode }) {
  const { api } = useSignedIn();
  const people = useResource((signal) => api.inbox.people(signal), [api]);
  return <PeopleContext.Provider value={people.data?.people ?? none}>{children}</PeopleContext.Provider>;
}

export function usePeople(): readonly Person[] {
  return useContext(PeopleContext);
}
