import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Popconfirm, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined } from '@ant-design/icons';
import { KnowledgeChannel, type KnowledgeEntryInput, type KnowledgeEntryView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Problem } from '../../lib/api/client.ts';
import { useRouter } from '../../lib/router.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import type { ScreenProps } from '../../paths.ts';
import { applyProblems } from '../../ui/applyProblems.ts';
import { errorText, problemText } from '../../ui/errorText.ts';
import { ErrorState, Loading } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';
import { useEditorTexts } from './editorTexts.ts';
import { EntryFields, fromLocalInput, toLocalInput, type EntryForm } from './EntryFields.tsx';
import { ValidityTag } from './ValidityTag.tsx';
import { statusColors } from './KnowledgePage.tsx';
import { useLeaveGuard } from './useLeaveGuard.ts';
import { VersionHistory } from './VersionHistory.tsx';

const FIELDS = ['question', 'similarQuestions', 'answer', 'quickReplies', 'category', 'tags', 'channels', 'validFrom', 'validTo', 'status'];
const EMPTY: EntryForm = { question: '', similarQuestions: [], answer: '', quickReplies: [], category: undefined, tags: [], channels: [], validFrom: undefined, validTo: undefined };

function toForm(entry: KnowledgeEntryView): EntryForm {
  return {
    question: entry.question,
    similarQuestions: entry.similarQuestions,
    answer: entry.answer,
    quickReplies: entry.quickReplies,
    category: entry.category ?? undefined,
    tags: entry.tags,
    channels: entry.channels.filter((c): c is KnowledgeChannel => KnowledgeChannel.safeParse(c).success),
    validFrom: toLocalInput(entry.validFrom),
    validTo: toLocalInput(entry.validTo),
  };
}

/** What the form means, so that typing a change and then undoing it is not "unsaved". */
function meaning(values: Partial<EntryForm> | undefined): string {
  const v = { ...EMPTY, ...values };
  return JSON.stringify([
    (v.question ?? '').trim(),
    (v.similarQuestions ?? []).map((q) => (q ?? '').trim()).filter(Boolean),
    (v.answer ?? '').trim(),
    v.quickReplies ?? [],
    (v.category ?? '').trim(),
    v.tags ?? [],
    [...(v.channels ?? [])].sort(),
    v.validFrom || null,
    v.validTo || null,
  ]);
}

export default function KnowledgeEditorPage({ params }: ScreenProps) {
  const { t, tryT, formatDateTime } = useI18n();
  const { t: et } = useEditorTexts();
  const { api, session } = useSignedIn();
  const { navigate } = useRouter();
  const { message } = App.useApp();
  const id = params.id;
  const canManage = session.user.role !== 'agent';
  const entry = useResource(async () => (id ? (await api.knowledge.get(id)).entry : null), [api, id]);
  const [form] = Form.useForm<EntryForm>();
  const [saving, setSaving] = useState<'draft' | 'published' | 'archive' | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; general: Problem[] } | null>(null);
  const watched = Form.useWatch((values: EntryForm) => values, form);
  const baseline = useMemo(() => meaning(entry.data ? toForm(entry.data) : EMPTY), [entry.data]);
  const dirty = canManage && watched !== undefined && (!id || entry.data != null) && meaning(watched) !== baseline;
  const { leave } = useLeaveGuard(dirty && saving === null);

  useEffect(() => {
    if (entry.data) form.setFieldsValue(toForm(entry.data));
  }, [entry.data, form]);

  const save = async (status: 'draft' | 'published') => {
    let values: EntryForm;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(status);
    setFailure(null);
    const input: KnowledgeEntryInput = {
      question: values.question,
      similarQuestions: (values.similarQuestions ?? []).filter((q) => q && q.trim()),
      answer: values.answer,
      quickReplies: (values.quickReplies ?? []).map((q) => q.trim()).filter(Boolean),
      category: values.category?.trim() || null,
      tags: values.tags ?? [],
      channels: values.channels ?? [],
      validFrom: fromLocalInput(values.validFrom),
      validTo: fromLocalInput(values.validTo),
      status,
    };
    try {
      const saved = id ? (await api.knowledge.update(id, input)).entry : (await api.knowledge.create(input)).entry;
      void message.success(t('knowledge.saved'));
      entry.setData(() => saved);
      form.setFieldsValue(toForm(saved));
      if (!id) navigate(`/console/knowledge/${saved.id}`, { replace: true });
    } catch (error) {
      setFailure({ error, general: applyProblems(form, error, FIELDS, tryT) });
    } finally {
      setSaving(null);
    }
  };

  const archive = async () => {
    if (!id) return;
    setSaving('archive');
    try {
      await api.knowledge.archive(id);
      navigate('/console/knowledge');
    } catch (error) {
      void message.error(errorText(error, tryT));
      entry.reload();
    } finally {
      setSaving(null);
    }
  };

  if (id && entry.error) return <ErrorState error={entry.error} onRetry={entry.reload} />;
  if (id && !entry.data) return <Loading minHeight={320} />;
  const current = entry.data;

  return (
    <>
      <Space style={{ marginBottom: 12 }} align="center" wrap>
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => leave(() => navigate('/console/knowledge'))}>{t('knowledge.back')}</Button>
        <Typography.Title level={4} style={{ margin: 0 }}>{id ? t('knowledge.editTitle') : t('knowledge.newTitle')}</Typography.Title>
        {current ? <Tag color={statusColors[current.status]}>{t(`knowledge.status.${current.status}`)}</Tag> : null}
        {current ? <ValidityTag entry={current} /> : null}
        {dirty ? <Tag color="orange" data-testid="unsaved">{et('unsaved')}</Tag> : null}
        {current ? <Typography.Text type="secondary">v{current.version} · {formatDateTime(current.updatedAt)}{current.updatedBy ? ` · ${current.updatedBy}` : ''}</Typography.Text> : null}
      </Space>
      <div className="lx-kb">
        <Card size="small">
          {current?.status === 'draft' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={et('draftNotice')} /> : null}
          {failure ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={errorText(failure.error, tryT)}
              description={failure.general.length ? failure.general.map((p) => `${p.path}: ${problemText(p, tryT)}`).join('; ') : undefined}
            />
          ) : null}
          <Form form={form} layout="vertical" disabled={!canManage || saving !== null} initialValues={EMPTY} requiredMark="optional">
            <EntryFields form={form} canManage={canManage} isNew={!id} />
          </Form>
          {canManage ? (
            <Space style={{ marginTop: 4 }}>
              <Button type="primary" loading={saving === 'published'} disabled={saving !== null} onClick={() => void save('published')}>{t('knowledge.savePublished')}</Button>
              <Button loading={saving === 'draft'} disabled={saving !== null} onClick={() => void save('draft')}>{t('knowledge.saveDraft')}</Button>
              {id && current?.status !== 'archived' ? (
                <Popconfirm title={t('knowledge.archiveConfirm')} onConfirm={() => void archive()} okText={t('knowledge.archive')} cancelText={t('common.cancel')}>
                  <Button danger type="text" icon={<DeleteOutlined />} loading={saving === 'archive'}>{t('knowledge.archive')}</Button>
                </Popconfirm>
              ) : null}
            </Space>
          ) : null}
        </Card>
        {id && current ? <VersionHistory entryId={id} currentVersion={current.version} canRestore={canManage} onRestored={(restored) => entry.setData(() => restored)} /> : null}
      </div>
    </>
  );
}
