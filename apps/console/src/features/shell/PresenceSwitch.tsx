import { useEffect, useState } from 'react';
import { App, Select } from 'antd';
import { isApiError } from '../../lib/api/client.ts';
import type { PresenceStatus } from '../../lib/api/endpoints.ts';
import { useSignedIn } from '../../lib/session.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const STORAGE_KEY = 'lingxi.presence';
const colors: Record<PresenceStatus, string> = { online: '#52c41a', away: '#faad14', offline: '#bfbfbf' };

function remembered(): PresenceStatus {
  const value = window.localStorage.getItem(STORAGE_KEY);
  return value === 'away' || value === 'offline' ? value : 'online';
}

/** Opening the console restores the agent's last presence; hidden while the server has no presence route. */
export function PresenceSwitch() {
  const { api } = useSignedIn();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [status, setStatus] = useState<PresenceStatus>(remembered);
  const [available, setAvailable] = useState<boolean | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api.presence.set(remembered()).then(
      () => !cancelled && setAvailable(true),
      (error: unknown) => !cancelled && setAvailable(!(isApiError(error) && (error.status === 404 || error.status === 405))),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  if (!available) return null;
  const change = async (next: PresenceStatus) => {
    const previous = status;
    setStatus(next);
    setSaving(true);
    try {
      await api.presence.set(next);
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      setStatus(previous);
      void message.error(t('presence.failed'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Select<PresenceStatus>
      aria-label={t('header.presence')}
      value={status}
      loading={saving}
      onChange={change}
      style={{ width: 112 }}
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
  );
}
