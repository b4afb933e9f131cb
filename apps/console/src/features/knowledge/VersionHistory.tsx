import { useState } from 'react';
import { App, Button, Card, List, Typography } from 'antd';
import type { KnowledgeEntryView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { errorText } from '../../ui/errorText.ts';
import { ErrorState } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';

export function VersionHistory({ entryId, currentVersion, canRestore, onRestored }: { entryId: string; currentVersion: number; canRestore: boolean; onRestored(entry: KnowledgeEntryView): void }) {
  const { t, tryT, formatDateTime } = useI18n();
  const { api } = useSignedIn();
  const { message } = App.useApp();
  const versions = useResource(() => api.knowledge.versions(entryId), [api, entryId, currentVersion]);
  const [restoring, setRestoring] = useState<number | null>(null);

  const restore = async (version: number) => {
    setRestoring(version);
    try {
      const { entry } = await api.knowledge.restore(entryId, version);
      onRestored(entry);
      void message.success(t('knowledge.restored', { version }));
    } catch (error) {
      void message.error(errorText(error, tryT));
    } finally {
      setRestoring(null);
    }
  };

  return (
    <Card size="small" title={t('knowledge.versions')}>
      {versions.error && !versions.data ? (
        <ErrorState compact error={versions.error} onRetry={versions.reload} />
      ) : (
        <List
          size="small"
          loading={versions.loading && !versions.data}
          dataSource={versions.data?.versions ?? []}
          renderItem={(v) => (
            <List.Item
              actions={canRestore && v.version !== currentVersion ? [<Button key="restore" size="small" type="link" loading={restoring === v.version} onClick={() => void restore(v.version)}>{t('knowledge.restore')}</Button>] : []}
            >
              <List.Item.Meta
                title={<span>v{v.version} · {tryT(`knowledge.action.${v.action}`, v.action)}</span>}
                description={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(v.changedAt)}{v.changedBy ? ` · ${v.changedBy}` : ''}</Typography.Text>}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
