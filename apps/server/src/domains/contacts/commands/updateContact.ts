import type { DomainError } from '../../../platform/errors.ts';
import { emit } from '../../../events/catalog.ts';
import type { ContactsDeps } from '../deps.ts';
import { contactErrors } from '../errors.ts';
import { contactStore, type Contact } from '../store.ts';

export type ContactChanges = { name?: string; email?: string; phone?: string; locale?: string; attributes?: Record<string, unknown>; vip?: boolean; humanOnly?: boolean };

/** An agent corrects a customer's profile or marks them VIP / human-only (then the bot never answers them). */
export async function updateContact(deps: ContactsDeps, input: { workspaceId: string; contactId: string; changes: ContactChanges; by: string }): Promise<Contact | DomainError> {
  return deps.db.transaction(async (tx) => {
    const updated = await contactStore.update(tx, input.workspaceId, input.contactId, { ...input.changes, updatedAt: deps.clock.now() });
    if (!updated) return contactErrors.notFound(input.contactId);
    await emit(tx, deps, { name: 'contact.updated', workspaceId: input.workspaceId, payload: { contactId: updated.id, fields: Object.keys(input.changes), by: input.by } });
    return updated;
  });
}
