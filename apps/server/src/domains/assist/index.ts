// The assist domain's public face: AI assist for agents (suggestions, cards, soothing scripts) and canned responses.
export { assistRoutes } from './routes.ts';
export type { AssistDeps } from './deps.ts';
export { soothingScript, compensationHint, renderTemplate, variablesIn, defaultAssistSettings } from './model.ts';
