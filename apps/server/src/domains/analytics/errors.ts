import { domainError } from '../../platform/errors.ts';

export const analyticsErrors = {
  alertNotFound: (id: string) => domainError('ALERT_NOT_FOUND', 404, `No alert ${id} in this workspace.`, 'List alerts with GET /api/v1/analytics/alerts.'),
  alertAlreadyAcknowledged: (id: string) => domainError('ALERT_ALREADY_ACKNOWLEDGED', 409, `Alert ${id} was already acknowledged.`, 'Nothing to do: it is no longer open.'),
};
