// The routing domain's public face: presence, agent profiles, teams, and the pure queue/assignment rules.
export { routingRoutes } from './routes.ts';
export { setPresence } from './commands/setPresence.ts';
export { listAgents } from './queries/listAgents.ts';
export { profileStore, teamStore, type AgentProfile } from './store.ts';
export type { RoutingDeps } from './deps.ts';
export * from './model.ts';
export * from './overflow.ts';
