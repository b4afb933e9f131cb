import { Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Canned } from './cannedQuery.ts';

/** The list under "/" in the reply box; the box keeps focus and drives it with ↑ ↓ Enter Esc. */
export function CannedPicker({ id, items, active, loading, onChoose, onHover }: { id: string; items: readonly Canned[]; active: number; loading: boolean; onChoose(item: Canned): void; onHover(index: number): void }) {
  const { t, locale } = useI18n();
  const other = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <ul className="lx-canned-list" role="listbox" id={id} aria-label={t('canned.pickerLabel')} data-testid="canned-picker">
      {items.length === 0 ? (
        <li style={{ padding: 8 }}><Typography.Text type="secondary">{loading ? t('common.loading') : t('canned.noMatch')}</Typography.Text></li>
      ) : (
        items.map((item, i) => (
          <li
            key={item.id}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === active}
            className="lx-canned-option"
            onMouseDown={(event) => {
              event.preventDefault(); // keep the caret in the reply box
              onChoose(item);
            }}
            onMouseEnter={() => onHover(i)}
          >
            <Typography.Text code>/{item.shortcut}</Typography.Text>
            <Typography.Text strong>{item.title}</Typography.Text>
            <span className="lx-canned-text">{item.text[locale] ?? item.text[other]}</span>
          </li>
        ))
      )}
    </ul>
  );
}
