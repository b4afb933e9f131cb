import { and, desc, eq } from 'drizzle-orm';
import type { LiveFigures } from '@lingxi/contracts';
import { emit, type NewEvent } from '../../../events/catalog.ts';
import type { AnalyticsDeps } from '../deps.ts';
import { presentAlert } from '../present.ts';
import { analyticsAlerts } from '../schema.ts';
import { alertStore, type Alert } from '../store.ts';

/** After an alert is acknowledged, the same condition raises it again only after this long. */
export const REALERT_AFTER_MS = 15 * 60_000;

type NewAlert = { workspaceId: string; kind: Alert['kind']; severity: Alert['severity']; subject: string; detail: Record<string, unknown> };

/** Stores the alert (unless one of its kind and subject is open or was raised recently) and announces it. */
export async function raiseAlert(deps: Pick<AnalyticsDeps, 'db' | 'clock' | 'ids'>, input: NewAlert, extra: (alert: Alert) => NewEvent[] = () => []): Promise<Alert | null> {
  const now = deps.clock.now();
  const [recent] = await deps.db.sql
    .select({ raisedAt: analyticsAlerts.raisedAt })
    .from(analyticsAlerts)
    .where(and(eq(analyticsAlerts.workspaceId, input.workspaceId), eq(analyticsAlerts.kind, input.kind), eq(analyticsAlerts.subject, input.subject)))
    .orderBy(desc(analyticsAlerts.raisedAt))
    .limit(1);
  if (recent && now.getTime() - recent.raisedAt.getTime() < REALERT_AFTER_MS) return null;
  return deps.db.transaction(async (tx) => {
    const alert = await alertStore.raise(tx, { id: deps.ids.next(), ...input, raisedAt: now });
    if (!alert) return null;
    await emit(tx, deps, { name: 'alert.raised', workspaceId: input.workspaceId, payload: { alert: presentAlert(alert) } }, ...extra(alert));
    return alert;
  });
}

/** Queue thresholds from workspace settings, checked against the live figures. */
export async function checkQueueThresholds(deps: AnalyticsDeps, workspaceId: string, live: LiveFigures): Promise<Alert[]> {
  const settings = await deps.settings(workspaceId);
  const raised: Alert[] = [];
  if (live.queueLength >= settings.queueLengthAlert) {
    const severity = live.queueLength >= 2 * settings.queueLengthAlert ? 'critical' : 'warning';
    const alert = await raiseAlert(deps, { workspaceId, kind: 'queue_length', severity, subject: 'queue', detail: { queueLength: live.queueLength, threshold: settings.queueLengthAlert, agentsOnline: live.agentsOnline } });
    if (alert) raised.push(alert);
  }
  if (live.longestWaitSeconds >= settings.longestWaitAlertSeconds) {
    const severity = live.longestWaitSeconds >= 2 * settings.longestWaitAlertSeconds ? 'critical' : 'warning';
    const alert = await raiseAlert(deps, { workspaceId, kind: 'longest_wait', severity, subject: 'queue', detail: { longestWaitSeconds: live.longestWaitSeconds, threshold: settings.longestWaitAlertSeconds, queueLength: live.queueLength } });
    if (alert) raised.push(alert);
  }
  return raised;
}
