// The knowledge domain's public face: entries, versions, import/export and the live FAQ model per workspace.
export { knowledgeRoutes } from './routes.ts';
export { createLiveModels, type LiveModels, type LiveModel, type LiveEntry } from './liveModels.ts';
export { importEntries, type ImportResult } from './commands/importEntries.ts';
export { publishKnowledge } from './commands/publishKnowledge.ts';
export { seedDemoKnowledge, DEMO_KNOWLEDGE_FILE } from './demo/seedDemo.ts';
export { isValidAt } from './model.ts';
export type { KnowledgeDeps } from './deps.ts';
