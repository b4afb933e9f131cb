import type { DomainError } from '../../../platform/errors.ts';
import type { AnalyticsDeps } from '../deps.ts';
import { analyticsErrors } from '../errors.ts';
import { alertStore, type Alert } from '../store.ts';

/** Someone has seen the alert and is acting on it: it leaves the wall's open list. */
export async function acknowledgeAlert(deps: Pick<AnalyticsDeps, 'db' | 'clock'>, input: { workspaceId: string; alertId: string; userId: string }): Promise<Alert | DomainError> {
  return deps.db.transaction(async (tx) => {
    const alert = await alertStore.byId(tx, input.workspaceId, input.alertId);
    if (!alert) return analyticsErrors.alertNotFound(input.alertId);
    if (alert.acknowledgedAt) return analyticsErrors.alertAlreadyAcknowledged(input.alertId);
    return (await alertStore.acknowledge(tx, input.workspaceId, input.alertId, input.userId, deps.clock.now())) ?? analyticsErrors.alertAlreadyAcknowledged(input.alertId);
  });
}
