/**
 * Tables laid out with <div>s instead of <table>: read as tables, by shape, and nothing else is.
 * The real portal page of the corpus with its tables rewritten as CSS div tables must give the same
 * record as the page itself.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../extractors/html/index.js';
import { recordFromDocument } from '../../../src/pipeline.js';
import type { TableBlock } from '../../../extractors/model.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus/real');
const doc = (html: string) => htmlToDocument(html, { format: 'html', wholeDocument: true });
const tables = (html: string) => doc(html).blocks.filter((b): b is TableBlock => b.kind === 'table');

/** Every <table> of a page as CSS div tables: rows and cells as divs, spans dropped (a merged cell printed once). */
function asDivTables(html: string, styling: 'inline' | 'class'): string {
  const style = (s: string, cls: string) => (styling === 'inline' ? ` style="${s}"` : ` class="${cls}"`);
  return html
    .replace(/<table\b[^>]*>/gi, `<div${style('display:table', 'tbl')}>`)
    .replace(/<\/table>/gi, '</div>')
    .replace(/<\/?(?:tbody|thead)\b[^>]*>/gi, '')
    .replace(/<tr\b[^>]*>/gi, `<div${style('display:table-row', 'tr')}>`)
    .replace(/<\/tr>/gi, '</div>')
    .replace(/<t[dh]\b[^>]*>/gi, `<div${style('display:table-cell', 'td')}>`)
    .replace(/<\/t[dh]>/gi, '</div>');
}

describe('a portal page whose tables are <div> rows and cells', () => {
  const file = path.join(CORPUS, 'pingtan-2023-page.html');
  const page = readFileSync(file, 'utf8');
  const truth = JSON.parse(readFileSync(file.replace(/\.html$/, '.truth.json'), 'utf8')) as { cells: Record<string, number | null> };

  for (const styling of ['inline', 'class'] as const) {
    it(`reads every cell of the truth (${styling} styles)`, () => {
      const html = asDivTables(page, styling);
      expect(html).not.toMatch(/<t[dr]\b/i);
      const record = recordFromDocument(doc(html), 'divs.html', Buffer.from(html));
      const wrong = Object.entries(truth.cells).filter(([k, v]) => record.cells[k] !== v).map(([k]) => k);
      expect(wrong).toEqual([]);
      expect(record.status).toBe('ok');
    });
  }

  it('keeps each row\'s cells in order, a merged cell once (rows ragged, padded with absent cells)', () => {
    const html = `<div class="t"><div class="r"><div>信息内容</div><div>本年制发件数</div><div>本年废止件数</div><div>现行有效件数</div></div>
      <div class="r"><div>规章</div><div>0</div><div>0</div><div>0</div></div>
      <div class="r"><div>行政规范性文件</div><div><p>77</p></div><div>132</div><div>470</div></div>
      <div class="r"><div>第二十条第（五）项</div></div></div>`;
    const [table] = tables(html);
    expect(table?.rows.map((r) => r.map((c) => (c.absent ? '·' : c.text)))).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '77', '132', '470'],
      ['第二十条第（五）项', '·', '·', '·'],
    ]);
  });

  it('takes a grid whose every value prints its unit (217件, 18651.06万元) for a table, as the text readers take such values', () => {
    const html = `<div class="t"><div class="r"><div>信息内容</div><div>本年收费金额（单位：万元）</div></div>
      <div class="r"><div>行政事业性收费</div><div>18651.06万元</div></div></div>
      <div class="t"><div class="r"><div>一、本年新收政府信息公开申请数量</div><div>217件</div><div>1件</div><div>218件</div></div>
      <div class="r"><div>二、上年结转政府信息公开申请数量</div><div>0件</div><div>-</div><div>0件</div></div></div>`;
    expect(tables(html).map((t) => t.rows.map((r) => r.map((c) => c.text)))).toEqual([
      [['信息内容', '本年收费金额（单位：万元）'], ['行政事业性收费', '18651.06万元']],
      [['一、本年新收政府信息公开申请数量', '217件', '1件', '218件'], ['二、上年结转政府信息公开申请数量', '0件', '-', '0件']],
    ]);
  });

  it('takes a grid whose one row of values is all blanks printed as nothing, under a header of as many cells, for a table (table 四\'s group 复议后起诉 printed as a table of its own)', () => {
    const row = (...cells: string[]) => `<div>${cells.map((c) => `<div>${c}</div>`).join('')}</div>`;
    const header = row('结果维持', '结果纠正', '其他结果', '尚未审结', '总计');
    const html = `<div>${row('行政诉讼复议后起诉')}${header}${row('', '', '', '', '')}</div>`;
    expect(tables(html).map((t) => t.rows.map((r) => r.filter((c) => !c.absent).map((c) => c.text)))).toEqual([[['行政诉讼复议后起诉'], ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'], ['', '', '', '', '']]]);
    // Not under a header of as many cells, or fewer than three: no table.
    expect(tables(`<div>${row('行政诉讼 复议后起诉')}${header}${row('', '', '', '')}</div>`)).toEqual([]);
    expect(tables(`<div>${row('首页', '新闻')}${row('', '')}</div>`)).toEqual([]);
  });

  it('reads rows grouped in a head and a body', () => {
    const row = (...cells: string[]) => `<div>${cells.map((c) => `<div>${c}</div>`).join('')}</div>`;
    const html = `<div><div>${row('项目', '本年', '上年')}</div><div>${row('新收', '3', '4')}${row('结转', '1', '0')}</div></div>`;
    expect(tables(html)[0]?.rows.map((r) => r.map((c) => c.text))).toEqual([['项目', '本年', '上年'], ['新收', '3', '4'], ['结转', '1', '0']]);
  });
});

describe('markup that is not a table stays text', () => {
  it('paragraphs of prose with every run in a span, as Word writes them, numbers in runs of their own', () => {
    const p = (n: number) => `<p><span>本年</span><span>共收到申请</span><span>${n}</span><span>件，办结</span><span>${n}</span><span>件</span></p>`;
    expect(tables(`<div class="article">${p(1)}${p(2)}${p(3)}${p(4)}</div>`)).toEqual([]);
    // Prose with its own text beside the spans.
    expect(tables(`<div>${[1, 2, 3, 4].map((n) => `<div>全年收到<span>${n}</span>件，办结<span>${n}</span>件</div>`).join('')}</div>`)).toEqual([]);
  });

  it('sections of several paragraphs, and a list of links with dates', () => {
    const section = `<div><p>一、总体情况</p><p>本机关认真贯彻落实《条例》。</p><p>全年共主动公开信息12条。</p></div>`;
    expect(tables(`<div>${section}${section}${section}</div>`)).toEqual([]);
    const item = (n: number) => `<li><a href="/a${n}">关于印发某某办法的通知</a><span>2024-01-0${n}</span></li>`;
    expect(tables(`<ul>${[1, 2, 3, 4].map(item).join('')}</ul>`)).toEqual([]);
  });

  it('a page thousands of divs wide and deep is read, not taken for a table of its rows', () => {
    const wide = `<div>${Array.from({ length: 5000 }, (_, i) => `<div><div>第${i}行</div><div>说明文字</div></div>`).join('')}</div>`;
    expect(tables(wide)).toEqual([]);
    const deep = `${'<div>'.repeat(2000)}正文${'</div>'.repeat(2000)}`;
    expect(doc(deep).blocks.some((b) => b.kind === 'paragraph' && b.text === '正文')).toBe(true);
  });
});
