import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Problem } from '../../platform/errors.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const knowledgeEntries = pgTable(
  'knowledge_entries',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    question: text('question').notNull(),
    similarQuestions: jsonb('similar_questions').$type<string[]>().notNull().default([]),
    answer: text('answer').notNull(),
    quickReplies: jsonb('quick_replies').$type<string[]>().notNull().default([]),
    category: text('category'),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
    channels: jsonb('channels').$type<string[]>().notNull().default([]),
    language: text('language', { enum: ['zh', 'en', 'mixed'] }).notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }),
    validTo: timestamp('valid_to', { withTimezone: true }),
    status: text('status', { enum: ['draft', 'published', 'archived'] }).notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('knowledge_entries_workspace_idx').on(t.workspaceId, t.status), index('knowledge_entries_question_idx').on(t.workspaceId, t.question)],
);

// Every change to an entry, as a full snapshot: who, when, and what it looked like (restore copies one back).
export const knowledgeVersions = pgTable(
  'knowledge_versions',
  {
    entryId: uuid('entry_id').notNull(),
    version: integer('version').notNull(),
    workspaceId: uuid('workspace_id').notNull(),
    action: text('action').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    changedBy: text('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.version] })],
);

// The trained FAQ model of a workspace: nodes load these bytes instead of retraining.
export const knowledgeModels = pgTable('knowledge_models', {
  workspaceId: uuid('workspace_id').primaryKey(),
  version: integer('version').notNull(),
  entries: integer('entries').notNull(),
  bytes: bytea('bytes').notNull(),
  trainedAt: timestamp('trained_at', { withTimezone: true }).notNull(),
});

// A background import (a big file, or any the console sends): its progress, and its bad rows by line (capped).
export const knowledgeImports = pgTable(
  'knowledge_imports',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    status: text('status', { enum: ['queued', 'running', 'publishing', 'done', 'failed'] }).notNull(),
    format: text('format', { enum: ['jsonl', 'json', 'csv', 'xlsx'] }).notNull(),
    fileName: text('file_name'),
    total: integer('total').notNull(),
    processed: integer('processed').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    errors: jsonb('errors').$type<{ line: number; problems: Problem[] }[]>().notNull().default([]),
    modelVersion: integer('model_version'),
    failure: text('failure'),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('knowledge_imports_workspace_idx').on(t.workspaceId, t.createdAt)],
);
