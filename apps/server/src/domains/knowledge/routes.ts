import { z } from 'zod';
import {
  CreateKnowledgeEntryRequest,
  IdParams,
  KnowledgeEntryResponse,
  KnowledgeExportQuery,
  KnowledgeExportResponse,
  KnowledgeFacetsResponse,
  KnowledgeImportJobResponse,
  KnowledgeImportListResponse,
  KnowledgeImportRequest,
  KnowledgeImportResponse,
  KnowledgeListQuery,
  KnowledgeListResponse,
  KnowledgePublishResponse,
  KnowledgeVersionParams,
  KnowledgeVersionsResponse,
  UpdateKnowledgeEntryRequest,
} from '@lingxi/contracts';
import { orThrow } from '../../platform/errors.ts';
import { RawReply, route } from '../../platform/route.ts';
import { userOf } from '../accounts/index.ts';
import { importEntries } from './commands/importEntries.ts';
import { startImport } from './commands/startImport.ts';
import { publishKnowledge } from './commands/publishKnowledge.ts';
import { restoreVersion } from './commands/restoreVersion.ts';
import { changeEntry, createEntry } from './commands/saveEntry.ts';
import type { KnowledgeDeps } from './deps.ts';
import { knowledgeErrors } from './errors.ts';
import { entriesToCsv } from './csv.ts';
import { formatOf } from './importSource.ts';
import { presentEntry, presentExportLine, presentImport, presentImportProgress, presentVersion } from './present.ts';
import { entryStore, importStore, modelStore, versionStore } from './store.ts';
import { entriesToXlsx } from './xlsx.ts';

/** The biggest file a background import takes (a 10k-entry knowledge base is about 3 MB as JSON Lines). */
export const MAX_IMPORT_FILE_BYTES = 32 * 1_048_576;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// Described for OpenAPI only: the file part is read by the upload mount, not validated as JSON.
const ImportUpload = z.object({ file: z.string().meta({ format: 'binary', description: 'The knowledge file: .xlsx, .csv, .jsonl or .json (the format is taken from the name, else the part’s content type)' }) });

const date = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : new Date(value));

export function knowledgeRoutes(deps: KnowledgeDeps) {
  const tags = ['knowledge'];
  return [
    route({
      method: 'GET', url: '/api/v1/knowledge/entries', summary: 'Knowledge entries (not archived unless asked), oldest first', tags, policy: 'knowledge:read',
      query: KnowledgeListQuery, response: KnowledgeListResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const { limit, offset, ...filter } = ctx.query;
        const page = await entryStore.list(deps.db.sql, user.workspaceId, filter, { limit, offset });
        return { entries: page.entries.map(presentEntry), total: page.total };
      },
    }),
    route({
      method: 'GET', url: '/api/v1/knowledge/facets', summary: 'Categories and tags in use, with how many entries have each (the list filters)', tags, policy: 'knowledge:read',
      response: KnowledgeFacetsResponse,
      async handler(ctx) {
        return entryStore.facets(deps.db.sql, userOf(ctx.principal).workspaceId);
      },
    }),
    route({
      method: 'POST', url: '/api/v1/knowledge/entries', summary: 'Create an entry; a published one is live for the bot when this returns', tags, policy: 'knowledge:manage',
      body: CreateKnowledgeEntryRequest, status: 201, response: KnowledgeEntryResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const { status, validFrom, validTo, ...rest } = ctx.body;
        const entry = orThrow(await createEntry(deps, { workspaceId: user.workspaceId, by: user.email, status, content: { ...rest, validFrom: date(validFrom) ?? null, validTo: date(validTo) ?? null } }));
        ctx.setStatus(201);
        return { entry: presentEntry(entry) };
      },
    }),
    route({
      method: 'GET', url: '/api/v1/knowledge/entries/:id', summary: 'One entry', tags, policy: 'knowledge:read', params: IdParams, response: KnowledgeEntryResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const entry = await entryStore.byId(deps.db.sql, user.workspaceId, ctx.params.id);
        return { entry: presentEntry(orThrow(entry ?? knowledgeErrors.notFound(ctx.params.id))) };
      },
    }),
    route({
      method: 'PATCH', url: '/api/v1/knowledge/entries/:id', summary: 'Change an entry (a new version); retrains the bot if it is or was published', tags, policy: 'knowledge:manage',
      params: IdParams, body: UpdateKnowledgeEntryRequest, response: KnowledgeEntryResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const { validFrom, validTo, ...rest } = ctx.body;
        const changes = Object.fromEntries(Object.entries({ ...rest, validFrom: date(validFrom), validTo: date(validTo) }).filter(([, v]) => v !== undefined));
        return { entry: presentEntry(orThrow(await changeEntry(deps, { workspaceId: user.workspaceId, entryId: ctx.params.id, by: user.email, changes, action: 'updated' }))) };
      },
    }),
    route({
      method: 'DELETE', url: '/api/v1/knowledge/entries/:id', summary: 'Archive an entry (its history stays; restore a version to bring it back)', tags, policy: 'knowledge:manage',
      params: IdParams, response: KnowledgeEntryResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { entry: presentEntry(orThrow(await changeEntry(deps, { workspaceId: user.workspaceId, entryId: ctx.params.id, by: user.email, changes: { status: 'archived' }, action: 'archived' }))) };
      },
    }),
    route({
      method: 'POST', url: '/api/v1/knowledge/entries/:id/publish', summary: 'Publish a draft; the bot answers from it when this returns', tags, policy: 'knowledge:manage',
      params: IdParams, response: KnowledgeEntryResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { entry: presentEntry(orThrow(await changeEntry(deps, { workspaceId: user.workspaceId, entryId: ctx.params.id, by: user.email, changes: { status: 'published' }, action: 'published' }))) };
      },
    }),
    route({
      method: 'GET', url: '/api/v1/knowledge/entries/:id/versions', summary: 'Version history of an entry, newest first', tags, policy: 'knowledge:read',
      params: IdParams, response: KnowledgeVersionsResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const versions = await versionStore.list(deps.db.sql, user.workspaceId, ctx.params.id);
        if (versions.length === 0) orThrow(knowledgeErrors.notFound(ctx.params.id));
        return { versions: versions.map(presentVersion) };
      },
    }),
    route({
      method: 'POST', url: '/api/v1/knowledge/entries/:id/versions/:version/restore', summary: 'Restore an old version (recorded as a new version)', tags, policy: 'knowledge:manage',
      params: KnowledgeVersionParams, response: KnowledgeEntryResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { entry: presentEntry(orThrow(await restoreVersion(deps, { workspaceId: user.workspaceId, entryId: ctx.params.id, version: ctx.params.version, by: user.email }))) };
      },
    }),
    route({
      method: 'POST', url: '/api/v1/knowledge/import',
      summary: 'Import JSON Lines (application/x-ndjson), CSV with a header row (text/csv; lists separated by |) or {entries}: good rows are published and live when this returns; bad rows are listed by line',
      tags, policy: 'knowledge:manage', consumes: ['application/x-ndjson', 'text/csv'], body: KnowledgeImportRequest, response: KnowledgeImportResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const source = typeof ctx.body === 'string' ? ctx.body : ctx.body.entries;
        if ((typeof source === 'string' && source.trim() === '') || (Array.isArray(source) && source.length === 0)) orThrow(knowledgeErrors.notImportable());
        const csv = String(ctx.headers['content-type'] ?? '').startsWith('text/csv');
        return importEntries(deps, { workspaceId: user.workspaceId, by: user.email, source, format: csv ? 'csv' : 'jsonl' });
      },
    }),
    route({
      method: 'POST', url: '/api/v1/knowledge/imports',
      summary: 'Import a file in the background (multipart/form-data, part "file": .jsonl, .json, .csv or .xlsx; CSV/XLSX columns question, similarQuestions, answer, category, tags, lists joined by |). Answers 202 with the import at once: bad rows are already listed by line (sheet row for CSV/XLSX); follow GET /api/v1/knowledge/imports/:id (or the socket event knowledge.import) until status is done',
      tags, policy: 'knowledge:manage', consumes: ['multipart/form-data'], upload: { maxBytes: MAX_IMPORT_FILE_BYTES }, body: ImportUpload, status: 202, response: KnowledgeImportJobResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const file = ctx.file;
        if (!file || file.bytes.length === 0) orThrow(knowledgeErrors.emptyFile());
        if (file!.truncated) orThrow(knowledgeErrors.fileTooBig(MAX_IMPORT_FILE_BYTES));
        const record = orThrow(await startImport(deps, { workspaceId: user.workspaceId, by: user.email, fileName: file!.filename || null, format: formatOf(file!.filename, file!.contentType), bytes: file!.bytes }));
        ctx.setStatus(202);
        return { import: presentImport(record) };
      },
    }),
    route({
      method: 'GET', url: '/api/v1/knowledge/imports/:id', summary: 'A background import: status, progress (processed of total rows), and its bad rows by line', tags, policy: 'knowledge:read',
      params: IdParams, response: KnowledgeImportJobResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const record = await importStore.get(deps.db.sql, user.workspaceId, ctx.params.id);
        return { import: presentImport(orThrow(record ?? knowledgeErrors.importNotFound(ctx.params.id))) };
      },
    }),
    route({
      method: 'GET', url: '/api/v1/knowledge/imports', summary: 'The 20 latest background imports of this workspace, newest first (without their row errors)', tags, policy: 'knowledge:read',
      response: KnowledgeImportListResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { imports: (await importStore.recent(deps.db.sql, user.workspaceId, 20)).map(presentImportProgress) };
      },
    }),
    route({
      method: 'GET', url: '/api/v1/knowledge/export',
      summary: 'Every entry not archived, in the import shape: {entries} as JSON, JSON Lines with ?format=jsonl, or a sheet with ?format=csv / ?format=xlsx (columns question, similarQuestions, answer, category, tags, quickReplies, channels, validFrom, validTo; lists joined by |). Each imports again as it is',
      tags, policy: 'knowledge:read', query: KnowledgeExportQuery, response: KnowledgeExportResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const page = await entryStore.list(deps.db.sql, user.workspaceId, { status: ctx.query.status }, { limit: 1_000_000, offset: 0 });
        const entries = page.entries.map(presentExportLine);
        if (ctx.query.format === 'jsonl') return new RawReply(entries.map((e) => JSON.stringify(e)).join('\n') + '\n', 'application/x-ndjson; charset=utf-8', 'knowledge.jsonl');
        if (ctx.query.format === 'csv') return new RawReply(entriesToCsv(entries), 'text/csv; charset=utf-8', 'knowledge.csv');
        if (ctx.query.format === 'xlsx') return new RawReply(await entriesToXlsx(entries), XLSX_TYPE, 'knowledge.xlsx');
        return { entries };
      },
    }),
    route({
      method: 'POST', url: '/api/v1/knowledge/publish', summary: 'Retrain the bot from the published entries now', tags, policy: 'knowledge:manage', response: KnowledgePublishResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const model = await publishKnowledge(deps, { workspaceId: user.workspaceId });
        return { model: { version: model.version, entries: model.entries, trainedAt: model.trainedAt.toISOString() } };
      },
    }),
    route({
      method: 'GET', url: '/api/v1/knowledge/model', summary: 'The bot’s current model of this workspace', tags, policy: 'knowledge:read', response: KnowledgePublishResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const stored = await modelStore.get(deps.db.sql, user.workspaceId);
        return { model: { version: stored?.version ?? 0, entries: stored?.entries ?? 0, trainedAt: stored?.trainedAt.toISOString() ?? null } };
      },
    }),
  ];
}
