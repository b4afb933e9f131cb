// The routing domain's public face: presence, agent profiles, teams, and the pure queue/assignment rules.
export { routingRoutes } from './routes.ts';
export { setPresence } from './commands/setPresence.ts';
export { listAgents } from './queries/listAgents.ts';
export { profileStore, teamStore, type AgentProfile } from './store.ts';
export { defaultRoutingSettings, type RoutingDeps, type RoutingSettings, type QueuedItem } from './deps.ts';
export { runAssignmentRound, OFFER_EXPIRED_JOB } from './commands/runAssignmentRound.ts';
export { expireOffer } from './commands/expireOffer.ts';
export { offerStore } from './offerStore.ts';
export * from './model.ts';
export * from './overflow.ts';
