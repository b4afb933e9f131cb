import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { Input, Select, type InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { ConversationStatus } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { useResource } from '../../ui/useResource.ts';
import { CHANNELS, EMOTION_CHOICES, type InboxFilters } from './inboxModel.ts';
import { useInboxTexts } from './inboxTexts.ts';

export type InboxFilterBarHandle = { focusSearch(): void };
type Change = Partial<Omit<InboxFilters, 'tab'>>;

/** Search box and the status / channel / tag / emotion selects above the list; every change goes to the URL. */
export const InboxFilterBar = forwardRef<InboxFilterBarHandle, { filters: InboxFilters; onChange(change: Change): void }>(function InboxFilterBar({ filters, onChange }, ref) {
  const { t } = useI18n();
  const { t: it } = useInboxTexts();
  const { api } = useSignedIn();
  const search = useRef<InputRef>(null);
  const [draft, setDraft] = useState(filters.q ?? '');
  useImperativeHandle(ref, () => ({ focusSearch: () => search.current?.focus({ cursor: 'all' }) }));
  // The URL is the truth (back/forward, a pasted link); typing waits a moment before it asks the server.
  useEffect(() => setDraft(filters.q ?? ''), [filters.q]);
  useEffect(() => {
    if (draft.trim() === (filters.q ?? '')) return;
    const timer = setTimeout(() => onChange({ q: draft.trim() || undefined }), 350);
    return () => clearTimeout(timer);
  }, [draft, filters.q, onChange]);
  const tags = useResource((signal) => api.inbox.tags(signal), [api]);
  const tagOptions = (tags.data?.tags ?? []).map((x) => ({ value: x.tag, label: `${x.tag} · ${x.conversations}` }));
  if (filters.tag && !tagOptions.some((o) => o.value === filters.tag)) tagOptions.unshift({ value: filters.tag, label: filters.tag });
  const small = { size: 'small' as const, allowClear: true, style: { width: '100%' }, popupMatchSelectWidth: false };

  return (
    <div className="lx-inbox-filters" style={{ display: 'flex', flexDirection: 'column', gap: 6, padding: '8px 0 10px' }}>
      <Input
        ref={search}
        size="small"
        allowClear
        prefix={<SearchOutlined />}
        placeholder={it('inbox.search')}
        aria-label={it('inbox.searchLabel')}
        title={it('inbox.searchShortcut')}
        value={draft}
        maxLength={100}
        onChange={(e) => setDraft(e.target.value)}
        onPressEnter={() => onChange({ q: draft.trim() || undefined })}
        onKeyDown={(e) => e.key === 'Escape' && (e.target as HTMLInputElement).blur()}
        data-testid="inbox-search"
      />
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 6 }}>
        <Select {...small} aria-label={t('inbox.filterStatus')} placeholder={t('inbox.filterStatus')} value={filters.status} onChange={(status?: ConversationStatus) => onChange({ status })}
          options={ConversationStatus.options.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <Select {...small} aria-label={it('inbox.filterChannel')} placeholder={it('inbox.filterChannel')} value={filters.channel} onChange={(channel?: string) => onChange({ channel })}
          options={CHANNELS.map((c) => ({ value: c, label: it(`inbox.channel.${c}`) }))} />
        <Select {...small} showSearch aria-label={it('inbox.filterTag')} placeholder={it('inbox.filterTag')} value={filters.tag} onChange={(tag?: string) => onChange({ tag })}
          loading={tags.loading} options={tagOptions} optionFilterProp="value" notFoundContent={it('tags.none')} />
        <Select {...small} aria-label={it('inbox.filterEmotion')} placeholder={it('inbox.filterEmotion')} value={filters.emotion} onChange={(emotion?: string) => onChange({ emotion })}
          options={EMOTION_CHOICES.map((e) => ({ value: e, label: it(`inbox.emotion.${e}`) }))} />
      </div>
    </div>
  );
});
