/**
 * A portal page whose statistics tables are <img> screenshots, end to end: the corpus report hongze-2023
 * as a saved page — its prose as HTML text (the PDF's own text layer), its requests and appeals pages as
 * 96 dpi PNGs in the browser's `NAME_files/` folder — plus a logo, a picture on the network and one whose
 * src leaves the page's folder. The same page again with the pictures inline as data: URIs. Scored on the
 * truth cells of the tables the pictures show.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/pipeline.js';
import { htmlReader } from '../../../extractors/html.js';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { pagePicture } from '../../helpers/pictures.js';
import { expectOcrCells, expectScore } from '../image/picture-score.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const PDF = path.join(CORPUS, 'real/hongze-2023.pdf');
const TRUTH: Record<string, number | null> = JSON.parse(readFileSync(path.join(CORPUS, 'real/hongze-2023.truth.json'), 'utf8')).cells;
const shown = Object.fromEntries(Object.entries(TRUTH).filter(([key]) => key.startsWith('requests.') || key.startsWith('appeals.')));

const available = await ocrAvailable();

/** The report's first two pages as paragraphs, the way a portal prints the prose. */
function proseParagraphs(): string {
  const text = execFileSync('pdftotext', ['-f', '1', '-l', '2', PDF, '-'], { encoding: 'utf8' });
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ''))
    .filter((p) => p && !/^-\d+-$/.test(p))
    .map((p) => `<p>${p}</p>`)
    .join('\n');
}

async function logo(): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  return Buffer.from(new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18" fill="red"/></svg>').render().asPng());
}

function page(article: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>洪泽区人民政府2023年政府信息公开工作年度报告</title></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
<div class="article"><h1>洪泽区人民政府2023年政府信息公开工作年度报告</h1>
${article}
</div><div class="footer">版权所有</div></body></html>`;
}

describe.skipIf(!available)('a saved portal page whose requests and appeals tables are <img> screenshots', () => {
  let dir = '';
  let saved: ReportRecord;
  let inline: ReportRecord;
  let savedMessages: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-html-pictures-'));
    const [p3, p4, icon] = [await pagePicture(PDF, 3, 96, 'png'), await pagePicture(PDF, 4, 96, 'png'), await logo()];
    await mkdir(path.join(dir, 'report_files'));
    await writeFile(path.join(dir, 'report_files/image001.png'), p3);
    await writeFile(path.join(dir, 'report_files/image002.png'), p4);
    await writeFile(path.join(dir, 'report_files/logo.png'), icon);
    await writeFile(path.join(dir, 'outside.png'), p3);
    await mkdir(path.join(dir, 'page'));
    const prose = proseParagraphs();
    const savedHtml = page(`<p><img src="../report_files/logo.png" alt="logo"></p>
${prose}
<p>三、收到和处理政府信息公开申请情况</p>
<p><img src="../report_files/image001.png" width="794"></p>
<p><img src="../report_files/image002.png" width="794"></p>
<p>五、存在的主要问题及改进情况</p><p><img src="https://www.example.gov.cn/qr.png"></p>`);
    // The page sits one folder down, so `..` is its folder's parent: relative srcs must stay in its own folder.
    await writeFile(path.join(dir, 'page/report.html'), savedHtml);
    const sibling = page(`${prose}
<p>三、收到和处理政府信息公开申请情况</p>
<p><img src="report_files/image001.png"></p><p><img src="report_files/image002.png"></p>
<p>五、存在的主要问题及改进情况</p><p><img src="report_files/logo.png"></p><p><img src="../outside.png"></p>`);
    await mkdir(path.join(dir, 'site'));
    await mkdir(path.join(dir, 'site/report_files'));
    await writeFile(path.join(dir, 'site/report_files/image001.png'), p3);
    await writeFile(path.join(dir, 'site/report_files/image002.png'), p4);
    await writeFile(path.join(dir, 'site/report_files/logo.png'), icon);
    await writeFile(path.join(dir, 'site/report.html'), sibling);
    saved = await extractFile(path.join(dir, 'site/report.html'));
    savedMessages = saved.messages.map((m) => `${m.code}: ${m.message}`);
    const dataUri = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`;
    await writeFile(
      path.join(dir, 'inline.html'),
      page(`${prose}
<p>三、收到和处理政府信息公开申请情况</p>
<p><img src="${dataUri(p3)}"></p><p><img src="${dataUri(p4)}"></p>
<p>五、存在的主要问题及改进情况</p>`),
    );
    inline = await extractFile(path.join(dir, 'inline.html'));
    // Lazy loading: the picture in data-original behind a 1×1 placeholder src (a page saved before its script
    // ran), and a page saved after the swap: the picture in src, its remote address left in data-src.
    const placeholder = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
    await writeFile(
      path.join(dir, 'site/lazy.html'),
      page(`${prose}
<p>三、收到和处理政府信息公开申请情况</p>
<p><img class="lazy" src="${placeholder}" data-original="report_files/image001.png"></p><p><img src="report_files/image002.png" data-src="https://www.example.gov.cn/upload/image002.png"></p>
<p>五、存在的主要问题及改进情况</p>`),
    );
    lazy = await extractFile(path.join(dir, 'site/lazy.html'));
    // The page one folder down: its `../` srcs leave its folder and are refused.
    const refused = await extractFile(path.join(dir, 'page/report.html'));
    refusedMessages = refused.messages.map((m) => `${m.code}: ${m.message}`);
  }, 600_000);
  let refusedMessages: string[] = [];
  let lazy: ReportRecord;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads the table pictures of a saved page (NAME_files/) by OCR: ≥ 98% of their cells right, none silently wrong', () => {
    expect(saved.format).toBe('html');
    expect(saved.status).toBe('ok');
    expectScore(saved, shown, 'HTML <img> pictures');
    expectOcrCells({ ...saved, cells: Object.fromEntries(Object.entries(saved.cells).filter(([k]) => k in shown)) });
    const images = new Set(Object.values(saved.cell_details).map((d) => d.prov?.image).filter(Boolean));
    expect([...images].sort()).toEqual(['report_files/image001.png', 'report_files/image002.png']);
    expect(savedMessages.filter((m) => m.startsWith('ocr-used')).map((m) => m.split(' ')[1])).toEqual(['report_files/image001.png', 'report_files/image002.png']);
    expect(savedMessages.some((m) => m.startsWith('table-split-joined'))).toBe(true);
  });

  it('says why the logo and a picture outside the page folder were not read', () => {
    expect(savedMessages.filter((m) => m.startsWith('picture-skipped')).sort()).toEqual([
      'picture-skipped: ../outside.png: path leaves the page folder; not read',
      'picture-skipped: report_files/logo.png: 40×40 pixels: too small to hold a table (an icon or a logo); not read',
    ]);
  });

  it('never reads a picture from the network or from outside the page folder', () => {
    const skipped = refusedMessages.filter((m) => m.startsWith('picture-skipped'));
    expect(skipped).toContain('picture-skipped: ../report_files/image001.png: path leaves the page folder; not read');
    expect(skipped).toContain('picture-skipped: https://www.example.gov.cn/qr.png: on the network: not fetched when reading (a crawl stores the pictures of a report page beside it); not read');
    expect(refusedMessages.some((m) => m.startsWith('ocr-used'))).toBe(false);
  });

  it('reads pictures inline as data: URIs the same way', () => {
    expect(inline.status).toBe('ok');
    expectScore(inline, shown, 'HTML data: URI pictures');
    const images = new Set(Object.values(inline.cell_details).map((d) => d.prov?.image).filter(Boolean));
    expect([...images].sort()).toEqual(['data:image/png picture 1', 'data:image/png picture 2']);
  });

  it('reads lazy-loaded pictures: the address in data-original behind a placeholder src, or src when data-src is remote', () => {
    expect(lazy.status).toBe('ok');
    expectScore(lazy, shown, 'HTML lazy-loaded pictures');
    const images = new Set(Object.values(lazy.cell_details).map((d) => d.prov?.image).filter(Boolean));
    expect([...images].sort()).toEqual(['report_files/image001.png', 'report_files/image002.png']);
  });

  it('leaves pictures alone when the page is read from bytes with no folder', async () => {
    const doc = await htmlReader.read(readFileSync(path.join(dir, 'site/report.html')), {});
    expect(doc.blocks.some((b) => b.kind === 'table')).toBe(false);
    expect(doc.messages.filter((m) => m.code === 'picture-skipped').length).toBe(4);
  });
});
