import { domainError } from '../../platform/errors.ts';

export const knowledgeErrors = {
  notFound: (id: string) => domainError('KNOWLEDGE_ENTRY_NOT_FOUND', 404, `No knowledge entry ${id} in this workspace.`, 'Check the id; GET /api/v1/knowledge/entries lists them.'),
  versionNotFound: (id: string, version: number) => domainError('KNOWLEDGE_VERSION_NOT_FOUND', 404, `Entry ${id} has no version ${version}.`, 'GET /api/v1/knowledge/entries/:id/versions lists them.', [{ path: 'params.version', message: 'no such version' }]),
  questionTaken: (question: string) => domainError('KNOWLEDGE_QUESTION_TAKEN', 409, `Another entry already has the question "${question}".`, 'Edit that entry, or add this wording to its similar questions.', [{ path: 'body.question', message: 'is already used by another entry' }]),
  badWindow: () => domainError('VALIDATION_FAILED', 400, 'The request has 1 problem.', 'validTo must be after validFrom.', [{ path: 'body.validTo', message: 'must be after validFrom' }]),
  importNotFound: (id: string) => domainError('KNOWLEDGE_IMPORT_NOT_FOUND', 404, `No import ${id} in this workspace.`, 'GET /api/v1/knowledge/imports lists the latest ones.'),
  fileTooBig: (maxBytes: number) => domainError('KNOWLEDGE_IMPORT_TOO_BIG', 413, `The file is larger than ${Math.round(maxBytes / 1_048_576)} MB.`, 'Split it into several files and import them one after another.', [{ path: 'body.file', message: `is larger than ${maxBytes} bytes` }]),
  tooManyRows: (rows: number, max: number) => domainError('KNOWLEDGE_IMPORT_TOO_BIG', 413, `The file has ${rows} rows; one import takes at most ${max}.`, 'Split it into several files and import them one after another.', [{ path: 'body.file', message: `has more than ${max} rows` }]),
  emptyFile: () => domainError('KNOWLEDGE_IMPORT_EMPTY', 400, 'The file has no entries.', 'Choose a file with one JSON object a line, or a sheet whose first row names the columns (question, similarQuestions, answer, category, tags) and the rows below it.', [{ path: 'body.file', message: 'has no entries' }]),
  notImportable: () => domainError('KNOWLEDGE_IMPORT_EMPTY', 400, 'Nothing to import.', 'Send JSON Lines (Content-Type: application/x-ndjson) or {"entries": [...]}.', [{ path: 'body', message: 'has no entries' }]),
};
