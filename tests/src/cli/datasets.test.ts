/**
 * The loadable datasets of `nianbao extract` (nianbao.sqlite, parquet/, datapackage.json, codebook.csv),
 * read back by readers that are not nianbao — Python's sqlite3, DuckDB, ajv with the official Data
 * Package schema — and compared with reports.ndjson, after two runs over the corpus into one folder.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createRequire } from 'node:module';
import { CORPUS } from '../../corpus/truth.js';
import { figuresOf, FIGURES } from '../../../src/datasets/headline.js';
import { ALL_CELLS } from '../../../src/templates/ids.js';
import { CHILD_TABLES } from '../../../src/datasets/tables.js';

const run = promisify(execFile);
// CommonJS packages whose default export TypeScript's ESM view does not see as callable.
const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
const BIN = join(process.cwd(), 'bin/nianbao.js');

/** Python's own sqlite3 module: every table and view of the file as JSON. */
const DUMP_SQLITE = `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.row_factory = sqlite3.Row
out = {'user_version': db.execute('PRAGMA user_version').fetchone()[0],
       'meta': dict(db.execute('SELECT name, value FROM meta').fetchall()),
       'foreign_key_violations': len(db.execute('PRAGMA foreign_key_check').fetchall()),
       'value_types': dict(db.execute('SELECT typeof(value), COUNT(*) FROM cells GROUP BY 1').fetchall())}
for t in ['reports', 'cells', 'findings', 'sections', 'prose', 'legacy_stats', 'messages', 'year_checks', 'reviews', 'agency_year', 'findings_by_agency', 'cells_labelled']:
    out[t] = [dict(r) for r in db.execute('SELECT * FROM ' + t)]
print(json.dumps(out, ensure_ascii=False))
`;

type Row = Record<string, any>;

function csvHeader(path: string): string[] {
  const first = readFileSync(path, 'utf8').replace(/^\ufeff/, '').split('\r\n')[0];
  return first.split(',');
}

describe('the SQLite, Parquet and codebook datasets of two runs over the corpus into one folder', () => {
  const out = mkdtempSync(join(tmpdir(), 'nianbao-datasets-'));
  let records: Row[] = [];
  let sqlite: Record<string, any> = {};
  let duck: DuckDBConnection;
  let instance: DuckDBInstance;
  const parquet = async (table: string, sql = 'SELECT *'): Promise<Row[]> =>
    (await duck.runAndReadAll(`${sql} FROM read_parquet('${join(out, 'parquet', `${table}.parquet`)}')`)).getRowObjectsJson() as Row[];

  beforeAll(async () => {
    const inputs = ['seed', 'rendered', 'real', 'variety'].map((g) => join(CORPUS, g));
    await run(process.execPath, [BIN, 'extract', ...inputs, '--out', out, '--quiet']);
    writeFileSync(
      join(out, 'reviews.ndjson'),
      JSON.stringify({ key: 'requests.granted.total', decision: 'confirmed', note: '核对原文', reviewer: 'ed', at: '2026-01-02T03:04:05Z' }) + '\nnot json\n',
    );
    await run(process.execPath, [BIN, 'extract', ...inputs, '--out', out, '--quiet']);
    records = readFileSync(join(out, 'reports.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const dump = await run('python3', ['-c', DUMP_SQLITE, join(out, 'nianbao.sqlite')], { maxBuffer: 1 << 28 });
    sqlite = JSON.parse(dump.stdout);
    instance = await DuckDBInstance.create(':memory:');
    duck = await instance.connect();
  }, 300_000);

  afterAll(() => {
    duck?.closeSync();
    instance?.closeSync();
  });

  it('holds one row per report in every table after the second run, each linked to its report', () => {
    expect(records.length).toBeGreaterThan(10);
    expect(sqlite.reports).toHaveLength(records.length);
    expect(new Set(sqlite.reports.map((r: Row) => `${r.report_id} ${r.source}`)).size).toBe(records.length);
    const perReport = (table: string) => {
      const n = new Map<number, number>();
      for (const r of sqlite[table]) n.set(r.report, (n.get(r.report) ?? 0) + 1);
      return n;
    };
    const idOf = new Map(sqlite.reports.map((r: Row) => [r.source, r.id]));
    const expected: Record<string, (r: Row) => number> = {
      cells: (r) => Object.keys(r.cells).length,
      findings: (r) => r.findings.length,
      sections: (r) => r.sections.length,
      prose: (r) => Object.keys(r.prose).length,
      legacy_stats: (r) => r.legacy_stats.length,
      messages: (r) => r.messages.length,
    };
    expect(Object.keys(expected).sort()).toEqual(CHILD_TABLES.map((t) => t.name).sort());
    for (const [table, count] of Object.entries(expected)) {
      const n = perReport(table);
      for (const r of records) expect(n.get(idOf.get(r.source) as number) ?? 0, `${table} of ${r.source}`).toBe(count(r));
    }
    expect(sqlite.foreign_key_violations).toBe(0);
    expect(sqlite.user_version).toBe(1);
    expect(sqlite.meta.schema_version).toBe('1');
  });

  it('stores every cell value as in reports.ndjson, integers as INTEGER and decimals as REAL', () => {
    const bySource = new Map(sqlite.reports.map((r: Row) => [r.id, r.source]));
    const values = new Map(sqlite.cells.map((c: Row) => [`${bySource.get(c.report)} ${c.key}`, c.value]));
    let compared = 0;
    for (const r of records) {
      for (const [key, value] of Object.entries(r.cells)) {
        expect(values.get(`${r.source} ${key}`), `${r.source} ${key}`).toBe(value);
        compared++;
      }
    }
    expect(compared).toBe(sqlite.cells.length);
    const decimals = records.flatMap((r) => Object.values(r.cells).filter((v) => typeof v === 'number' && !Number.isInteger(v)));
    expect(sqlite.value_types.real ?? 0).toBe(decimals.length);
    expect(sqlite.value_types.integer).toBeGreaterThan(2000);
  });

  it('keeps the report metadata, findings with their basis, and labels of every cell', () => {
    for (const r of records) {
      const row = sqlite.reports.find((x: Row) => x.source === r.source);
      expect([row.report_id, row.status, row.agency ?? undefined, row.year ?? undefined, row.findings]).toEqual([r.report_id, r.status, r.agency, r.year, r.findings.length]);
      const findings = sqlite.findings.filter((f: Row) => f.report === row.id).sort((a: Row, b: Row) => a.seq - b.seq);
      expect(findings.map((f: Row) => [f.rule, f.basis, f.expected, f.actual])).toEqual(r.findings.map((f: Row) => [f.rule, f.basis, f.expected, f.actual]));
    }
    const huaian = sqlite.cells_labelled.find((c: Row) => c.source.endsWith('huaian-city-2024.pdf') && c.key === 'requests.new_received.total');
    expect(huaian).toMatchObject({ value: 3119, row_label: '一、本年新收政府信息公开申请数量', column_label: '总计', agency: '淮安市人民政府', year: 2024 });
  });

  it('labels each cell with the wording of the layout its report used', () => {
    const shanghai = records.find((r) => r.layout.proactive === '2019')!;
    const cell = sqlite.cells_labelled.find((c: Row) => c.source === shanghai.source && c.key === 'proactive.normative_documents.new_made');
    expect(cell).toMatchObject({ row_label: '规范性文件', column_label: '本年新制作数量', unit: '件', layout: '2019' });
    const later = sqlite.cells_labelled.find((c: Row) => c.layout === '2021' && c.key === 'proactive.normative_documents.in_force');
    expect(later).toMatchObject({ row_label: '行政规范性文件', column_label: '现行有效件数' });
  });

  it('drops the reports a later run into the same folder no longer has, and their rows', async () => {
    const again = mkdtempSync(join(tmpdir(), 'nianbao-datasets-again-'));
    copyFileSync(join(out, 'nianbao.sqlite'), join(again, 'nianbao.sqlite'));
    await run(process.execPath, [BIN, 'extract', join(CORPUS, 'real'), '--out', again, '--quiet']);
    const kept = readFileSync(join(again, 'reports.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const dump = JSON.parse((await run('python3', ['-c', DUMP_SQLITE, join(again, 'nianbao.sqlite')], { maxBuffer: 1 << 28 })).stdout);
    expect(dump.reports.map((r: Row) => r.source).sort()).toEqual(kept.map((r) => r.source).sort());
    expect(dump.cells).toHaveLength(kept.reduce((n, r) => n + Object.keys(r.cells).length, 0));
    expect(dump.foreign_key_violations).toBe(0);
  }, 120_000);

  it('has one agency_year row per agency and year, with the headline figures computed as the exports compute them', () => {
    const groups = new Map<string, Row[]>();
    for (const r of records.filter((x) => x.status !== 'failed' && x.agency && x.year)) groups.set(`${r.agency} ${r.year}`, [...(groups.get(`${r.agency} ${r.year}`) ?? []), r]);
    expect(sqlite.agency_year).toHaveLength(groups.size);
    for (const row of sqlite.agency_year) {
      const chosen = records.find((r) => r.source === row.source)!;
      expect(groups.get(`${row.agency} ${row.year}`)).toContain(chosen);
      expect(row.reports).toBe(groups.get(`${row.agency} ${row.year}`)!.length);
      const figures = figuresOf(chosen.cells);
      for (const f of FIGURES) {
        if (figures[f.id] === null) expect(row[f.id], f.id).toBeNull();
        else expect(row[f.id], `${row.agency} ${row.year} ${f.id}`).toBeCloseTo(figures[f.id]!, 9);
      }
    }
    const huaian = sqlite.agency_year.find((r: Row) => r.agency === '淮安市人民政府' && r.year === 2024);
    expect(huaian.new_requests).toBe(3119);
    const perAgency = sqlite.findings_by_agency.reduce((s: number, r: Row) => s + r.findings, 0);
    expect(perAgency).toBe(records.filter((r) => r.agency).reduce((s, r) => s + r.findings.length, 0));
  });

  it('holds the year checks of the run and the reviews found beside the outputs', async () => {
    const script = 'import csv, json, sys\nprint(json.dumps(list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline=""))), ensure_ascii=False))';
    const fromCsv: Row[] = JSON.parse((await run('python3', ['-c', script, join(out, 'year_checks.csv')])).stdout);
    expect(fromCsv.length).toBeGreaterThan(0);
    const pick = (c: Row) => [c.rule, c.agency, String(c.year), c.where, c.status, c.report_id, c.previous_report_id].join(' ');
    expect(sqlite.year_checks.map(pick)).toEqual(fromCsv.map(pick));
    expect(sqlite.year_checks.some((c: Row) => c.status === 'failed')).toBe(true);
    expect(sqlite.reviews).toEqual([{ key: 'requests.granted.total', decision: 'confirmed', note: '核对原文', reviewer: 'ed', at: '2026-01-02T03:04:05Z' }]);
  });

  it('writes typed Parquet files that DuckDB reads back with the same rows as reports.ndjson', async () => {
    const reports = await parquet('reports');
    expect(reports).toHaveLength(records.length);
    for (const r of records) {
      const row = reports.find((x) => x.source === r.source)!;
      expect([row.report_id, row.status, row.agency, row.year === null ? null : Number(row.year)]).toEqual([r.report_id, r.status, r.agency ?? null, r.year ?? null]);
    }
    const cells = await parquet('cells', 'SELECT source, key, value');
    expect(cells).toHaveLength(sqlite.cells.length);
    const values = new Map(cells.map((c) => [`${c.source} ${c.key}`, c.value]));
    for (const r of records) for (const [key, value] of Object.entries(r.cells)) expect(values.get(`${r.source} ${key}`), key).toBe(value);
    const types = await duck.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${join(out, 'parquet/cells.parquet')}')`);
    const typeOf = Object.fromEntries(types.getRowObjectsJson().map((t) => [t.column_name, t.column_type]));
    expect(typeOf).toMatchObject({ report_id: 'VARCHAR', key: 'VARCHAR', value: 'DOUBLE', page: 'BIGINT', confidence: 'DOUBLE' });
    for (const t of ['findings', 'sections', 'prose', 'legacy_stats', 'messages', 'year_checks', 'reviews']) {
      expect((await parquet(t)).length, t).toBe(sqlite[t].length);
    }
    const codec = await duck.runAndReadAll(`SELECT DISTINCT compression FROM parquet_metadata('${join(out, 'parquet/cells.parquet')}')`);
    expect(codec.getRowObjectsJson()).toEqual([{ compression: 'SNAPPY' }]);
  });

  it('describes every CSV and Parquet file and every column in a datapackage.json valid against the Data Package schema', async () => {
    const pkg = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat('textarea', true);
    for (const profile of ['data-package', 'tabular-data-package']) {
      const validate = ajv.compile(JSON.parse(readFileSync(join('tests/fixtures/frictionless', `${profile}.json`), 'utf8')));
      expect(validate(pkg), `${profile}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
    const paths = pkg.resources.map((r: Row) => r.path);
    for (const f of ['reports.csv', 'cells.csv', 'wide.csv', 'findings.csv', 'legacy_stats.csv', 'year_checks.csv', 'codebook.csv']) expect(paths).toContain(f);
    for (const t of ['reports', 'cells', 'findings', 'sections', 'prose', 'legacy_stats', 'messages', 'year_checks', 'reviews']) expect(paths).toContain(`parquet/${t}.parquet`);
    for (const resource of pkg.resources) {
      const names = resource.schema.fields.map((f: Row) => f.name);
      if (resource.format === 'csv') expect(csvHeader(join(out, resource.path)), resource.path).toEqual(names);
      else {
        const cols = await duck.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${join(out, resource.path)}')`);
        expect(cols.getRowObjectsJson().map((c) => c.column_name), resource.path).toEqual(names);
      }
      for (const f of resource.schema.fields) {
        expect(f.type, `${resource.path} ${f.name}`).not.toBe('any');
        expect(f.description, `${resource.path} ${f.name}`).toMatch(/[\u4e00-\u9fff].* \/ [A-Za-z]/);
      }
    }
    const status = pkg.resources.find((r: Row) => r.path === 'reports.csv').schema.fields.find((f: Row) => f.name === 'status');
    expect(status.constraints.enum).toEqual(['ok', 'partial', 'failed']);
  });

  it('lists every cell key in codebook.csv with its labels under each template layout', () => {
    const lines = readFileSync(join(out, 'codebook.csv'), 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('key,table,row,column,kind,unit,layouts,row_label_2021,column_label_2021,row_label_2019,column_label_2019');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(ALL_CELLS.map((c) => c.key));
    expect(lines).toContain('proactive.normative_documents.in_force,proactive,normative_documents,in_force,count,件,2021,行政规范性文件,现行有效件数,,');
    expect(lines).toContain('proactive.normative_documents.new_made,proactive,normative_documents,new_made,count,件,2019,,,规范性文件,本年新制作数量');
    expect(lines.find((l) => l.startsWith('requests.granted.total,'))).toBe(
      'requests.granted.total,requests,granted,total,count,件,2021 2019,三、本年度办理结果 （一）予以公开,总计,三、本年度办理结果 （一）予以公开,总计',
    );
    expect(lines.find((l) => l.startsWith('proactive.administrative_fees.amount_10k_yuan,'))).toBe('proactive.administrative_fees.amount_10k_yuan,proactive,administrative_fees,amount_10k_yuan,amount,万元,2021,行政事业性收费,本年收费金额（单位：万元）,,');
  });
});
