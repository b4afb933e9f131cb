import { Button, Form, Input, Switch, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider.tsx';

const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;
const WEEK = ['1', '2', '3', '4', '5', '6', '0'] as const; // Monday first, as people read a work week

/** The weekly schedule inside the routing form: per day closed, or one or more [from, to) intervals. */
export function WeeklyHours({ disabled }: { disabled: boolean }) {
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const time = [{ required: true, message: t('problem.is required') }, { pattern: HHMM, message: t('problem.must be HH:MM (00:00–24:00)') }];
  return (
    <div className="lx-week" role="group" aria-label={t('routing.hours')} style={{ marginBottom: 16 }}>
      {WEEK.map((day) => (
        <Form.List key={day} name={['businessHours', 'weekly', day]}>
          {(fields, { add, remove }) => (
            <>
              <div style={{ display: 'flex', gap: 8, alignItems: 'center', paddingTop: 4 }}>
                <Switch
                  size="small"
                  checked={fields.length > 0}
                  disabled={disabled}
                  aria-label={t(`routing.day${day}`)}
                  onChange={(open) => (open ? add(['09:00', '18:00']) : form.setFieldValue(['businessHours', 'weekly', day], []))}
                />
                <Typography.Text strong={fields.length > 0}>{t(`routing.day${day}`)}</Typography.Text>
              </div>
              <div>
                {fields.length === 0 ? <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>{t('routing.closed')}</Typography.Text> : null}
                {fields.map((field) => (
                  <div key={field.key} style={{ display: 'flex', gap: 6, alignItems: 'baseline' }}>
                    <Form.Item name={[field.name, 0]} rules={time} style={{ marginBottom: 6 }}>
                      <Input placeholder="09:00" aria-label={`${t(`routing.day${day}`)} ${t('routing.from')}`} style={{ width: 84 }} maxLength={5} />
                    </Form.Item>
                    <span>–</span>
                    <Form.Item name={[field.name, 1]} rules={time} style={{ marginBottom: 6 }}>
                      <Input placeholder="18:00" aria-label={`${t(`routing.day${day}`)} ${t('routing.to')}`} style={{ width: 84 }} maxLength={5} />
                    </Form.Item>
                    <Button type="text" size="small" icon={<MinusCircleOutlined />} disabled={disabled} onClick={() => remove(field.name)} aria-label={t('routing.removeInterval')} />
                    {field.name === fields.length - 1 && fields.length < 6 ? <Button type="text" size="small" icon={<PlusOutlined />} disabled={disabled} onClick={() => add(['13:00', '18:00'])} aria-label={t('routing.addInterval')} /> : null}
                  </div>
                ))}
              </div>
            </>
          )}
        </Form.List>
      ))}
    </div>
  );
}
