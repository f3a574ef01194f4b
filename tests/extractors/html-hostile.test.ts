import { describe, expect, it } from 'vitest';
import { htmlReader } from '../../extractors/html.js';
import { UnreadableDocumentError } from '../../extractors/model.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { MAX_NESTING_DEPTH, nestingDepth, nestsDeeperThan } from '../../extractors/html/depth.js';
import { HANG_GUARD_MS } from '../hang-guard.js';

const read = (html: string | Buffer) => htmlReader.read(Buffer.isBuffer(html) ? html : Buffer.from(html), {});

async function errorCode(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(UnreadableDocumentError);
    return (err as UnreadableDocumentError).code;
  }
}

describe('the HTML reader on hostile input', () => {
  it('refuses a page over maxHtmlBytes with too-large before decoding it', async () => {
    const huge = Buffer.alloc(DEFAULT_LIMITS.maxHtmlBytes + 1, 0x61);
    huge.write('<html><body><p>', 0);
    expect(await errorCode(read(huge))).toBe('too-large');
  });

  it('refuses a table whose spans would expand to millions of cells', async () => {
    const cells = '<td colspan="1000" rowspan="65534">x</td>'.repeat(50);
    expect(await errorCode(read(`<table>${'<tr>' + cells + '</tr>'}${'<tr><td>1</td></tr>'.repeat(100)}</table>`))).toBe('too-large');
  });

  it('refuses 100 000 nested <div>s with too-deep, quickly, instead of parsing for minutes', async () => {
    const depth = 100_000;
    const html = `<body>${'<div>'.repeat(depth)}深处的文字${'</div>'.repeat(depth)}</body>`;
    expect(await errorCode(read(html))).toBe('too-deep');
  }, HANG_GUARD_MS);

  it('reads nesting just under the depth limit', async () => {
    const depth = MAX_NESTING_DEPTH - 10;
    const value = await read(`<body>${'<div>'.repeat(depth)}深处的文字${'</div>'.repeat(depth)}</body>`);
    expect(value.blocks).toEqual([{ kind: 'paragraph', text: '深处的文字' }]);
  }, HANG_GUARD_MS);

  it('measures depth as the parser will: unclosed <p>/<li>/<td> and void elements do not nest', () => {
    expect(nestingDepth('<body>' + '<p>段落<br><img src=x>'.repeat(10_000))).toBe(2);
    expect(nestingDepth('<ul>' + '<li>项'.repeat(10_000) + '</ul>')).toBe(2);
    expect(nestingDepth('<script>' + '<div>'.repeat(10_000) + '</script><p>x')).toBe(1);
    expect(nestingDepth('<!--' + '<div>'.repeat(10_000) + '--><p>x')).toBe(1);
  });

  it('bounds depth by the tag count only when that decides it', () => {
    expect(nestsDeeperThan('<div>'.repeat(5) + 'x', 5)).toBe(false);
    expect(nestsDeeperThan('<div>'.repeat(6) + 'x', 5)).toBe(true);
    expect(nestsDeeperThan('<p>a'.repeat(10), 5)).toBe(false);
    expect(nestsDeeperThan('<p>a<br>'.repeat(100) + '<div>'.repeat(6), 5)).toBe(true);
  });

  it('reads 900 tables nested in each other (2 700 elements deep), each its own block, quickly', async () => {
    const depth = 900;
    const open = '<table><tr><td>a</td><td>b</td><td>c</td><td>d</td><td>'.repeat(depth);
    const close = '</td></tr></table>'.repeat(depth);
    const value = await read(open + close);
    expect(value.blocks.filter((b) => b.kind === 'table')).toHaveLength(depth);
  }, HANG_GUARD_MS);

  it('refuses 50 000 unclosed formatting tags (they nest) with too-deep, quickly', async () => {
    expect(await errorCode(read('<body>' + '<b><i><font><span><p>段落'.repeat(50_000)))).toBe('too-deep');
  }, HANG_GUARD_MS);

  it('stays fast on a 4 MB page of flat Word-pasted paragraphs', async () => {
    const html = '<body>' + '<p class="MsoNormal"><span style="font-family:宋体">政府信息公开工作年度报告正文。</span></p>\n'.repeat(40_000);
    const value = await read(html);
    expect(value.blocks.length).toBe(40_000);
  }, HANG_GUARD_MS);

  it('stays fast on 200 000 < signs never followed by >', async () => {
    await read('<p>' + '<a'.repeat(200_000));
  }, HANG_GUARD_MS);

  it('stays fast on a head of 100 000 unterminated <meta tags', async () => {
    await read('<html><head>' + '<meta name=x content=y'.repeat(100_000) + '<body><p>正文</p>');
  }, HANG_GUARD_MS);

  it('reads a page that is only markup with no text as an empty document, not an error', async () => {
    const doc = await read('<html><body><div><span></span></div></body></html>');
    expect(doc.blocks).toEqual([]);
  });
});
