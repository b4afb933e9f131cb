import { newToken, sha256 } from '../../../platform/crypto.ts';
import type { DomainError } from '../../../platform/errors.ts';
import { emit, type NewEvent } from '../../../events/catalog.ts';
import { workspaceStore } from '../../accounts/index.ts';
import { contactStore, customerSessionStore } from '../../contacts/index.ts';
import type { ConversationsDeps } from '../deps.ts';
import { conversationErrors } from '../errors.ts';
import { OPEN_STATUSES } from '../model.ts';
import { conversationStore } from '../store.ts';

export type SessionInput = {
  workspace: string;
  name?: string;
  email?: string;
  phone?: string;
  locale?: string;
  channel?: string;
  resumeToken?: string;
};
export type StartedSession = { sessionToken: string; contactId: string; conversationId: string };

/**
 * A widget opens: find the customer again (by a previous session, email or phone) or create them, and
 * open a conversation with the bot. A still-open conversation is resumed with the same token.
 */
export async function startSession(deps: ConversationsDeps, input: SessionInput): Promise<StartedSession | DomainError> {
  const workspace = await workspaceStore.bySlug(deps.db.sql, input.workspace);
  if (!workspace) return conversationErrors.workspaceNotFound(input.workspace);
  const previous = input.resumeToken ? await customerSessionStore.byTokenHash(deps.db.sql, sha256(input.resumeToken)) : undefined;
  if (previous && previous.workspaceId === workspace.id) {
    const conversation = await conversationStore.byId(deps.db.sql, workspace.id, previous.conversationId);
    if (conversation && OPEN_STATUSES.includes(conversation.status)) {
      return { sessionToken: input.resumeToken!, contactId: previous.contactId, conversationId: previous.conversationId };
    }
  }
  const now = deps.clock.now();
  const channel = input.channel ?? 'web';
  const token = newToken('cs');
  return deps.db.transaction(async (tx) => {
    const events: NewEvent[] = [];
    const known = previous && previous.workspaceId === workspace.id
      ? await contactStore.byId(tx, workspace.id, previous.contactId)
      : await contactStore.byEmailOrPhone(tx, workspace.id, input.email ?? null, input.phone ?? null);
    let contactId: string;
    if (known) {
      contactId = known.id;
      await contactStore.remember(tx, workspace.id, known.id, { name: input.name, email: input.email, phone: input.phone, locale: input.locale }, now);
    } else {
      const contact = await contactStore.insert(tx, {
        id: deps.ids.next(),
        workspaceId: workspace.id,
        name: input.name ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        locale: input.locale ?? null,
        identities: [],
        createdAt: now,
        updatedAt: now,
      });
      contactId = contact.id;
      events.push({ name: 'contact.created', workspaceId: workspace.id, payload: { contactId, channel } });
    }
    const conversation = await conversationStore.insert(tx, {
      id: deps.ids.next(),
      workspaceId: workspace.id,
      contactId,
      status: 'bot',
      channel,
      locale: input.locale ?? null,
      botState: {},
      createdAt: now,
    });
    await customerSessionStore.insert(tx, { id: deps.ids.next(), workspaceId: workspace.id, contactId, conversationId: conversation.id, tokenHash: sha256(token), createdAt: now });
    events.push({ name: 'conversation.started', workspaceId: workspace.id, payload: { conversationId: conversation.id, contactId, channel } });
    await emit(tx, deps, ...events);
    return { sessionToken: token, contactId, conversationId: conversation.id };
  });
}
