import { Fragment, useMemo, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdown.ts';

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={i}>{node.text}</Fragment>;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'strong':
        return <strong key={i}>{inline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(node.children)}</em>;
      case 'link':
        return <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">{inline(node.children)}</a>;
    }
  });
}

/** Wide tables scroll sideways inside their own box rather than stretching the bubble or the card. */
function MarkdownTable({ block }: { block: Extract<Block, { type: 'table' }> }) {
  const align = (column: number) => (block.align[column] ? { textAlign: block.align[column] } : undefined);
  return (
    <div className="lx-md-table">
      <table>
        {block.header ? (
          <thead>
            <tr>{block.header.map((cell, c) => <th key={c} scope="col" style={align(c)}>{inline(cell)}</th>)}</tr>
          </thead>
        ) : null}
        <tbody>
          {block.rows.map((row, r) => (
            <tr key={r}>{row.map((cell, c) => <td key={c} style={align(c)}>{inline(cell)}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Markdown({ source }: { source: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div className="lx-markdown">
      {blocks.map((block, i) => {
        if (block.type === 'heading') return block.level === 3 ? <h3 key={i}>{inline(block.children)}</h3> : <h4 key={i}>{inline(block.children)}</h4>;
        if (block.type === 'paragraph') return <p key={i} style={{ whiteSpace: 'pre-wrap' }}>{inline(block.children)}</p>;
        if (block.type === 'table') return <MarkdownTable key={i} block={block} />;
        const items = block.items.map((item, j) => <li key={j}>{inline(item)}</li>);
        return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
      })}
    </div>
  );
}
