import { useEffect, useState } from 'react';
import { App, Button, Dropdown, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { CloudDownloadOutlined, CloudUploadOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { KnowledgeEntryView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isApiError } from '../../lib/api/client.ts';
import { Link, useRouter } from '../../lib/router.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { errorText } from '../../ui/errorText.ts';
import { EmptyState, ErrorState } from '../../ui/StateViews.tsx';
import { PageHead } from '../../ui/PageHead.tsx';
import { useResource } from '../../ui/useResource.ts';
import { ImportDialog } from './ImportDialog.tsx';
import { useImportTexts } from './importTexts.ts';
import { useKnowledgeFilesApi, type ExportFormat } from './knowledgeFilesApi.ts';
import { TryBotPanel } from './TryBotPanel.tsx';

const PAGE = 50;
export const statusColors = { draft: 'default', published: 'green', archived: 'default' } as const;

export default function KnowledgePage() {
  const { t, tryT, formatDateTime } = useI18n();
  const { api, session } = useSignedIn();
  const { message } = App.useApp();
  const { search, navigate } = useRouter();
  const q = search.get('q') ?? '';
  const status = search.get('status') ?? undefined;
  const page = Math.max(1, Number(search.get('page') ?? '1') || 1);
  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
  const [importing, setImporting] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const canManage = session.user.role !== 'agent';
  const files = useKnowledgeFilesApi();
  const { t: ft } = useImportTexts();
  const [exporting, setExporting] = useState(false);
  const exportAs = async (format: ExportFormat) => {
    setExporting(true);
    try {
      await files.download(format, `lingxi-knowledge-${new Date().toISOString().slice(0, 10)}.${format}`);
    } catch (error) {
      void message.error(ft('export.failed', { reason: errorText(error, tryT) }));
    } finally {
      setExporting(false);
    }
  };
  const list = useResource((signal) => api.knowledge.list({ q: q || undefined, status, limit: PAGE, offset: (page - 1) * PAGE }, signal), [api, q, status, page]);

  const setQuery = (next: { q?: string; status?: string | undefined; page?: number }) => {
    const query = new URLSearchParams();
    const nq = next.q ?? q;
    const ns = 'status' in next ? next.status : status;
    if (nq) query.set('q', nq);
    if (ns) query.set('status', ns);
    if (next.page && next.page > 1) query.set('page', String(next.page));
    navigate(`/console/knowledge${query.size ? `?${query}` : ''}`, { replace: true });
  };

  const publish = async () => {
    setPublishing(true);
    try {
      const { model } = await api.knowledge.publish();
      void message.success(t('knowledge.published', { version: model.version, entries: model.entries }));
    } catch (error) {
      void message.error(errorText(error, tryT));
    } finally {
      setPublishing(false);
    }
  };

  const unavailable = isApiError(list.error) && list.error.status === 404 && list.error.code === 'NOT_FOUND';
  return (
    <>
      <PageHead
        title={t('knowledge.title')}
        subtitle={t('knowledge.subtitle')}
        extra={
          <Space>
            <Dropdown
              trigger={['click']}
              menu={{ items: (['xlsx', 'csv', 'jsonl'] as const).map((format) => ({ key: format, label: ft(`export.${format}`) })), onClick: ({ key }) => void exportAs(key as ExportFormat) }}
            >
              <Button icon={<CloudDownloadOutlined />} loading={exporting}>{ft('export.menu')}</Button>
            </Dropdown>
            {canManage ? (
              <>
                <Button icon={<CloudUploadOutlined />} onClick={() => setImporting(true)}>{t('knowledge.import')}</Button>
                <Button icon={<ThunderboltOutlined />} loading={publishing} onClick={() => void publish()}>{t('knowledge.publish')}</Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/console/knowledge/new')}>{t('knowledge.new')}</Button>
              </>
            ) : null}
          </Space>
        }
      />
      <div className="lx-kb">
        <div className="lx-panel" style={{ padding: 16, minWidth: 0 }}>
          {unavailable ? (
            <EmptyState title={t('knowledge.notAvailable')} />
          ) : list.error && !list.data ? (
            <ErrorState error={list.error} onRetry={list.reload} />
          ) : (
            <>
              <Space style={{ marginBottom: 12 }} wrap>
                <Input.Search
                  allowClear
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  onSearch={(value) => setQuery({ q: value.trim(), page: 1 })}
                  placeholder={t('knowledge.searchPlaceholder')}
                  aria-label={t('knowledge.searchPlaceholder')}
                  style={{ width: 320 }}
                />
                <Select
                  allowClear
                  aria-label={t('knowledge.status')}
                  placeholder={t('knowledge.status')}
                  value={status}
                  onChange={(value: string | undefined) => setQuery({ status: value, page: 1 })}
                  style={{ width: 140 }}
                  options={(['draft', 'published', 'archived'] as const).map((s) => ({ value: s, label: t(`knowledge.status.${s}`) }))}
                />
                {list.data ? <Typography.Text type="secondary">{t('knowledge.total', { n: list.data.total })}</Typography.Text> : null}
              </Space>
              <Table<KnowledgeEntryView>
                rowKey="id"
                size="middle"
                tableLayout="fixed"
                loading={list.loading}
                dataSource={list.data?.entries ?? []}
                pagination={list.data && list.data.total > PAGE ? { current: page, pageSize: PAGE, total: list.data.total, showSizeChanger: false, onChange: (p) => setQuery({ page: p }) } : false}
                locale={{ emptyText: list.loading ? ' ' : <EmptyState compact title={q ? t('knowledge.emptySearch', { q }) : t('knowledge.empty')} /> }}
                columns={[
                  {
                    title: t('knowledge.question'),
                    dataIndex: 'question',
                    render: (question: string, entry) => (
                      <div>
                        <Link to={`/console/knowledge/${entry.id}`}>{question}</Link>
                        {entry.similarQuestions.length > 0 ? (
                          <div className="lx-one-line" title={entry.similarQuestions.join('\n')}>{entry.similarQuestions.join(' · ')}</div>
                        ) : null}
                      </div>
                    ),
                  },
                  { title: t('knowledge.category'), dataIndex: 'category', width: 116, render: (c: string | null) => c ?? '—' },
                  { title: t('knowledge.tags'), dataIndex: 'tags', width: 140, render: (tags: string[]) => tags.map((tag) => <Tag key={tag} bordered={false}>{tag}</Tag>) },
                  {
                    title: t('knowledge.status'),
                    dataIndex: 'status',
                    width: 110,
                    render: (s: KnowledgeEntryView['status'], entry) => (
                      <span style={{ whiteSpace: 'nowrap' }}>
                        <Tag color={statusColors[s]}>{t(`knowledge.status.${s}`)}</Tag>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>v{entry.version}</Typography.Text>
                      </span>
                    ),
                  },
                  { title: t('knowledge.updated'), dataIndex: 'updatedAt', width: 110, render: (at: string) => <span title={formatDateTime(at)}>{formatDateTime(at).slice(0, 10)}</span> },
                ]}
              />
            </>
          )}
        </div>
        <TryBotPanel />
      </div>
      {canManage ? <ImportDialog open={importing} onClose={() => setImporting(false)} onImported={list.reload} /> : null}
    </>
  );
}
