import { domainError } from '../../platform/errors.ts';

export const assistErrors = {
  conversationNotFound: (id: string, path = 'params.id') => domainError('CONVERSATION_NOT_FOUND', 404, `No conversation ${id} in this workspace.`, 'Check the id and the workspace of the token.', path.startsWith('body') ? [{ path, message: 'no such conversation' }] : undefined),
  cannedNotFound: (id: string) => domainError('CANNED_RESPONSE_NOT_FOUND', 404, `No canned response ${id} in this workspace.`, 'List them with GET /api/v1/canned-responses.'),
  shortcutTaken: (shortcut: string) => domainError('CANNED_SHORTCUT_TAKEN', 409, `The shortcut /${shortcut} is already used.`, 'Pick another shortcut, or edit the existing response.', [{ path: 'body.shortcut', message: 'is already used' }]),
  noTextInLocale: (locale: string) => domainError('CANNED_NO_TEXT', 409, `This canned response has no ${locale} text.`, 'Add the text in that language, or render it in the other one.', [{ path: 'body.locale', message: `no ${locale} text` }]),
};
