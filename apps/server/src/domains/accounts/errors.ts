import { domainError } from '../../platform/errors.ts';

export const accountErrors = {
  badCredentials: () => domainError('AUTH_INVALID_CREDENTIALS', 401, 'The email or password is wrong.', 'Check both and try again; an admin can reset the password with `lingxi user reset-password`.'),
  notAuthenticated: () => domainError('AUTH_REQUIRED', 401, 'This needs a logged-in user.', 'Log in with POST /api/v1/auth/login and send `Authorization: Bearer <token>`.'),
  sessionExpired: () => domainError('AUTH_SESSION_EXPIRED', 401, 'The login session has expired or was ended.', 'Log in again.'),
  forbidden: (permission: string) => domainError('FORBIDDEN', 403, `Your role may not do this (needs "${permission}").`, 'Ask an admin for a role that allows it.'),
  emailTaken: (email: string) => domainError('USER_EMAIL_TAKEN', 409, `A user with the email ${email} already exists.`, 'Use another email, or reset that user’s password instead.', [{ path: 'body.email', message: 'is already used' }]),
  userNotFound: (ref: string) => domainError('USER_NOT_FOUND', 404, `No user ${ref} in this workspace.`, 'Check the id or email.'),
  wrongPassword: () => domainError('AUTH_WRONG_PASSWORD', 400, 'The current password is wrong.', 'Type the password you log in with now.', [{ path: 'body.currentPassword', message: 'does not match' }]),
  tooManyAttempts: (minutes: number) => domainError('AUTH_TOO_MANY_ATTEMPTS', 429, `Too many wrong passwords for this account; login is paused for up to ${minutes} minutes.`, 'Wait, or ask an admin to reset the password (`lingxi user reset-password`).'),
  userDisabled: () => domainError('USER_DISABLED', 403, 'This user is disabled.', 'Ask an admin to enable the account.'),
  workspaceNotFound: (slug: string) => domainError('WORKSPACE_NOT_FOUND', 404, `No workspace "${slug}".`, 'Check the workspace name, or leave it out to use the default workspace.'),
};
