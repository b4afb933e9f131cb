import type { LiveFigures } from '@lingxi/contracts';
import type { OutboxRecord } from '../../platform/outbox/index.ts';
import type { AnalyticsDeps } from './deps.ts';
import { checkQueueThresholds } from './commands/raiseAlert.ts';
import { detectSurge } from './commands/detectSurge.ts';
import { factEvents, intentKey } from './facts.ts';
import { liveFigures } from './queries/live.ts';

/** Where live figures go: the workspace's room (`workspace:<id>`, event `analytics.live`), wired in app.ts. */
export type LiveOutlet = (workspaceId: string, figures: LiveFigures) => void;

export type LiveWall = {
  /** Something changed in this workspace: push fresh figures soon (at most once per interval). */
  touch(workspaceId: string): void;
  /** The atLeastOnce subscriber's work: surge checks for the intents just seen, then a push. */
  watch(events: readonly OutboxRecord[]): Promise<void>;
  /** Waits grow and thresholds on them trip without any event: recompute active workspaces on a tick. */
  start(): void;
  stop(): Promise<void>;
  /** The last figures pushed per workspace (Prometheus gauges read these). */
  latest(): ReadonlyMap<string, LiveFigures>;
};

/** Events that change some live figure. */
export const liveEvents = [...factEvents, 'agent.presence_changed', 'alert.raised'] as const;

const ACTIVE_FOR_MS = 3_600_000;

/**
 * Throttled per workspace: the first change is pushed at once, later ones at most every `intervalMs`,
 * so a busy workspace costs one computation a second, and the wall is never more than that behind.
 */
export function createLiveWall(deps: AnalyticsDeps & { outlet: LiveOutlet; log: { warn(o: unknown, m?: string): void }; intervalMs?: number; tickMs?: number; surgeEveryMs?: number }): LiveWall {
  const interval = deps.intervalMs ?? 1_000;
  const surgeEvery = deps.surgeEveryMs ?? 2_000;
  // Surge checks count over a window of minutes: the intents seen are gathered and checked per workspace
  // at once on the first, then at most every `surgeEvery` (a busy workspace costs one check, not one per round).
  const seenIntents = new Map<string, Set<string>>();
  const lastSurge = new Map<string, number>();
  const surgeScheduled = new Map<string, NodeJS.Timeout>();
  const lastRun = new Map<string, number>();
  const scheduled = new Map<string, NodeJS.Timeout>();
  const activeSince = new Map<string, number>();
  const latest = new Map<string, LiveFigures>();
  const running = new Set<Promise<void>>();
  let ticker: NodeJS.Timeout | null = null;
  let stopped = false;

  async function push(workspaceId: string): Promise<void> {
    lastRun.set(workspaceId, performance.now());
    try {
      let figures = await liveFigures(deps, workspaceId);
      const raised = await checkQueueThresholds(deps, workspaceId, figures);
      if (raised.length > 0) figures = await liveFigures(deps, workspaceId);
      latest.set(workspaceId, figures);
      deps.outlet(workspaceId, figures);
    } catch (error) {
      if (!stopped) deps.log.warn({ err: error, workspaceId }, 'live figures failed; the next change retries');
    }
  }

  function track(work: Promise<void>) {
    running.add(work);
    void work.finally(() => running.delete(work));
  }

  function touch(workspaceId: string) {
    if (stopped) return;
    activeSince.set(workspaceId, performance.now());
    if (scheduled.has(workspaceId)) return;
    const wait = Math.max(0, (lastRun.get(workspaceId) ?? -Infinity) + interval - performance.now());
    const timer = setTimeout(() => {
      scheduled.delete(workspaceId);
      track(push(workspaceId));
    }, wait);
    timer.unref();
    scheduled.set(workspaceId, timer);
  }

  async function checkSurge(workspaceId: string): Promise<void> {
    lastSurge.set(workspaceId, performance.now());
    const intents = seenIntents.get(workspaceId);
    seenIntents.delete(workspaceId);
    if (!intents || intents.size === 0) return;
    // A failed check is logged, not thrown: the intents come back with the next questions.
    await detectSurge(deps, workspaceId, [...intents]).catch((error: unknown) => {
      if (!stopped) deps.log.warn({ err: error, workspaceId }, 'surge check failed');
    });
  }

  function scheduleSurge(workspaceId: string) {
    if (stopped || surgeScheduled.has(workspaceId)) return;
    const wait = Math.max(0, (lastSurge.get(workspaceId) ?? -Infinity) + surgeEvery - performance.now());
    const timer = setTimeout(() => {
      surgeScheduled.delete(workspaceId);
      track(checkSurge(workspaceId));
    }, wait);
    timer.unref();
    surgeScheduled.set(workspaceId, timer);
  }

  return {
    touch,
    async watch(events) {
      for (const e of events) {
        if (!e.workspaceId || e.name !== 'bot.replied') continue;
        const intent = intentKey((e.payload as { intent?: string | null }).intent);
        if (!intent) continue;
        seenIntents.set(e.workspaceId, (seenIntents.get(e.workspaceId) ?? new Set()).add(intent));
        scheduleSurge(e.workspaceId);
      }
      for (const workspaceId of new Set(events.map((e) => e.workspaceId).filter((w): w is string => Boolean(w)))) touch(workspaceId);
    },
    start() {
      stopped = false;
      ticker = setInterval(() => {
        const now = performance.now();
        for (const [workspaceId, since] of activeSince) {
          if (now - since > ACTIVE_FOR_MS) activeSince.delete(workspaceId);
          else if (!scheduled.has(workspaceId)) track(push(workspaceId));
        }
      }, deps.tickMs ?? 5_000);
      ticker.unref();
    },
    async stop() {
      stopped = true;
      if (ticker) clearInterval(ticker);
      for (const timer of [...scheduled.values(), ...surgeScheduled.values()]) clearTimeout(timer);
      scheduled.clear();
      surgeScheduled.clear();
      await Promise.allSettled([...running]);
    },
    latest: () => latest,
  };
}
