import { domainError } from '../../platform/errors.ts';

export const knowledgeErrors = {
  notFound: (id: string) => domainError('KNOWLEDGE_ENTRY_NOT_FOUND', 404, `No knowledge entry ${id} in this workspace.`, 'Check the id; GET /api/v1/knowledge/entries lists them.'),
  versionNotFound: (id: string, version: number) => domainError('KNOWLEDGE_VERSION_NOT_FOUND', 404, `Entry ${id} has no version ${version}.`, 'GET /api/v1/knowledge/entries/:id/versions lists them.', [{ path: 'params.version', message: 'no such version' }]),
  questionTaken: (question: string) => domainError('KNOWLEDGE_QUESTION_TAKEN', 409, `Another entry already has the question "${question}".`, 'Edit that entry, or add this wording to its similar questions.', [{ path: 'body.question', message: 'is already used by another entry' }]),
  badWindow: () => domainError('VALIDATION_FAILED', 400, 'The request has 1 problem.', 'validTo must be after validFrom.', [{ path: 'body.validTo', message: 'must be after validFrom' }]),
  notImportable: () => domainError('KNOWLEDGE_IMPORT_EMPTY', 400, 'Nothing to import.', 'Send JSON Lines (Content-Type: application/x-ndjson) or {"entries": [...]}.', [{ path: 'body', message: 'has no entries' }]),
};
