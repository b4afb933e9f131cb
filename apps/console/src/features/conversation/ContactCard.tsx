import { Card, Descriptions, Tag } from 'antd';
import type { ContactView, ConversationView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export function ContactCard({ contact, conversation, pastConversations }: { contact: ContactView; conversation: ConversationView; pastConversations: number | null }) {
  const { t, formatDateTime } = useI18n();
  const attributes = Object.entries(contact.attributes).filter(([, value]) => value !== null && typeof value !== 'object');
  return (
    <Card size="small" title={t('conversation.contact')}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('account.name')}>{contact.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('conversation.contactEmail')}>{contact.email ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('conversation.contactPhone')}>{contact.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('conversation.contactLocale')}>{contact.locale ?? conversation.locale ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('conversation.channel')}>{conversation.channel}</Descriptions.Item>
        <Descriptions.Item label={t('conversation.contactSince')}>{formatDateTime(contact.createdAt)}</Descriptions.Item>
        {pastConversations !== null ? <Descriptions.Item label={t('conversation.pastConversations')}>{pastConversations}</Descriptions.Item> : null}
        {attributes.map(([key, value]) => (
          <Descriptions.Item key={key} label={key}>{String(value)}</Descriptions.Item>
        ))}
      </Descriptions>
      {contact.vip || contact.humanOnly ? (
        <div style={{ marginTop: 8 }}>
          {contact.vip ? <Tag color="gold">{t('conversation.vip')}</Tag> : null}
          {contact.humanOnly ? <Tag color="purple">{t('conversation.humanOnly')}</Tag> : null}
        </div>
      ) : null}
    </Card>
  );
}
