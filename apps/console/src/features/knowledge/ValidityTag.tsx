import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useEditorTexts } from './editorTexts.ts';
import { validityOf } from './entryValidity.ts';

/** "Expired" / "not yet valid" next to an entry whose time window excludes now; nothing for an entry that always applies. */
export function ValidityTag({ entry, showActive = false }: { entry: { validFrom: string | null; validTo: string | null }; showActive?: boolean }) {
  const { formatDateTime } = useI18n();
  const { t } = useEditorTexts();
  const validity = validityOf(entry, new Date());
  if (validity.state === 'expired') return <Tooltip title={t('validity.expired', { at: formatDateTime(validity.to) })}><Tag color="red">{t('validity.tagExpired')}</Tag></Tooltip>;
  if (validity.state === 'notYet') return <Tooltip title={t('validity.notYet', { at: formatDateTime(validity.from) })}><Tag color="gold">{t('validity.tagNotYet')}</Tag></Tooltip>;
  if (validity.state === 'active' && showActive) return <Tag color="blue">{validity.until ? t('validity.activeUntil', { at: formatDateTime(validity.until).slice(0, 10) }) : t('validity.active')}</Tag>;
  return null;
}
