import type { AnalyticsSummary, ReportName, ReportResponse } from '@lingxi/contracts';
import type { ChartOption } from '../../ui/EChart.tsx';
import { palette } from '../dashboard/wallCharts.ts';
import type { TextKey } from '../dashboard/texts.ts';

// One chart per report, drawn from the same table the report returns (and its CSV has).

type T = (key: TextKey) => string;
type Rows = ReportResponse['rows'];
const num = (v: unknown) => (typeof v === 'number' ? v : null);
const col = (rows: Rows, key: string) => rows.map((r) => num(r[key]));
const label = (rows: Rows, key: string) => rows.map((r) => String(r[key] ?? ''));
const grid = { left: 40, right: 48, top: 36, bottom: 28, containLabel: true };
const pct = { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } };

function lines(x: string[], series: Array<{ name: string; data: Array<number | null>; type?: 'line' | 'bar'; yAxisIndex?: number; stack?: string }>, yAxis: unknown = { type: 'value' }): ChartOption {
  return {
    color: [...palette],
    grid,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: x },
    yAxis,
    series: series.map((s) => ({ type: s.type ?? 'line', smooth: s.type !== 'bar', connectNulls: true, barMaxWidth: 28, ...s })),
  };
}

export const reportCharts: Partial<Record<ReportName, (r: ReportResponse, t: T) => ChartOption | null>> = {
  volume: (r, t) => lines(label(r.rows, 'period'), [
    { name: t('sum.botResolved'), type: 'bar', stack: 'end', data: col(r.rows, 'botResolved') },
    { name: t('sum.humanResolved'), type: 'bar', stack: 'end', data: col(r.rows, 'humanResolved') },
    { name: t('sum.abandoned'), type: 'bar', stack: 'end', data: col(r.rows, 'abandoned') },
    { name: t('sum.conversations'), data: col(r.rows, 'conversations') },
  ]),
  resolution: (r, t) => lines(label(r.rows, 'period'), [
    { name: t('sum.botResolutionRate'), data: col(r.rows, 'botResolutionRate') },
    { name: t('sum.transferRate'), data: col(r.rows, 'transferRate') },
    { name: t('sum.firstContactResolutionRate'), data: col(r.rows, 'firstContactResolutionRate') },
  ], pct),
  response_times: (r, t) => lines(label(r.rows, 'period'), [
    { name: t('sum.avgFirstBotResponseMs'), data: col(r.rows, 'avgFirstBotResponseMs').map((v) => (v === null ? null : v / 1000)) },
    { name: t('sum.avgFirstHumanResponseMs'), data: col(r.rows, 'avgFirstHumanResponseMs').map((v) => (v === null ? null : v / 1000)) },
    { name: t('sum.avgWaitSeconds'), data: col(r.rows, 'avgWaitSeconds') },
    { name: t('sum.avgHandleSeconds'), type: 'bar', data: col(r.rows, 'avgHandleSeconds') },
  ], { type: 'value', name: 's' }),
  emotion: (r, t) => lines(label(r.rows, 'level'), [{ name: t('chart.messages'), type: 'bar', data: col(r.rows, 'messages') }]),
  abandonment: (r, t) => lines(label(r.rows, 'period'), [
    { name: t('sum.handedOff'), type: 'bar', data: col(r.rows, 'handedOff') },
    { name: t('sum.abandoned'), type: 'bar', data: col(r.rows, 'abandoned') },
    { name: t('sum.abandonmentRate'), data: col(r.rows, 'abandonmentRate'), yAxisIndex: 1 },
  ], [{ type: 'value', minInterval: 1 }, pct]),
  intents: (r, t) => {
    const top = r.rows.slice(0, 20);
    return lines(label(top, 'label').map((l) => (l.length > 12 ? `${l.slice(0, 11)}…` : l)), [
      { name: t('sum.conversations'), type: 'bar', data: col(top, 'conversations') },
      { name: t('chart.cumulative'), data: col(top, 'cumulativeShare'), yAxisIndex: 1 },
    ], [{ type: 'value', minInterval: 1 }, pct]);
  },
  forecast: (r, t) => lines(label(r.rows, 'hour').map((h) => h.slice(5, 13).replace('T', ' ')), [
    { name: t('chart.expected'), data: col(r.rows, 'expected') },
  ]),
  heatmap: (r, t) => {
    const days = [1, 2, 3, 4, 5, 6, 7].map((d) => t(`weekday.${d}` as TextKey));
    const max = Math.max(1, ...col(r.rows, 'conversations').map((v) => v ?? 0));
    return {
      tooltip: { position: 'top' },
      grid: { left: 48, right: 16, top: 8, bottom: 64 },
      xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => `${h}`), splitArea: { show: true } },
      yAxis: { type: 'category', data: days, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f1f5ff', '#2f6bff', '#0b2a7a'] } },
      series: [{ type: 'heatmap', data: r.rows.map((row) => [Number(row.hour), Number(row.weekday) - 1, Number(row.conversations)]), label: { show: false } }],
    };
  },
};

/**
 * Promoters, passives and detractors as one bar of 100%: the score is the green part minus the red part,
 * which a single number hides (0 can be all passives or half promoters and half detractors).
 */
export function npsOption(s: Pick<AnalyticsSummary, 'npsPromoters' | 'npsPassives' | 'npsDetractors'>, names: { promoters: string; passives: string; detractors: string }): ChartOption {
  const total = s.npsPromoters + s.npsPassives + s.npsDetractors;
  const share = (n: number) => (total > 0 ? n / total : 0);
  const part = (name: string, n: number, color: string) => ({
    name, type: 'bar', stack: 'nps', barWidth: 36, itemStyle: { color }, data: [share(n)],
    label: { show: n > 0, formatter: () => `${Math.round(share(n) * 100)}% (${n})`, color: '#fff', fontWeight: 600 },
    tooltip: { valueFormatter: () => `${n} · ${Math.round(share(n) * 100)}%` },
  });
  return {
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: false },
    legend: { top: 0 },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', min: 0, max: 1, show: false },
    yAxis: { type: 'category', data: ['NPS'], show: false },
    series: [part(names.detractors, s.npsDetractors, palette[3]), part(names.passives, s.npsPassives, '#94a3b8'), part(names.promoters, s.npsPromoters, palette[2])],
  };
}
