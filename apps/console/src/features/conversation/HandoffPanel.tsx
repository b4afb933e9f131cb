import { lazy, Suspense, useState } from 'react';
import { Button, Tag, Typography } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import type { HandoffPackage } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { FileChips } from './Attachments.tsx';
import { useAttachmentTexts } from './attachmentTexts.ts';

// ECharts is the largest dependency: it loads after the transcript, only when there is a trend to draw.
const EmotionTrend = lazy(() => import('./EmotionTrend.tsx').then((m) => ({ default: m.EmotionTrend })));

/** What the agent needs before saying hello: why the bot handed over, what the customer wants, how they feel. */
export function HandoffPanel({ handoff }: { handoff: HandoffPackage }) {
  const { t } = useI18n();
  const { t: at } = useAttachmentTexts();
  // Packages stored before files were listed have none.
  const files = handoff.attachments ?? [];
  const [expanded, setExpanded] = useState(true);
  const helped = handoff.botHelped === null ? null : handoff.botHelped ? t('conversation.helpful') : t('conversation.notHelpful');
  return (
    <section className="lx-handoff" aria-label={t('conversation.handoff')}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography.Text strong>{t('conversation.handoff')}</Typography.Text>
          <Tag color="orange">{t(`trigger.${handoff.trigger}`)}</Tag>
          {helped ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('conversation.botHelped')}: {helped}</Typography.Text> : null}
        </div>
        <Button size="small" type="text" icon={expanded ? <UpOutlined /> : <DownOutlined />} onClick={() => setExpanded((v) => !v)} aria-expanded={expanded} aria-label={t('conversation.handoff')} />
      </div>
      <Typography.Paragraph style={{ margin: '6px 0 0' }}>{handoff.summary}</Typography.Paragraph>
      {files.length > 0 ? (
        <div style={{ marginTop: 6, fontSize: 13 }}>
          <Typography.Text type="secondary">{at('attachment.customerFiles')}：</Typography.Text>
          <FileChips attachments={files} label={at('attachment.customerFiles')} />
        </div>
      ) : null}
      {expanded ? (
        <div className="lx-handoff-grid" style={{ marginTop: 8 }}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 6, fontSize: 13 }}>
            {handoff.intents.length > 0 ? (
              <div>
                <Typography.Text type="secondary">{t('conversation.intents')}：</Typography.Text>
                {handoff.intents.map((intent, i) => (
                  <Tag key={i} title={intent.text}>{intent.question ?? intent.text}
                    {intent.confidence > 0 ? ` · ${Math.round(intent.confidence * 100)}%` : ''}</Tag>
                ))}
              </div>
            ) : null}
            {handoff.entities.length > 0 ? (
              <div>
                <Typography.Text type="secondary">{t('conversation.entities')}：</Typography.Text>
                {handoff.entities.map((entity, i) => (
                  <Tag key={i} color="blue">{entity.type}: {entity.value}</Tag>
                ))}
              </div>
            ) : null}
            {handoff.botAnswers.length > 0 ? (
              <div>
                <Typography.Text type="secondary">{t('conversation.botAnswers')}：</Typography.Text>
                {handoff.botAnswers.map((answer) => (
                  <Tag key={answer.messageId} color={answer.helpful === false ? 'red' : answer.helpful ? 'green' : 'default'}>{answer.question ?? answer.entryId ?? '—'}</Tag>
                ))}
              </div>
            ) : null}
          </div>
          {handoff.emotionTrajectory.length > 0 ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('conversation.emotion')}</Typography.Text>
              <Suspense fallback={<div style={{ height: 80 }} />}>
                <EmotionTrend levels={handoff.emotionTrajectory} height={80} />
              </Suspense>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
