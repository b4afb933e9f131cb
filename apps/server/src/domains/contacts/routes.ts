import { ContactResponse, IdParams, UpdateContactRequest } from '@lingxi/contracts';
import { orThrow } from '../../platform/errors.ts';
import { route } from '../../platform/route.ts';
import { userOf } from '../accounts/index.ts';
import { updateContact } from './commands/updateContact.ts';
import type { ContactsDeps } from './deps.ts';
import { contactErrors } from './errors.ts';
import { presentContact } from './present.ts';
import { contactStore } from './store.ts';

export function contactRoutes(deps: ContactsDeps) {
  return [
    route({
      method: 'GET',
      url: '/api/v1/contacts/:id',
      summary: 'A customer’s profile',
      tags: ['contacts'],
      policy: 'conversations:read',
      params: IdParams,
      response: ContactResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const contact = await contactStore.byId(deps.db.sql, user.workspaceId, ctx.params.id);
        return { contact: presentContact(orThrow(contact ?? contactErrors.notFound(ctx.params.id))) };
      },
    }),
    route({
      method: 'PATCH',
      url: '/api/v1/contacts/:id',
      summary: 'Correct a customer’s profile, or mark them VIP / human-only',
      tags: ['contacts'],
      policy: 'conversations:reply',
      params: IdParams,
      body: UpdateContactRequest,
      response: ContactResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const changes = Object.fromEntries(Object.entries(ctx.body).filter(([, v]) => v !== undefined));
        return { contact: presentContact(orThrow(await updateContact(deps, { workspaceId: user.workspaceId, contactId: ctx.params.id, changes, by: user.userId }))) };
      },
    }),
  ];
}
