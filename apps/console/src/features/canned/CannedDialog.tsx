import { useEffect, useState } from 'react';
import { type FormInstance, Alert, Form, Input, Modal } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isApiError, type Problem } from '../../lib/api/client.ts';
import type { CannedDraft } from '../../lib/api/endpoints.ts';
import { problemsForForm } from '../../lib/api/formProblems.ts';
import { useSignedIn } from '../../lib/session.tsx';
import { errorText, problemText } from '../../ui/errorText.ts';
import type { Canned } from './cannedQuery.ts';

type Values = { shortcut: string; title: string; zh?: string; en?: string };

/** Create or edit one canned response; the server's problems land on the fields they are about. */
export function CannedDialog({ editing, onClose, onSaved }: { editing: Canned | 'new' | null; onClose(): void; onSaved(item: Canned): void }) {
  const { t, tryT } = useI18n();
  const { api } = useSignedIn();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; general: Problem[] } | null>(null);

  useEffect(() => {
    if (!editing) return;
    setFailure(null);
    form.resetFields();
    if (editing !== 'new') form.setFieldsValue({ shortcut: editing.shortcut, title: editing.title, zh: editing.text['zh-CN'] ?? '', en: editing.text['en-US'] ?? '' });
  }, [editing, form]);

  const submit = async (values: Values) => {
    if (!editing) return;
    const draft: CannedDraft = { shortcut: values.shortcut, title: values.title, text: {} };
    if (values.zh?.trim()) draft.text['zh-CN'] = values.zh;
    if (values.en?.trim()) draft.text['en-US'] = values.en;
    setSaving(true);
    setFailure(null);
    try {
      const { cannedResponse } = editing === 'new' ? await api.canned.create(draft) : await api.canned.update(editing.id, draft);
      onSaved(cannedResponse);
    } catch (error) {
      // body.text.zh-CN → the zh field; body.text (no language given) stays above the form.
      const renamed = isApiError(error) ? error.problems.map((p) => ({ ...p, path: p.path.replace(/^body\.text\.zh-CN/, 'body.zh').replace(/^body\.text\.en-US/, 'body.en') })) : [];
      const split = problemsForForm(renamed, ['shortcut', 'title', 'zh', 'en']);
      (form as FormInstance).setFields(split.fields.map((f) => ({ name: f.name, errors: f.errors.map((m) => problemText({ message: m }, tryT)) })));
      setFailure({ error, general: split.general });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={editing !== null}
      title={editing && editing !== 'new' ? t('canned.editTitle', { shortcut: editing.shortcut }) : t('canned.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      width={600}
    >
      {failure ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(failure.error, tryT)} description={failure.general.length ? failure.general.map((p) => problemText(p, tryT)).join('; ') : undefined} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" name="canned">
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
      </Form>
    </Modal>
  );
}
