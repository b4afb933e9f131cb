import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type Metrics = { registry: Registry };

/** One registry per app instance (tests build many apps in one process). */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lingxi_' });
  return { registry };
}

export function instrumentHttp(app: FastifyInstance, metrics: Metrics): void {
  const requests = new Counter({
    name: 'lingxi_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [metrics.registry],
  });
  const duration = new Histogram({
    name: 'lingxi_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [metrics.registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
}

/** Live figures as gauges labelled by workspace, read from the last figures the wall computed (issue 6). */
const LIVE_GAUGES = {
  activeConversations: 'lingxi_analytics_active_conversations',
  inBot: 'lingxi_analytics_in_bot',
  queueLength: 'lingxi_analytics_queue_length',
  withAgents: 'lingxi_analytics_with_agents',
  longestWaitSeconds: 'lingxi_analytics_longest_wait_seconds',
  averageWaitSeconds: 'lingxi_analytics_average_wait_seconds',
  agentsOnline: 'lingxi_analytics_agents_online',
  agentsBusy: 'lingxi_analytics_agents_busy',
  agentsAway: 'lingxi_analytics_agents_away',
  capacityUsed: 'lingxi_analytics_capacity_used_ratio',
  conversationsToday: 'lingxi_analytics_conversations_today',
  botResolutionRate: 'lingxi_analytics_bot_resolution_ratio',
  transferRate: 'lingxi_analytics_transfer_ratio',
  csatAverage: 'lingxi_analytics_csat_average',
  npsScore: 'lingxi_analytics_nps_score',
  negativeEmotionShare: 'lingxi_analytics_negative_emotion_ratio',
  slaAtRisk: 'lingxi_analytics_sla_at_risk',
} as const;

export function exposeLiveFigures(metrics: Metrics, latest: () => ReadonlyMap<string, Record<string, unknown>>): void {
  for (const [figure, name] of Object.entries(LIVE_GAUGES)) {
    new Gauge({
      name,
      help: `Live ${figure} per workspace (see docs/metrics.md)`,
      labelNames: ['workspace'] as const,
      registers: [metrics.registry],
      collect() {
        this.reset();
        for (const [workspace, figures] of latest()) {
          const value = figures[figure];
          if (typeof value === 'number') this.set({ workspace }, value);
        }
      },
    });
  }
  new Gauge({
    name: 'lingxi_analytics_open_alerts',
    help: 'Open (unacknowledged) alerts per workspace',
    labelNames: ['workspace'] as const,
    registers: [metrics.registry],
    collect() {
      this.reset();
      for (const [workspace, figures] of latest()) if (Array.isArray(figures.openAlerts)) this.set({ workspace }, figures.openAlerts.length);
    },
  });
}
