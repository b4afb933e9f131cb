import { Worker } from 'node:worker_threads';
import type { KnowledgeDoc } from '@lingxi/nlu';

/** Trains in a worker thread; the thread is started on first use and stopped after a while idle. */
export interface Trainer {
  train(docs: readonly KnowledgeDoc[], seed: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

type Reply = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; message: string } | { ready: true };

/**
 * Starting the thread costs 2–5 s (a TypeScript loader, the segmenter's dictionaries), more than training a few
 * thousand questions, and keeping it costs ≈ 100 MB: one thread is kept through an editing session (10 minutes
 * without a publish stops it), and it never keeps the process alive on its own.
 */
export function createTrainer(options: { idleMs?: number } = {}): Trainer {
  const idleMs = options.idleMs ?? 10 * 60_000;
  let worker: Worker | null = null;
  let idle: NodeJS.Timeout | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve(bytes: Uint8Array): void; reject(error: Error): void }>();

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  const settle = () => {
    if (!worker) return;
    if (pending.size > 0) return void worker.ref();
    worker.unref();
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => void stop(), idleMs);
    idle.unref();
  };
  async function stop() {
    const current = worker;
    worker = null;
    if (idle) clearTimeout(idle);
    idle = null;
    if (current) await current.terminate();
  }
  function thread(): Worker {
    if (worker) return worker;
    const started = new Worker(new URL('./trainer.worker.mjs', import.meta.url));
    started.on('message', (m: Reply) => {
      if ('ready' in m) return;
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.ok) p?.resolve(m.bytes);
      else p?.reject(new Error(`Training failed: ${m.message}`));
      settle();
    });
    started.on('error', (error) => {
      if (worker === started) worker = null;
      failAll(error);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = null;
      if (pending.size > 0) failAll(new Error(`The trainer thread stopped (exit code ${code}).`));
    });
    worker = started;
    return started;
  }

  return {
    train(docs, seed) {
      const id = ++nextId;
      const result = new Promise<Uint8Array>((resolve, reject) => pending.set(id, { resolve, reject }));
      if (idle) clearTimeout(idle);
      idle = null;
      const target = thread();
      target.ref();
      target.postMessage({ id, docs, seed });
      return result;
    },
    close: stop,
  };
}
