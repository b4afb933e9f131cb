// The routing domain's public face: presence, agent profiles, teams, and the pure queue/assignment rules.
export { routingRoutes } from './routes.ts';
export { routingSettingsRoutes } from './settingsRoutes.ts';
export { setPresence, changePresence } from './commands/setPresence.ts';
export { listAgents } from './queries/listAgents.ts';
export { profileStore, teamStore, type AgentProfile } from './store.ts';
export { defaultRoutingSettings, type RoutingDeps, type RoutingSettings, type QueuedItem } from './deps.ts';
export { runAssignmentRound, OFFER_EXPIRED_JOB } from './commands/runAssignmentRound.ts';
export { expireOffer } from './commands/expireOffer.ts';
export { offerStore } from './offerStore.ts';
export { createRoutingSettings, routingSettingsFrom, type RoutingSettingsSource } from './settings.ts';
export { noticeConnect, noticeDisconnect, awayIfStillDisconnected, PRESENCE_GRACE_JOB, type PresenceGracePayload } from './commands/presenceGrace.ts';
export { queueSituation, queueStanding, type QueueStanding, type QueueSituation } from './queries/queueStandings.ts';
export { checkOverflow, noteOverflow } from './commands/checkOverflow.ts';
export { checkTransferTarget, routeTransfer, type TransferTarget } from './commands/routeTransfer.ts';
export * from './model.ts';
export * from './overflow.ts';
