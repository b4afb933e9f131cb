import { loadFaqMatcherInSlices, serializeFaqMatcher, trainFaqMatcher, type FaqMatcher } from '@lingxi/nlu';
import type { Database } from '../../platform/db/index.ts';
import { entryStore, modelStore, type KnowledgeEntry } from './store.ts';
import { createTrainer, type Trainer } from './trainer.ts';

/** What the bot needs of an entry at answer time, held in memory beside the model. */
export type LiveEntry = Pick<KnowledgeEntry, 'id' | 'question' | 'similarQuestions' | 'answer' | 'quickReplies' | 'category' | 'tags' | 'language' | 'validFrom' | 'validTo'>;
export type LiveModel = { version: number; matcher: FaqMatcher; entries: Map<string, LiveEntry>; trainedAt: Date };

/**
 * The trained FAQ model of each workspace, in memory on this node. Owned by the knowledge deps
 * (never a module global): publishing installs a new model here; other nodes reload it on `knowledge.published`.
 */
export interface LiveModels {
  /** The workspace's model, loaded from the database on first use; null when it has none yet. */
  get(workspaceId: string): Promise<LiveModel | null>;
  install(workspaceId: string, model: LiveModel): void;
  /** Loads the stored model if it is newer than the one in memory (everyNode subscriber). */
  refresh(workspaceId: string, version: number): Promise<void>;
  /** Runs publishes of one workspace one after another. */
  serialize<T>(workspaceId: string, work: () => Promise<T>): Promise<T>;
}

/** What publishing needs besides: training without blocking replies (a trainer thread kept between publishes). */
export interface KnowledgeModels extends LiveModels {
  train(entries: readonly KnowledgeEntry[]): Promise<{ matcher: FaqMatcher; bytes: Buffer }>;
}

// A fixed seed: the same entries always give the same model on every node.
const SEED = 7;
/** Below this many questions training takes well under 100 ms: a worker thread would cost more than it saves. */
const INLINE_QUESTIONS = 300;

const docsOf = (entries: readonly KnowledgeEntry[]) => entries.map((e) => ({ id: e.id, questions: [e.question, ...e.similarQuestions], answer: e.answer }));

export function trainModel(entries: readonly KnowledgeEntry[]): FaqMatcher {
  return trainFaqMatcher(docsOf(entries), { seed: SEED });
}

/**
 * Trains without blocking this node's event loop (replies keep flowing during a publish): the trainer thread
 * trains and serializes, this thread only loads the bytes. Small knowledge bases train inline.
 */
export async function trainModelOffThread(entries: readonly KnowledgeEntry[], trainer: Trainer): Promise<{ matcher: FaqMatcher; bytes: Buffer }> {
  const docs = docsOf(entries);
  if (docs.reduce((n, d) => n + d.questions.length, 0) < INLINE_QUESTIONS) {
    const matcher = trainFaqMatcher(docs, { seed: SEED });
    return { matcher, bytes: serializeModel(matcher) };
  }
  const bytes = await trainer.train(docs, SEED);
  // Loading copies the stored index (≈ 0.2 s of CPU at 10k entries): in slices of ≤ 10 ms, so replies go on meanwhile.
  return { matcher: await loadFaqMatcherInSlices(bytes), bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

export function liveModelOf(version: number, matcher: FaqMatcher, entries: readonly KnowledgeEntry[], trainedAt: Date): LiveModel {
  return { version, matcher, trainedAt, entries: new Map(entries.map((e) => [e.id, e])) };
}

export function serializeModel(matcher: FaqMatcher): Buffer {
  const bytes = serializeFaqMatcher(matcher);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function createLiveModels(deps: { db: Database; log?: { warn(o: unknown, m?: string): void } }): KnowledgeModels {
  const models = new Map<string, LiveModel>();
  const loading = new Map<string, Promise<LiveModel | null>>();
  const queues = new Map<string, Promise<unknown>>();
  const trainer = createTrainer();

  async function loadStored(workspaceId: string): Promise<LiveModel | null> {
    const stored = await modelStore.get(deps.db.sql, workspaceId);
    if (!stored) return null;
    const entries = await entryStore.answerable(deps.db.sql, workspaceId, new Date(0));
    try {
      const matcher = await loadFaqMatcherInSlices(new Uint8Array(stored.bytes.buffer, stored.bytes.byteOffset, stored.bytes.byteLength));
      return liveModelOf(stored.version, matcher, entries, stored.trainedAt);
    } catch (error) {
      // A model stored by an older engine (another format version): retrain from the same entries and store it, rather than going silent.
      deps.log?.warn({ err: error, workspaceId }, 'stored knowledge model could not be loaded; retraining it');
      const { matcher, bytes } = await trainModelOffThread(entries, trainer);
      const trainedAt = new Date();
      const version = await modelStore.save(deps.db.sql, { workspaceId, entries: entries.length, bytes, trainedAt });
      return liveModelOf(version, matcher, entries, trainedAt);
    }
  }

  function load(workspaceId: string): Promise<LiveModel | null> {
    const pending = loading.get(workspaceId);
    if (pending) return pending;
    const started = loadStored(workspaceId)
      .then((model) => {
        const current = models.get(workspaceId);
        if (model && (!current || current.version < model.version)) models.set(workspaceId, model);
        return models.get(workspaceId) ?? null;
      })
      .finally(() => loading.delete(workspaceId));
    loading.set(workspaceId, started);
    return started;
  }

  return {
    async get(workspaceId) {
      return models.get(workspaceId) ?? load(workspaceId);
    },
    install(workspaceId, model) {
      const current = models.get(workspaceId);
      if (!current || current.version <= model.version) models.set(workspaceId, model);
    },
    train(entries) {
      return trainModelOffThread(entries, trainer);
    },
    async refresh(workspaceId, version) {
      const current = models.get(workspaceId);
      if (current && current.version >= version) return;
      await load(workspaceId);
    },
    serialize(workspaceId, work) {
      const previous = queues.get(workspaceId) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(work);
      queues.set(workspaceId, next);
      void next.finally(() => {
        if (queues.get(workspaceId) === next) queues.delete(workspaceId);
      }).catch(() => undefined);
      return next;
    },
  };
}
