// NLP.js (node-nlp) with default settings, for comparison only: never imported by the product.
import { createRequire } from 'node:module';
import type { Row } from './datasets.ts';

type NlpManagerLike = {
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, text: string): Promise<{ intent: string }>;
};

const require = createRequire(import.meta.url);

export async function trainNlpJs(rows: readonly Row[], locale: 'en' | 'zh'): Promise<(text: string) => Promise<string>> {
  const { NlpManager } = require('node-nlp') as { NlpManager: new (settings: object) => NlpManagerLike };
  const manager = new NlpManager({ languages: [locale], forceNER: false, nlu: { log: false }, autoSave: false, autoLoad: false });
  for (const r of rows) manager.addDocument(locale, r.text, String(r.label));
  await manager.train();
  return async (text) => (await manager.process(locale, text)).intent;
}
