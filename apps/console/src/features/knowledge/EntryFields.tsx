import { useState, type KeyboardEvent } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Select, Space, Typography, type FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { KnowledgeChannel } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Markdown } from '../../ui/Markdown.tsx';
import { useEditorTexts } from './editorTexts.ts';
import { newSimilarQuestions, validityOf } from './entryValidity.ts';

export type EntryForm = {
  question: string;
  similarQuestions: string[];
  answer: string;
  quickReplies: string[];
  category?: string;
  tags: string[];
  channels: KnowledgeChannel[];
  validFrom?: string;
  validTo?: string;
};
export const CHANNELS = KnowledgeChannel.options;

/** <input type="datetime-local"> speaks local wall time; the API speaks ISO instants. */
export function toLocalInput(iso: string | null): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
export function fromLocalInput(value: string | undefined): string | null {
  return value ? new Date(value).toISOString() : null;
}

/** The fields of one entry: question, similar questions (one by one or many pasted at once), answer with preview and quick replies, where and when it applies. */
export function EntryFields({ form, canManage, isNew }: { form: FormInstance<EntryForm>; canManage: boolean; isNew: boolean }) {
  const { t, formatDateTime } = useI18n();
  const { t: et } = useEditorTexts();
  const { message } = App.useApp();
  const answer = Form.useWatch('answer', form) ?? '';
  const quickReplies = Form.useWatch('quickReplies', form) ?? [];
  const validFrom = Form.useWatch('validFrom', form);
  const validTo = Form.useWatch('validTo', form);
  const similarCount = (Form.useWatch('similarQuestions', form) ?? []).length;
  const [bulk, setBulk] = useState('');

  const addBulk = () => {
    const existing = (form.getFieldValue('similarQuestions') as string[] | undefined) ?? [];
    const added = newSimilarQuestions(bulk, existing, (form.getFieldValue('question') as string | undefined) ?? '');
    if (added.length === 0) return void message.info(et('similar.none'));
    form.setFieldValue('similarQuestions', [...existing.filter((q) => q.trim()), ...added]);
    // setFieldValue does not count as an edit for onValuesChange watchers; validate so the list re-renders at once.
    void form.validateFields(['similarQuestions']).catch(() => undefined);
    setBulk('');
    void message.success(et('similar.added', { n: added.length }));
  };
  const onBulkKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      addBulk();
    }
  };

  const validity = validityOf({ validFrom: fromLocalInput(validFrom), validTo: fromLocalInput(validTo) }, new Date());
  const at = (iso: string) => formatDateTime(iso);

  return (
    <>
      <Form.Item label={t('knowledge.question')} name="question" rules={[{ required: true, whitespace: true, message: t('problem.must not be empty') }]}>
        <Input maxLength={500} autoFocus={isNew} />
      </Form.Item>
      <Form.List name="similarQuestions">
        {(fields, { add, remove }) => (
          <Form.Item label={<span>{t('knowledge.similarQuestions')} {similarCount ? <Typography.Text type="secondary">· {et('similar.count', { n: similarCount })}</Typography.Text> : null}</span>}>
            {fields.map((field) => (
              <Space key={field.key} style={{ display: 'flex', marginBottom: 6 }} align="baseline">
                <Form.Item {...field} noStyle rules={[{ whitespace: true, message: t('problem.must not be empty') }]}>
                  <Input
                    style={{ width: 460 }}
                    maxLength={500}
                    aria-label={`${t('knowledge.similarQuestions')} ${field.name + 1}`}
                    // Enter opens the next line, so a list is typed without reaching for the mouse.
                    onPressEnter={(e) => {
                      e.preventDefault();
                      if (!canManage) return;
                      add('', field.name + 1);
                      setTimeout(() => document.getElementById(`similarQuestions_${field.name + 1}`)?.focus(), 0);
                    }}
                  />
                </Form.Item>
                {canManage ? <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={et('similar.remove', { n: field.name + 1 })} /> : null}
              </Space>
            ))}
            {canManage ? (
              <div style={{ display: 'grid', gap: 6, maxWidth: 520 }}>
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add('')} style={{ justifySelf: 'start' }}>{t('knowledge.addSimilar')}</Button>
                <Input.TextArea
                  value={bulk}
                  onChange={(e) => setBulk(e.target.value)}
                  onKeyDown={onBulkKey}
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  placeholder={et('similar.bulkHelp')}
                  aria-label={et('similar.bulk')}
                />
                <Button size="small" onClick={addBulk} disabled={!bulk.trim()} style={{ justifySelf: 'start' }}>{et('similar.bulkAdd')}</Button>
              </div>
            ) : null}
          </Form.Item>
        )}
      </Form.List>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12 }}>
        <Form.Item label={t('knowledge.answer')} name="answer" rules={[{ required: true, whitespace: true, message: t('problem.must not be empty') }]}>
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} maxLength={20_000} style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 13 }} />
        </Form.Item>
        <div>
          <div style={{ paddingBottom: 8 }}>{t('knowledge.preview')}</div>
          <div style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', minHeight: 180, background: '#fafbfc' }} aria-live="polite" data-testid="answer-preview">
            {answer.trim() ? <Markdown source={answer} /> : <Typography.Text type="secondary">{t('knowledge.previewEmpty')}</Typography.Text>}
            {quickReplies.length ? (
              <Space wrap size={6} style={{ marginTop: 8 }}>
                {quickReplies.map((q) => <span key={q} className="lx-quick-reply-preview" style={{ border: '1px solid #91caff', color: '#1677ff', borderRadius: 14, padding: '2px 10px', fontSize: 12 }}>{q}</span>)}
              </Space>
            ) : null}
          </div>
        </div>
      </div>
      <Form.Item label={et('quickReplies')} name="quickReplies" extra={et('quickReplies.help')} rules={[{ type: 'array', max: 10, message: et('quickReplies.help') }]}>
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['\n']} maxCount={10} aria-label={et('quickReplies')} />
      </Form.Item>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr 1fr', gap: 12 }}>
        <Form.Item label={t('knowledge.category')} name="category">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('knowledge.tags')} name="tags" extra={t('knowledge.tagsHelp')} style={{ gridColumn: 'span 2' }}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，']} aria-label={t('knowledge.tags')} />
        </Form.Item>
        <Form.Item label={et('channels')} name="channels" extra={et('channels.help')}>
          <Checkbox.Group options={CHANNELS.map((c) => ({ value: c, label: et(`channel.${c}`) }))} />
        </Form.Item>
        <Form.Item label={t('knowledge.validFrom')} name="validFrom" style={{ gridColumn: 'span 2' }} extra={et('validity.help')}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item label={t('knowledge.validTo')} name="validTo" style={{ gridColumn: 'span 2' }}>
          <Input type="datetime-local" />
        </Form.Item>
      </div>
      {validity.state === 'expired' || validity.state === 'notYet' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="validity-alert"
          title={validity.state === 'expired' ? et('validity.expired', { at: at(validity.to) }) : et('validity.notYet', { at: at(validity.from) })}
        />
      ) : null}
    </>
  );
}
