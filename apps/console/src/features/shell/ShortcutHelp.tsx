import { Modal, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';

const shortcuts: ReadonlyArray<[string[], MessageKey]> = [
  [['j'], 'shortcuts.next'],
  [['k'], 'shortcuts.previous'],
  [['r'], 'shortcuts.reply'],
  [['n'], 'shortcuts.note'],
  [['a'], 'shortcuts.accept'],
  [['e'], 'shortcuts.resolve'],
  [['1', '2', '3'], 'shortcuts.useSuggestion'],
  [['/'], 'shortcuts.canned'],
  [['/'], 'shortcuts.search'],
  [['@'], 'shortcuts.mention'],
  [['Enter'], 'shortcuts.send'],
  [['Ctrl', 'Enter'], 'shortcuts.send'],
  [['Esc'], 'shortcuts.escape'],
  [['?'], 'shortcuts.help'],
];

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('shortcuts.title')} width={420}>
      <table className="lx-shortcuts">
        <tbody>
          {shortcuts.map(([keys, label]) => (
            <tr key={keys.join('+') + label}>
              <td>
                {keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 ? (keys.length > 2 ? ' / ' : ' + ') : null}
                    <Typography.Text keyboard>{key}</Typography.Text>
                  </span>
                ))}
              </td>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
