import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { KnowledgeEntryView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Problem } from '../../lib/api/client.ts';
import type { KnowledgeEntryInput } from '../../lib/api/endpoints.ts';
import { useRouter } from '../../lib/router.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import type { ScreenProps } from '../../paths.ts';
import { applyProblems } from '../../ui/applyProblems.ts';
import { errorText, problemText } from '../../ui/errorText.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import { ErrorState, Loading } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';
import { statusColors } from './KnowledgePage.tsx';
import { VersionHistory } from './VersionHistory.tsx';

type EntryForm = { question: string; similarQuestions: string[]; answer: string; category?: string; tags: string[]; validFrom?: string; validTo?: string };
const FIELDS = ['question', 'similarQuestions', 'answer', 'category', 'tags', 'validFrom', 'validTo', 'status'];

/** <input type="datetime-local"> speaks local wall time; the API speaks ISO instants. */
export function toLocalInput(iso: string | null): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
function fromLocalInput(value: string | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}

function toForm(entry: KnowledgeEntryView): EntryForm {
  return {
    question: entry.question,
    similarQuestions: entry.similarQuestions,
    answer: entry.answer,
    category: entry.category ?? undefined,
    tags: entry.tags,
    validFrom: toLocalInput(entry.validFrom),
    validTo: toLocalInput(entry.validTo),
  };
}

export default function KnowledgeEditorPage({ params }: ScreenProps) {
  const { t, tryT, formatDateTime } = useI18n();
  const { api, session } = useSignedIn();
  const { navigate } = useRouter();
  const { message } = App.useApp();
  const id = params.id;
  const canManage = session.user.role !== 'agent';
  const entry = useResource(async () => (id ? (await api.knowledge.get(id)).entry : null), [api, id]);
  const [form] = Form.useForm<EntryForm>();
  const answer = Form.useWatch('answer', form) ?? '';
  const [saving, setSaving] = useState<'draft' | 'published' | 'archive' | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; general: Problem[] } | null>(null);

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
      category: values.category?.trim() || null,
      tags: values.tags ?? [],
      validFrom: fromLocalInput(values.validFrom),
      validTo: fromLocalInput(values.validTo),
      status,
    };
    try {
      const saved = id ? (await api.knowledge.update(id, input)).entry : (await api.knowledge.create(input)).entry;
      void message.success(t('knowledge.saved'));
      entry.setData(() => saved);
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
      entry.setData(() => null);
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
      <Space style={{ marginBottom: 12 }} align="center">
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/console/knowledge')}>{t('knowledge.back')}</Button>
        <Typography.Title level={4} style={{ margin: 0 }}>{id ? t('knowledge.editTitle') : t('knowledge.newTitle')}</Typography.Title>
        {current ? <Tag color={statusColors[current.status]}>{t(`knowledge.status.${current.status}`)}</Tag> : null}
        {current ? <Typography.Text type="secondary">v{current.version} · {formatDateTime(current.updatedAt)}{current.updatedBy ? ` · ${current.updatedBy}` : ''}</Typography.Text> : null}
      </Space>
      <div className="lx-kb">
        <Card size="small">
          {failure ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={errorText(failure.error, tryT)}
              description={failure.general.length ? failure.general.map((p) => `${p.path}: ${problemText(p, tryT)}`).join('; ') : undefined}
            />
          ) : null}
          <Form form={form} layout="vertical" disabled={!canManage || saving !== null} initialValues={{ similarQuestions: [], tags: [] }} requiredMark="optional">
            <Form.Item label={t('knowledge.question')} name="question" rules={[{ required: true, whitespace: true, message: t('problem.must not be empty') }]}>
              <Input maxLength={500} autoFocus={!id} />
            </Form.Item>
            <Form.List name="similarQuestions">
              {(fields, { add, remove }) => (
                <Form.Item label={t('knowledge.similarQuestions')}>
                  {fields.map((field) => (
                    <Space key={field.key} style={{ display: 'flex', marginBottom: 6 }} align="baseline">
                      <Form.Item {...field} noStyle rules={[{ whitespace: true, message: t('problem.must not be empty') }]}>
                        <Input style={{ width: 460 }} maxLength={500} aria-label={`${t('knowledge.similarQuestions')} ${field.name + 1}`} />
                      </Form.Item>
                      {canManage ? <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="remove" /> : null}
                    </Space>
                  ))}
                  {canManage ? <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add('')}>{t('knowledge.addSimilar')}</Button> : null}
                </Form.Item>
              )}
            </Form.List>
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
              <Form.Item label={t('knowledge.answer')} name="answer" rules={[{ required: true, whitespace: true, message: t('problem.must not be empty') }]}>
                <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} maxLength={20_000} style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 13 }} />
              </Form.Item>
              <div>
                <div style={{ paddingBottom: 8 }}>{t('knowledge.preview')}</div>
                <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', minHeight: 180, background: '#fafbfc' }} aria-live="polite">
                  {answer.trim() ? <Markdown source={answer} /> : <Typography.Text type="secondary">{t('knowledge.previewEmpty')}</Typography.Text>}
                </div>
              </div>
            </div>
            <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr 1fr', gap: 12 }}>
              <Form.Item label={t('knowledge.category')} name="category">
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item label={t('knowledge.tags')} name="tags" extra={t('knowledge.tagsHelp')} style={{ gridColumn: 'span 3' }}>
                <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，']} aria-label={t('knowledge.tags')} />
              </Form.Item>
              <Form.Item label={t('knowledge.validFrom')} name="validFrom" style={{ gridColumn: 'span 2' }}>
                <Input type="datetime-local" />
              </Form.Item>
              <Form.Item label={t('knowledge.validTo')} name="validTo" style={{ gridColumn: 'span 2' }}>
                <Input type="datetime-local" />
              </Form.Item>
            </div>
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
