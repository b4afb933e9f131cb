// The analytics domain's public face: facts from events, live figures, reports, alerts and surge packs.
export { analyticsRoutes } from './routes.ts';
export { analyticsSettingsRoutes } from './settingsRoutes.ts';
export { recordFacts } from './commands/recordFacts.ts';
export { factEvents } from './facts.ts';
export { createLiveWall, liveEvents, type LiveWall, type LiveOutlet } from './livePush.ts';
export { createAnalyticsSettings, analyticsSettingsFrom, defaultAnalyticsSettings, type AnalyticsSettingsCache } from './settings.ts';
export { liveFigures } from './queries/live.ts';
export type { AnalyticsDeps, AgentPresence } from './deps.ts';
export { netPromoterScore, npsCategory, NPS_DETRACTOR, NPS_PROMOTER, type NpsCategory } from './definitions.ts';
