import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { App, Badge, Button, Empty, Tag, Tooltip } from 'antd';
import { CompressOutlined, ExpandOutlined } from '@ant-design/icons';
import { AlertView, LiveFigures, type AlertView as Alert } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRealtime, useRealtimeEvents } from '../../lib/realtime.tsx';
import { EChart } from '../../ui/EChart.tsx';
import { PageHead } from '../../ui/PageHead.tsx';
import { ErrorState, Loading } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';
import { useAnalyticsApi } from './analyticsApi.ts';
import { useTexts, type TextKey } from './texts.ts';
import { barsOption, palette, pulseOption, trendOption } from './wallCharts.ts';
import { addPulse, alertSentence, tiles, type PulsePoint, type Tile } from './wallModel.ts';
import './dashboard.css';

/** The monitoring wall: every live figure, pushed over the socket (`analytics.live`), readable across a room. */
export default function DashboardPage() {
  const { t } = useTexts();
  const { formatDateTime } = useI18n();
  const api = useAnalyticsApi();
  const { connected } = useRealtime();
  const { message } = App.useApp();
  const live = useResource((signal) => api.live(signal), [api]);
  const [pulse, setPulse] = useState<PulsePoint[]>([]);
  const [wall, setWall] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useRealtimeEvents(['analytics.live', 'analytics.alert'], (event, payload) => {
    if (event === 'analytics.live') {
      const parsed = LiveFigures.safeParse(payload);
      if (parsed.success) live.setData(() => parsed.data);
    } else if (AlertView.safeParse(payload).success) live.reload();
  });
  useEffect(() => {
    if (live.data) setPulse((history) => addPulse(history, live.data!));
  }, [live.data]);
  useEffect(() => {
    const leave = () => setWall(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', leave);
    return () => document.removeEventListener('fullscreenchange', leave);
  }, []);

  const toggleWall = async () => {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await root.current?.requestFullscreen().catch(() => setWall((w) => !w));
  };
  const acknowledge = async (alert: Alert) => {
    try {
      await api.acknowledge(alert.id);
      live.setData((previous) => (previous ? { ...previous, openAlerts: previous.openAlerts.filter((a) => a.id !== alert.id) } : previous));
      void message.success(t('alerts.acked'));
    } catch (error) {
      void message.error((error as Error).message);
    }
  };

  const f = live.data;
  const groups = useMemo(() => (f ? tiles(f) : null), [f]);
  if (live.error && !f) return <ErrorState error={live.error} onRetry={live.reload} />;
  if (!f || !groups) return <Loading minHeight={320} />;

  const triggers = Object.entries(f.handoffsByTrigger).map(([trigger, value]) => ({ label: t(`trigger.${trigger}` as TextKey), value }));
  return (
    <div ref={root} className={`lx-wall${wall ? ' lx-wall--full' : ''}`}>
      <PageHead
        title={t('wall.title')}
        subtitle={t('wall.subtitle')}
        extra={
          <div className="lx-wall-status">
            <Badge status={connected ? 'processing' : 'error'} text={connected ? t('wall.live') : t('wall.offline')} />
            <span className="lx-wall-time">{t('wall.updated', { time: formatDateTime(f.at) })}</span>
            <Button icon={wall ? <CompressOutlined /> : <ExpandOutlined />} onClick={() => void toggleWall()}>{wall ? t('wall.exitFullscreen') : t('wall.fullscreen')}</Button>
          </div>
        }
      />
      <Section title={t('wall.section.now')} items={groups.now} />
      <Section title={t('wall.section.agents')} items={groups.agents} />
      <Section title={t('wall.section.today')} items={groups.today} />
      <div className="lx-wall-charts">
        <Panel title={t('chart.trend')} wide>
          <EChart height={220} label={t('chart.trend')} option={trendOption(f, { started: t('chart.trend.started'), handedOff: t('chart.trend.handedOff'), resolved: t('chart.trend.resolved') })} />
        </Panel>
        <Panel title={t('chart.pulse')} wide>
          <EChart height={220} label={t('chart.pulse')} option={pulseOption(pulse, { active: t('chart.pulse.active'), queue: t('chart.pulse.queue') })} />
        </Panel>
        <Panel title={t('chart.triggers')}>
          {triggers.length ? <EChart height={200} label={t('chart.triggers')} option={barsOption(triggers, palette[1])} /> : <Empty description={t('empty.triggers')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        </Panel>
        <Panel title={t('chart.intents')}>
          {f.topIntentsLastHour.length ? <EChart height={200} label={t('chart.intents')} option={barsOption(f.topIntentsLastHour.map((i) => ({ label: i.label, value: i.count })))} /> : <Empty description={t('empty.intents')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        </Panel>
        <Panel title={t('alerts.title')} wide>
          {f.openAlerts.length === 0 ? (
            <Empty description={t('alerts.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <ul className="lx-wall-alerts" aria-live="polite">
              {f.openAlerts.map((alert) => {
                const sentence = alertSentence(alert);
                return (
                  <li key={alert.id} className={`lx-wall-alert lx-wall-alert--${alert.severity}`}>
                    <Tag color={alert.severity === 'critical' ? 'red' : 'orange'}>{t(`severity.${alert.severity}` as TextKey)}</Tag>
                    <span className="lx-wall-alert-text">{t(sentence.key, sentence.vars)}</span>
                    <Tooltip title={formatDateTime(alert.raisedAt)}><span className="lx-wall-time">{formatDateTime(alert.raisedAt)}</span></Tooltip>
                    <Button size="small" onClick={() => void acknowledge(alert)}>{t('alerts.ack')}</Button>
                  </li>
                );
              })}
            </ul>
          )}
        </Panel>
      </div>
    </div>
  );
}

function Section({ title, items }: { title: string; items: Tile[] }) {
  const { t } = useTexts();
  return (
    <section className="lx-wall-section" aria-label={title}>
      <h2>{title}</h2>
      <div className="lx-wall-tiles">
        {items.map((tile) => (
          <div key={tile.key} className={`lx-tile lx-tile--${tile.tone}${tile.big ? ' lx-tile--big' : ''}`} data-figure={tile.key.slice(4)}>
            <div className="lx-tile-value">{tile.value}</div>
            <div className="lx-tile-label">{t(tile.key)}</div>
          </div>
        ))}
      </div>
    </section>
  );
}

function Panel({ title, wide, children }: { title: string; wide?: boolean; children: ReactNode }) {
  return (
    <section className={`lx-panel lx-wall-panel${wide ? ' lx-wall-panel--wide' : ''}`} aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}
