/**
 * `nianbao export` as a journalist uses it: the CSV and XLSX files opened by LibreOffice (headless,
 * converted back to CSV, as a spreadsheet reads them) hold the figures of reports.ndjson; text that a
 * spreadsheet would run as a formula comes out as text; the charts are real SVG and PNG files.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../../corpus/truth.js';
import { FIGURES, figuresOf } from '../../../src/datasets/headline.js';
import { sofficeConvert } from '../../../extractors/soffice.js';

const run = promisify(execFile);
const BIN = join(process.cwd(), 'bin/nianbao.js');
type Row = Record<string, any>;

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\ufeff/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** A spreadsheet's number as LibreOffice writes it back (a share may come as 19.05%). */
const spreadsheetNumber = (text: string) => (text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text));

describe('nianbao export', () => {
  const out = mkdtempSync(join(tmpdir(), 'nianbao-export-'));
  let records: Row[] = [];

  /** LibreOffice headless: every sheet of each file to CSV (UTF-8), as it reads them. */
  async function libreOfficeCsv(files: string[], dir: string, csvInput = false): Promise<Map<string, string[][]>> {
    mkdirSync(dir, { recursive: true });
    await sofficeConvert({
      files,
      infilter: csvInput ? 'CSV:44,34,76,1,,0,false,true' : undefined,
      convertTo: `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false${csvInput ? '' : ',-1'}`,
      outDir: dir,
      timeoutMs: 120_000,
    });
    return new Map(readdirSync(dir).map((f) => [f, parseCsv(readFileSync(join(dir, f), 'utf8'))]));
  }

  beforeAll(async () => {
    await run(process.execPath, [BIN, 'extract', ...['seed', 'rendered', 'real', 'variety'].map((g) => join(CORPUS, g)), '--out', out, '--quiet']);
    records = readFileSync(join(out, 'reports.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  }, 300_000);


  /** The chosen report of each agency-year and its figures, straight from reports.ndjson. */
  function expectedCounts(): Map<string, Row> {
    const map = new Map<string, Row>();
    for (const r of records) if (r.status !== 'failed' && r.agency && r.year) map.set(`${r.agency} ${r.year}`, r);
    return map;
  }

  function compareCounts(rows: string[][], headers: string[]) {
    const [head, ...body] = rows;
    expect(head).toEqual(headers);
    const expected = expectedCounts();
    expect(body).toHaveLength(expected.size);
    const col = (name: string) => head.indexOf(name);
    for (const line of body) {
      const record = records.find((r) => r.source === line[head.length - 2])!;
      expect(`${record.agency} ${record.year}`).toBe(`${line[0]} ${line[1]}`);
      const figures = figuresOf(record.cells);
      FIGURES.forEach((f, i) => {
        const text = line[2 + i];
        if (figures[f.id] === null) expect(text, f.id).toBe('');
        else expect(spreadsheetNumber(text), `${line[0]} ${line[1]} ${f.id}`).toBeCloseTo(figures[f.id]!, 4);
      });
      const printed = line[col(headers[2])];
      expect(printed === '' ? null : Number(printed)).toBe(record.cells['requests.new_received.total'] ?? null);
    }
  }

  it('writes the counts preset as a CSV that LibreOffice reads back with every figure of reports.ndjson, Chinese headers and a definitions file', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'export', out, '--preset', 'counts', '--lang', 'zh']);
    expect(stdout.trim().split('\n')).toEqual([join(out, 'exports/counts.zh.csv'), join(out, 'exports/counts.definitions.zh.csv')]);
    const read = await libreOfficeCsv([join(out, 'exports/counts.zh.csv')], join(out, 'lo-csv'), true);
    compareCounts(read.get('counts.zh.csv')!, ['机关', '年度', ...FIGURES.map((f) => f.zh), '同年报告数', '状态', '来源文件', '报告编号']);
    const huaian = read.get('counts.zh.csv')!.find((r) => r[0] === '淮安市人民政府')!;
    expect(huaian.slice(0, 3)).toEqual(['淮安市人民政府', '2024', '3119']);
    const defs = parseCsv(readFileSync(join(out, 'exports/counts.definitions.zh.csv'), 'utf8'));
    expect(defs[0]).toEqual(['列', '定义', '编号']);
    expect(defs.find((d) => d[2] === 'share_corrected')).toEqual(['纠错率', '结果纠正 ÷ 已审结（复议与诉讼合计）', 'share_corrected']);
  });

  it('writes one XLSX workbook with a sheet per preset and a definitions sheet, header frozen and shares as percentages', async () => {
    const agency = '平潭综合实验区';
    await run(process.execPath, [BIN, 'export', out, '--preset', 'counts,agency,city', '--agency', agency, '--city', '淮安', '--format', 'xlsx', '--lang', 'en']);
    const book = join(out, 'exports/counts-agency-city.en.xlsx');
    const read = await libreOfficeCsv([book], join(out, 'lo-xlsx'));
    const sheets = [...read.keys()].sort();
    expect(sheets).toHaveLength(4);
    const sheet = (part: string) => read.get(sheets.find((s) => s.includes(part))!)!;
    const enHeaders = ['agency', 'year', ...FIGURES.map((f) => f.en), 'reports that year', 'status', 'source file', 'report id'];
    compareCounts(sheet('Headline figures'), enHeaders);
    const years = sheet('over the years');
    const expectedYears = [...new Set(records.filter((r) => r.agency === agency && r.status !== 'failed').map((r) => String(r.year)))].sort();
    expect(expectedYears.length).toBeGreaterThan(2);
    expect(years.slice(1).map((r) => [r[0], r[1]])).toEqual(expectedYears.map((y) => [agency, y]));
    const city = sheet('departments');
    expect(city.slice(1).map((r) => [r[0], r[1]])).toEqual([['淮安市人民政府', '2024']]);
    const defs = sheet('Definitions');
    expect(defs[0]).toEqual(['sheet', 'column', 'definition', 'id']);
    expect(defs.find((d) => d[3] === 'share_granted_or_partly')?.[2]).toBe('(granted in full + in part) ÷ requests answered');
    // The workbook itself, read with Python's zipfile: frozen header row and a percentage format.
    const { stdout } = await run('python3', ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read("xl/worksheets/sheet1.xml").decode()); print(z.read("xl/styles.xml").decode())', book]);
    expect(stdout).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    expect(stdout).toContain('formatCode="0.0%"');
    expect(stdout).toMatch(/<xf numFmtId="3"[^>]*applyNumberFormat="1"/); // #,##0, a built-in format
  });

  it('neutralises a text cell beginning with =1+1 in the XLSX and the CSV: LibreOffice reads the literal text, not 2', async () => {
    const hostile = join(out, 'hostile');
    mkdirSync(hostile, { recursive: true });
    const victim = { ...records.find((r) => r.status === 'ok')!, agency: '=1+1', source: '=1+1.txt' };
    writeFileSync(join(hostile, 'reports.ndjson'), JSON.stringify(victim) + '\n');
    await run(process.execPath, [BIN, 'export', hostile, '--preset', 'counts', '--format', 'xlsx']);
    await run(process.execPath, [BIN, 'export', hostile, '--preset', 'counts']);
    writeFileSync(join(hostile, 'control.csv'), '\ufeffagency\r\n=1+1\r\n');
    const xlsx = await libreOfficeCsv([join(hostile, 'exports/counts.zh.xlsx')], join(hostile, 'lo-xlsx'));
    const fromXlsx = read(xlsx, '主要数字')[1];
    expect([fromXlsx[0], fromXlsx.at(-2)]).toEqual(["'=1+1", "'=1+1.txt"]);
    const csv = await libreOfficeCsv([join(hostile, 'exports/counts.zh.csv'), join(hostile, 'control.csv')], join(hostile, 'lo-csv'), true);
    expect(csv.get('counts.zh.csv')![1][0]).toBe("'=1+1");
    // The control: the same text not neutralised is run as a formula.
    expect(csv.get('control.csv')![1]).toEqual(['2']);
    function read(m: Map<string, string[][]>, part: string) {
      return m.get([...m.keys()].find((k) => k.includes(part))!)!;
    }
  });

  it('writes wide.csv with Chinese headers: the row and column labels of each cell', async () => {
    await run(process.execPath, [BIN, 'export', out, '--preset', 'wide', '--headers', 'zh']);
    const [head, ...rows] = parseCsv(readFileSync(join(out, 'exports/wide.zh.csv'), 'utf8')).filter((r) => r.length > 1);
    expect(head.slice(0, 5)).toEqual(['报告编号', '来源文件', '机关', '年度', '规章 · 本年制发件数']);
    expect(rows).toHaveLength(records.length);
    const at = head.indexOf('一、本年新收政府信息公开申请数量 · 总计');
    for (const r of records) expect(rows.find((x) => x[1] === r.source)![at]).toBe(String(r.cells['requests.new_received.total'] ?? ''));
  });

  it('renders a chart of one agency over the years as SVG and PNG, and says what is missing for a chart it cannot draw', async () => {
    const { stdout } = await run(process.execPath, [BIN, 'export', out, '--chart', 'agency-years', '--agency', '平潭综合实验区', '--png']);
    const [svgPath, pngPath] = stdout.trim().split('\n');
    const svg = readFileSync(svgPath, 'utf8');
    expect(svg).toMatch(/^<svg[^>]*width="900"[^>]*height="500"/);
    expect(svg).toContain('平潭综合实验区：历年政府信息公开申请');
    for (const year of ['2022', '2023', '2024']) expect(svg).toContain(`>${year}<`);
    expect(svg).not.toContain('>2016<'); // the pre-2019 report has none of the charted figures
    const png = readFileSync(pngPath);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1800, 1000]);
    const failed = await run(process.execPath, [BIN, 'export', out, '--chart', 'city']).catch((e) => e);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('the city chart needs --city NAME');
    const unknown = await run(process.execPath, [BIN, 'export', out, '--preset', 'agency', '--agency', '不存在的机关']).catch((e) => e);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no report of 不存在的机关 in');
  });
});
