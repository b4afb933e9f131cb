import { useState } from 'react';
import { Alert, Card, Descriptions, Input, Progress, Tag, Typography } from 'antd';
import { RobotOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isApiError } from '../../lib/api/client.ts';
import type { TryBotResult } from '../../lib/api/endpoints.ts';
import { Link } from '../../lib/router.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { errorText } from '../../ui/errorText.ts';
import { Markdown } from '../../ui/Markdown.tsx';
import { useEditorTexts } from './editorTexts.ts';

// An intent that is an entry's id says nothing the "matched entry" line does not say better.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ask the bot as a customer would, and see what it would answer and why, without starting a conversation. */
export function TryBotPanel() {
  const { t, tryT, locale } = useI18n();
  const { t: et } = useEditorTexts();
  const { api } = useSignedIn();
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<{ question: string; answer: TryBotResult } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const ask = async (text: string) => {
    const question = text.trim();
    if (!question) return;
    setAsking(true);
    setFailure(null);
    try {
      setResult({ question, answer: await api.knowledge.tryBot(question, locale) });
    } catch (error) {
      setFailure(error);
      setResult(null);
    } finally {
      setAsking(false);
    }
  };

  const unavailable = isApiError(failure) && failure.status === 404 && failure.code === 'NOT_FOUND';
  const reply = result?.answer.reply;
  const confidence = reply?.confidence ?? result?.answer.confidence ?? null;
  return (
    <Card size="small" title={<span><RobotOutlined /> {t('knowledge.tryTitle')}</span>} style={{ position: 'sticky', top: 0 }}>
      <Input.Search placeholder={t('knowledge.tryPlaceholder')} aria-label={t('knowledge.tryTitle')} enterButton={t('knowledge.tryAsk')} loading={asking} onSearch={(value) => void ask(value)} />
      <div style={{ marginTop: 12 }} aria-live="polite">
        {unavailable ? (
          <Alert type="info" showIcon title={t('knowledge.tryNotAvailable')} />
        ) : failure ? (
          <Alert type="error" showIcon title={errorText(failure, tryT)} />
        ) : result && reply ? (
          <>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('knowledge.tryAnswer')}</Typography.Text>
            <div style={{ background: '#f0f5ff', border: '1px solid #d6e4ff', borderRadius: 8, padding: '8px 12px', margin: '4px 0 12px' }}>
              <Markdown source={reply.text} />
            </div>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('knowledge.tryKind')}><Tag>{et(`try.kind.${reply.kind}`)}</Tag>{result.answer.intent && !UUID.test(result.answer.intent) ? <Tag color="blue" style={{ whiteSpace: 'normal' }}>{result.answer.intent}</Tag> : null}</Descriptions.Item>
              {confidence !== null ? (
                <Descriptions.Item label={t('knowledge.tryConfidence')}>
                  <Progress percent={Math.round(confidence * 100)} size="small" style={{ width: 160, margin: 0 }} />
                </Descriptions.Item>
              ) : null}
              {reply.knowledgeEntryId ? (
                <Descriptions.Item label={t('knowledge.tryEntry')}><Link to={`/console/knowledge/${reply.knowledgeEntryId}`}>{result.answer.candidates?.find((c) => c.entryId === reply.knowledgeEntryId)?.question ?? reply.knowledgeEntryId.slice(0, 8)}</Link></Descriptions.Item>
              ) : null}
            </Descriptions>
            {result.answer.why ? <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{result.answer.why}</Typography.Paragraph> : null}
            {result.answer.candidates?.length ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{et('try.candidates')}</Typography.Text> : null}
            {result.answer.candidates?.length ? (
              <ol style={{ paddingLeft: 18, margin: 0, fontSize: 12 }}>
                {result.answer.candidates.slice(0, 5).map((c, i) => (
                  <li key={i}>
                    {c.entryId ? <Link to={`/console/knowledge/${c.entryId}`}>{c.question ?? c.entryId.slice(0, 8)}</Link> : c.question} · {c.score.toFixed(2)}
                  </li>
                ))}
              </ol>
            ) : null}
          </>
        ) : (
          <Typography.Text type="secondary">{t('knowledge.tryEmpty')}</Typography.Text>
        )}
      </div>
    </Card>
  );
}
