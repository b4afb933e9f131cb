import { useState } from 'react';
import { App, Button, Card, List, Popconfirm, Tag, Typography } from 'antd';
import type { KnowledgeEntryView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { errorText } from '../../ui/errorText.ts';
import { ErrorState } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';
import { useEditorTexts } from './editorTexts.ts';
import { actionOf, versionChanges, type FieldChange } from './versionChanges.ts';

const clip = (s: string) => (s.length > 280 ? `${s.slice(0, 280)}…` : s);

/** One field's change: removed text struck through in red, added text in green, like a review diff. */
function ChangeRow({ change }: { change: FieldChange }) {
  const { t } = useEditorTexts();
  const { formatDateTime, tryT } = useI18n();
  const shown = (v: string | null) => {
    if (v === null) return t('versions.empty');
    if (change.field === 'validFrom' || change.field === 'validTo') return formatDateTime(v);
    if (change.field === 'status') return tryT(`knowledge.status.${v}`, v);
    return clip(v);
  };
  return (
    <div style={{ fontSize: 12, marginBottom: 6 }}>
      <Typography.Text strong style={{ fontSize: 12 }}>{t(`field.${change.field}`)}</Typography.Text>
      <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {change.kind === 'text' ? (
          <>
            {change.before !== null ? <del className="lx-diff-del" style={{ background: '#fff1f0', color: '#a8071a' }}>{shown(change.before)}</del> : null}
            {change.before !== null && change.after !== null ? ' → ' : null}
            <ins className="lx-diff-ins" style={{ background: '#f6ffed', color: '#135200', textDecoration: 'none' }}>{change.after === null ? (change.before === null ? '' : t('versions.empty')) : shown(change.after)}</ins>
          </>
        ) : (
          <>
            {change.removed.map((x) => <del key={`-${x}`} className="lx-diff-del" style={{ display: 'block', background: '#fff1f0', color: '#a8071a' }}>− {x}</del>)}
            {change.added.map((x) => <ins key={`+${x}`} className="lx-diff-ins" style={{ display: 'block', background: '#f6ffed', color: '#135200', textDecoration: 'none' }}>+ {x}</ins>)}
          </>
        )}
      </div>
    </div>
  );
}

export function VersionHistory({ entryId, currentVersion, canRestore, onRestored }: { entryId: string; currentVersion: number; canRestore: boolean; onRestored(entry: KnowledgeEntryView): void }) {
  const { t, tryT, formatDateTime } = useI18n();
  const { t: et } = useEditorTexts();
  const { api } = useSignedIn();
  const { message } = App.useApp();
  const versions = useResource(() => api.knowledge.versions(entryId), [api, entryId, currentVersion]);
  const [restoring, setRestoring] = useState<number | null>(null);
  // The current version's changes show unless closed: "what did the last edit do" is the usual question.
  const [toggled, setToggled] = useState<Set<number>>(() => new Set());
  const toggle = (v: number) => setToggled((s) => {
    const next = new Set(s);
    if (next.has(v)) next.delete(v);
    else next.add(v);
    return next;
  });

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

  const list = versions.data?.versions ?? [];
  return (
    <Card size="small" title={t('knowledge.versions')}>
      {versions.error && !versions.data ? (
        <ErrorState compact error={versions.error} onRetry={versions.reload} />
      ) : (
        <List
          size="small"
          loading={versions.loading && !versions.data}
          dataSource={list}
          renderItem={(v, i) => {
            // Newest first: the version before this one is the next in the list.
            const changes = versionChanges(list[i + 1]?.snapshot ?? null, v.snapshot);
            const { action, from } = actionOf(v.action);
            const expanded = (v.version === currentVersion) !== toggled.has(v.version);
            return (
              <List.Item
                style={{ display: 'block' }}
                data-testid={`version-${v.version}`}
              >
                <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: 8 }}>
                  <span>
                    v{v.version} · {tryT(`knowledge.action.${action}`, action)}
                    {from !== null ? ` (${et('versions.restoredFrom', { n: from })})` : null}
                    {v.version === currentVersion ? <Tag style={{ marginLeft: 6 }} color="blue">{et('versions.current')}</Tag> : null}
                  </span>
                  <span style={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" type="link" aria-expanded={expanded} onClick={() => toggle(v.version)}>{expanded ? et('versions.hideChanges') : `${et('versions.changes')} (${changes.length})`}</Button>
                    {canRestore && v.version !== currentVersion ? (
                      <Popconfirm title={et('versions.restoreConfirm', { n: v.version })} onConfirm={() => void restore(v.version)} okText={t('knowledge.restore')} cancelText={t('common.cancel')}>
                        <Button size="small" type="link" loading={restoring === v.version}>{t('knowledge.restore')}</Button>
                      </Popconfirm>
                    ) : null}
                  </span>
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(v.changedAt)}{v.changedBy ? ` · ${v.changedBy}` : ''}</Typography.Text>
                {expanded ? (
                  <div style={{ marginTop: 6, borderLeft: '2px solid #f0f0f0', paddingLeft: 8 }}>
                    {changes.length ? changes.map((c) => <ChangeRow key={c.field} change={c} />) : <Typography.Text type="secondary" style={{ fontSize: 12 }}>{et('versions.noChange')}</Typography.Text>}
                  </div>
                ) : null}
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
