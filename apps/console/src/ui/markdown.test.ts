import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown } from './markdown.ts';

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
