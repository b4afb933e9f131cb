import { useCallback } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

// The words of knowledge import and export, in both languages (kept beside the screens that use them).

const zh = {
  'import.title': '导入知识',
  'import.help': '支持 .xlsx、.csv（第一行为列名：question、similarQuestions、answer、category、tags；相似问题和标签用 | 分隔）、.jsonl（每行一个 JSON 条目）和 .json。导入的条目会直接发布，全部写入后机器人重新训练一次。',
  'import.choose': '选择文件',
  'import.template': '下载 CSV 模板',
  'import.paste': '或把 JSON Lines 粘贴到这里（每行一个条目）',
  'import.empty': '还没有选择文件。选择一个 Excel、CSV 或 JSON Lines 文件，或者在下方粘贴内容。',
  'import.notSupported': '不支持“{name}”这种文件。请选择 .xlsx、.csv、.jsonl 或 .json 文件。',
  'import.selected': '已选择 {name}（{size}）',
  'import.start': '开始导入',
  'import.background': '导入在后台进行：可以关闭此窗口，稍后在这里查看结果。',
  'import.status.queued': '排队中，马上开始…',
  'import.status.running': '正在写入：第 {processed} / {total} 行',
  'import.status.publishing': '{total} 行已处理，正在重新训练机器人…',
  'import.status.done': '完成：成功导入 {imported} 条，{failed} 行有问题。机器人已按新知识回答（模型版本 {version}）。',
  'import.status.doneNothing': '没有导入任何条目：{failed} 行都有问题，请按下表修改后重新导入。',
  'import.status.failed': '导入失败',
  'import.errorsTitle': '有问题的行（{n}）',
  'import.errorsTruncated': '只列出前 {shown} 行，共 {failed} 行有问题。',
  'import.errorsDownload': '下载问题清单',
  'import.line': '行号',
  'import.field': '字段',
  'import.problem': '问题',
  'import.again': '导入另一个文件',
  'import.uploadFailed': '文件没有上传成功',
  'import.tooBig': '文件太大了。请拆成几个文件依次导入。',
  'import.nothing': '文件里没有条目。请确认第一行是列名，下面每行一个条目。',
  'export.menu': '导出',
  'export.jsonl': 'JSON Lines（.jsonl）',
  'export.csv': 'CSV（.csv）',
  'export.xlsx': 'Excel（.xlsx）',
  'export.failed': '导出失败：{reason}',
  'template.question': '退货运费谁承担？',
  'template.similar': '退货要自己付运费吗|退货运费怎么算',
  'template.answer': '质量问题由我们承担运费；七天无理由退货的运费由买家承担。',
  'template.category': '售后',
  'template.tags': '退货|运费',
};

const en: Record<keyof typeof zh, string> = {
  'import.title': 'Import knowledge',
  'import.help': 'Takes .xlsx and .csv (first row names the columns: question, similarQuestions, answer, category, tags; similar questions and tags separated by |), .jsonl (one JSON entry a line) and .json. Imported entries are published, and the bot retrains once after the last row.',
  'import.choose': 'Choose a file',
  'import.template': 'Download a CSV template',
  'import.paste': 'or paste JSON Lines here (one entry a line)',
  'import.empty': 'No file chosen yet. Choose an Excel, CSV or JSON Lines file, or paste lines below.',
  'import.notSupported': '“{name}” is not a file we can import. Choose a .xlsx, .csv, .jsonl or .json file.',
  'import.selected': '{name} ({size})',
  'import.start': 'Import',
  'import.background': 'The import runs in the background: you can close this window and come back for the result.',
  'import.status.queued': 'Queued, starting in a moment…',
  'import.status.running': 'Writing row {processed} of {total}',
  'import.status.publishing': 'All {total} rows handled; retraining the bot…',
  'import.status.done': 'Done: {imported} entries imported, {failed} rows with problems. The bot answers from them now (model version {version}).',
  'import.status.doneNothing': 'Nothing was imported: all {failed} rows have problems. Fix them as listed below and import again.',
  'import.status.failed': 'The import failed',
  'import.errorsTitle': 'Rows with problems ({n})',
  'import.errorsTruncated': 'Showing the first {shown} of {failed} rows with problems.',
  'import.errorsDownload': 'Download the list',
  'import.line': 'Line',
  'import.field': 'Field',
  'import.problem': 'Problem',
  'import.again': 'Import another file',
  'import.uploadFailed': 'The file was not uploaded',
  'import.tooBig': 'The file is too large. Split it and import the parts one after another.',
  'import.nothing': 'The file has no entries. Check that the first row names the columns and each row below is one entry.',
  'export.menu': 'Export',
  'export.jsonl': 'JSON Lines (.jsonl)',
  'export.csv': 'CSV (.csv)',
  'export.xlsx': 'Excel (.xlsx)',
  'export.failed': 'Export failed: {reason}',
  'template.question': 'Who pays for return shipping?',
  'template.similar': 'do I pay to send it back|return shipping cost',
  'template.answer': 'We pay for returns of faulty items; for 7-day no-reason returns the buyer pays.',
  'template.category': 'After-sales',
  'template.tags': 'returns|shipping',
};

export type ImportTextKey = keyof typeof zh;

export function useImportTexts() {
  const { locale } = useI18n();
  const t = useCallback(
    (key: ImportTextKey, vars: Record<string, string | number> = {}) =>
      (locale === 'en-US' ? en[key] : zh[key]).replace(/\{(\w+)\}/g, (_m, name: string) => String(vars[name] ?? `{${name}}`)),
    [locale],
  );
  return { t, locale };
}

export const importTextsForTest = { zh, en };
