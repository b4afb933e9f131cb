import type { KnowledgeEntryView, KnowledgeImportProgress, KnowledgeImportView } from '@lingxi/contracts';
import type { KnowledgeEntry, KnowledgeImport, KnowledgeVersion } from './store.ts';

export function presentEntry(entry: KnowledgeEntry): KnowledgeEntryView {
  return {
    id: entry.id,
    question: entry.question,
    similarQuestions: entry.similarQuestions,
    answer: entry.answer,
    quickReplies: entry.quickReplies,
    category: entry.category,
    tags: entry.tags,
    channels: entry.channels,
    language: entry.language,
    validFrom: entry.validFrom?.toISOString() ?? null,
    validTo: entry.validTo?.toISOString() ?? null,
    status: entry.status,
    version: entry.version,
    updatedBy: entry.updatedBy,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
  };
}

export function presentVersion(version: KnowledgeVersion) {
  return { version: version.version, action: version.action, changedBy: version.changedBy, changedAt: version.changedAt.toISOString(), snapshot: version.snapshot };
}

/** The import line shape, so an export can be imported again as it is. */
export function presentExportLine(entry: KnowledgeEntry) {
  return {
    id: entry.id,
    status: entry.status,
    question: entry.question,
    similarQuestions: entry.similarQuestions,
    answer: entry.answer,
    quickReplies: entry.quickReplies,
    category: entry.category,
    tags: entry.tags,
    channels: entry.channels as ('web' | 'app' | 'api')[],
    validFrom: entry.validFrom?.toISOString() ?? null,
    validTo: entry.validTo?.toISOString() ?? null,
  };
}

export function presentImportProgress(record: KnowledgeImport): KnowledgeImportProgress {
  return {
    id: record.id,
    status: record.status,
    format: record.format,
    fileName: record.fileName,
    total: record.total,
    processed: record.processed,
    imported: record.imported,
    failed: record.failed,
    modelVersion: record.modelVersion,
    failure: record.failure,
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
    startedAt: record.startedAt?.toISOString() ?? null,
    finishedAt: record.finishedAt?.toISOString() ?? null,
  };
}

export function presentImport(record: KnowledgeImport): KnowledgeImportView {
  return { ...presentImportProgress(record), errors: record.errors };
}
