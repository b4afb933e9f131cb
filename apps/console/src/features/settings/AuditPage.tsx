import { useCallback, useEffect, useState } from 'react';
import { Button, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import type { AuditEntryView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRouter } from '../../lib/router.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { EmptyState, ErrorState } from '../../ui/StateViews.tsx';
import { PageHead } from '../../ui/PageHead.tsx';

type Entry = z.infer<typeof AuditEntryView>;
const PAGE = 50;
const KNOWN_ACTIONS = ['auth.login', 'auth.login_failed', 'auth.logout', 'auth.password_changed', 'user.created', 'user.password_reset', 'workspace.created', 'settings.bot_updated', 'settings.analytics_updated'];

export default function AuditPage() {
  const { t, tryT, formatDateTime } = useI18n();
  const { api } = useSignedIn();
  const { search, navigate } = useRouter();
  const action = search.get('action') ?? undefined;
  const [entries, setEntries] = useState<Entry[]>([]);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  const load = useCallback(
    async (before: string | undefined) => {
      setLoading(true);
      setError(null);
      try {
        const page = await api.audit.list({ action, before, limit: PAGE });
        setEntries((previous) => (before ? [...previous, ...page.entries] : page.entries));
        setNextBefore(page.nextBefore);
      } catch (cause) {
        setError(cause);
      } finally {
        setLoading(false);
      }
    },
    [api, action],
  );
  useEffect(() => {
    void load(undefined);
  }, [load, generation]);

  const actionLabel = (name: string) => tryT(`audit.action.${name}`, name);
  const setAction = (value: string | undefined) => navigate(`/console/settings/audit${value ? `?action=${encodeURIComponent(value)}` : ''}`, { replace: true });

  return (
    <>
      <PageHead title={t('audit.title')} subtitle={t('audit.subtitle')} extra={<Button icon={<ReloadOutlined />} onClick={() => setGeneration((g) => g + 1)}>{t('common.refresh')}</Button>} />
      <div className="lx-panel" style={{ padding: 16 }}>
        <Select
          allowClear
          showSearch
          aria-label={t('audit.filterAction')}
          placeholder={t('audit.filterAction')}
          value={action}
          onChange={setAction}
          style={{ width: 260, marginBottom: 12 }}
          options={[...new Set([...KNOWN_ACTIONS, ...(action ? [action] : [])])].map((name) => ({ value: name, label: `${actionLabel(name)} · ${name}` }))}
        />
        {error && entries.length === 0 ? (
          <ErrorState error={error} onRetry={() => setGeneration((g) => g + 1)} />
        ) : (
          <>
            <Table<Entry>
              rowKey="id"
              size="small"
              loading={loading && entries.length === 0}
              dataSource={entries}
              pagination={false}
              locale={{ emptyText: loading ? ' ' : <EmptyState compact title={action ? t('audit.emptyFiltered', { action: actionLabel(action) }) : t('audit.empty')} /> }}
              columns={[
                { title: t('audit.time'), dataIndex: 'at', width: 190, render: (at: string) => <time dateTime={at}>{formatDateTime(at)}</time> },
                { title: t('audit.actor'), dataIndex: 'actorEmail', width: 220, render: (email: string | null) => email ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text> },
                { title: t('audit.action'), dataIndex: 'action', width: 200, render: (name: string) => <Tooltip title={name}><Tag color={name.includes('failed') ? 'red' : 'blue'}>{actionLabel(name)}</Tag></Tooltip> },
                { title: t('audit.target'), key: 'target', render: (_: unknown, e) => (e.targetType ? <Typography.Text>{e.targetType}{typeof e.detail.email === 'string' ? ` · ${e.detail.email}` : e.targetId ? ` · ${e.targetId.slice(0, 8)}` : ''}</Typography.Text> : '—') },
                { title: t('audit.ip'), dataIndex: 'ip', width: 140, render: (ip: string | null, e) => <Tooltip title={e.userAgent}>{ip ?? '—'}</Tooltip> },
                {
                  title: t('audit.detail'),
                  dataIndex: 'detail',
                  ellipsis: true,
                  render: (detail: Record<string, unknown>) => {
                    const text = Object.keys(detail).length ? JSON.stringify(detail) : '—';
                    return <div className="lx-one-line" title={text}>{text}</div>;
                  },
                },
              ]}
            />
            <div style={{ textAlign: 'center', marginTop: 12 }}>
              {error && entries.length > 0 ? <ErrorState compact error={error} onRetry={() => void load(nextBefore ?? undefined)} /> : null}
              {nextBefore ? (
                <Button onClick={() => void load(nextBefore)} loading={loading}>{t('common.loadMore')}</Button>
              ) : entries.length > 0 ? (
                <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
              ) : null}
            </div>
          </>
        )}
      </div>
    </>
  );
}
