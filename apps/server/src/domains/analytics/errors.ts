import { domainError, type Problem } from '../../platform/errors.ts';

export const analyticsErrors = {
  alertNotFound: (id: string) => domainError('ALERT_NOT_FOUND', 404, `No alert ${id} in this workspace.`, 'List alerts with GET /api/v1/analytics/alerts.'),
  settingsInvalid: (problems: Problem[]) =>
    domainError('ANALYTICS_SETTINGS_INVALID', 400, 'Some analytics settings are not valid.', 'Fix the fields listed in problems; the settings were not changed.', problems),
  alertAlreadyAcknowledged: (id: string) => domainError('ALERT_ALREADY_ACKNOWLEDGED', 409, `Alert ${id} was already acknowledged.`, 'Nothing to do: it is no longer open.'),
};
