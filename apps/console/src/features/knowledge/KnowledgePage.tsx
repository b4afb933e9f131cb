import { useEffect, useState, type ReactNode } from 'react';
import { App, Button, Dropdown, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { CloudDownloadOutlined, CloudUploadOutlined, PlusOutlined } from '@ant-design/icons';
import { KnowledgeChannel, KnowledgeStatus, type KnowledgeEntryView } from '@lingxi/contracts';
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
import { useEditorTexts } from './editorTexts.ts';
import { CHANNELS } from './EntryFields.tsx';
import { useKnowledgeFilesApi, type ExportFormat } from './knowledgeFilesApi.ts';
import { PublishButton } from './PublishButton.tsx';
import { TryBotPanel } from './TryBotPanel.tsx';
import { ValidityTag } from './ValidityTag.tsx';

const PAGE = 50;
export const statusColors = { draft: 'default', published: 'green', archived: 'default' } as const;

/** What to do next, under an empty list's title. */
function EmptyHint({ text, children }: { text: string; children: ReactNode }) {
  return (
    <div style={{ display: 'grid', gap: 8, justifyItems: 'center' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{text}</Typography.Text>
      {children}
    </div>
  );
}

export default function KnowledgePage() {
  const { t, tryT, formatDateTime } = useI18n();
  const { api, session } = useSignedIn();
  const { message } = App.useApp();
  const { search, navigate } = useRouter();
  const q = search.get('q') ?? '';
  // A status or channel the server does not know (an edited address) is no filter.
  const status = KnowledgeStatus.safeParse(search.get('status')).data;
  const category = search.get('category') ?? undefined;
  const tag = search.get('tag') ?? undefined;
  const channel = KnowledgeChannel.safeParse(search.get('channel')).data;
  const filtered = Boolean(q || status || category || tag || channel);
  const { t: et } = useEditorTexts();
  const page = Math.max(1, Number(search.get('page') ?? '1') || 1);
  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
  const [importing, setImporting] = useState(false);
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
  const list = useResource(
    (signal) => api.knowledge.list({ q: q || undefined, status, category, tag, channel, limit: PAGE, offset: (page - 1) * PAGE }, signal),
    [api, q, status, category, tag, channel, page],
  );
  const facets = useResource((signal) => api.knowledge.facets(signal), [api, list.data?.total]);

  type Filters = { q?: string; status?: string; category?: string; tag?: string; channel?: string; page?: number };
  const setQuery = (next: Filters) => {
    const merged: Filters = { q, status, category, tag, channel, ...next };
    const query = new URLSearchParams();
    for (const key of ['q', 'status', 'category', 'tag', 'channel'] as const) if (merged[key]) query.set(key, merged[key]!);
    if (next.page && next.page > 1) query.set('page', String(next.page));
    navigate(`/console/knowledge${query.size ? `?${query}` : ''}`, { replace: true });
  };
  const clearFilters = () => {
    setTyped('');
    navigate('/console/knowledge', { replace: true });
  };
  const facetOptions = (items: { name: string; count: number }[] | undefined) => (items ?? []).map((f) => ({ value: f.name, label: `${f.name} (${f.count})` }));

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
                <PublishButton />
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
                <Select
                  allowClear
                  showSearch
                  aria-label={et('filter.category')}
                  placeholder={et('filter.category')}
                  value={category}
                  onChange={(value: string | undefined) => setQuery({ category: value, page: 1 })}
                  style={{ width: 160 }}
                  options={facetOptions(facets.data?.categories)}
                />
                <Select
                  allowClear
                  showSearch
                  aria-label={t('knowledge.tags')}
                  placeholder={t('knowledge.tags')}
                  value={tag}
                  onChange={(value: string | undefined) => setQuery({ tag: value, page: 1 })}
                  style={{ width: 160 }}
                  options={facetOptions(facets.data?.tags)}
                />
                <Select
                  allowClear
                  aria-label={et('channels')}
                  placeholder={et('channels')}
                  value={channel}
                  onChange={(value: string | undefined) => setQuery({ channel: value, page: 1 })}
                  style={{ width: 120 }}
                  options={CHANNELS.map((c) => ({ value: c, label: et(`channel.${c}`) }))}
                />
                {filtered ? <Button type="link" onClick={clearFilters}>{et('filter.clear')}</Button> : null}
                {list.data ? <Typography.Text type="secondary">{t('knowledge.total', { n: list.data.total })}</Typography.Text> : null}
              </Space>
              <Table<KnowledgeEntryView>
                rowKey="id"
                size="middle"
                tableLayout="fixed"
                loading={list.loading}
                dataSource={list.data?.entries ?? []}
                pagination={
                  list.data && list.data.total > PAGE
                    ? { current: page, pageSize: PAGE, total: list.data.total, showSizeChanger: false, showQuickJumper: list.data.total > PAGE * 10, showTotal: (n) => t('knowledge.total', { n }), onChange: (p) => setQuery({ page: p }) }
                    : false
                }
                locale={{
                  emptyText: list.loading ? ' ' : filtered ? (
                    <EmptyState compact title={q ? t('knowledge.emptySearch', { q }) : et('list.emptyFiltered')} action={<EmptyHint text={et('list.emptyFilteredHint')}><Button onClick={clearFilters}>{et('filter.clear')}</Button></EmptyHint>} />
                  ) : (
                    <EmptyState compact title={t('knowledge.empty')} action={<EmptyHint text={et('list.emptyHint')}>{canManage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/console/knowledge/new')}>{t('knowledge.new')}</Button> : null}</EmptyHint>} />
                  ),
                }}
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
                        {s !== 'archived' ? <div><ValidityTag entry={entry} /></div> : null}
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
