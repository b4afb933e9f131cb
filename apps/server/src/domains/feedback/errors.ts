import { domainError } from '../../platform/errors.ts';

export const feedbackErrors = {
  npsAlreadyGiven: () => domainError('NPS_ALREADY_GIVEN', 409, 'This conversation already has a recommendation score.', 'Each conversation is asked once; the first answer counts.'),
};
