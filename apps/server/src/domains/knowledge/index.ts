// The knowledge domain's public face: entries, versions, import/export and the live FAQ model per workspace.
export { knowledgeRoutes } from './routes.ts';
export { createLiveModels, type LiveModels, type LiveModel, type LiveEntry } from './liveModels.ts';
export { importEntries, importFile, type ImportResult } from './commands/importEntries.ts';
export { formatOf } from './importSource.ts';
export { entriesToXlsx } from './xlsx.ts';
export { publishKnowledge } from './commands/publishKnowledge.ts';
export { startImport } from './commands/startImport.ts';
export { runImportSlice, IMPORT_SLICE_JOB } from './commands/runImportSlice.ts';
export { publishImport, IMPORT_PUBLISH_JOB } from './commands/finishImport.ts';
export { seedDemoKnowledge, DEMO_KNOWLEDGE_FILE } from './demo/seedDemo.ts';
export { isValidAt } from './model.ts';
export type { KnowledgeDeps } from './deps.ts';
