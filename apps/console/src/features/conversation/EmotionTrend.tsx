import { useMemo } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { EChart, type ChartOption } from '../../ui/EChart.tsx';

const levelColors = ['#52c41a', '#95de64', '#fadb14', '#fa8c16', '#f5222d'];

/** Emotion level per customer turn (1 calm … 5 angry); the line turns red where handoff thresholds are. */
export function EmotionTrend({ levels, height = 90 }: { levels: readonly number[]; height?: number }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      grid: { left: 24, right: 8, top: 8, bottom: 20 },
      tooltip: { trigger: 'axis', formatter: (items: Array<{ dataIndex: number; value: number }>) => `${t('conversation.turn', { n: (items[0]?.dataIndex ?? 0) + 1 })}: ${t('conversation.emotionLevel')} ${items[0]?.value ?? ''}` },
      xAxis: { type: 'category', data: levels.map((_, i) => i + 1), axisTick: { show: false }, axisLabel: { fontSize: 10, color: '#8c8c8c' }, axisLine: { lineStyle: { color: '#e8e8e8' } } },
      yAxis: { type: 'value', min: 1, max: 5, interval: 1, axisLabel: { fontSize: 10, color: '#8c8c8c' }, splitLine: { lineStyle: { color: '#f5f5f5' } } },
      series: [
        {
          type: 'line',
          data: levels.map((level) => ({ value: level, itemStyle: { color: levelColors[Math.min(4, Math.max(0, level - 1))] } })),
          smooth: true,
          symbolSize: 6,
          lineStyle: { width: 2, color: '#fa8c16' },
          markLine: { silent: true, symbol: 'none', data: [{ yAxis: 4 }], lineStyle: { color: '#ffa39e', type: 'dashed' }, label: { show: false } },
        },
      ],
    }),
    [levels, t],
  );
  return <EChart option={option} height={height} label={`${t('conversation.emotion')}: ${levels.join(' → ')}`} />;
}
