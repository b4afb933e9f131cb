import { useState } from 'react';
import { Alert, App, Button, Modal, Progress, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { errorText } from '../../ui/errorText.ts';
import { useResource } from '../../ui/useResource.ts';
import { useEditorTexts } from './editorTexts.ts';

/**
 * Publish says what will be published before it starts, shows that the bot is retraining while it runs, and
 * afterwards how long training took and which model is live (the bot keeps answering from the old one meanwhile).
 */
export function PublishButton() {
  const { tryT, formatDateTime } = useI18n();
  const { t } = useEditorTexts();
  const { api } = useSignedIn();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<{ published: number } | null>(null);
  const [running, setRunning] = useState<{ startedAt: number } | null>(null);
  const [result, setResult] = useState<{ version: number; entries: number; seconds: number } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const model = useResource((signal) => api.knowledge.model().catch((error: unknown) => (signal.aborted ? Promise.reject(error) : null)), [api, result]);

  const open = async () => {
    try {
      const published = await api.knowledge.list({ status: 'published', limit: 1 });
      setResult(null);
      setFailure(null);
      setAsking({ published: published.total });
    } catch (error) {
      void message.error(errorText(error, tryT));
    }
  };
  const publish = async () => {
    const startedAt = performance.now();
    setRunning({ startedAt });
    setFailure(null);
    try {
      const { model: live } = await api.knowledge.publish();
      setResult({ version: live.version, entries: live.entries, seconds: Math.round((performance.now() - startedAt) / 100) / 10 });
    } catch (error) {
      // The dialog stays open with the reason: the bot still answers from the model that was live.
      setFailure(error);
    } finally {
      setRunning(null);
    }
  };
  const close = () => {
    if (running) return;
    setAsking(null);
    setResult(null);
  };

  const current = model.data?.model;
  return (
    <>
      <Button icon={<ThunderboltOutlined />} onClick={() => void open()} title={current ? t('publish.last', { version: current.version, entries: current.entries, at: current.trainedAt ? formatDateTime(current.trainedAt) : '—' }) : undefined}>
        {tryT('knowledge.publish', 'Publish')}
      </Button>
      <Modal
        open={asking !== null}
        title={t('publish.confirmTitle')}
        onCancel={close}
        closable={!running}
        mask={{ closable: !running }}
        keyboard={!running}
        footer={
          result
            ? [<Button key="ok" type="primary" onClick={close}>OK</Button>]
            : [
                <Button key="cancel" onClick={close} disabled={running !== null}>{tryT('common.cancel', 'Cancel')}</Button>,
                <Button key="go" type="primary" loading={running !== null} onClick={() => void publish()}>{tryT('knowledge.publish', 'Publish')}</Button>,
              ]
        }
      >
        <div aria-live="polite" data-testid="publish-status">
          {failure && !running ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorText(failure, tryT)} description={t('publish.failed')} /> : null}
          {result ? (
            <Typography.Paragraph>{t('publish.done', result)}</Typography.Paragraph>
          ) : running ? (
            <>
              <Typography.Paragraph>{t('publish.running')}</Typography.Paragraph>
              <Progress percent={100} status="active" showInfo={false} />
            </>
          ) : (
            <Typography.Paragraph>{t('publish.confirmBody', { n: asking?.published ?? 0 })}</Typography.Paragraph>
          )}
          {current && !running ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('publish.last', { version: current.version, entries: current.entries, at: current.trainedAt ? formatDateTime(current.trainedAt) : '—' })}</Typography.Text>
          ) : null}
        </div>
      </Modal>
    </>
  );
}
