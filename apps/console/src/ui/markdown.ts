// A small Markdown subset for knowledge answers, parsed to a tree the UI renders as React elements:
// never HTML strings, so an answer cannot inject markup or script.

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] };
export type Block =
  | { type: 'heading'; level: 3 | 4; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'table'; align: Align[]; header: Inline[][] | null; rows: Inline[][][] };
export type Align = 'left' | 'center' | 'right' | null;

const SAFE_LINK = /^(https?:|mailto:|tel:|\/)/i;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const pattern = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*]+\*)|(\[[^\]]+\]\([^)\s]+\))/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > last) out.push({ type: 'text', text: text.slice(last, index) });
    const token = match[0];
    if (match[1]) out.push({ type: 'code', text: token.slice(1, -1) });
    else if (match[2]) out.push({ type: 'strong', children: parseInline(token.slice(2, -2)) });
    else if (match[3]) out.push({ type: 'em', children: parseInline(token.slice(1, -1)) });
    else {
      const [, label = '', href = ''] = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(token) ?? [];
      out.push(SAFE_LINK.test(href) ? { type: 'link', href, children: parseInline(label) } : { type: 'text', text: label });
    }
    last = index + token.length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

/** Splits a table row on unescaped pipes, dropping the outer ones; `\|` stands for a pipe inside a cell. */
export function tableCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  const text = line.trim();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (ch === '|') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  if (text.startsWith('|')) cells.shift();
  if (text.endsWith('|') && !text.endsWith('\\|')) cells.pop();
  return cells.map((c) => c.trim());
}

const hasPipe = (line: string) => /(^|[^\\])\|/.test(line);
const FENCED_ROW = /^\s*\|.*\|\s*$/;
const DELIMITER_CELL = /^:?-+:?$/;

/** The alignment row under a header (`| :-- | :-: | --: |`), or null when the line is not one. */
function alignmentOf(line: string): Align[] | null {
  if (!hasPipe(line) && !/^\s*:?-+:?\s*$/.test(line)) return null;
  const cells = tableCells(line);
  if (cells.length === 0 || !cells.every((c) => DELIMITER_CELL.test(c))) return null;
  return cells.map((c) => (c.startsWith(':') && c.endsWith(':') ? 'center' : c.endsWith(':') ? 'right' : c.startsWith(':') ? 'left' : null));
}

/** Pads or cuts a row to the table's width, as GFM does. */
function fit(cells: string[], width: number): Inline[][] {
  return Array.from({ length: width }, (_, i) => parseInline(cells[i] ?? ''));
}

/**
 * A GFM table starting at `lines[at]`: a header row and an alignment row with as many cells, then rows
 * until a blank line or a line without a pipe (GFM would keep going; knowledge answers put prose there). Without an alignment row, lines fenced by pipes on both
 * ends still make a table, with no header (what the widget shows for them).
 */
function tableAt(lines: readonly string[], at: number): { block: Block; next: number } | null {
  const first = lines[at]!;
  if (!hasPipe(first)) return null;
  const align = at + 1 < lines.length ? alignmentOf(lines[at + 1]!) : null;
  const headerCells = tableCells(first);
  if (align && align.length === headerCells.length) {
    let next = at + 2;
    const rows: Inline[][][] = [];
    while (next < lines.length && lines[next]!.trim() && hasPipe(lines[next]!)) rows.push(fit(tableCells(lines[next++]!), align.length));
    return { block: { type: 'table', align, header: fit(headerCells, align.length), rows }, next };
  }
  if (!FENCED_ROW.test(first)) return null;
  let next = at;
  const raw: string[][] = [];
  while (next < lines.length && FENCED_ROW.test(lines[next]!)) {
    if (!alignmentOf(lines[next]!)) raw.push(tableCells(lines[next]!));
    next++;
  }
  if (raw.length === 0) return null;
  const width = Math.max(...raw.map((r) => r.length));
  return { block: { type: 'table', align: Array.from({ length: width }, () => null), header: null, rows: raw.map((r) => fit(r, width)) }, next };
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
    paragraph = [];
    if (list) blocks.push({ type: 'list', ...list });
    list = null;
  };
  const lines = source.replace(/\r\n?/g, '\n').split('\n').map((raw) => raw.trimEnd());
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const table = line.trim() ? tableAt(lines, i) : null;
    if (table) {
      flush();
      blocks.push(table.block);
      i = table.next - 1;
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*•]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)、]\s*(.*)$/.exec(line);
    if (!line.trim()) flush();
    else if (heading) {
      flush();
      blocks.push({ type: 'heading', level: (heading[1]!.length <= 2 ? 3 : 4), children: parseInline(heading[2] ?? '') });
    } else if (bullet || numbered) {
      const ordered = !bullet;
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(parseInline((bullet ?? numbered)![1] ?? ''));
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
