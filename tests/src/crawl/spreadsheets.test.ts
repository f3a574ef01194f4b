/**
 * A report page that attaches its statistics tables as workbooks: the crawl downloads the .xlsx and
 * the .xls (served by a download script as application/octet-stream) like any attachment, and
 * `nianbao extract` on the crawl folder reads both and cross-checks them against the page.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawl } from '../../../src/crawl/index.js';
import { readManifest, type ManifestEntry } from '../../../src/crawl/manifest.js';
import { sha256Of } from '../../../src/crawl/storage.js';
import { loadTruths } from '../../corpus/truth.js';
import { buildWorkbook, readReport } from '../../fixtures/xlsx/build-workbook.js';
import { FAST } from './fast-options.js';
import { PINGTAN_2023_XLS, PINGTAN_2023_XLSX, startFixtureServer, type FixtureServer } from './fixture-server.js';
import { hasLibreOffice } from '../../helpers/libreoffice.js';

const run = promisify(execFile);
const truth = loadTruths(['real']).find((t) => t.id === 'pingtan-2023-page')!;
const PAGE = '/sheets/2024/t20240308_1.htm';
/** The revised workbook prints 予以公开 of natural persons one higher than the page. */
const REVISED_CELL = 'requests.granted.natural_person';

let server: FixtureServer;
let crawlDir: string;
let outDir: string;
let manifest: ManifestEntry[];
let records: Array<Record<string, any>>;
const byPath = (path: string) => records.find((r) => r.source === server.origin + path);

beforeAll(async () => {
  const { parts } = await readReport(truth.path);
  const requests = parts.tables[1]!.table;
  const granted = requests.rows.findIndex((row) => row[1]!.text === '（一）予以公开');
  requests.rows[granted]![3]!.text = String(truth.cells[REVISED_CELL]! + 1);
  const revised = await buildWorkbook(parts, { layout: 'sheet-per-table', title: true });
  server = await startFixtureServer((key, _req, res) => {
    if (key !== '/sheets/2024/tables-2023-revised.xlsx') return false;
    res.writeHead(200, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-length': revised.length }).end(revised);
    return true;
  });
  crawlDir = await mkdtemp(join(tmpdir(), 'nianbao-crawl-sheets-'));
  outDir = await mkdtemp(join(tmpdir(), 'nianbao-crawl-sheets-out-'));
  await crawl({ ...FAST, seeds: [server.spreadsheetSeed], outDir: crawlDir });
  manifest = await readManifest(crawlDir);
  await run(process.execPath, [join(process.cwd(), 'bin/nianbao.js'), 'extract', crawlDir, '--out', outDir]);
  records = (await readFile(join(outDir, 'reports.ndjson'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
}, 180_000);

afterAll(async () => {
  await server?.close();
  for (const d of [crawlDir, outDir]) if (d) await rm(d, { recursive: true, force: true });
});

describe('a report page with its tables attached as workbooks', () => {
  it('has its .xlsx and its .xls downloaded as attachments of the page, stored by what the bytes are', () => {
    const attachments = manifest.filter((e) => e.kind === 'attachment').map((e) => ({ url: e.url.replace(server.origin, ''), parent: e.parent_url, path: e.path, status: e.status }));
    expect(attachments).toEqual([
      { url: '/sheets/2024/tables-2023.xlsx', parent: server.origin + PAGE, path: `files/${sha256Of(PINGTAN_2023_XLSX)}.xlsx`, status: 200 },
      { url: '/sheets/download.jsp?id=2', parent: server.origin + PAGE, path: `files/${sha256Of(PINGTAN_2023_XLS)}.xls`, status: 200 },
      { url: '/sheets/2024/tables-2023-revised.xlsx', parent: server.origin + PAGE, path: expect.stringMatching(/^files\/[0-9a-f]{64}\.xlsx$/), status: 200 },
    ]);
    expect(manifest.find((e) => e.url.endsWith('tables-2023.xlsx'))).toMatchObject({ title: '平潭综合实验区2023年度政府信息公开工作年度报告统计表', published_at: '2024-03-08' });
  });

  it('yields a record for the page and for each workbook, under its URL and linked to the page', () => {
    expect(records.map((r) => r.source.replace(server.origin, '')).sort()).toEqual([PAGE, '/sheets/2024/tables-2023-revised.xlsx', '/sheets/2024/tables-2023.xlsx', '/sheets/download.jsp?id=2'].sort());
    for (const path of ['/sheets/2024/tables-2023.xlsx', '/sheets/2024/tables-2023-revised.xlsx']) expect(byPath(path)!.parent_url).toBe(server.origin + PAGE);
    expect(byPath(PAGE)).toMatchObject({ format: 'html', status: 'ok', year: 2023 });
  });

  it('reads the .xlsx into the truth cells, in agreement with its page', () => {
    const xlsx = byPath('/sheets/2024/tables-2023.xlsx')!;
    expect(xlsx).toMatchObject({ format: 'xlsx', status: 'ok', agency: truth.agency, year: truth.year, published: '2024-03-08' });
    for (const [key, value] of Object.entries(truth.cells)) expect(xlsx.cells[key], key).toBe(value);
    expect(xlsx.findings.filter((f: { rule: string }) => f.rule === 'crosscheck.same_report')).toEqual([]);
  });

  it.runIf(hasLibreOffice)('reads the .xls through LibreOffice into the truth cells, in agreement with its page', () => {
    const xls = byPath('/sheets/download.jsp?id=2')!;
    expect(xls).toMatchObject({ format: 'xls', status: 'ok', agency: truth.agency, year: truth.year, parent_url: server.origin + PAGE });
    for (const [key, value] of Object.entries(truth.cells)) expect(xls.cells[key], key).toBe(value);
    expect(xls.findings.filter((f: { rule: string }) => f.rule === 'crosscheck.same_report')).toEqual([]);
  });

  it.runIf(!hasLibreOffice)('fails the .xls with the reason LibreOffice is needed when it is missing', () => {
    expect(byPath('/sheets/download.jsp?id=2')).toMatchObject({ format: 'xls', status: 'failed', error: expect.stringMatching(/^legacy-excel-unsupported: /) });
  });

  it('cross-checks a workbook that disagrees with its page, naming the cell, the page value and the workbook value', () => {
    const revised = byPath('/sheets/2024/tables-2023-revised.xlsx')!;
    const page = truth.cells[REVISED_CELL]!;
    expect(revised.findings.filter((f: { rule: string }) => f.rule === 'crosscheck.same_report')).toEqual([
      expect.objectContaining({ rule: 'crosscheck.same_report', cells: [REVISED_CELL], expected: page, actual: page + 1 }),
    ]);
  });
});
