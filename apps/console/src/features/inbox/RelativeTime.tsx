import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** "3 分钟前 / 3 min. ago", refreshed every half minute; the exact local time is in the tooltip. */
export function RelativeTime({ iso }: { iso: string }) {
  const { locale, formatDateTime } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const abs = Math.abs(seconds);
  const text =
    abs < 45 ? format.format(0, 'second') : abs < 3600 ? format.format(Math.round(seconds / 60), 'minute') : abs < 86_400 ? format.format(Math.round(seconds / 3600), 'hour') : format.format(Math.round(seconds / 86_400), 'day');
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {text}
    </time>
  );
}
