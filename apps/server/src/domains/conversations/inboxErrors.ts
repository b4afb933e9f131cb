import { domainError } from '../../platform/errors.ts';

// Errors of the inbox actions (dispositions, tags, mentions), beside the lifecycle's own catalog (errors.ts).
export const inboxErrors = {
  unknownDisposition: (given: string, allowed: string[]) =>
    domainError('CONVERSATION_UNKNOWN_DISPOSITION', 400, `"${given}" is not a disposition of this workspace.`, `Use one of: ${allowed.join(', ')}.`, [
      { path: 'body.disposition', message: `must be one of ${allowed.join(', ')}` },
    ]),
  duplicateDisposition: (key: string) =>
    domainError('DISPOSITION_DUPLICATE', 400, `The disposition "${key}" is listed twice.`, 'Give every disposition its own key.', [{ path: 'body.dispositions', message: `"${key}" appears more than once` }]),
  cannotTag: (status: string) => domainError('CONVERSATION_CANNOT_TAG', 409, `A ${status} conversation's tags cannot be changed.`, 'Closed conversations keep the tags they were closed with.'),
};
