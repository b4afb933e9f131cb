// The contacts domain's public face: customers, their profiles and widget sessions.
export { contactRoutes } from './routes.ts';
export { contacts as contactsTable } from './schema.ts';
export { contactStore, customerSessionStore, type Contact, type CustomerSession } from './store.ts';
export { presentContact } from './present.ts';
export { updateContact } from './commands/updateContact.ts';
export type { ContactsDeps } from './deps.ts';
