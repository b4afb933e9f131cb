import { z } from 'zod';
import { Problem } from './errors.ts';

// The knowledge base: entries, their versions, import and export.

export const KnowledgeStatus = z.enum(['draft', 'published', 'archived']);
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const isoDate = z.string().datetime({ offset: true, message: 'must be an ISO date-time, e.g. 2026-01-01T00:00:00Z' });
/** Where an entry answers; an entry listing none answers on every channel. */
export const KnowledgeChannel = z.enum(['web', 'app', 'api']);
export type KnowledgeChannel = z.infer<typeof KnowledgeChannel>;

const entryFields = {
  question: text(500),
  similarQuestions: z.array(text(500)).max(100).default([]),
  answer: text(20_000),
  quickReplies: z.array(text(100)).max(10).default([]),
  category: text(100).nullable().default(null),
  tags: z.array(text(50)).max(30).default([]),
  channels: z.array(KnowledgeChannel).max(3).default([]),
  validFrom: isoDate.nullable().default(null),
  validTo: isoDate.nullable().default(null),
};

const validWindow = (v: { validFrom?: string | null; validTo?: string | null }, ctx: z.RefinementCtx) => {
  if (v.validFrom && v.validTo && v.validFrom >= v.validTo) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'must be after validFrom' });
};

/** One line of a JSON Lines import (CONTRACT: question, similarQuestions?, answer, category?, tags?). */
export const KnowledgeImportLine = z.object(entryFields).superRefine(validWindow);
export type KnowledgeImportLine = z.infer<typeof KnowledgeImportLine>;

export const CreateKnowledgeEntryRequest = z
  .object({ ...entryFields, status: z.enum(['draft', 'published']).default('draft') })
  .superRefine(validWindow);
export const UpdateKnowledgeEntryRequest = z
  .object({
    question: entryFields.question.optional(),
    similarQuestions: z.array(text(500)).max(100).optional(),
    answer: entryFields.answer.optional(),
    quickReplies: z.array(text(100)).max(10).optional(),
    category: text(100).nullable().optional(),
    tags: z.array(text(50)).max(30).optional(),
    channels: z.array(KnowledgeChannel).max(3).optional(),
    validFrom: isoDate.nullable().optional(),
    validTo: isoDate.nullable().optional(),
    status: z.enum(['draft', 'published']).optional(),
  })
  .superRefine(validWindow);
/** What an editor sends to create an entry (defaults may be left out), and the changes it sends to update one. */
export type KnowledgeEntryInput = z.input<typeof CreateKnowledgeEntryRequest>;
export type KnowledgeEntryChanges = z.input<typeof UpdateKnowledgeEntryRequest>;

export const KnowledgeEntryView = z.object({
  id: z.string().uuid(),
  question: z.string(),
  similarQuestions: z.array(z.string()),
  answer: z.string(),
  quickReplies: z.array(z.string()),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  channels: z.array(z.string()),
  language: z.enum(['zh', 'en', 'mixed']),
  validFrom: z.string().datetime().nullable(),
  validTo: z.string().datetime().nullable(),
  status: KnowledgeStatus,
  version: z.number().int(),
  updatedBy: z.string().nullable(),
  createdAt: z.string().datetime(),
  updatedAt: z.string().datetime(),
});
export type KnowledgeEntryView = z.infer<typeof KnowledgeEntryView>;

export const KnowledgeEntryResponse = z.object({ entry: KnowledgeEntryView });
export const KnowledgeListQuery = z.object({
  status: KnowledgeStatus.optional(),
  category: z.string().max(100).optional(),
  q: z.string().max(200).optional().describe('Text the question, similar questions or answer contain'),
  tag: z.string().max(50).optional(),
  channel: KnowledgeChannel.optional().describe('Entries for this channel, including those listing no channel (every channel)'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
/** The list query as a client sends it (limit and offset are numbers before they are query text). */
export type KnowledgeListFilter = Omit<z.input<typeof KnowledgeListQuery>, 'limit' | 'offset'> & { limit?: number; offset?: number };
export const KnowledgeListResponse = z.object({ entries: z.array(KnowledgeEntryView), total: z.number().int() });
/** A category or tag in use (not archived) and how many entries have it: the list's filter choices. */
export const KnowledgeFacet = z.object({ name: z.string(), count: z.number().int() });
export const KnowledgeFacetsResponse = z.object({ categories: z.array(KnowledgeFacet), tags: z.array(KnowledgeFacet) }).describe('Most used first');
export type KnowledgeFacetsResponse = z.infer<typeof KnowledgeFacetsResponse>;

export const KnowledgeVersionView = z.object({
  version: z.number().int(),
  action: z.string(),
  changedBy: z.string().nullable(),
  changedAt: z.string().datetime(),
  snapshot: z.record(z.string(), z.unknown()),
});
export const KnowledgeVersionsResponse = z.object({ versions: z.array(KnowledgeVersionView) });
export const KnowledgeVersionParams = z.object({ id: z.string().uuid('must be a UUID'), version: z.coerce.number().int().min(1) });

export const KnowledgeImportRequest = z.union([
  z.string().describe('JSON Lines text (Content-Type: application/x-ndjson)'),
  z.object({ entries: z.array(z.unknown()).max(20_000) }),
]);
export const KnowledgeImportResponse = z.object({
  imported: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), problems: z.array(Problem) })),
  modelVersion: z.number().int().nullable(),
});
export const KnowledgeExportResponse = z.object({ entries: z.array(KnowledgeImportLine.and(z.object({ id: z.string().uuid(), status: KnowledgeStatus }))) });
export const KnowledgeModelView = z.object({ version: z.number().int(), entries: z.number().int(), trainedAt: z.string().datetime().nullable() });
export const KnowledgePublishResponse = z.object({ model: KnowledgeModelView });

// Background imports (files of any size, JSON Lines / JSON / CSV / XLSX): progress and bad rows by line.
export const KnowledgeImportFormat = z.enum(['jsonl', 'json', 'csv', 'xlsx']);
export const KnowledgeImportStatus = z.enum(['queued', 'running', 'publishing', 'done', 'failed']);
export const KnowledgeImportRowError = z.object({ line: z.number().int().describe('Line of the file; for CSV and XLSX the sheet row (the header is row 1)'), problems: z.array(Problem) });
export const KnowledgeImportProgress = z.object({
  id: z.string().uuid(),
  status: KnowledgeImportStatus.describe('queued → running (rows written) → publishing (the bot retrains) → done; failed says why in `failure`'),
  format: KnowledgeImportFormat,
  fileName: z.string().nullable(),
  total: z.number().int().describe('Rows in the file'),
  processed: z.number().int().describe('Rows written or rejected so far'),
  imported: z.number().int(),
  failed: z.number().int().describe('Rows rejected (all of them, even past the listed errors)'),
  modelVersion: z.number().int().nullable(),
  failure: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string().datetime(),
  startedAt: z.string().datetime().nullable(),
  finishedAt: z.string().datetime().nullable(),
});
export type KnowledgeImportProgress = z.infer<typeof KnowledgeImportProgress>;
export const KnowledgeImportView = KnowledgeImportProgress.extend({ errors: z.array(KnowledgeImportRowError).describe('Bad rows by line, the first 1,000') });
export type KnowledgeImportView = z.infer<typeof KnowledgeImportView>;
export const KnowledgeImportJobResponse = z.object({ import: KnowledgeImportView });
export const KnowledgeImportListResponse = z.object({ imports: z.array(KnowledgeImportProgress) });
export const KnowledgeExportQuery = z.object({
  status: z.enum(['draft', 'published']).optional(),
  format: z.enum(['json', 'jsonl', 'csv', 'xlsx']).default('json').describe('json: {entries}; jsonl: JSON Lines; csv and xlsx: one row per entry, lists joined by |'),
});
