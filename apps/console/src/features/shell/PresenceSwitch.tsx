import { useEffect, useState } from 'react';
import { App, Select, Tooltip, Typography } from 'antd';
import type { AgentView } from '@lingxi/contracts';
import { isApiError } from '../../lib/api/client.ts';
import type { PresenceStatus } from '../../lib/api/endpoints.ts';
import { useSignedIn } from '../../lib/session.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRealtimeEvents } from '../../lib/realtime.tsx';
import { askForDesktopNotices } from './offerAlert.ts';

const STORAGE_KEY = 'lingxi.presence';
const colors: Record<PresenceStatus, string> = { online: '#52c41a', away: '#faad14', offline: '#bfbfbf' };

function remembered(): PresenceStatus | null {
  const value = window.localStorage.getItem(STORAGE_KEY);
  return value === 'online' || value === 'away' || value === 'offline' ? value : null;
}

/**
 * Shows and sets the agent's presence with their load. When the server moved them to away (all their tabs
 * were closed for a while), opening the console again restores the presence they chose last. Hidden while
 * the server has no presence routes.
 */
export function PresenceSwitch() {
  const { api, session } = useSignedIn();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [agent, setAgent] = useState<AgentView | null>(null);
  const [available, setAvailable] = useState(true);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      try {
        let { agent: current } = await api.presence.mine();
        const chosen = remembered();
        if (chosen && chosen !== current.status && current.status === 'away') current = (await api.presence.set(chosen)).agent;
        if (!cancelled) setAgent(current);
      } catch (error) {
        if (!cancelled && isApiError(error) && (error.status === 404 || error.status === 405)) setAvailable(false);
      }
    };
    void load();
    return () => {
      cancelled = true;
    };
  }, [api]);

  // The server changes presence too (away after every tab closed) and load changes with each assignment.
  useRealtimeEvents(['agent.presence_changed', 'conversation.updated'], (_event, payload) => {
    const about = (payload as { userId?: unknown; agentId?: unknown; assigneeId?: unknown } | null) ?? {};
    const mine = [about.userId, about.agentId, about.assigneeId].includes(session.user.id);
    if (mine) api.presence.mine().then(({ agent: current }) => setAgent(current), () => undefined);
  });

  if (!available || !agent) return null;
  const change = async (next: PresenceStatus) => {
    if (next === 'online') askForDesktopNotices();
    setSaving(true);
    try {
      setAgent((await api.presence.set(next)).agent);
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      void message.error(t('presence.failed'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <Tooltip title={t('header.load')}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} aria-label={t('header.load')}>
          {agent.activeConversations}/{agent.capacity}
        </Typography.Text>
      </Tooltip>
      <Select<PresenceStatus>
        aria-label={t('header.presence')}
        value={agent.status}
        loading={saving}
        onChange={change}
        style={{ width: 104 }}
        variant="filled"
        options={(['online', 'away', 'offline'] as const).map((value) => ({
          value,
          label: (
            <span>
              <span className="lx-dot" style={{ background: colors[value] }} /> {t(`presence.${value}`)}
            </span>
          ),
        }))}
      />
    </span>
  );
}
