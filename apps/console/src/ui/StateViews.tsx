import type { ReactNode } from 'react';
import { Button, Empty, Result, Spin, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { isApiError } from '../lib/api/client.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorHint, errorText } from './errorText.ts';

export function Loading({ label, minHeight = 160 }: { label?: string; minHeight?: number }) {
  const { t } = useI18n();
  return (
    <div role="status" aria-live="polite" style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', gap: 12, minHeight }}>
      <Spin />
      <Typography.Text type="secondary">{label ?? t('common.loading')}</Typography.Text>
    </div>
  );
}

export function EmptyState({ title, action, compact }: { title: string; action?: ReactNode; compact?: boolean }) {
  return (
    <div style={{ padding: compact ? '24px 8px' : '48px 16px' }}>
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<Typography.Text type="secondary">{title}</Typography.Text>}>
        {action}
      </Empty>
    </div>
  );
}

export function ErrorState({ error, onRetry, title, compact }: { error: unknown; onRetry?: () => void; title?: string; compact?: boolean }) {
  const { t, tryT } = useI18n();
  const hint = errorHint(error);
  const requestId = isApiError(error) ? error.requestId : null;
  return (
    <Result
      status="warning"
      style={compact ? { padding: '24px 8px' } : undefined}
      title={title ?? t('common.errorTitle')}
      subTitle={
        <span role="alert">
          {errorText(error, tryT)}
          {hint && !tryT(`error.${isApiError(error) ? error.code : ''}`, '') ? <><br />{hint}</> : null}
          {requestId ? <><br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('common.requestId')}: {requestId}</Typography.Text></> : null}
        </span>
      }
      extra={onRetry ? <Button type="primary" icon={<ReloadOutlined />} onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
