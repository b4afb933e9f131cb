// A deliberately small markdown renderer for bot and agent answers: everything is escaped first,
// then only bold, inline code, headings (as bold), lists, http(s) links and line breaks come back.

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

// [label](url) | **bold** | `code` | a bare http(s) URL (stops at spaces, brackets and CJK punctuation).
const INLINE = /\[([^\]\n]+)\]\(([^)\s]+)\)|\*\*([^*\n]+?)\*\*|`([^`\n]+)`|(https?:\/\/[^\s<>"'()\[\]\u3000-\u303f\uff00-\uffef]+)/gi;

export function renderInline(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole, label, url, bold, code, bare] = match;
    out += escapeHtml(text.slice(last, match.index));
    last = match.index + whole.length;
    if (label !== undefined && url !== undefined) {
      const href = safeHref(url);
      out += href ? link(href, renderInline(label)) : escapeHtml(whole);
    } else if (bold !== undefined) {
      out += `<strong>${renderInline(bold)}</strong>`;
    } else if (code !== undefined) {
      out += `<code>${escapeHtml(code)}</code>`;
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

type Block = { kind: 'p'; lines: string[] } | { kind: 'ul' | 'ol'; items: string[] } | { kind: 'h'; text: string };

const BULLET = /^\s*[-*+•]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)、]\s*(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*)$/;

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

/** Markdown → HTML that contains only p, br, strong, code, ul, ol, li and a[href^=http]. */
export function renderMarkdown(markdown: string): string {
  return blocksOf(markdown)
    .map((block) => {
      switch (block.kind) {
        case 'p':
          return `<p>${block.lines.map(renderInline).join('<br>')}</p>`;
        case 'h':
          return `<p><strong>${renderInline(block.text)}</strong></p>`;
        case 'ul':
        case 'ol':
          return `<${block.kind}>${block.items.map((item) => `<li>${renderInline(item)}</li>`).join('')}</${block.kind}>`;
      }
    })
    .join('');
}
