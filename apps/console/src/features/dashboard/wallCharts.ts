import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import type { LiveFigures } from '@lingxi/contracts';
import type { ChartOption } from '../../ui/EChart.tsx';
import type { PulsePoint } from './wallModel.ts';

// The chart types the wall and the reports add to the console's ECharts build (registration is idempotent).
echarts.use([BarChart, HeatmapChart, LineChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent]);

export const palette = ['#2f6bff', '#f5a524', '#17b26a', '#e5484d', '#8e6bff', '#14b8c4'] as const;
const grid = { left: 40, right: 16, top: 32, bottom: 28, containLabel: true };

const hourLabel = (iso: string) => `${String(new Date(iso).getHours()).padStart(2, '0')}:00`;

export function trendOption(f: LiveFigures, names: { started: string; handedOff: string; resolved: string }): ChartOption {
  return {
    color: [...palette],
    grid,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [names.started, names.handedOff, names.resolved] },
    xAxis: { type: 'category', data: f.trend.map((h) => hourLabel(h.hour)), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: names.started, type: 'line', smooth: true, areaStyle: { opacity: 0.12 }, data: f.trend.map((h) => h.started) },
      { name: names.handedOff, type: 'line', smooth: true, data: f.trend.map((h) => h.handedOff) },
      { name: names.resolved, type: 'line', smooth: true, data: f.trend.map((h) => h.resolved) },
    ],
  };
}

export function pulseOption(history: readonly PulsePoint[], names: { active: string; queue: string }): ChartOption {
  const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return {
    color: [palette[0], palette[3]],
    grid,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [names.active, names.queue] },
    xAxis: { type: 'category', data: history.map((p) => time(p.at)), boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: names.active, type: 'line', step: 'end', showSymbol: false, data: history.map((p) => p.active) },
      { name: names.queue, type: 'line', step: 'end', showSymbol: false, areaStyle: { opacity: 0.15 }, data: history.map((p) => p.queue) },
    ],
  };
}

export function barsOption(items: ReadonlyArray<{ label: string; value: number }>, color: string = palette[0]): ChartOption {
  const sorted = [...items].sort((a, b) => a.value - b.value);
  return {
    color: [color],
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: sorted.map((i) => (i.label.length > 18 ? `${i.label.slice(0, 17)}…` : i.label)) },
    series: [{ type: 'bar', data: sorted.map((i) => i.value), label: { show: true, position: 'right' }, barMaxWidth: 22 }],
  };
}
