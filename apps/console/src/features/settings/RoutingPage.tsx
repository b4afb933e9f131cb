import { useEffect, useMemo, useState } from 'react';
import { type FormInstance, Alert, App, Button, Card, Form, InputNumber, Select, Space, Typography } from 'antd';
import type { RoutingSettingsView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isApiError, type Problem } from '../../lib/api/client.ts';
import { useSignedIn } from '../../lib/session.tsx';
import { errorText, problemText } from '../../ui/errorText.ts';
import { PageHead } from '../../ui/PageHead.tsx';
import { ErrorState, Loading } from '../../ui/StateViews.tsx';
import { useResource } from '../../ui/useResource.ts';
import { routingFieldOf } from './routingProblems.ts';
import { WeeklyHours } from './WeeklyHours.tsx';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Settings → routing: accept time, presence grace, overflow thresholds, business hours with holidays, priority weights. */
export default function RoutingPage() {
  const { t, tryT } = useI18n();
  const { api, session } = useSignedIn();
  const { message } = App.useApp();
  const canManage = session.user.role === 'admin';
  const settings = useResource(() => api.settings.routing(), [api]);
  const [form] = Form.useForm<RoutingSettingsView>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; general: Problem[] } | null>(null);
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone').map((zone) => ({ value: zone, label: zone })), []);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data.settings);
  }, [settings.data, form]);

  const submit = async (values: RoutingSettingsView) => {
    setSaving(true);
    setFailure(null);
    try {
      const saved = await api.settings.saveRouting(values);
      settings.setData(() => saved);
      void message.success(t('routing.saved'));
    } catch (error) {
      const general: Problem[] = [];
      const fields: { name: (string | number)[]; errors: string[] }[] = [];
      for (const problem of isApiError(error) ? error.problems : []) {
        const name = routingFieldOf(problem);
        if (name) fields.push({ name, errors: [problemText(problem, tryT)] });
        else general.push(problem);
      }
      (form as FormInstance).setFields(fields);
      setFailure({ error, general });
    } finally {
      setSaving(false);
    }
  };

  if (settings.error && !settings.data) return <><PageHead title={t('routing.title')} subtitle={t('routing.subtitle')} /><div className="lx-panel"><ErrorState error={settings.error} onRetry={settings.reload} /></div></>;
  if (!settings.data) return <><PageHead title={t('routing.title')} subtitle={t('routing.subtitle')} /><div className="lx-panel"><Loading minHeight={320} /></div></>;

  const seconds = (name: (string | number)[], label: string, min: number, max: number, extra?: string) => (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: t('problem.is required') }]}>
      <InputNumber min={min} max={max} precision={0} style={{ width: 160 }} />
    </Form.Item>
  );
  const dates = (name: 'holidays' | 'extraWorkdays') => (
    <Form.Item name={['businessHours', name]} label={t(name === 'holidays' ? 'routing.holidays' : 'routing.extraWorkdays')} extra={t('routing.datesHelp')}
      rules={[{ validator: async (_, value: string[] | undefined) => { if ((value ?? []).some((d) => !ISO_DAY.test(d))) throw new Error(t('problem.must be a date YYYY-MM-DD')); } }]}>
      <Select mode="tags" tokenSeparators={[',', ' ', '，']} open={false} placeholder="2026-10-01" style={{ maxWidth: 560 }} aria-label={t(name === 'holidays' ? 'routing.holidays' : 'routing.extraWorkdays')} />
    </Form.Item>
  );
  return (
    <>
      <PageHead
        title={t('routing.title')}
        subtitle={t('routing.subtitle')}
        extra={canManage ? (
          <Space>
            <Button onClick={() => { form.setFieldsValue(settings.data!.settings); setFailure(null); }}>{t('routing.reset')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()}>{t('common.save')}</Button>
          </Space>
        ) : <Typography.Text type="secondary">{t('routing.readOnly')}</Typography.Text>}
      />
      {failure ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(failure.error, tryT)} description={failure.general.length ? failure.general.map((p) => problemText(p, tryT)).join('; ') : undefined} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} disabled={!canManage} name="routing" initialValues={settings.data.settings}>
        <div className="lx-settings-grid" style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 12, alignItems: 'start' }}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
            <Card size="small" title={t('routing.assignment')}>
              {seconds(['acceptSeconds'], t('routing.acceptSeconds'), 5, 600, t('routing.acceptHelp'))}
              {seconds(['presenceGraceSeconds'], t('routing.graceSeconds'), 0, 3600, t('routing.graceHelp'))}
              {seconds(['averageHandleSeconds'], t('routing.handleSeconds'), 10, 7200, t('routing.handleHelp'))}
            </Card>
            <Card size="small" title={t('routing.overflow')}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('routing.overflowHelp')}</Typography.Paragraph>
              <Space size={24} wrap>
                {seconds(['overflow', 'maxQueueLength'], t('routing.maxQueue'), 1, 100_000)}
                {seconds(['overflow', 'maxWaitSeconds'], t('routing.maxWait'), 10, 86_400)}
              </Space>
            </Card>
            <Card size="small" title={t('routing.priority')}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('routing.priorityHelp')}</Typography.Paragraph>
              <Space size={16} wrap>
                {(['vip', 'humanOnly', 'perEmotionLevel', 'perMinuteWaited'] as const).map((key) => (
                  <Form.Item key={key} name={['priorityWeights', key]} label={t(key === 'vip' ? 'routing.vip' : key === 'humanOnly' ? 'routing.humanOnly' : key === 'perEmotionLevel' ? 'routing.perEmotion' : 'routing.perMinute')} rules={[{ required: true, message: t('problem.is required') }]}>
                    <InputNumber min={0} max={10_000} style={{ width: 120 }} />
                  </Form.Item>
                ))}
              </Space>
            </Card>
          </div>
          <Card size="small" title={t('routing.hours')}>
            <Form.Item name={['businessHours', 'timezone']} label={t('routing.timezone')} rules={[{ required: true, message: t('problem.is required') }]}>
              <Select showSearch options={zones} style={{ width: 260 }} aria-label={t('routing.timezone')} />
            </Form.Item>
            <WeeklyHours disabled={!canManage} />
            {dates('holidays')}
            {dates('extraWorkdays')}
          </Card>
        </div>
      </Form>
    </>
  );
}
