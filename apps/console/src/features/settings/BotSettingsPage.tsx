import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Slider, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { ExperimentOutlined, LockOutlined } from '@ant-design/icons';
import { botSettingRanges, type BotRangedSetting, type BotSettingsResponse } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Problem } from '../../lib/api/client.ts';
import { Link } from '../../lib/router.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { applyProblems } from '../../ui/applyProblems.ts';
import { errorText, problemText } from '../../ui/errorText.ts';
import { PageHead } from '../../ui/PageHead.tsx';
import { ErrorState, Loading } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';
import { changesBetween, confidenceZones, formOf, sameSettings, type BotSettingsForm } from './botSettingsModel.ts';
import { botProblemText, useBotTexts, type BotT, type BotTextKey } from './botSettingsTexts.ts';

// Fields that show a problem under themselves; a problem about a switch goes in the alert above the form.
const FIELDS = ['answerConfidence', 'lowConfidence', 'clarifyMargin', 'lowConfidenceTurns', 'repeatTimes', 'emotionLevel', 'orderLookupUrl'] as const;
const percent = (n: number) => `${Math.round(n * 100)}%`;

/** A slider with a number box beside it; confidence values are shown and typed in percent. */
function RangeInput({ setting, label, value, onChange, disabled, suffix, marks }: { setting: BotRangedSetting; label: string; value?: number; onChange?: (v: number) => void; disabled?: boolean; suffix?: string; marks?: Record<number, string> }) {
  const range = botSettingRanges[setting];
  const asPercent = range.max <= 1;
  const scale = asPercent ? 100 : 1;
  const shown = value === undefined ? undefined : Math.round(value * scale);
  const set = (v: number | null) => {
    if (v !== null && Number.isFinite(v)) onChange?.(Math.round(v) / scale);
  };
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 16, maxWidth: 560 }}>
      <Slider style={{ flex: 1 }} min={range.min * scale} max={range.max * scale} step={1} value={shown} onChange={set} disabled={disabled} marks={marks} tooltip={{ formatter: (v) => (asPercent ? `${v}%` : v) }} aria-label={label} />
      <InputNumber min={range.min * scale} max={range.max * scale} step={1} precision={0} value={shown} onChange={set} disabled={disabled} suffix={asPercent ? '%' : suffix} style={{ width: 110 }} aria-label={label} />
    </div>
  );
}

function ConfidenceScale({ low, answer, t }: { low: number; answer: number; t: BotT }) {
  const zones = confidenceZones(low, answer);
  const zone = (width: number, color: string, key: BotTextKey, help?: BotTextKey) => (width > 0 ? <Tooltip title={t(help ?? key)}><div style={{ width: `${width}%`, background: color }} className="lx-bot-zone">{width >= 10 ? t(key) : null}</div></Tooltip> : null);
  return (
    <div aria-label={t('bot.scale')} style={{ marginBottom: 16 }}>
      <div className="lx-bot-scale">
        {zone(zones.low, '#fff1f0', 'bot.zone.low')}
        {zone(zones.middle, '#fffbe6', 'bot.zone.middle', 'bot.zone.middleHelp')}
        {zone(zones.high, '#f6ffed', 'bot.zone.high')}
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
        <span>0%</span>
        <span>{percent(low)} · {percent(answer)}</span>
        <span>100%</span>
      </div>
    </div>
  );
}

/** One handoff trigger: its switch (or a lock when it cannot be switched off), what it means, and its threshold. */
function TriggerRow({ title, help, switchName, locked, children, off, t }: { title: string; help: string; switchName?: ['triggers', string]; locked?: boolean; children?: ReactNode; off?: boolean; t: BotT }) {
  return (
    <div className="lx-bot-trigger">
      <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        {locked ? (
          <Tooltip title={t('bot.alwaysOn')}><Switch checked disabled checkedChildren={<LockOutlined />} aria-label={title} /></Tooltip>
        ) : (
          <Form.Item name={switchName} valuePropName="checked" noStyle><Switch aria-label={title} /></Form.Item>
        )}
        <Typography.Text strong>{title}</Typography.Text>
        {locked ? <Tag>{t('bot.alwaysOn')}</Tag> : off ? <Tag color="default">{t('bot.triggerOff')}</Tag> : null}
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13, margin: '4px 0 8px 52px' }}>{help}</Typography.Paragraph>
      {children ? <div style={{ marginLeft: 52, opacity: off ? 0.5 : 1 }}>{children}</div> : null}
    </div>
  );
}

/** Settings → bot & handoff: answer thresholds, handoff triggers with their switches, the order lookup address. */
export default function BotSettingsPage() {
  const { tryT } = useI18n();
  const { t } = useBotTexts();
  const { api, session } = useSignedIn();
  const { message } = App.useApp();
  const role = session.user.role;
  const canManage = role === 'admin' || role === 'supervisor';
  const isAdmin = role === 'admin';
  const settings = useResource(() => api.settings.bot(), [api]);
  const [form] = Form.useForm<BotSettingsForm>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; general: Problem[] } | null>(null);
  const low = Form.useWatch('lowConfidence', form);
  const answer = Form.useWatch('answerConfidence', form);
  const triggers = Form.useWatch('triggers', form);
  // Problems in the reader's language: the bot's own messages first, then the shared dictionary.
  const problemT = useMemo(
    () => (key: string, fallback: string, vars?: Record<string, string | number>) =>
      (key.startsWith('problem.') ? botProblemText(key.slice('problem.'.length), t) : key === 'error.BOT_SETTINGS_INCONSISTENT' ? t('bot.error.inconsistent') : null) ?? tryT(key, fallback, vars),
    [t, tryT],
  );

  useEffect(() => {
    if (settings.data) form.setFieldsValue(formOf(settings.data.settings));
  }, [settings.data, form]);

  const submit = async (values: BotSettingsForm) => {
    const saved = settings.data!.settings;
    const change = changesBetween(saved, values);
    if (Object.keys(change).length === 0) return void message.info(t('bot.unchanged'));
    setSaving(true);
    setFailure(null);
    try {
      const next: BotSettingsResponse = await api.settings.saveBot(change);
      settings.setData(() => next);
      void message.success(t('bot.saved'));
    } catch (error) {
      setFailure({ error, general: applyProblems(form, error, FIELDS, problemT) });
    } finally {
      setSaving(false);
    }
  };
  const fillDefaults = () => {
    const { defaults, settings: saved } = settings.data!;
    // Only admins change the address, so a supervisor's "defaults" leave it as it is.
    form.setFieldsValue(formOf(isAdmin ? defaults : { ...defaults, orderLookupUrl: saved.orderLookupUrl }));
    void message.info(t('bot.defaultsFilled'));
  };

  const head = (extra?: ReactNode) => <PageHead title={t('bot.title')} subtitle={t('bot.subtitle')} extra={extra} />;
  if (settings.error && !settings.data) return <>{head()}<div className="lx-panel"><ErrorState error={settings.error} onRetry={settings.reload} /></div></>;
  if (!settings.data) return <>{head()}<div className="lx-panel"><Loading minHeight={320} /></div></>;

  const { defaults } = settings.data;
  const atDefaults = sameSettings(settings.data.settings, defaults);
  const defaultOf = (key: BotRangedSetting) => t('bot.default', { value: botSettingRanges[key].max <= 1 ? percent(defaults[key]) : defaults[key] });
  const ranged = (key: BotRangedSetting, label: BotTextKey, help: BotTextKey | null, props: { suffix?: string; marks?: Record<number, string>; note?: string } = {}) => (
    <Form.Item name={key} label={t(label)} extra={<>{help ? <div>{t(help)}</div> : null}{props.note ? <div>{props.note}</div> : null}<div>{defaultOf(key)}</div></>} rules={[{ required: true, message: tryT('problem.is required', 'is required') }]}>
      <RangeInput setting={key} label={t(label)} suffix={props.suffix} marks={props.marks} />
    </Form.Item>
  );
  const on = (name: 'repeat' | 'emotion' | 'low_confidence') => triggers?.[name] ?? settings.data!.settings.triggers[name];

  return (
    <>
      {head(canManage ? (
        <Space wrap>
          {atDefaults ? <Tag>{t('bot.allDefault')}</Tag> : null}
          <Button onClick={() => { form.setFieldsValue(formOf(settings.data!.settings)); form.setFields(FIELDS.map((name) => ({ name, errors: [] }))); setFailure(null); }}>{t('bot.reset')}</Button>
          <Button onClick={fillDefaults}>{t('bot.defaults')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>{tryT('common.save', 'Save')}</Button>
        </Space>
      ) : <Typography.Text type="secondary">{t('bot.readOnly')}</Typography.Text>)}
      {failure ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(failure.error, problemT)} description={failure.general.length ? failure.general.map((p) => problemText(p, problemT)).join('; ') : undefined} /> : null}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} disabled={!canManage} name="bot" initialValues={formOf(settings.data.settings)}>
        <div className="lx-settings-grid" style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 12, alignItems: 'start' }}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
            <Card size="small" title={t('bot.answering')}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('bot.answeringHelp')}</Typography.Paragraph>
              <ConfidenceScale low={low ?? settings.data.settings.lowConfidence} answer={answer ?? settings.data.settings.answerConfidence} t={t} />
              {ranged('answerConfidence', 'bot.answerConfidence', 'bot.answerConfidenceHelp')}
              {ranged('lowConfidence', 'bot.lowConfidence', 'bot.lowConfidenceHelp')}
              {ranged('clarifyMargin', 'bot.clarifyMargin', 'bot.clarifyMarginHelp')}
            </Card>
            <Alert
              type="info"
              showIcon
              icon={<ExperimentOutlined />}
              title={t('bot.tryTitle')}
              description={<><div>{t('bot.tryHint')}</div><Link to="/console/knowledge">{t('bot.tryLink')} →</Link></>}
            />
            <Card size="small" title={t('bot.orders')}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('bot.ordersHelp')}</Typography.Paragraph>
              <Form.Item name="orderLookupUrl" label={t('bot.orderLookupUrl')}>
                <Input placeholder="https://shop.example.com/api/orders/{orderNumber}" allowClear disabled={!isAdmin} style={{ maxWidth: 560 }} />
              </Form.Item>
            </Card>
          </div>
          <Card size="small" title={t('bot.handoff')}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('bot.handoffHelp')}</Typography.Paragraph>
            <TriggerRow t={t} locked title={t('bot.trigger.human_only')} help={t('bot.trigger.human_onlyHelp')}>
              <Space>
                <Form.Item name="vipGetsHuman" valuePropName="checked" noStyle><Switch aria-label={t('bot.vipGetsHuman')} /></Form.Item>
                <Typography.Text>{t('bot.vipGetsHuman')}</Typography.Text>
              </Space>
            </TriggerRow>
            <TriggerRow t={t} locked title={t('bot.trigger.explicit')} help={t('bot.trigger.explicitHelp')} />
            <TriggerRow t={t} title={t('bot.trigger.emotion')} help={t('bot.trigger.emotionHelp')} switchName={['triggers', 'emotion']} off={!on('emotion')}>
              {ranged('emotionLevel', 'bot.emotionLevel', null, { marks: { 2: '2', 3: '3', 4: '4', 5: '5' }, note: (['bot.emotion.2', 'bot.emotion.3', 'bot.emotion.4', 'bot.emotion.5'] as const).map((k) => t(k)).join(' · ') })}
            </TriggerRow>
            <TriggerRow t={t} title={t('bot.trigger.repeat')} help={t('bot.trigger.repeatHelp')} switchName={['triggers', 'repeat']} off={!on('repeat')}>
              {ranged('repeatTimes', 'bot.repeatTimes', null, { suffix: t('bot.times', { n: '' }).trim() })}
            </TriggerRow>
            <TriggerRow t={t} title={t('bot.trigger.low_confidence')} help={t('bot.trigger.low_confidenceHelp')} switchName={['triggers', 'low_confidence']} off={!on('low_confidence')}>
              {ranged('lowConfidenceTurns', 'bot.lowConfidenceTurns', null, { suffix: t('bot.turns', { n: '' }).trim() })}
            </TriggerRow>
          </Card>
        </div>
      </Form>
    </>
  );
}
