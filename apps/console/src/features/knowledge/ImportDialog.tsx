import { useRef, useState } from 'react';
import { Alert, Button, Input, Modal, Progress, Space, Table, Typography } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useSignedIn } from '../../lib/session.tsx';
import { errorText, problemText } from '../../ui/errorText.ts';
import { fileLine, planImport } from './importPlan.ts';

type RowError = { line: number; problems: string };
type Progress = { done: number; total: number; imported: number; errors: RowError[]; finished: boolean; failure: unknown };

export function ImportDialog({ open, onClose, onImported }: { open: boolean; onClose(): void; onImported(): void }) {
  const { t, tryT } = useI18n();
  const { api } = useSignedIn();
  const [source, setSource] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const running = progress !== null && !progress.finished;
  const plan = planImport(source);

  const start = async () => {
    const state: Progress = { done: 0, total: plan.totalLines, imported: 0, errors: [], finished: false, failure: null };
    setProgress({ ...state });
    for (const chunk of plan.chunks) {
      try {
        const result = await api.knowledge.importLines(chunk.text);
        state.imported += result.imported;
        state.errors.push(...result.errors.map((e) => ({ line: fileLine(chunk, e.line), problems: e.problems.map((p) => `${p.path ? `${p.path}: ` : ''}${problemText(p, tryT)}`).join('; ') })));
      } catch (error) {
        state.failure = error;
        break;
      }
      state.done = chunk.firstLine + chunk.lines - 1;
      setProgress({ ...state, errors: [...state.errors] });
    }
    setProgress({ ...state, finished: true, errors: [...state.errors] });
    if (state.imported > 0) onImported();
  };

  const close = () => {
    if (running) return;
    setProgress(null);
    setSource('');
    setFileName(null);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t('knowledge.importTitle')}
      width={720}
      onCancel={close}
      maskClosable={!running}
      footer={
        <Space>
          <Button onClick={close} disabled={running}>{progress?.finished ? t('common.close') : t('common.cancel')}</Button>
          {!progress?.finished ? (
            <Button type="primary" onClick={() => void start()} loading={running} disabled={plan.chunks.length === 0}>{t('knowledge.importStart')}</Button>
          ) : null}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>{t('knowledge.importHelp')}</Typography.Paragraph>
      {!progress ? (
        <>
          <input
            ref={fileInput}
            type="file"
            accept=".jsonl,.ndjson,.json,.txt,application/x-ndjson"
            style={{ display: 'none' }}
            aria-label={t('knowledge.importChoose')}
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setFileName(file.name);
              setSource(await file.text());
            }}
          />
          <Space style={{ marginBottom: 8 }}>
            <Button icon={<FileTextOutlined />} onClick={() => fileInput.current?.click()}>{t('knowledge.importChoose')}</Button>
            {fileName ? <Typography.Text>{fileName}</Typography.Text> : null}
            {plan.totalLines > 0 ? <Typography.Text type="secondary">{t('knowledge.importLines', { n: plan.totalLines })}</Typography.Text> : null}
          </Space>
          <Input.TextArea
            value={source}
            onChange={(e) => {
              setSource(e.target.value);
              setFileName(null);
            }}
            placeholder={t('knowledge.importPaste')}
            aria-label={t('knowledge.importPaste')}
            autoSize={{ minRows: 6, maxRows: 14 }}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 12 }}
          />
        </>
      ) : (
        <div aria-live="polite">
          <Progress percent={progress.total ? Math.round((progress.done / progress.total) * 100) : 100} status={progress.failure ? 'exception' : progress.finished ? 'success' : 'active'} />
          <Typography.Paragraph>
            {progress.finished ? t('knowledge.importDone', { imported: progress.imported, failed: progress.errors.length }) : t('knowledge.importProgress', { done: progress.done, total: progress.total })}
          </Typography.Paragraph>
          {progress.failure ? <Alert type="error" showIcon title={errorText(progress.failure, tryT)} style={{ marginBottom: 12 }} /> : null}
          {progress.errors.length > 0 ? (
            <Table<RowError>
              size="small"
              rowKey="line"
              dataSource={progress.errors}
              pagination={progress.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              columns={[
                { title: t('knowledge.importLine'), dataIndex: 'line', width: 80 },
                { title: t('knowledge.importProblems'), dataIndex: 'problems' },
              ]}
            />
          ) : null}
        </div>
      )}
    </Modal>
  );
}
