import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Space, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import type { OfferView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isApiError } from '../../lib/api/client.ts';
import { useRealtimeEvents } from '../../lib/realtime.tsx';
import { useRouter } from '../../lib/router.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { errorText } from '../../ui/errorText.ts';
import { chime, desktopNotice } from './offerAlert.ts';

type Offer = z.infer<typeof OfferView>;

/** Conversations routing offers to me: visible on every screen until accepted or expired. */
export function OfferBanner() {
  const { t, tryT } = useI18n();
  const { api } = useSignedIn();
  const { navigate } = useRouter();
  const { message } = App.useApp();
  const [offers, setOffers] = useState<Offer[]>([]);
  const [available, setAvailable] = useState(true);
  const [now, setNow] = useState(() => Date.now());
  const [accepting, setAccepting] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setOffers((await api.presence.offers()).offers);
    } catch (error) {
      if (isApiError(error) && error.status === 404) setAvailable(false);
    }
  }, [api]);

  useEffect(() => void refresh(), [refresh]);
  useRealtimeEvents(['conversation.offered', 'conversation.updated'], (event) => {
    if (event === 'conversation.offered') {
      chime();
      desktopNotice(t('offer.title'), t('offer.body'));
    }
    if (available) void refresh();
  });
  const live = offers.filter((o) => new Date(o.expiresAt).getTime() > now);
  useEffect(() => {
    if (live.length === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [live.length]);

  if (!available || live.length === 0) return null;
  const accept = async (id: string) => {
    setAccepting(id);
    try {
      await api.conversations.accept(id);
      setOffers((previous) => previous.filter((o) => o.conversationId !== id));
      navigate(`/console/inbox/${id}?tab=mine`);
    } catch (error) {
      void message.error(errorText(error, tryT));
      void refresh();
    } finally {
      setAccepting(null);
    }
  };
  return (
    <div className="lx-offers" role="alert" aria-live="assertive">
      {live.map((offer) => {
        const seconds = Math.max(0, Math.round((new Date(offer.expiresAt).getTime() - now) / 1000));
        return (
          <Card key={offer.conversationId} size="small" className="lx-offer">
            <Space align="center" size={12}>
              <BellOutlined style={{ color: '#1668dc', fontSize: 18 }} />
              <div>
                <Typography.Text strong>{t('offer.title')}</Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('offer.expires', { seconds })}</Typography.Text>
              </div>
              <Button size="small" onClick={() => navigate(`/console/inbox/${offer.conversationId}?tab=all`)}>{t('offer.view')}</Button>
              <Button size="small" type="primary" loading={accepting === offer.conversationId} onClick={() => void accept(offer.conversationId)}>{t('conversation.accept')}</Button>
            </Space>
          </Card>
        );
      })}
    </div>
  );
}
