import { useEffect, useState } from 'react';
import { Alert, Form, Modal, Select, Typography } from 'antd';
import type { ConversationView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { applyProblems } from '../../ui/applyProblems.ts';
import { errorText } from '../../ui/errorText.ts';
import { useResource } from '../../ui/useResource.ts';
import { useInboxTexts } from '../inbox/inboxTexts.ts';
import { useDispositions } from './dispositions.ts';
import { MentionTextArea } from './MentionTextArea.tsx';

type ResolveForm = { disposition?: string; tags: string[]; note?: string };

/** Resolve with how it ended (disposition), what it was about (tags) and a note for colleagues; all optional. */
export function ResolveDialog({ conversation, open, onClose, onResolved }: { conversation: ConversationView; open: boolean; onClose(): void; onResolved(next: ConversationView): void }) {
  const { tryT } = useI18n();
  const { t, locale } = useInboxTexts();
  const { api } = useSignedIn();
  const [form] = Form.useForm<ResolveForm>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const dispositions = useDispositions();
  const tags = useResource((signal) => (open ? api.inbox.tags(signal) : Promise.resolve(null)), [api, open]);

  useEffect(() => {
    if (!open) return;
    setFailure(null);
    form.setFieldsValue({ disposition: undefined, tags: conversation.tags, note: undefined });
  }, [open, conversation.tags, form]);

  const submit = async (values: ResolveForm) => {
    setSaving(true);
    setFailure(null);
    try {
      const note = values.note?.trim();
      const result = await api.conversations.resolve(conversation.id, { ...(values.disposition ? { disposition: values.disposition } : {}), tags: values.tags ?? [], ...(note ? { note } : {}) });
      onResolved(result.conversation);
    } catch (error) {
      const rest = applyProblems(form, error, ['disposition', 'tags', 'note'], tryT);
      setFailure(rest.length > 0 || !(error && typeof error === 'object' && 'problems' in error) ? error : null);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('resolve.title')}
      okText={t('resolve.ok')}
      cancelText={tryT('common.cancel', 'Cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      {failure ? <Alert type="error" showIcon title={errorText(failure, tryT)} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        name="resolve"
        onFinish={submit}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            form.submit();
          }
        }}
      >
        <Form.Item name="disposition" label={t('resolve.disposition')}>
          <Select
            allowClear
            autoFocus
            placeholder={t('resolve.dispositionPlaceholder')}
            loading={dispositions.loading}
            options={(dispositions.data?.dispositions ?? []).map((d) => ({ value: d.key, label: d.label[locale] }))}
            data-testid="resolve-disposition"
          />
        </Form.Item>
        <Form.Item name="tags" label={t('resolve.tags')}>
          <Select mode="tags" tokenSeparators={[',', '，']} placeholder={t('tags.placeholder')} maxCount={20} options={(tags.data?.tags ?? []).map((x) => ({ value: x.tag, label: x.tag }))} data-testid="resolve-tags" />
        </Form.Item>
        <Form.Item name="note" label={t('resolve.note')} extra={t('resolve.noteHelp')}>
          <MentionTextArea maxLength={4000} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('resolve.shortcutHint')}</Typography.Text>
    </Modal>
  );
}
