// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderMarkdown, safeHref } from './markdown.ts';

/** Renders into a real DOM, the way the frame does, and reports what elements and attributes came out. */
function mount(markdown: string): HTMLElement {
  const box = document.createElement('div');
  box.innerHTML = renderMarkdown(markdown);
  return box;
}

const ALLOWED = new Set(['P', 'BR', 'STRONG', 'EM', 'CODE', 'UL', 'OL', 'LI', 'A', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD']);

function assertOnlyAllowed(box: HTMLElement): void {
  for (const element of box.querySelectorAll('*')) {
    expect(ALLOWED.has(element.tagName), element.outerHTML).toBe(true);
    for (const attribute of element.getAttributeNames()) {
      expect(['href', 'target', 'rel'], `${element.tagName}[${attribute}]`).toContain(attribute);
    }
    if (element.tagName === 'A') expect(element.getAttribute('href')).toMatch(/^https?:\/\//);
  }
}

describe('renderMarkdown', () => {
  it('renders bold, lists, links and line breaks', () => {
    const box = mount('**退货**流程：\n1. 申请退货\n2. 寄回商品\n\n详情见 [帮助中心](https://help.example.com/returns)\n第二行');
    expect(box.querySelector('strong')?.textContent).toBe('退货');
    expect([...box.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual(['申请退货', '寄回商品']);
    const link = box.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://help.example.com/returns');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(box.querySelectorAll('br')).toHaveLength(1);
    expect(mount('- a\n* b').querySelectorAll('ul li')).toHaveLength(2);
    assertOnlyAllowed(box);
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '**<svg onload=alert(1)>**',
    '<iframe src="https://evil.example"></iframe>',
    '- <b onclick="x()">item</b>',
    '`<script>alert(1)</script>`',
    '[x](https://a.example/"onmouseover="alert(1))',
    '<style>body{display:none}</style>',
  ])('turns raw HTML into text: %s', (attack) => {
    const box = mount(attack);
    assertOnlyAllowed(box);
    if (attack.includes('<')) expect(box.textContent).toContain('<');
    expect(box.querySelector('[onmouseover],[onerror],[onload],[onclick]')).toBeNull();
  });

  it.each([
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '[click](data:text/html;base64,PHNjcmlwdD4=)',
    '[click](//evil.example/path)',
    '[click](/relative)',
    '[click](vbscript:msgbox(1))',
  ])('does not link unsafe URLs: %s', (markdown) => {
    const box = mount(markdown);
    expect(box.querySelector('a')).toBeNull();
    expect(box.textContent).toBe(markdown);
  });

  it('renders italics and the pipe tables of the demo knowledge base', () => {
    const box = mount('In *My Orders → Track*, or **bold** and *x*.\n\n| 支付方式 | 到账时间 |\n|---|---|\n| 余额 | 即时 |\n| 银行卡 | **3–7** 个工作日 <img src=x onerror=alert(1)> |');
    expect([...box.querySelectorAll('em')].map((e) => e.textContent)).toEqual(['My Orders → Track', 'x']);
    expect(box.querySelector('strong')?.textContent).toBe('bold');
    expect([...box.querySelectorAll('th')].map((c) => c.textContent)).toEqual(['支付方式', '到账时间']);
    expect([...box.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ['余额', '即时'],
      ['银行卡', '3–7 个工作日 <img src=x onerror=alert(1)>'],
    ]);
    assertOnlyAllowed(box);
    expect(mount('2 * 3 * 4').querySelector('em')).toBeNull();
  });

  it('links bare http(s) URLs without swallowing trailing punctuation', () => {
    const box = mount('查看 https://shop.example.com/orders。Or https://x.example/a.');
    const links = [...box.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://shop.example.com/orders', 'https://x.example/a']);
    expect(box.textContent).toBe('查看 https://shop.example.com/orders。Or https://x.example/a.');
  });

  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(safeHref('https://ok.example/a?b=1&c=2')).toBe('https://ok.example/a?b=1&c=2');
    expect(safeHref(' javascript:alert(1)')).toBeNull();
  });
});
