import { sha256 } from '../../../platform/crypto.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { DomainError } from '../../../platform/errors.ts';
import { customerSessionStore } from '../../contacts/index.ts';
import { conversationErrors } from '../errors.ts';

export type CustomerSessionPrincipal = { kind: 'customer'; workspaceId: string; contactId: string; conversationId: string };

/** Sessions never change once made, so each node keeps the ones it has seen (bounded) and skips a query per message. */
export function createCustomerResolver(deps: { db: Database; maxCached?: number }) {
  const seen = new Map<string, CustomerSessionPrincipal>();
  const max = deps.maxCached ?? 50_000;
  return async function resolveCustomer(token: string): Promise<CustomerSessionPrincipal | DomainError> {
    const hash = sha256(token);
    const cached = seen.get(hash);
    if (cached) return cached;
    const session = await customerSessionStore.byTokenHash(deps.db.sql, hash);
    if (!session) return conversationErrors.sessionUnknown();
    const principal = { kind: 'customer' as const, workspaceId: session.workspaceId, contactId: session.contactId, conversationId: session.conversationId };
    if (seen.size >= max) seen.delete(seen.keys().next().value!);
    seen.set(hash, principal);
    return principal;
  };
}
