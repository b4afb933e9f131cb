import { useRef } from 'react';
import { App, Button } from 'antd';
import { ConversationRatedNotice } from '@lingxi/contracts';
import { useRealtimeEvents } from '../../lib/realtime.tsx';
import { useRouter } from '../../lib/router.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { useCsatTexts } from '../conversation/csatTexts.ts';

/** Tells the agent who handled a conversation how the customer rated it, wherever the agent is in the console. */
export function RatingNotifier() {
  const { session } = useSignedIn();
  const { notification } = App.useApp();
  const { navigate } = useRouter();
  const { t } = useCsatTexts();
  // The socket may deliver an event twice (at-least-once fan-out): tell once.
  const told = useRef(new Set<string>());

  useRealtimeEvents(['conversation.rated'], (_event, payload) => {
    const parsed = ConversationRatedNotice.safeParse(payload);
    if (!parsed.success) return;
    const rating = parsed.data;
    if (rating.assigneeId !== session.user.id || told.current.has(rating.id)) return;
    told.current.add(rating.id);
    const key = `rated-${rating.id}`;
    const open = () => {
      notification.destroy(key);
      navigate(`/console/inbox/${encodeURIComponent(rating.conversationId)}`);
    };
    notification[rating.score <= 2 ? 'warning' : rating.score === 3 ? 'info' : 'success']({
      key,
      title: t('csat.notifyTitle', { name: t('csat.notifyCustomer'), score: rating.score }),
      description: rating.comment ? `“${rating.comment}”` : t('csat.notifyNoComment'),
      actions: <Button size="small" type="link" onClick={open}>{t('csat.open')}</Button>,
      placement: 'bottomRight',
      duration: rating.score <= 2 ? 0 : 8,
    });
  });
  return null;
}
