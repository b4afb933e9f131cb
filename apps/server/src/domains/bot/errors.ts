import { domainError, type Problem } from '../../platform/errors.ts';

export const botErrors = {
  settingsInconsistent: (problems: Problem[]) =>
    domainError('BOT_SETTINGS_INCONSISTENT', 400, 'These bot settings contradict each other.', 'The "not understood" threshold (lowConfidence) must not be above the answer threshold (answerConfidence): change one of them, or both at once.', problems),
  orderLookupAdminOnly: () =>
    domainError('FORBIDDEN', 403, 'Only admins may change the order lookup address (the server calls it).', 'Leave orderLookupUrl out, or ask an admin to change it.', [{ path: 'body.orderLookupUrl', message: 'only admins may change this' }]),
};
