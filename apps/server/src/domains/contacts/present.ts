import type { ContactView } from '@lingxi/contracts';
import type { Contact } from './store.ts';

export function presentContact(contact: Contact): ContactView {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    locale: contact.locale,
    attributes: contact.attributes ?? {},
    vip: contact.vip,
    humanOnly: contact.humanOnly,
    identities: contact.identities ?? [],
    createdAt: contact.createdAt.toISOString(),
  };
}
