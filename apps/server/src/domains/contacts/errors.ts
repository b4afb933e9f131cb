import { domainError } from '../../platform/errors.ts';

export const contactErrors = {
  notFound: (id: string) => domainError('CONTACT_NOT_FOUND', 404, `No contact ${id} in this workspace.`, 'Check the id; contacts are per workspace.'),
};
