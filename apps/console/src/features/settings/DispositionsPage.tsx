import { useEffect, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Problem } from '../../lib/api/client.ts';
import { useSignedIn } from '../../lib/session.tsx';
import { applyProblems } from '../../ui/applyProblems.ts';
import { errorText, problemText } from '../../ui/errorText.ts';
import { PageHead } from '../../ui/PageHead.tsx';
import { EmptyState, ErrorState, Loading } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';
import { useLeaveGuard } from '../knowledge/useLeaveGuard.ts';
import { keyProblem, listOf, MAX_DISPOSITIONS, placeProblems, rowsOf, sameList, suggestKey, type DispositionRow } from './dispositionsModel.ts';
import { dispositionProblemText, useDispositionTexts } from './dispositionsTexts.ts';

type Values = { dispositions: DispositionRow[] };
const LIST = 'dispositions';
// Order and moves, the two labels, the key, remove.
const rowStyle = { display: 'grid', gridTemplateColumns: '96px minmax(0, 1fr) minmax(0, 1fr) minmax(0, 1fr) 40px', gap: 12, alignItems: 'start', padding: '6px 0' } as const;

/** Settings → Dispositions: how a conversation can end, in zh-CN and en-US; admins add, rename, reorder and remove. */
export default function DispositionsPage() {
  const { tryT } = useI18n();
  const { t, locale } = useDispositionTexts();
  const { api, session } = useSignedIn();
  const { message } = App.useApp();
  const canManage = session.user.role === 'admin';
  const saved = useResource((signal) => api.inbox.dispositions(signal), [api]);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; general: Problem[] } | null>(null);
  const rows = Form.useWatch<DispositionRow[] | undefined>(LIST, { form, preserve: true });
  const problemT = useMemo(
    () => (key: string, fallback: string, vars?: Record<string, string | number>) => (key.startsWith('problem.') ? dispositionProblemText(key.slice('problem.'.length), t) : null) ?? tryT(key, fallback, vars),
    [t, tryT],
  );

  useEffect(() => {
    if (saved.data) form.setFieldsValue({ dispositions: rowsOf(saved.data.dispositions) });
  }, [saved.data, form]);

  // Leaving with edits asks first (the sidebar, a reload, closing the tab), as the knowledge editor does.
  const unsaved = canManage && !saving && !!saved.data && !!rows && rows.every((r) => typeof r?.key === 'string' && typeof r.label?.['zh-CN'] === 'string' && typeof r.label['en-US'] === 'string') && !sameList(saved.data.dispositions, listOf(rows));
  useLeaveGuard(unsaved);

  // Every row's values, saved or not (the `saved` flag has no field of its own).
  const current = (): DispositionRow[] => (form.getFieldValue(LIST) as DispositionRow[] | undefined) ?? [];
  const submit = async () => {
    const list = listOf(current());
    if (saved.data && sameList(saved.data.dispositions, list)) return void message.info(t('disp.unchanged'));
    setSaving(true);
    setFailure(null);
    try {
      const next = await api.settings.saveDispositions(list);
      saved.setData(() => next);
      void message.success(t('disp.saved'));
    } catch (error) {
      setFailure({ error, general: applyProblems(form, error, [LIST], problemT, (problems) => placeProblems(problems, list)) });
    } finally {
      setSaving(false);
    }
  };
  const reset = () => {
    if (!saved.data) return;
    form.resetFields();
    form.setFieldsValue({ dispositions: rowsOf(saved.data.dispositions) });
    setFailure(null);
  };

  const head = (extra?: ReactNode) => <PageHead title={t('disp.title')} subtitle={t('disp.subtitle')} extra={extra} />;
  if (saved.error && !saved.data) return <>{head()}<div className="lx-panel"><ErrorState error={saved.error} onRetry={saved.reload} /></div></>;
  if (!saved.data) return <>{head()}<div className="lx-panel"><Loading minHeight={320} /></div></>;

  const shown = rows ?? rowsOf(saved.data.dispositions);
  const changed = !sameList(saved.data.dispositions, listOf(shown));
  const nameOf = (row: DispositionRow | undefined) => row?.label[locale]?.trim() || row?.key || '';
  const keyRule = (index: number) => ({
    validator: async (_: unknown, value: string | undefined) => {
      const others = current().filter((_row, i) => i !== index).map((r) => r.key.trim());
      const problem = keyProblem(value ?? '', others);
      if (problem) throw new Error(t(`disp.problem.${problem}`));
    },
  });
  const required = { required: true, whitespace: true, message: tryT('problem.is required', 'is required') };

  return (
    <>
      {head(canManage ? (
        <Space wrap>
          {changed ? <Tag color="orange">{t('disp.unsaved')}</Tag> : null}
          <Button onClick={reset} disabled={!changed && !failure}>{t('disp.reset')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>{tryT('common.save', 'Save')}</Button>
        </Space>
      ) : <Typography.Text type="secondary">{t('disp.readOnly')}</Typography.Text>)}
      {failure ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(failure.error, problemT)} description={failure.general.length ? failure.general.map((p) => problemText(p, problemT)).join('; ') : undefined} /> : null}
      <Card size="small">
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('disp.rules', { max: MAX_DISPOSITIONS })} description={canManage ? t('disp.keyboard') : undefined} />
        <Form form={form} name="dispositions" onFinish={submit} disabled={!canManage} requiredMark={false} initialValues={{ dispositions: rowsOf(saved.data.dispositions) }}>
          <Form.List name={LIST}>
            {(fields, { add, remove, move }) => {
              const moveBy = (index: number, step: -1 | 1) => {
                const to = index + step;
                if (to >= 0 && to < fields.length) move(index, to);
              };
              // Alt+↑/↓ anywhere in a row moves it; focus stays in the same input, which moves with its row.
              const onRowKey = (index: number) => (e: KeyboardEvent) => {
                if (!canManage || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
                e.preventDefault();
                moveBy(index, e.key === 'ArrowUp' ? -1 : 1);
              };
              const addRow = () => {
                add({ key: '', label: { 'zh-CN': '', 'en-US': '' }, saved: false });
                // The new row's first input (the Chinese label) takes the focus.
                setTimeout(() => document.querySelector<HTMLInputElement>(`#dispositions_${LIST}_${fields.length}_label_zh-CN`)?.focus(), 0);
              };
              return (
                <div role="list" aria-label={t('disp.title')}>
                  {fields.length === 0 ? <EmptyState compact title={t('disp.empty')} /> : (
                    <div style={{ ...rowStyle, color: 'rgba(0,0,0,0.45)', fontSize: 12, borderBottom: '1px solid #f0f0f0' }} aria-hidden>
                      <span>{t('disp.order')}</span>
                      <span>{t('disp.zh')}</span>
                      <span>{t('disp.en')}</span>
                      <span>{t('disp.key')}</span>
                      <span />
                    </div>
                  )}
                  {fields.map((field, index) => {
                    // The store's value now, not the watched copy: that one lags a render behind a move, which
                    // would give this row's buttons the name of the row that was here before.
                    const row = (form.getFieldValue([LIST, field.name]) as DispositionRow | undefined) ?? shown[index];
                    const name = nameOf(row) || String(index + 1);
                    return (
                      <div key={field.key} role="listitem" style={rowStyle} onKeyDown={onRowKey(index)} data-testid="disposition-row">
                        <Space size={2} style={{ paddingTop: 4 }}>
                          <Typography.Text type="secondary" style={{ width: 22, display: 'inline-block', textAlign: 'end' }}>{index + 1}</Typography.Text>
                          {canManage ? (
                            <>
                              <Tooltip title={t('disp.up', { name })}><Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label={t('disp.up', { name })} disabled={index === 0} onClick={() => moveBy(index, -1)} /></Tooltip>
                              <Tooltip title={t('disp.down', { name })}><Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label={t('disp.down', { name })} disabled={index === fields.length - 1} onClick={() => moveBy(index, 1)} /></Tooltip>
                            </>
                          ) : null}
                        </Space>
                        <Form.Item name={[field.name, 'label', 'zh-CN']} rules={[required]} style={{ marginBottom: 0 }}>
                          <Input maxLength={40} aria-label={`${t('disp.zh')} ${index + 1}`} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'label', 'en-US']} rules={[required]} style={{ marginBottom: 0 }}>
                          <Input
                            maxLength={40}
                            aria-label={`${t('disp.en')} ${index + 1}`}
                            onChange={(e) => {
                              // A new row's key follows its English label until the key is typed by hand.
                              if (row?.saved || form.isFieldTouched([LIST, field.name, 'key'])) return;
                              const taken = current().filter((_r, i) => i !== index).map((r) => r.key.trim());
                              form.setFieldValue([LIST, field.name, 'key'], suggestKey(e.target.value, taken));
                            }}
                          />
                        </Form.Item>
                        {row?.saved ? (
                          <Tooltip title={t('disp.lockedKey')}>
                            <Space size={4} style={{ paddingTop: 5 }} tabIndex={0} aria-label={`${t('disp.key')} ${row.key}: ${t('disp.lockedKey')}`}>
                              <LockOutlined style={{ color: 'rgba(0,0,0,0.35)' }} />
                              <Typography.Text code>{row.key}</Typography.Text>
                            </Space>
                          </Tooltip>
                        ) : (
                          <Form.Item name={[field.name, 'key']} rules={[keyRule(index)]} validateFirst style={{ marginBottom: 0 }} extra={<span style={{ fontSize: 12 }}>{t('disp.keyHelp')}</span>}>
                            <Input maxLength={32} prefix={<Tag color="blue" style={{ marginInlineEnd: 4 }}>{t('disp.new')}</Tag>} aria-label={`${t('disp.key')} ${index + 1}`} spellCheck={false} autoComplete="off" />
                          </Form.Item>
                        )}
                        {canManage ? (
                          <Tooltip title={fields.length <= 1 ? t('disp.lastOne') : t('disp.remove', { name })}>
                            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('disp.remove', { name })} disabled={fields.length <= 1} onClick={() => remove(field.name)} />
                          </Tooltip>
                        ) : <span />}
                      </div>
                    );
                  })}
                  {canManage ? (
                    <Space style={{ marginTop: 12 }}>
                      <Tooltip title={fields.length >= MAX_DISPOSITIONS ? t('disp.full', { max: MAX_DISPOSITIONS }) : undefined}>
                        <Button type="dashed" icon={<PlusOutlined />} onClick={addRow} disabled={fields.length >= MAX_DISPOSITIONS}>{t('disp.add')}</Button>
                      </Tooltip>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('disp.count', { n: fields.length, max: MAX_DISPOSITIONS })}</Typography.Text>
                    </Space>
                  ) : null}
                </div>
              );
            }}
          </Form.List>
        </Form>
      </Card>
    </>
  );
}
