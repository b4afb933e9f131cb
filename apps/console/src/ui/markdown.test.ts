import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, tableCells } from './markdown.ts';

describe('markdown subset', () => {
  it('parses headings, paragraphs and both kinds of list', () => {
    const blocks = parseMarkdown('## 退货流程\n先登录\n\n1. 打开订单\n2. 点击退货\n\n- 免运费\n- 7 天内');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'list']);
    expect(blocks[2]).toMatchObject({ ordered: true, items: [[{ type: 'text', text: '打开订单' }], [{ type: 'text', text: '点击退货' }]] });
    expect(blocks[3]).toMatchObject({ ordered: false });
  });

  it('parses bold, italic, code and safe links only', () => {
    expect(parseInline('**7 天**内可退')).toEqual([{ type: 'strong', children: [{ type: 'text', text: '7 天' }] }, { type: 'text', text: '内可退' }]);
    expect(parseInline('see [help](https://x.cn/a)')).toEqual([{ type: 'text', text: 'see ' }, { type: 'link', href: 'https://x.cn/a', children: [{ type: 'text', text: 'help' }] }]);
    expect(parseInline('[x](javascript:alert(1))')[0]).toMatchObject({ type: 'text' });
    expect(parseInline('run `lingxi start`')[1]).toEqual({ type: 'code', text: 'lingxi start' });
  });

  it('keeps HTML as plain text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] }]);
  });
});

describe('markdown tables (GFM)', () => {
  const text = (cell: unknown) => JSON.stringify(cell);

  it('reads the header, the alignment row and the body, with inline formatting in cells', () => {
    const blocks = parseMarkdown('支付方式如下：\n\n| 支付方式 | 到账时间 | 手续费 |\n| :--- | :---: | ---: |\n| 余额 | **即时** | 0 |\n| 银行卡 | 3–7 个工作日 | `1%` |\n\n以上为参考。');
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'table', 'paragraph']);
    const table = blocks[1]!;
    if (table.type !== 'table') throw new Error('not a table');
    expect(table.align).toEqual(['left', 'center', 'right']);
    expect(table.header).toEqual([[{ type: 'text', text: '支付方式' }], [{ type: 'text', text: '到账时间' }], [{ type: 'text', text: '手续费' }]]);
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]![1]).toEqual([{ type: 'strong', children: [{ type: 'text', text: '即时' }] }]);
    expect(table.rows[1]![2]).toEqual([{ type: 'code', text: '1%' }]);
  });

  it('accepts rows without outer pipes, pads short rows and cuts long ones to the header', () => {
    const [table] = parseMarkdown('a | b\n--|--\n1 |\n2 | 3 | 4');
    expect(table).toMatchObject({ type: 'table', align: [null, null] });
    if (table?.type !== 'table') throw new Error('not a table');
    expect(table.rows.map((r) => r.map(text))).toEqual([
      [text([{ type: 'text', text: '1' }]), text([])],
      [text([{ type: 'text', text: '2' }]), text([{ type: 'text', text: '3' }])],
    ]);
  });

  it('keeps escaped pipes inside a cell', () => {
    expect(tableCells('| a \\| b | c |')).toEqual(['a | b', 'c']);
    const [table] = parseMarkdown('| 命令 | 说明 |\n|---|---|\n| `x \\| y` | 管道 |');
    if (table?.type !== 'table') throw new Error('not a table');
    expect(table.rows[0]![0]).toEqual([{ type: 'code', text: 'x | y' }]);
  });

  it('ends the table at a blank line or a line without a pipe (prose right under a table stays prose)', () => {
    const blocks = parseMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\nafter the table');
    expect(blocks.map((b) => b.type)).toEqual(['table', 'paragraph']);
  });

  it('shows pipe-fenced lines without an alignment row as a table without a header (as the widget does)', () => {
    const [table] = parseMarkdown('| 余额 | 即时 |\n| 银行卡 | 3–7 天 |');
    expect(table).toMatchObject({ type: 'table', header: null });
    if (table?.type !== 'table') throw new Error('not a table');
    expect(table.rows).toHaveLength(2);
  });

  it('leaves a lone pipe in prose, or a header whose alignment row does not match, as text', () => {
    expect(parseMarkdown('A | B are both fine')).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'A | B are both fine' }] }]);
    expect(parseMarkdown('a | b | c\n|---|---|').map((b) => b.type)).toEqual(['paragraph']);
  });

  it('keeps HTML in cells as text and drops unsafe links', () => {
    const [table] = parseMarkdown('| x | y |\n|---|---|\n| <img src=x onerror=alert(1)> | [go](javascript:alert(1)) |');
    if (table?.type !== 'table') throw new Error('not a table');
    expect(table.rows[0]![0]).toEqual([{ type: 'text', text: '<img src=x onerror=alert(1)>' }]);
    expect(table.rows[0]![1]!.some((node) => node.type === 'link')).toBe(false);
    expect(table.rows[0]![1]![0]).toEqual({ type: 'text', text: 'go' });
  });
});
