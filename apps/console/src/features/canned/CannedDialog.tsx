import { Form, Input } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { CannedDraft } from '../../lib/api/endpoints.ts';
import { useSignedIn } from '../../lib/session.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import type { Canned } from './cannedQuery.ts';

type Values = { shortcut: string; title: string; zh?: string; en?: string };

/** Create or edit one canned response; the server's problems land on the fields they are about. */
export function CannedDialog({ editing, onClose, onSaved }: { editing: Canned | 'new' | null; onClose(): void; onSaved(item: Canned): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();

  const submit = async (values: Values) => {
    if (!editing) return;
    const draft: CannedDraft = { shortcut: values.shortcut, title: values.title, text: {} };
    if (values.zh?.trim()) draft.text['zh-CN'] = values.zh;
    if (values.en?.trim()) draft.text['en-US'] = values.en;
    const { cannedResponse } = editing === 'new' ? await api.canned.create(draft) : await api.canned.update(editing.id, draft);
    onSaved(cannedResponse);
  };

  return (
    <FormDialog<Values>
      open={editing !== null}
      title={editing && editing !== 'new' ? t('canned.editTitle', { shortcut: editing.shortcut }) : t('canned.createTitle')}
      name="canned"
      width={600}
      requiredMark="optional"
      fill={editing && editing !== 'new' ? { shortcut: editing.shortcut, title: editing.title, zh: editing.text['zh-CN'] ?? '', en: editing.text['en-US'] ?? '' } : undefined}
      fields={['shortcut', 'title', 'zh', 'en']}
      // body.text.zh-CN → the zh field; body.text (no language given) stays above the form.
      placeProblems={(problems) => problems.map((p) => ({ ...p, path: p.path.replace(/^body\.text\.zh-CN/, 'body.zh').replace(/^body\.text\.en-US/, 'body.en') }))}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item label={t('canned.shortcut')} name="shortcut" extra={t('canned.shortcutHelp')} rules={[{ required: true, whitespace: true, message: t('problem.is required') }]}>
        <Input prefix="/" maxLength={32} autoFocus />
      </Form.Item>
      <Form.Item label={t('canned.titleField')} name="title" rules={[{ required: true, whitespace: true, message: t('problem.is required') }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={t('canned.textZh')} name="zh" extra={t('canned.textHelp')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
      <Form.Item label={t('canned.textEn')} name="en">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
      </Form.Item>
    </FormDialog>
  );
}
