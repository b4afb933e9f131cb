// The bot domain's public face: the reply policy (wired into conversations as its Replier), its settings, and the demo order service.
export { createBot } from './reply.ts';
export { createBotSettings, type BotDeps, type BotSettings, type BotSettingsSource } from './deps.ts';
export { demoOrderRoutes } from './demoOrders.ts';
export { handoffPolicy, isExplicitHandoffRequest, defaultThresholds, type BotThresholds } from './model.ts';
export { botTryRoutes } from './tryRoute.ts';
export { botSettingsRoutes } from './settingsRoutes.ts';
