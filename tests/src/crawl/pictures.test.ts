/**
 * A report page that posts its statistics tables as pictures: the crawl stores the page's same-site
 * <img> files (kind `image`, linked to the page), and `nianbao extract` on the crawl folder reads the
 * page with them — its requests and appeals cells read by OCR from the screenshots. The pictures are the
 * corpus report hongze-2023's table pages at 96 dpi; its prose is the report's own text.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path, { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl } from '../../../src/crawl/index.js';
import { readManifest, type ManifestEntry } from '../../../src/crawl/manifest.js';
import { sha256Of } from '../../../src/crawl/storage.js';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import { pagePicture } from '../../helpers/pictures.js';
import { expectScore } from '../../extractors/image/picture-score.js';
import { FAST } from './fast-options.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';

const run = promisify(execFile);
const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const PDF = path.join(CORPUS, 'real/hongze-2023.pdf');
const TRUTH: Record<string, number | null> = JSON.parse(readFileSync(path.join(CORPUS, 'real/hongze-2023.truth.json'), 'utf8')).cells;
const shown = Object.fromEntries(Object.entries(TRUTH).filter(([key]) => key.startsWith('requests.') || key.startsWith('appeals.')));
const PAGE = '/pics/2024/t20240115_1.htm';
const available = await ocrAvailable();
/** A 1×1 GIF, the placeholder lazy-loading pages put in src. */
const PLACEHOLDER = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

function prose(): string {
  return execFileSync('pdftotext', ['-f', '1', '-l', '2', PDF, '-'], { encoding: 'utf8' })
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ''))
    .filter((p) => p && !/^-\d+-$/.test(p))
    .map((p) => `<p>${p}</p>`)
    .join('\n');
}

let server: FixtureServer;
let crawlDir = '';
let outDir = '';
let manifest: ManifestEntry[];
let record: Record<string, any>;
let pictures: Buffer[];

beforeAll(async () => {
  if (!available) return;
  pictures = [await pagePicture(PDF, 3, 96, 'png'), await pagePicture(PDF, 4, 96, 'png')];
  const title = '洪泽区人民政府2023年政府信息公开工作年度报告';
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="nav"><img src="/pics/logo.png" width="40" height="40"><a href="/pics/index.html">年报</a></div>
<div class="article"><h1>${title}</h1>${prose()}
<p>三、收到和处理政府信息公开申请情况</p>
<p><img class="lazy" src="/pics/loading.gif" data-original="img/table-1.png"></p><p><img src="/pics/2024/img/table-2.png?v=2"></p>
<p>五、存在的主要问题及改进情况</p><p><img src="https://elsewhere.example.org/qr.png"></p>
</div></body></html>`;
  const list = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><ul><li><a href="${PAGE}">${title}</a></li></ul></body></html>`;
  server = await startFixtureServer((key, _req, res) => {
    const send = (type: string, body: Buffer | string) => {
      res.writeHead(200, { 'content-type': type }).end(body);
      return true;
    };
    if (key === '/pics/index.html') return send('text/html; charset=utf-8', list);
    if (key === PAGE) return send('text/html; charset=utf-8', page);
    if (key === '/pics/2024/img/table-1.png') return send('image/png', pictures[0]);
    // A lazy-loading page's placeholder: its picture waits in data-original.
    if (key === '/pics/loading.gif') return send('image/gif', PLACEHOLDER);
    // Served as octet-stream: stored by what its bytes are.
    if (key === '/pics/2024/img/table-2.png?v=2') return send('application/octet-stream', pictures[1]);
    return false;
  });
  crawlDir = await mkdtemp(join(tmpdir(), 'nianbao-crawl-pics-'));
  outDir = await mkdtemp(join(tmpdir(), 'nianbao-crawl-pics-out-'));
  await crawl({ ...FAST, seeds: [`${server.origin}/pics/index.html`], outDir: crawlDir, years: { from: 2016, to: 2024 } });
  manifest = await readManifest(crawlDir);
  await run(process.execPath, [join(process.cwd(), 'bin/nianbao.js'), 'extract', crawlDir, '--out', outDir]);
  const records = (await readFile(join(outDir, 'reports.ndjson'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
  record = records.find((r) => r.source === server.origin + PAGE);
}, 600_000);

afterAll(async () => {
  await server?.close();
  for (const d of [crawlDir, outDir]) if (d) await rm(d, { recursive: true, force: true });
});

describe.skipIf(!available)('a crawled report page whose tables are pictures', () => {
  it('stores the page’s same-site pictures as images of the page, by what their bytes are (a lazy-loaded one from data-original, its placeholder too); no icon, nothing off-site', () => {
    const images = manifest.filter((e) => e.kind === 'image').map((e) => ({ url: e.url.replace(server.origin, ''), parent: e.parent_url, path: e.path, status: e.status }));
    expect(images).toEqual([
      { url: '/pics/2024/img/table-1.png', parent: server.origin + PAGE, path: `files/${sha256Of(pictures[0])}.png`, status: 200 },
      { url: '/pics/loading.gif', parent: server.origin + PAGE, path: `files/${sha256Of(PLACEHOLDER)}.gif`, status: 200 },
      { url: '/pics/2024/img/table-2.png?v=2', parent: server.origin + PAGE, path: `files/${sha256Of(pictures[1])}.png`, status: 200 },
    ]);
    expect(server.requests.has('/pics/logo.png')).toBe(false);
  });

  it('extracts the page with its pictures: one record, its tables read by OCR (≥ 98% right, none silently wrong)', () => {
    expect(record).toMatchObject({ format: 'html', status: 'ok', year: 2023 });
    expectScore(record as never, shown, 'crawled page pictures');
    const images = new Set(Object.values(record.cell_details as Record<string, any>).map((d) => d.prov?.image).filter(Boolean));
    expect([...images].sort()).toEqual(['/pics/2024/img/table-2.png?v=2', 'img/table-1.png']);
    const skipped = (record.messages as Array<{ code: string; message: string }>).filter((m) => m.code === 'picture-skipped').map((m) => m.message);
    expect(skipped).toEqual(['https://elsewhere.example.org/qr.png: on the network: not fetched when reading (the crawl did not store it); not read']);
  });
});
