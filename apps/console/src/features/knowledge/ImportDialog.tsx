import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Input, Modal, Progress, Space, Table, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { KnowledgeImportProgress, type KnowledgeImportView } from '@lingxi/contracts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isApiError } from '../../lib/api/client.ts';
import { useRealtimeEvents } from '../../lib/realtime.tsx';
import { errorText, problemText } from '../../ui/errorText.ts';
import { saveFile, useKnowledgeFilesApi } from './knowledgeFilesApi.ts';
import { errorsCsv, IMPORT_ACCEPT, isFinished, isImportable, mergeProgress, percentOf, templateCsv } from './importProgress.ts';
import { useImportTexts } from './importTexts.ts';

type ErrorRow = { key: string; line: number; field: string; problem: string };
const POLL_MS = 2_000;
const sizeText = (bytes: number) => (bytes < 1_048_576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`);

/**
 * Uploads a file (or pasted JSON Lines) as a background import and follows it: pushed progress over the socket,
 * with a poll as a fallback. Closing the dialog does not stop the import; reopening it (even after leaving the page)
 * shows where it is.
 */
export function ImportDialog({ open, onClose, onImported }: { open: boolean; onClose(): void; onImported(): void }) {
  const { tryT } = useI18n();
  const { t } = useImportTexts();
  const api = useKnowledgeFilesApi();
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [unsupported, setUnsupported] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [state, setState] = useState<KnowledgeImportView | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const reported = useRef<string | null>(null);

  useRealtimeEvents(['knowledge.import'], (_event, payload) => {
    const parsed = KnowledgeImportProgress.safeParse(payload);
    if (parsed.success) setState((current) => (current && current.id === parsed.data.id ? mergeProgress(current, parsed.data) : current));
  });

  // The socket may be down (or the push lost): ask now and then until the import is over.
  const trackedId = state && !isFinished(state) ? state.id : null;
  useEffect(() => {
    if (!trackedId) return;
    const controller = new AbortController();
    const timer = setInterval(() => {
      api.importStatus(trackedId, controller.signal).then((fresh) => setState((current) => mergeProgress(current, fresh)), () => undefined);
    }, POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [trackedId, api]);

  // Opened again after leaving the page: pick up an import of this workspace that is still running.
  useEffect(() => {
    if (!open || state || uploading) return;
    const controller = new AbortController();
    api.recentImports(controller.signal).then(
      (imports) => {
        const running = imports.find((i) => !isFinished(i));
        if (running) void api.importStatus(running.id, controller.signal).then((full) => setState((current) => current ?? full), () => undefined);
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [open, state, uploading, api]);

  useEffect(() => {
    if (state?.status === 'done' && state.imported > 0 && reported.current !== state.id) {
      reported.current = state.id;
      onImported();
    }
  }, [state, onImported]);

  const reset = () => {
    setFile(null);
    setPasted('');
    setUnsupported(null);
    setUploadError(null);
    setState(null);
    if (fileInput.current) fileInput.current.value = '';
  };
  const close = () => {
    if (isFinished(state) || (!state && !uploading)) reset();
    onClose();
  };
  const start = async () => {
    setUploading(true);
    setUploadError(null);
    try {
      const started = file ? await api.startImport(file, file.name) : await api.startImport(new Blob([pasted], { type: 'application/x-ndjson' }), 'pasted.jsonl');
      setState((current) => mergeProgress(current, started));
    } catch (error) {
      setUploadError(error);
    } finally {
      setUploading(false);
    }
  };
  const downloadTemplate = () =>
    saveFile(
      new Blob([templateCsv({ question: t('template.question'), similarQuestions: t('template.similar').split('|'), answer: t('template.answer'), category: t('template.category'), tags: t('template.tags').split('|') })], { type: 'text/csv;charset=utf-8' }),
      'lingxi-knowledge-template.csv',
    );

  const errorRows: ErrorRow[] = (state?.errors ?? []).flatMap((e) => e.problems.map((p, i) => ({ key: `${e.line}-${i}`, line: e.line, field: p.path, problem: problemText(p, tryT) })));
  const downloadErrors = () =>
    saveFile(
      new Blob([errorsCsv(state!.errors, { line: t('import.line'), field: t('import.field'), problem: t('import.problem') }, (m) => problemText({ message: m }, tryT))], { type: 'text/csv;charset=utf-8' }),
      `${(state!.fileName ?? 'import').replace(/\.[^.]+$/, '')}-problems.csv`,
    );
  const uploadMessage = (error: unknown) =>
    isApiError(error) && error.code === 'KNOWLEDGE_IMPORT_TOO_BIG' ? t('import.tooBig') : isApiError(error) && error.code === 'KNOWLEDGE_IMPORT_EMPTY' ? t('import.nothing') : errorText(error, tryT);
  const canStart = !uploading && !unsupported && (file !== null || pasted.trim() !== '');

  return (
    <Modal
      open={open}
      title={t('import.title')}
      width={760}
      onCancel={close}
      footer={
        <Space>
          {state && isFinished(state) ? <Button onClick={reset}>{t('import.again')}</Button> : null}
          {!state ? <Button type="primary" onClick={() => void start()} loading={uploading} disabled={!canStart}>{t('import.start')}</Button> : null}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('import.help')}</Typography.Paragraph>
      {!state ? (
        <>
          <input
            ref={fileInput}
            type="file"
            accept={IMPORT_ACCEPT}
            style={{ display: 'none' }}
            aria-label={t('import.choose')}
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setUploadError(null);
              if (chosen && !isImportable(chosen.name)) {
                setFile(null);
                setUnsupported(chosen.name);
                return;
              }
              setUnsupported(null);
              setFile(chosen);
              if (chosen) setPasted('');
            }}
          />
          <Space style={{ marginBottom: 8 }} wrap>
            <Button icon={<FileExcelOutlined />} onClick={() => fileInput.current?.click()}>{t('import.choose')}</Button>
            <Button type="link" icon={<DownloadOutlined />} onClick={downloadTemplate}>{t('import.template')}</Button>
          </Space>
          <div style={{ marginBottom: 8 }}>
            {file ? (
              <Typography.Text><FileTextOutlined /> {t('import.selected', { name: file.name, size: sizeText(file.size) })}</Typography.Text>
            ) : !pasted.trim() && !unsupported ? (
              <Typography.Text type="secondary">{t('import.empty')}</Typography.Text>
            ) : null}
          </div>
          {unsupported ? <Alert type="warning" showIcon title={t('import.notSupported', { name: unsupported })} style={{ marginBottom: 8 }} /> : null}
          {uploadError ? <Alert type="error" showIcon title={t('import.uploadFailed')} description={uploadMessage(uploadError)} style={{ marginBottom: 8 }} /> : null}
          <Input.TextArea
            value={pasted}
            disabled={file !== null}
            onChange={(e) => setPasted(e.target.value)}
            placeholder={t('import.paste')}
            aria-label={t('import.paste')}
            autoSize={{ minRows: 5, maxRows: 12 }}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 }}
          />
        </>
      ) : (
        <div aria-live="polite">
          {state.fileName ? <Typography.Text strong>{state.fileName}</Typography.Text> : null}
          <Progress percent={percentOf(state)} status={state.status === 'failed' ? 'exception' : state.status === 'done' ? 'success' : 'active'} />
          <Typography.Paragraph>
            {state.status === 'done'
              ? state.imported > 0
                ? t('import.status.done', { imported: state.imported, failed: state.failed, version: state.modelVersion ?? '—' })
                : t('import.status.doneNothing', { failed: state.failed })
              : state.status === 'failed'
                ? null
                : t(`import.status.${state.status}`, { processed: state.processed, total: state.total })}
          </Typography.Paragraph>
          {state.status === 'failed' ? <Alert type="error" showIcon title={t('import.status.failed')} description={state.failure ?? undefined} style={{ marginBottom: 12 }} /> : null}
          {!isFinished(state) ? <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('import.background')}</Typography.Paragraph> : null}
          {errorRows.length > 0 ? (
            <>
              <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }}>
                <Typography.Text strong>{t('import.errorsTitle', { n: state.failed })}</Typography.Text>
                <Button size="small" icon={<DownloadOutlined />} onClick={downloadErrors}>{t('import.errorsDownload')}</Button>
              </Space>
              {state.failed > state.errors.length ? <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('import.errorsTruncated', { shown: state.errors.length, failed: state.failed })}</Typography.Paragraph> : null}
              <Table<ErrorRow>
                size="small"
                rowKey="key"
                dataSource={errorRows}
                pagination={errorRows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                columns={[
                  { title: t('import.line'), dataIndex: 'line', width: 80 },
                  { title: t('import.field'), dataIndex: 'field', width: 140 },
                  { title: t('import.problem'), dataIndex: 'problem' },
                ]}
              />
            </>
          ) : null}
        </div>
      )}
    </Modal>
  );
}
