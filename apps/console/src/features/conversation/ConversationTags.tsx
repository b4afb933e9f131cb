import { useState } from 'react';
import { App, Button, Select, Space, Tag, Tooltip } from 'antd';
import { CheckOutlined, CloseOutlined, EditOutlined, TagsOutlined } from '@ant-design/icons';
import type { ConversationView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { errorText } from '../../ui/errorText.ts';
import { useResource } from '../../ui/useResource.ts';
import { useInboxTexts } from '../inbox/inboxTexts.ts';
import { dispositionLabel, useDispositions } from './dispositions.ts';

/** The conversation's outcome (once resolved) and its tags, editable in place while it is not closed. */
export function ConversationTags({ conversation, onChanged }: { conversation: ConversationView; onChanged(next: ConversationView): void }) {
  const { tryT } = useI18n();
  const { t, locale } = useInboxTexts();
  const { api } = useSignedIn();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<string[] | null>(null);
  const [saving, setSaving] = useState(false);
  const dispositions = useDispositions();
  const suggestions = useResource((signal) => (editing ? api.inbox.tags(signal) : Promise.resolve(null)), [api, editing !== null]);
  const editable = conversation.status !== 'closed';

  const save = async () => {
    if (!editing) return;
    setSaving(true);
    try {
      const result = await api.conversations.setTags(conversation.id, editing);
      onChanged(result.conversation);
      setEditing(null);
      void message.success(t('tags.saved'));
    } catch (error) {
      void message.error(errorText(error, tryT));
    } finally {
      setSaving(false);
    }
  };

  if (editing) {
    return (
      <Space.Compact style={{ width: '100%', maxWidth: 520 }}>
        <Select
          mode="tags"
          size="small"
          autoFocus
          style={{ flex: 1 }}
          value={editing}
          onChange={setEditing}
          tokenSeparators={[',', '，']}
          maxCount={20}
          placeholder={t('tags.placeholder')}
          aria-label={t('tags.edit')}
          options={(suggestions.data?.tags ?? []).map((x) => ({ value: x.tag, label: x.tag }))}
          onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
          data-testid="tags-editor"
        />
        <Button size="small" type="primary" icon={<CheckOutlined />} loading={saving} onClick={() => void save()} aria-label={tryT('common.save', 'Save')} />
        <Button size="small" icon={<CloseOutlined />} onClick={() => setEditing(null)} aria-label={tryT('common.cancel', 'Cancel')} />
      </Space.Compact>
    );
  }
  return (
    <Space size={4} wrap data-testid="conversation-tags">
      {conversation.disposition ? (
        <Tag color="green" data-testid="conversation-disposition">{t('resolve.disposition.label', { label: dispositionLabel(dispositions.data?.dispositions, conversation.disposition, locale) })}</Tag>
      ) : null}
      <TagsOutlined style={{ color: '#8c8c8c' }} aria-label={t('tags.title')} />
      {conversation.tags.map((tag) => <Tag key={tag} bordered={false} color="blue">{tag}</Tag>)}
      {editable ? (
        <Tooltip title={conversation.tags.length > 0 ? t('tags.edit') : t('tags.add')}>
          <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(conversation.tags)} aria-label={conversation.tags.length > 0 ? t('tags.edit') : t('tags.add')}>
            {conversation.tags.length === 0 ? t('tags.add') : null}
          </Button>
        </Tooltip>
      ) : conversation.tags.length === 0 ? <span style={{ color: '#8c8c8c', fontSize: 12 }}>{t('tags.none')}</span> : null}
    </Space>
  );
}
