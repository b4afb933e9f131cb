import { domainError } from '../../platform/errors.ts';
import { ALLOWED_LABELS } from './attachmentTypes.ts';

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export const attachmentErrors = {
  missing: () => domainError('ATTACHMENT_MISSING', 400, 'The upload has no file.', 'Send multipart/form-data with the file in a part named file.', [{ path: 'body.file', message: 'is required' }]),
  empty: () => domainError('ATTACHMENT_EMPTY', 400, 'The file is empty.', 'Choose a file with something in it.', [{ path: 'body.file', message: 'is empty' }]),
  tooLarge: (limit: number) =>
    domainError('ATTACHMENT_TOO_LARGE', 413, `The file is larger than the limit of ${megabytes(limit)} (${limit} bytes).`, `Send a file of at most ${megabytes(limit)}; the server's limit is LINGXI_ATTACHMENT_MAX_BYTES.`, [
      { path: 'body.file', message: `must be at most ${limit} bytes` },
    ]),
  typeNotAllowed: (declared: string) =>
    domainError('ATTACHMENT_TYPE_NOT_ALLOWED', 415, `This kind of file cannot be attached (its content is not one of the allowed types; it said ${declared || 'nothing'}).`, `Allowed: ${ALLOWED_LABELS.join(', ')}.`, [
      { path: 'body.file', message: `must be one of ${ALLOWED_LABELS.join(', ')}` },
    ]),
  tooMany: (limit: number) =>
    domainError('ATTACHMENT_LIMIT_REACHED', 409, `This conversation already has ${limit} attachments, the most it can have.`, 'Start a new conversation to send more files.', [{ path: 'body.file', message: `at most ${limit} attachments per conversation` }]),
  notFound: (id: string) => domainError('ATTACHMENT_NOT_FOUND', 404, `No attachment ${id} you may see.`, 'Use the url of an attachment in your conversation.'),
  gone: (id: string) => domainError('ATTACHMENT_GONE', 404, `The file of attachment ${id} is no longer stored.`, 'Ask the sender to attach it again.'),
  notUsable: (problems: { path: string; message: string }[]) =>
    domainError('ATTACHMENT_NOT_USABLE', 400, `The message has ${problems.length} attachment${problems.length === 1 ? '' : 's'} it cannot carry.`, 'Upload each file to this conversation first (POST …/attachments) and send its id once.', problems),
};
