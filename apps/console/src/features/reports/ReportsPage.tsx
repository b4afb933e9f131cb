import { useMemo, useState } from 'react';
import { App, Button, DatePicker, Segmented, Select, Space, Table, Tabs } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReportName, ReportResponse } from '@lingxi/contracts';
import { isApiError } from '../../lib/api/client.ts';
import { useSignedIn } from '../../lib/session.tsx';
import { EChart } from '../../ui/EChart.tsx';
import { PageHead } from '../../ui/PageHead.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';
import { useAnalyticsApi, type RangeQuery } from '../dashboard/analyticsApi.ts';
import { useTexts, type TextKey } from '../dashboard/texts.ts';
import { duration, millis, npsText, npsTone, percent } from '../dashboard/wallModel.ts';
import '../dashboard/dashboard.css';
import { npsOption, reportCharts } from './reportCharts.ts';

const REPORTS: ReportName[] = ['volume', 'resolution', 'response_times', 'emotion', 'abandonment', 'intents', 'paths', 'heatmap', 'forecast', 'value', 'conversations'];
const CHANNELS = ['web', 'app', 'wechat', 'email', 'phone'];

/** Reports for any period, filtered by channel, agent or question; every table downloads as CSV. */
export default function ReportsPage() {
  const { t } = useTexts();
  const { api: consoleApi } = useSignedIn();
  const api = useAnalyticsApi();
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('day').subtract(6, 'day'), dayjs().endOf('day')]);
  const [channel, setChannel] = useState<string | undefined>();
  const [agent, setAgent] = useState<string | undefined>();
  const [intent, setIntent] = useState<string | undefined>();
  const [interval, setInterval] = useState<'hour' | 'day'>('day');
  const [tab, setTab] = useState<'overview' | ReportName>('overview');

  const query: RangeQuery = useMemo(
    () => ({ from: range[0].toISOString(), to: range[1].toISOString(), channel, agent, intent, interval }),
    [range, channel, agent, intent, interval],
  );
  const users = useResource(() => consoleApi.users.list(), [consoleApi]);
  const intents = useResource((signal) => api.report('intents', { from: query.from, to: query.to }, signal), [api, query.from, query.to]);

  const download = async (path: string, name: string) => {
    try {
      await api.download(path, query, `lingxi-${name}_${range[0].format('YYYYMMDD')}-${range[1].format('YYYYMMDD')}.csv`);
    } catch (error) {
      void message.error(isApiError(error) ? error.message : String(error));
    }
  };
  const csvPath = tab === 'overview' ? '/api/v1/analytics/summary' : `/api/v1/analytics/reports/${tab}`;

  return (
    <>
      <PageHead
        title={t('reports.title')}
        subtitle={t('reports.subtitle')}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => void download(csvPath, tab)}>{t('reports.download')}</Button>
            <Button onClick={() => void download('/api/v1/analytics/reports/conversations', 'conversations')}>{t('reports.downloadConversations')}</Button>
          </Space>
        }
      />
      <div className="lx-panel" style={{ padding: 16, marginBottom: 12 }}>
        <Space wrap size={[16, 8]}>
          <DatePicker.RangePicker
            aria-label={t('reports.range')}
            value={range}
            allowClear={false}
            showTime={interval === 'hour' ? { format: 'HH:mm' } : false}
            onChange={(value) => value?.[0] && value[1] && setRange([value[0].startOf(interval === 'hour' ? 'hour' : 'day'), value[1].endOf(interval === 'hour' ? 'hour' : 'day')])}
          />
          <Select allowClear placeholder={`${t('reports.channel')}: ${t('reports.any')}`} aria-label={t('reports.channel')} style={{ width: 160 }} value={channel} onChange={setChannel} options={CHANNELS.map((c) => ({ value: c, label: c }))} />
          <Select
            allowClear showSearch optionFilterProp="label" placeholder={`${t('reports.agent')}: ${t('reports.any')}`} aria-label={t('reports.agent')} style={{ width: 180 }}
            value={agent} onChange={setAgent} options={(users.data?.users ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
          <Select
            allowClear showSearch optionFilterProp="label" placeholder={`${t('reports.intent')}: ${t('reports.any')}`} aria-label={t('reports.intent')} style={{ width: 240 }}
            value={intent} onChange={setIntent}
            options={(intents.data?.rows ?? []).filter((r) => r.intent !== '(none)').map((r) => ({ value: String(r.intent), label: String(r.label) }))}
          />
          <Segmented aria-label={t('reports.interval')} value={interval} onChange={(v) => setInterval(v as 'hour' | 'day')} options={[{ value: 'day', label: t('reports.interval.day') }, { value: 'hour', label: t('reports.interval.hour') }]} />
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as typeof tab)}
        items={[{ key: 'overview', label: t('tab.overview') }, ...REPORTS.map((r) => ({ key: r, label: t(`tab.${r}` as TextKey) }))].map((item) => ({
          ...item,
          children: item.key === tab ? (item.key === 'overview' ? <Overview query={query} /> : <ReportView report={item.key as ReportName} query={query} />) : null,
        }))}
      />
    </>
  );
}

function Overview({ query }: { query: RangeQuery }) {
  const { t } = useTexts();
  const api = useAnalyticsApi();
  const summary = useResource((signal) => api.summary(query, signal), [api, query]);
  if (summary.error && !summary.data) return <RangeError error={summary.error} onRetry={summary.reload} />;
  const s = summary.data;
  if (!s) return <Loading />;
  const tiles: Array<[TextKey, string]> = [
    ['sum.conversations', String(s.conversations)], ['sum.ended', String(s.ended)], ['sum.botResolved', String(s.botResolved)], ['sum.humanResolved', String(s.humanResolved)],
    ['sum.handedOff', String(s.handedOff)], ['sum.abandoned', String(s.abandoned)], ['sum.botResolutionRate', percent(s.botResolutionRate)], ['sum.transferRate', percent(s.transferRate)],
    ['sum.abandonmentRate', percent(s.abandonmentRate)], ['sum.firstContactResolutionRate', percent(s.firstContactResolutionRate)], ['sum.avgFirstResponseMs', millis(s.avgFirstResponseMs)],
    ['sum.avgFirstBotResponseMs', millis(s.avgFirstBotResponseMs)], ['sum.avgFirstHumanResponseMs', millis(s.avgFirstHumanResponseMs)], ['sum.avgWaitSeconds', duration(s.avgWaitSeconds)],
    ['sum.avgHandleSeconds', duration(s.avgHandleSeconds)], ['sum.csatAverage', s.csatAverage === null ? '—' : `${s.csatAverage.toFixed(2)} (${s.csatResponses})`],
    ['sum.csatSatisfiedRate', percent(s.csatSatisfiedRate)], ['sum.npsScore', npsText(s.npsScore, s.npsResponses)], ['sum.answersHelpfulRate', percent(s.answersHelpfulRate)], ['sum.negativeEmotionShare', percent(s.negativeEmotionShare)],
  ];
  const triggers = Object.entries(s.handoffsByTrigger);
  return (
    <div className="lx-wall">
      <div className="lx-wall-tiles">
        {tiles.map(([key, value]) => (
          <div key={key} className={`lx-tile${key === 'sum.npsScore' ? ` lx-tile--${npsTone(s.npsScore)}` : ''}`} data-figure={key.slice(4)}>
            <div className="lx-tile-value">{value}</div>
            <div className="lx-tile-label">{t(key)}</div>
          </div>
        ))}
        {triggers.map(([trigger, n]) => (
          <div key={trigger} className="lx-tile lx-tile--warn">
            <div className="lx-tile-value">{n}</div>
            <div className="lx-tile-label">{t('sum.handedOff')} · {t(`trigger.${trigger}` as TextKey)}</div>
          </div>
        ))}
      </div>
      <section className="lx-panel lx-wall-panel" aria-label={t('nps.title')} data-figure="nps">
        <h3>{t('nps.title')}{s.npsResponses > 0 ? ` · ${npsText(s.npsScore)} · ${t('nps.answers', { n: s.npsResponses })}` : ''}</h3>
        {s.npsResponses > 0
          ? <EChart height={110} label={t('nps.title')} option={npsOption(s, { promoters: t('nps.promoters'), passives: t('nps.passives'), detractors: t('nps.detractors') })} />
          : <EmptyState title={t('nps.empty')} />}
        <p className="lx-wall-time" style={{ margin: '8px 0 0' }}>{t('nps.help')}</p>
      </section>
    </div>
  );
}

function ReportView({ report, query }: { report: ReportName; query: RangeQuery }) {
  const { t, locale } = useTexts();
  const api = useAnalyticsApi();
  // The notes under a report come in the reader's language.
  const data = useResource((signal) => api.report(report, { ...query, locale }, signal), [api, report, query, locale]);
  if (data.error && !data.data) return <RangeError error={data.error} onRetry={data.reload} />;
  const r = data.data;
  if (!r) return <Loading />;
  const chart = reportCharts[report]?.(r, t) ?? null;
  const empty = r.rows.length === 0 || (report !== 'forecast' && report !== 'heatmap' && report !== 'emotion' && r.rows.every((row) => Object.values(row).every((v) => v === 0 || v === null || typeof v === 'string')));
  return (
    <div className="lx-panel" style={{ padding: 16 }}>
      {r.rows.length === 0 ? <EmptyState title={t('reports.empty')} /> : chart && !empty ? <EChart height={report === 'heatmap' ? 320 : 280} label={t(`tab.${report}` as TextKey)} option={chart} /> : null}
      {r.notes.map((note) => <p key={note} className="lx-wall-time" style={{ margin: '8px 0' }}>{note}</p>)}
      {r.rows.length > 0 ? <ReportTable report={r} /> : null}
    </div>
  );
}

function ReportTable({ report }: { report: ReportResponse }) {
  const columns = report.columns.map((c) => ({
    title: c, dataIndex: c, key: c, ellipsis: true,
    render: (v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(c.toLowerCase().includes('rate') || c.toLowerCase().includes('share') ? 4 : 2) : v === null ? '—' : String(v)),
  }));
  return <Table size="small" rowKey={(_, i) => String(i)} columns={columns} dataSource={report.rows as Array<Record<string, unknown>>} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: true }} />;
}

function RangeError({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const { t } = useTexts();
  if (isApiError(error) && error.status === 400) return <ErrorState error={error} title={t('reports.badRange', { problems: error.problems.map((p) => `${p.path}: ${p.message}`).join('; ') })} />;
  return <ErrorState error={error} onRetry={onRetry} />;
}

