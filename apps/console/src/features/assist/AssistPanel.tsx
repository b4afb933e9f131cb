import { Alert, Button, Card, Collapse, Tag, Tooltip, Typography } from 'antd';
import { BulbOutlined, HeartOutlined, ReloadOutlined } from '@ant-design/icons';
import type { AssistResponse } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { useShortcuts } from '../../ui/keyboard.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';

const QUICK_KEYS = ['1', '2', '3'] as const;

/**
 * AI assist beside the transcript: replies drafted from the knowledge base for the customer's latest message,
 * knowledge cards, and a soothing script with the compensation policy when the customer is upset.
 * Reloads when `forMessage` (the latest customer message id) changes.
 */
export function AssistPanel({ conversationId, forMessage, canUse, onUse }: { conversationId: string; forMessage: string | null; canUse: boolean; onUse(text: string): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const assist = useResource((signal) => api.assist.forConversation(conversationId, signal), [api, conversationId, forMessage]);
  const data: AssistResponse | null = assist.data;
  const suggestions = data?.suggestions.slice(0, QUICK_KEYS.length) ?? [];

  // 1/2/3 put a suggestion into the reply box when the agent is not typing.
  useShortcuts(Object.fromEntries(suggestions.map((s, i) => [QUICK_KEYS[i]!, () => canUse && onUse(s.text)])));

  const head = (
    <span>
      <BulbOutlined /> {t('assist.title')}
      {data?.emotion && data.emotion.level >= 3 ? <Tag color={data.emotion.level >= 4 ? 'red' : 'orange'} style={{ marginInlineStart: 8 }}>{t('assist.emotion', { level: data.emotion.level })}</Tag> : null}
    </span>
  );
  const refresh = <Tooltip title={t('common.refresh')}><Button size="small" type="text" icon={<ReloadOutlined />} loading={assist.loading && !!data} onClick={assist.reload} aria-label={t('common.refresh')} /></Tooltip>;

  let body;
  if (assist.error && !data) body = <ErrorState compact error={assist.error} onRetry={assist.reload} title={t('assist.loadFailed')} />;
  else if (!data) body = <Loading minHeight={120} label={t('assist.loading')} />;
  else if (!data.messageId) body = <EmptyState compact title={t('assist.noCustomerMessage')} />;
  else
    body = (
      <div className="lx-assist" data-testid="assist-panel">
        {data.soothing ? (
          <Alert
            type={data.soothing.emotionLevel >= 4 ? 'error' : 'warning'}
            showIcon
            icon={<HeartOutlined />}
            className="lx-assist-soothing"
            title={t('assist.soothingTitle', { level: data.soothing.emotionLevel })}
            description={
              <div role="group" aria-label={t('assist.soothingTitle', { level: data.soothing.emotionLevel })}>
                <Typography.Paragraph style={{ margin: '4px 0' }}>{data.soothing.script}</Typography.Paragraph>
                <Button size="small" disabled={!canUse} onClick={() => onUse(data.soothing!.script)}>{t('assist.use')}</Button>
                <div className="lx-assist-compensation">
                  <Typography.Text strong>{t('assist.compensation')}</Typography.Text>
                  <Typography.Paragraph style={{ margin: '2px 0 0' }}>{data.soothing.compensation.text}</Typography.Paragraph>
                  <Tag color="gold">{t('assist.maxCoupon', { yuan: data.soothing.compensation.maxCouponYuan })}</Tag>
                  <Tag color={data.soothing.compensation.allowExpressRefund ? 'green' : 'default'}>{t(data.soothing.compensation.allowExpressRefund ? 'assist.expressRefundYes' : 'assist.expressRefundNo')}</Tag>
                </div>
              </div>
            }
          />
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('assist.suggestionsFor')}</Typography.Text>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '0 0 8px', fontStyle: 'italic' }}>“{data.text}”</Typography.Paragraph>
        {suggestions.length === 0 ? <EmptyState compact title={t('assist.noSuggestions')} /> : null}
        <ol className="lx-assist-list" aria-label={t('assist.suggestions')}>
          {suggestions.map((s, i) => (
            <li key={s.entryId} className="lx-assist-item">
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                <Typography.Text strong style={{ fontSize: 13 }}>{s.question}</Typography.Text>
                <Tag bordered={false} color={s.confidence >= 0.45 ? 'green' : 'default'} style={{ flex: 'none', height: 'fit-content', marginInlineEnd: 0 }}>{Math.round(s.confidence * 100)}%</Tag>
              </div>
              <div className="lx-assist-preview"><Markdown source={s.text} /></div>
              <Tooltip title={t('assist.useKey', { key: QUICK_KEYS[i]! })}>
                <Button size="small" type={i === 0 ? 'primary' : 'default'} ghost={i === 0} disabled={!canUse} onClick={() => onUse(s.text)} aria-keyshortcuts={QUICK_KEYS[i]}>
                  {t('assist.use')} <kbd className="lx-kbd">{QUICK_KEYS[i]}</kbd>
                </Button>
              </Tooltip>
            </li>
          ))}
        </ol>
        {!canUse && suggestions.length > 0 ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('assist.acceptFirst')}</Typography.Text> : null}
        {data.cards.length > 0 ? (
          <Collapse
            size="small"
            ghost
            style={{ marginTop: 8 }}
            items={[{ key: 'cards', label: t('assist.cards', { count: data.cards.length }), children: (
              <ul className="lx-assist-list">
                {data.cards.map((card) => (
                  <li key={card.entryId} className="lx-assist-item">
                    <Typography.Text strong style={{ fontSize: 13 }}>{card.question}</Typography.Text>
                    {card.category ? <Tag bordered={false} style={{ marginInlineStart: 6 }}>{card.category}</Tag> : null}
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true }} style={{ margin: '2px 0 0', fontSize: 12 }}>{card.excerpt}</Typography.Paragraph>
                  </li>
                ))}
              </ul>
            ) }]}
          />
        ) : null}
      </div>
    );
  return <Card size="small" title={head} extra={refresh} aria-label={t('assist.title')} role="region">{body}</Card>;
}
