// The bot domain's public face: the reply policy (wired into conversations as its Replier), and the demo order service.
export { createBot } from './reply.ts';
export { createBotSettings, type BotDeps, type BotSettings } from './deps.ts';
export { demoOrderRoutes } from './demoOrders.ts';
export { handoffPolicy, isExplicitHandoffRequest, defaultThresholds, type BotThresholds } from './model.ts';
export { botTryRoutes } from './tryRoute.ts';
