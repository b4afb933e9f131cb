// A deliberately small markdown renderer for bot and agent answers: everything is escaped first,
// then only bold, italic, inline code, headings (as bold), lists, simple tables, http(s) links and
// line breaks come back.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Only absolute http(s) URLs become links: no javascript:, data:, relative or protocol-relative ones. */
export function safeHref(url: string): string | null {
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s/]/i.test(trimmed)) return null;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function link(href: string, label: string): string {
  return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer nofollow">${label}</a>`;
}

// [label](url) | **bold** | `code` | a bare http(s) URL (stops at spaces, brackets and CJK punctuation) | *italic*.
const INLINE = /\[([^\]\n]+)\]\(([^)\s]+)\)|\*\*([^*\n]+?)\*\*|`([^`\n]+)`|(https?:\/\/[^\s<>"'()\[\]\u3000-\u303f\uff00-\uffef]+)|\*([^*\s](?:[^*\n]*[^*\s])?)\*/gi;

export function renderInline(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole, label, url, bold, code, bare, italic] = match;
    out += escapeHtml(text.slice(last, match.index));
    last = match.index + whole.length;
    if (label !== undefined && url !== undefined) {
      const href = safeHref(url);
      out += href ? link(href, renderInline(label)) : escapeHtml(whole);
    } else if (bold !== undefined) {
      out += `<strong>${renderInline(bold)}</strong>`;
    } else if (code !== undefined) {
      out += `<code>${escapeHtml(code)}</code>`;
    } else if (italic !== undefined) {
      out += `<em>${renderInline(italic)}</em>`;
    } else if (bare !== undefined) {
      // Trailing sentence punctuation is not part of a URL.
      const trimmed = bare.replace(/[.,;:!?]+$/, '');
      const href = safeHref(trimmed);
      out += href ? link(href, escapeHtml(trimmed)) : escapeHtml(trimmed);
      out += escapeHtml(bare.slice(trimmed.length));
    }
  }
  return out + escapeHtml(text.slice(last));
}

type Block = { kind: 'p'; lines: string[] } | { kind: 'ul' | 'ol'; items: string[] } | { kind: 'h'; text: string } | { kind: 'table'; rows: string[] };

const BULLET = /^\s*[-*+•]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)、]\s*(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*)$/;
const TABLE_ROW = /^\s*\|.*\|\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] | null = null;
  for (const line of lines) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const heading = HEADING.exec(line);
    const previous = blocks.at(-1);
    if (line.trim() === '') {
      paragraph = null;
    } else if (TABLE_ROW.test(line)) {
      paragraph = null;
      if (previous?.kind === 'table') previous.rows.push(line);
      else blocks.push({ kind: 'table', rows: [line] });
    } else if (heading) {
      paragraph = null;
      blocks.push({ kind: 'h', text: heading[1] ?? '' });
    } else if (bullet || numbered) {
      paragraph = null;
      const kind = bullet ? 'ul' : 'ol';
      const item = (bullet ?? numbered)?.[1] ?? '';
      if (previous && previous.kind === kind) previous.items.push(item);
      else blocks.push({ kind, items: [item] });
    } else if (paragraph) {
      paragraph.push(line.trim());
    } else {
      paragraph = [line.trim()];
      blocks.push({ kind: 'p', lines: paragraph });
    }
  }
  return blocks;
}

function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

/** A pipe table; the row under the first one made of dashes marks the first as the header. */
function renderTable(rows: string[]): string {
  const hasHeader = rows.length > 1 && TABLE_RULE.test(rows[1]!);
  const body = (hasHeader ? rows.slice(2) : rows).filter((row) => !TABLE_RULE.test(row));
  const row = (line: string, tag: 'th' | 'td') => `<tr>${cells(line).map((cell) => `<${tag}>${renderInline(cell)}</${tag}>`).join('')}</tr>`;
  const head = hasHeader ? `<thead>${row(rows[0]!, 'th')}</thead>` : '';
  return `<table>${head}<tbody>${body.map((line) => row(line, 'td')).join('')}</tbody></table>`;
}

/** Markdown → HTML that contains only p, br, strong, em, code, ul, ol, li, table parts and a[href^=http]. */
export function renderMarkdown(markdown: string): string {
  return blocksOf(markdown)
    .map((block) => {
      switch (block.kind) {
        case 'p':
          return `<p>${block.lines.map(renderInline).join('<br>')}</p>`;
        case 'h':
          return `<p><strong>${renderInline(block.text)}</strong></p>`;
        case 'table':
          return renderTable(block.rows);
        case 'ul':
        case 'ol':
          return `<${block.kind}>${block.items.map((item) => `<li>${renderInline(item)}</li>`).join('')}</${block.kind}>`;
      }
    })
    .join('');
}
