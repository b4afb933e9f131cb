// The feedback domain's public face: Net Promoter Score answers and their summary (CSAT stays with conversations).
export { feedbackRoutes } from './routes.ts';
export type { FeedbackDeps } from './commands/recordNps.ts';
