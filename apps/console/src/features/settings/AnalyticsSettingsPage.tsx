import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, App, AutoComplete, Button, Card, Form, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { analyticsSettingRanges, surgeSettingRanges, type AnalyticsRangedSetting, type AnalyticsSettings, type SurgeRangedSetting } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Problem } from '../../lib/api/client.ts';
import { useSignedIn } from '../../lib/session.tsx';
import { applyProblems } from '../../ui/applyProblems.ts';
import { errorText, problemText } from '../../ui/errorText.ts';
import { PageHead } from '../../ui/PageHead.tsx';
import { ErrorState, Loading } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';
import { useAnalyticsApi } from '../dashboard/analyticsApi.ts';
import { ANALYTICS_FIELDS, changesBetween, CURRENCIES, sameSettings, zoneChoices } from './analyticsSettingsModel.ts';
import { analyticsProblemText, useAnalyticsSettingsTexts, type AnalyticsSettingsTextKey as Key } from './analyticsSettingsTexts.ts';

type Range = { min: number; max: number; step: number };
const help = { fontSize: 13 } as const;

/** Settings → Reports & alerts: the time zone of reports, when a bot conversation has ended, alert thresholds, costs, the surge rule. */
export default function AnalyticsSettingsPage() {
  const { tryT } = useI18n();
  const { t } = useAnalyticsSettingsTexts();
  const { session } = useSignedIn();
  const api = useAnalyticsApi();
  const { message } = App.useApp();
  const canManage = session.user.role === 'admin' || session.user.role === 'supervisor';
  const settings = useResource((signal) => api.settings(signal), [api]);
  const [form] = Form.useForm<AnalyticsSettings>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; general: Problem[] } | null>(null);
  const surge = Form.useWatch('surge', form);
  const watched = Form.useWatch([], form) as Partial<AnalyticsSettings> | undefined;
  // Problems in the reader's language: this screen's own messages first, then the shared dictionary.
  const problemT = useMemo(
    () => (key: string, fallback: string, vars?: Record<string, string | number>) =>
      (key.startsWith('problem.') ? analyticsProblemText(key.slice('problem.'.length), t) : null) ?? tryT(key, fallback, vars),
    [t, tryT],
  );

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data.settings);
  }, [settings.data, form]);

  const submit = async (values: AnalyticsSettings) => {
    const change = changesBetween(settings.data!.settings, values);
    if (Object.keys(change).length === 0) return void message.info(t('as.unchanged'));
    setSaving(true);
    setFailure(null);
    try {
      const next = await api.saveSettings(change);
      settings.setData(() => next);
      void message.success(t('as.saved'));
    } catch (error) {
      setFailure({ error, general: applyProblems(form, error, ANALYTICS_FIELDS, problemT) });
    } finally {
      setSaving(false);
    }
  };
  const clearProblems = () => form.setFields([...ANALYTICS_FIELDS.filter((f) => f !== 'surge').map((name) => ({ name, errors: [] })), ...(['windowMinutes', 'baselineHours', 'minCount', 'ratio'] as const).map((name) => ({ name: ['surge', name] as ['surge', SurgeRangedSetting], errors: [] }))]);

  const head = (extra?: ReactNode) => <PageHead title={t('as.title')} subtitle={t('as.subtitle')} extra={extra} />;
  if (settings.error && !settings.data) return <>{head()}<div className="lx-panel"><ErrorState error={settings.error} onRetry={settings.reload} /></div></>;
  if (!settings.data) return <>{head()}<div className="lx-panel"><Loading minHeight={320} /></div></>;

  const { defaults } = settings.data;
  const zones = zoneChoices(watched?.timezone ?? settings.data.settings.timezone);
  const required = [{ required: true, message: t('as.problem.required') }];
  const rangeLine = (range: Range, value: number) => t('as.range', { min: range.min, max: range.max, value });
  /** A number field: what it means in plain words, its range and default, and the server's problem under it. */
  const numberField = (name: AnalyticsRangedSetting | ['surge', SurgeRangedSetting], label: Key, helpKey: Key, unit: string, extra?: (v: number | undefined) => string | null) => {
    const isSurge = Array.isArray(name);
    const range: Range = isSurge ? surgeSettingRanges[name[1]] : analyticsSettingRanges[name];
    const fallback = isSurge ? defaults.surge[name[1]] : defaults[name];
    const current = (isSurge ? watched?.surge?.[name[1]] : watched?.[name]) as number | undefined;
    const note = extra?.(current);
    return (
      <Form.Item name={name} label={t(label)} rules={required} extra={<><div>{t(helpKey)}</div><div>{rangeLine(range, fallback)}{note ? ` · ${note}` : ''}</div></>}>
        <InputNumber min={range.min} max={range.max} step={range.step} precision={range.step === 1 ? 0 : range.step < 0.1 ? 2 : 1} suffix={unit} style={{ width: 200 }} aria-label={t(label)} />
      </Form.Item>
    );
  };
  const minutesOf = (seconds: number | undefined) => (seconds && seconds >= 60 ? t('as.inMinutes', { n: Math.round(seconds / 6) / 10 }) : null);
  const rule = { ...settings.data.settings.surge, ...surge };
  const currency = watched?.currency || settings.data.settings.currency;

  return (
    <>
      {head(canManage ? (
        <Space wrap>
          {sameSettings(settings.data.settings, defaults) ? <Tag>{t('as.allDefault')}</Tag> : null}
          <Button onClick={() => { form.setFieldsValue(settings.data!.settings); clearProblems(); setFailure(null); }}>{t('as.reset')}</Button>
          <Button onClick={() => { form.setFieldsValue(defaults); void message.info(t('as.defaultsFilled')); }}>{t('as.defaults')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>{tryT('common.save', 'Save')}</Button>
        </Space>
      ) : <Typography.Text type="secondary">{t('as.readOnly')}</Typography.Text>)}
      {failure ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(failure.error, problemT)} description={failure.general.length ? failure.general.map((p) => problemText(p, problemT)).join('; ') : undefined} /> : null}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} disabled={!canManage} name="analytics" initialValues={settings.data.settings}>
        <div className="lx-settings-grid" style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 12, alignItems: 'start' }}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
            <Card size="small" title={t('as.time')}>
              <Typography.Paragraph type="secondary" style={help}>{t('as.timeHelp')}</Typography.Paragraph>
              <Form.Item name="timezone" label={t('as.timezone')} rules={required} extra={<><div>{t('as.timezoneHelp')}</div><div>{t('as.defaultOnly', { value: defaults.timezone })}</div></>}>
                <Select showSearch style={{ maxWidth: 320 }} aria-label={t('as.timezone')} options={zones.map((zone) => ({ value: zone, label: zone }))} />
              </Form.Item>
              {numberField('idleMinutes', 'as.idleMinutes', 'as.idleMinutesHelp', t('as.unit.minutes'))}
            </Card>
            <Card size="small" title={t('as.alerts')}>
              <Typography.Paragraph type="secondary" style={help}>{t('as.alertsHelp')}</Typography.Paragraph>
              {numberField('queueLengthAlert', 'as.queueLengthAlert', 'as.queueLengthAlertHelp', t('as.unit.customers'))}
              {numberField('longestWaitAlertSeconds', 'as.longestWaitAlertSeconds', 'as.longestWaitAlertSecondsHelp', t('as.unit.seconds'), minutesOf)}
              {numberField('slaFirstResponseSeconds', 'as.slaFirstResponseSeconds', 'as.slaFirstResponseSecondsHelp', t('as.unit.seconds'), minutesOf)}
            </Card>
          </div>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
            <Card size="small" title={t('as.surge')}>
              <Typography.Paragraph type="secondary" style={help}>{t('as.surgeHelp')}</Typography.Paragraph>
              <Alert type="info" style={{ marginBottom: 16 }} title={t('as.surgeRule', { window: rule.windowMinutes, minCount: rule.minCount, baseline: rule.baselineHours, ratio: rule.ratio, critical: Math.round(rule.ratio * 20) / 10 })} />
              {numberField(['surge', 'windowMinutes'], 'as.windowMinutes', 'as.windowMinutesHelp', t('as.unit.minutes'))}
              {numberField(['surge', 'baselineHours'], 'as.baselineHours', 'as.baselineHoursHelp', t('as.unit.hours'))}
              {numberField(['surge', 'minCount'], 'as.minCount', 'as.minCountHelp', t('as.unit.times'))}
              {numberField(['surge', 'ratio'], 'as.ratio', 'as.ratioHelp', t('as.unit.ratio'))}
            </Card>
            <Card size="small" title={t('as.costs')}>
              <Typography.Paragraph type="secondary" style={help}>{t('as.costsHelp')}</Typography.Paragraph>
              <Form.Item name="currency" label={t('as.currency')} rules={required} normalize={(v: string) => v?.toUpperCase()} extra={t('as.defaultOnly', { value: defaults.currency })}>
                <AutoComplete style={{ width: 200 }} aria-label={t('as.currency')} options={CURRENCIES.map((c) => ({ value: c }))} />
              </Form.Item>
              {numberField('costPerBotConversation', 'as.costPerBotConversation', 'as.costPerBotConversationHelp', currency)}
              {numberField('costPerHumanConversation', 'as.costPerHumanConversation', 'as.costPerHumanConversationHelp', currency)}
            </Card>
          </div>
        </div>
      </Form>
    </>
  );
}
