import { useEffect, useState } from 'react';
import { Tag, Tooltip, Typography } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { ConversationRatedNotice } from '@lingxi/contracts';
import { useRealtimeEvents } from '../../lib/realtime.tsx';
import { csatTone, useCsatTexts } from './csatTexts.ts';

type Rating = { score: number; comment: string | null };

/** The customer's rating in the conversation header; a rating given while the agent looks at it appears at once. */
export function CsatBadge({ conversationId, csat }: { conversationId: string; csat: Rating | null }) {
  const { t } = useCsatTexts();
  const [live, setLive] = useState<Rating | null>(null);
  useEffect(() => setLive(null), [conversationId]);
  useRealtimeEvents(['conversation.rated'], (_event, payload) => {
    const notice = ConversationRatedNotice.safeParse(payload);
    if (notice.success && notice.data.conversationId === conversationId) setLive({ score: notice.data.score, comment: notice.data.comment });
  });

  const rating = live ?? csat;
  if (!rating) return null;
  return (
    <span className={live ? 'lx-csat lx-csat-fresh' : 'lx-csat'} aria-live="polite">
      <Tooltip title={rating.comment ? `“${rating.comment}”` : t('csat.noComment')}>
        <Tag color={csatTone(rating.score)} icon={<StarFilled />} aria-label={t('csat.badgeLabel', { score: rating.score })}>
          {t('csat.badge', { score: rating.score })}
          {live ? ` · ${t('csat.new')}` : null}
        </Tag>
      </Tooltip>
      {rating.comment ? <Typography.Text type="secondary" className="lx-csat-comment" ellipsis={{ tooltip: rating.comment }}>“{rating.comment}”</Typography.Text> : null}
    </span>
  );
}
