import { useMemo } from 'react';
import { AlertListResponse, AlertResponse, AnalyticsSettingsWithDefaults, AnalyticsSummary, LiveFigures, ReportResponse, type ReportName, type UpdateAnalyticsSettingsRequest } from '@lingxi/contracts';
import { createApiClient, errorFromResponse } from '../../lib/api/client.ts';
import { useSignedIn } from '../../lib/session.tsx';

// The analytics routes the wall and the reports read, parsed with the shared schemas.

export type RangeQuery = { from: string; to: string; channel?: string; agent?: string; team?: string; intent?: string; interval?: 'hour' | 'day'; locale?: 'zh-CN' | 'en-US' };

export function useAnalyticsApi() {
  const { session, signOut } = useSignedIn();
  return useMemo(() => {
    const token = session.token;
    const client = createApiClient({ token: () => token, onSessionEnded: () => void signOut() });
    return {
      live: (signal?: AbortSignal) => client.request('GET', '/api/v1/analytics/live', { schema: LiveFigures, signal }),
      summary: (query: RangeQuery, signal?: AbortSignal) => client.request('GET', '/api/v1/analytics/summary', { query, schema: AnalyticsSummary, signal }),
      report: (report: ReportName, query: RangeQuery, signal?: AbortSignal) =>
        client.request('GET', `/api/v1/analytics/reports/${report}`, { query, schema: ReportResponse, signal }),
      alerts: () => client.request('GET', '/api/v1/analytics/alerts', { query: { limit: 50 }, schema: AlertListResponse }),
      settings: (signal?: AbortSignal) => client.request('GET', '/api/v1/settings/analytics', { schema: AnalyticsSettingsWithDefaults, signal }),
      saveSettings: (change: UpdateAnalyticsSettingsRequest) => client.request('PUT', '/api/v1/settings/analytics', { body: change, schema: AnalyticsSettingsWithDefaults }),
      acknowledge: (id: string) => client.request('POST', `/api/v1/analytics/alerts/${encodeURIComponent(id)}/ack`, { schema: AlertResponse }),
      /** Downloads a report (or the summary) as CSV with the bearer token, then hands it to the browser. */
      async download(path: string, query: RangeQuery, filename: string) {
        const params = new URLSearchParams({ ...Object.fromEntries(Object.entries(query).filter(([, v]) => v)), format: 'csv' });
        const response = await fetch(`${path}?${params}`, { headers: { authorization: `Bearer ${token}` } });
        if (!response.ok) throw await errorFromResponse(response);
        const url = URL.createObjectURL(await response.blob());
        const link = Object.assign(document.createElement('a'), { href: url, download: filename });
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
    };
  }, [session.token, signOut]);
}
