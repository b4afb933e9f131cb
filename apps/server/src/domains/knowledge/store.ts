import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';
import { knowledgeEntries, knowledgeImports, knowledgeModels, knowledgeVersions } from './schema.ts';

export type KnowledgeEntry = typeof knowledgeEntries.$inferSelect;
export type KnowledgeVersion = typeof knowledgeVersions.$inferSelect;
export type StoredModel = typeof knowledgeModels.$inferSelect;
export type KnowledgeImport = typeof knowledgeImports.$inferSelect;

// PostgreSQL takes at most 65,535 parameters a statement: big imports are written in slices.
const ROWS_PER_STATEMENT = 1_000;
function slices<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
export type EntryFilter = { status?: 'draft' | 'published' | 'archived'; category?: string; q?: string; tag?: string; channel?: string };

function where(workspaceId: string, filter: EntryFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(knowledgeEntries.workspaceId, workspaceId)];
  if (filter.status) conditions.push(eq(knowledgeEntries.status, filter.status));
  else conditions.push(sql`${knowledgeEntries.status} <> 'archived'`);
  if (filter.category) conditions.push(eq(knowledgeEntries.category, filter.category));
  if (filter.tag) conditions.push(sql`${knowledgeEntries.tags} @> ${JSON.stringify([filter.tag])}::jsonb`);
  // An entry with no channels listed answers on every channel.
  if (filter.channel) conditions.push(sql`(${knowledgeEntries.channels} @> ${JSON.stringify([filter.channel])}::jsonb or jsonb_array_length(${knowledgeEntries.channels}) = 0)`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(knowledgeEntries.question, like), ilike(knowledgeEntries.answer, like), sql`${knowledgeEntries.similarQuestions}::text ilike ${like}`));
  }
  return and(...conditions);
}

type EntryRow = Omit<KnowledgeEntry, 'createdAt'> & { createdAt: Date };
const ENTRY_COLUMNS = 'id, workspace_id, question, similar_questions, answer, quick_replies, category, tags, channels, language, valid_from, valid_to, status, version, updated_by, created_at, updated_at';
const ENTRY_UPDATES = ENTRY_COLUMNS.split(', ').filter((c) => !['id', 'workspace_id', 'created_at'].includes(c)).map((c) => `${c} = excluded.${c}`).join(', ');
const VERSION_COLUMNS = 'entry_id, version, workspace_id, action, snapshot, changed_by, changed_at';

export const entryStore = {
  async byId(db: Executor, workspaceId: string, id: string): Promise<KnowledgeEntry | undefined> {
    return (await db.select().from(knowledgeEntries).where(and(eq(knowledgeEntries.workspaceId, workspaceId), eq(knowledgeEntries.id, id))).limit(1))[0];
  },
  async byQuestions(db: Executor, workspaceId: string, questions: string[]): Promise<KnowledgeEntry[]> {
    const found: KnowledgeEntry[] = [];
    for (const slice of slices(questions, 5_000)) {
      found.push(...(await db.select().from(knowledgeEntries).where(and(eq(knowledgeEntries.workspaceId, workspaceId), inArray(knowledgeEntries.question, slice)))));
    }
    return found;
  },
  /** Which of these questions already have an entry (id and version), for an import to update rather than duplicate. */
  async versionsByQuestion(db: Executor, workspaceId: string, questions: string[]): Promise<Map<string, { id: string; version: number; createdAt: Date }>> {
    const found = new Map<string, { id: string; version: number; createdAt: Date }>();
    for (const slice of slices(questions, 5_000)) {
      const rows = await db
        .select({ id: knowledgeEntries.id, question: knowledgeEntries.question, version: knowledgeEntries.version, createdAt: knowledgeEntries.createdAt })
        .from(knowledgeEntries)
        .where(and(eq(knowledgeEntries.workspaceId, workspaceId), inArray(knowledgeEntries.question, slice)));
      for (const r of rows) found.set(r.question, r);
    }
    return found;
  },
  async list(db: Executor, workspaceId: string, filter: EntryFilter, page: { limit: number; offset: number }): Promise<{ entries: KnowledgeEntry[]; total: number }> {
    const condition = where(workspaceId, filter);
    const [entries, totals] = await Promise.all([
      db.select().from(knowledgeEntries).where(condition).orderBy(asc(knowledgeEntries.createdAt), asc(knowledgeEntries.id)).limit(page.limit).offset(page.offset),
      db.select({ n: count() }).from(knowledgeEntries).where(condition),
    ]);
    return { entries, total: totals[0]?.n ?? 0 };
  },
  /** The categories and tags in use (not archived), most used first: the list's filter choices. */
  async facets(db: Executor, workspaceId: string): Promise<{ categories: { name: string; count: number }[]; tags: { name: string; count: number }[] }> {
    const rows = await db.execute<{ kind: string; name: string; n: number }>(sql`
      select 'category' as kind, category as name, count(*)::int as n from knowledge_entries
        where workspace_id = ${workspaceId} and status <> 'archived' and category is not null group by category
      union all
      select 'tag', tag, count(*)::int from knowledge_entries, jsonb_array_elements_text(tags) as tag
        where workspace_id = ${workspaceId} and status <> 'archived' group by tag
      order by 3 desc, 2 limit 400`);
    const pick = (kind: string) => rows.rows.filter((r) => r.kind === kind).map((r) => ({ name: r.name, count: r.n }));
    return { categories: pick('category'), tags: pick('tag') };
  },
  /** What the bot may answer from: published and not already expired (future ones are filtered at answer time). */
  async answerable(db: Executor, workspaceId: string, now: Date): Promise<KnowledgeEntry[]> {
    return db
      .select()
      .from(knowledgeEntries)
      .where(and(eq(knowledgeEntries.workspaceId, workspaceId), eq(knowledgeEntries.status, 'published'), sql`(${knowledgeEntries.validTo} is null or ${knowledgeEntries.validTo} > ${now.toISOString()}::timestamptz)`))
      .orderBy(asc(knowledgeEntries.id));
  },
  async insertMany(db: Executor, rows: (typeof knowledgeEntries.$inferInsert)[]): Promise<KnowledgeEntry[]> {
    const created: KnowledgeEntry[] = [];
    for (const slice of slices(rows)) created.push(...(await db.insert(knowledgeEntries).values(slice).returning()));
    return created;
  },
  /**
   * Writes many entries at once, new or existing (by id): one JSON parameter a slice, several times faster than
   * a parameter per value (what a 10k-entry import needs). Every column is listed, so none silently takes a default.
   */
  async upsertMany(db: Executor, rows: EntryRow[]): Promise<void> {
    for (const slice of slices(rows)) {
      const json = JSON.stringify(slice.map((r) => ({
        id: r.id, workspace_id: r.workspaceId, question: r.question, similar_questions: r.similarQuestions, answer: r.answer, quick_replies: r.quickReplies,
        category: r.category, tags: r.tags, channels: r.channels, language: r.language, valid_from: r.validFrom, valid_to: r.validTo, status: r.status,
        version: r.version, updated_by: r.updatedBy, created_at: r.createdAt, updated_at: r.updatedAt,
      })));
      await db.execute(sql`
        insert into knowledge_entries (${sql.raw(ENTRY_COLUMNS)}) select ${sql.raw(ENTRY_COLUMNS)} from jsonb_populate_recordset(null::knowledge_entries, ${json}::jsonb)
        on conflict (id) do update set ${sql.raw(ENTRY_UPDATES)}`);
    }
  },
  async update(db: Executor, workspaceId: string, id: string, patch: Partial<typeof knowledgeEntries.$inferInsert>): Promise<KnowledgeEntry | undefined> {
    return (await db.update(knowledgeEntries).set(patch).where(and(eq(knowledgeEntries.workspaceId, workspaceId), eq(knowledgeEntries.id, id))).returning())[0];
  },
  async count(db: Executor, workspaceId: string): Promise<number> {
    return (await db.select({ n: count() }).from(knowledgeEntries).where(eq(knowledgeEntries.workspaceId, workspaceId)))[0]?.n ?? 0;
  },
};

export const versionStore = {
  async insertMany(db: Executor, rows: (typeof knowledgeVersions.$inferInsert)[]): Promise<void> {
    for (const slice of slices(rows)) {
      const json = JSON.stringify(slice.map((v) => ({ entry_id: v.entryId, version: v.version, workspace_id: v.workspaceId, action: v.action, snapshot: v.snapshot, changed_by: v.changedBy ?? null, changed_at: v.changedAt })));
      await db.execute(sql`insert into knowledge_versions (${sql.raw(VERSION_COLUMNS)}) select ${sql.raw(VERSION_COLUMNS)} from jsonb_populate_recordset(null::knowledge_versions, ${json}::jsonb)`);
    }
  },
  async list(db: Executor, workspaceId: string, entryId: string): Promise<KnowledgeVersion[]> {
    return db.select().from(knowledgeVersions).where(and(eq(knowledgeVersions.workspaceId, workspaceId), eq(knowledgeVersions.entryId, entryId))).orderBy(desc(knowledgeVersions.version));
  },
  async get(db: Executor, workspaceId: string, entryId: string, version: number): Promise<KnowledgeVersion | undefined> {
    return (
      await db
        .select()
        .from(knowledgeVersions)
        .where(and(eq(knowledgeVersions.workspaceId, workspaceId), eq(knowledgeVersions.entryId, entryId), eq(knowledgeVersions.version, version)))
        .limit(1)
    )[0];
  },
};

export const modelStore = {
  async get(db: Executor, workspaceId: string): Promise<StoredModel | undefined> {
    return (await db.select().from(knowledgeModels).where(eq(knowledgeModels.workspaceId, workspaceId)).limit(1))[0];
  },
  async version(db: Executor, workspaceId: string): Promise<number | null> {
    return (await db.select({ version: knowledgeModels.version }).from(knowledgeModels).where(eq(knowledgeModels.workspaceId, workspaceId)).limit(1))[0]?.version ?? null;
  },
  /** Replaces the workspace's model; versions only go up, so a slower publish never overwrites a newer one. */
  async save(db: Executor, row: { workspaceId: string; entries: number; bytes: Buffer; trainedAt: Date }): Promise<number> {
    const result = await db.execute<{ version: number }>(sql`
      insert into knowledge_models (workspace_id, version, entries, bytes, trained_at)
      values (${row.workspaceId}, 1, ${row.entries}, ${row.bytes}, ${row.trainedAt.toISOString()}::timestamptz)
      on conflict (workspace_id) do update set version = knowledge_models.version + 1, entries = excluded.entries,
        bytes = excluded.bytes, trained_at = excluded.trained_at
      returning version`);
    return result.rows[0]!.version;
  },
};

/** Background imports: created with their parse errors, advanced by one job per slice of rows. */
export const importStore = {
  async insert(db: Executor, row: typeof knowledgeImports.$inferInsert): Promise<KnowledgeImport> {
    return (await db.insert(knowledgeImports).values(row).returning())[0]!;
  },
  async get(db: Executor, workspaceId: string, id: string): Promise<KnowledgeImport | undefined> {
    return (await db.select().from(knowledgeImports).where(and(eq(knowledgeImports.workspaceId, workspaceId), eq(knowledgeImports.id, id))).limit(1))[0];
  },
  async recent(db: Executor, workspaceId: string, limit: number): Promise<KnowledgeImport[]> {
    return db.select().from(knowledgeImports).where(eq(knowledgeImports.workspaceId, workspaceId)).orderBy(desc(knowledgeImports.createdAt), desc(knowledgeImports.id)).limit(limit);
  },
  /** Counts a written slice (row-locked, so two nodes writing slices of one import add up); the last one moves it to publishing. */
  async advance(db: Executor, id: string, slice: { processed: number; imported: number }, at: Date): Promise<KnowledgeImport | undefined> {
    return (
      await db
        .update(knowledgeImports)
        .set({
          processed: sql`${knowledgeImports.processed} + ${slice.processed}`,
          imported: sql`${knowledgeImports.imported} + ${slice.imported}`,
          status: sql`case when ${knowledgeImports.processed} + ${slice.processed} >= ${knowledgeImports.total} then 'publishing' else 'running' end`,
          startedAt: sql`coalesce(${knowledgeImports.startedAt}, ${at.toISOString()}::timestamptz)`,
        })
        .where(eq(knowledgeImports.id, id))
        .returning()
    )[0];
  },
  async finish(db: Executor, id: string, end: { status: 'done' | 'failed'; modelVersion?: number | null; failure?: string | null }, at: Date): Promise<KnowledgeImport | undefined> {
    return (
      await db
        .update(knowledgeImports)
        .set({ status: end.status, modelVersion: end.modelVersion ?? null, failure: end.failure ?? null, finishedAt: at })
        .where(and(eq(knowledgeImports.id, id), inArray(knowledgeImports.status, ['queued', 'running', 'publishing'])))
        .returning()
    )[0];
  },
};
