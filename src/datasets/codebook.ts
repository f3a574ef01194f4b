/**
 * The codebook of a run's outputs: datapackage.json, a Frictionless Data Package describing every CSV
 * and Parquet file and every column (type, unit, allowed values, Chinese and English description), and
 * codebook.csv, every cell key with its ids, its Chinese labels under each template layout and its unit.
 */
import { join } from 'node:path';
import { atomicWrite } from '../util/atomic.js';
import { extractorVersion } from '../run/settings.js';
import { ALL_CELLS } from '../templates/ids.js';
import { BOM, csvLines, type CsvValue } from '../writers/csv-writer.js';
import type { Writer } from '../writers/writer.js';
import { COLUMNS, type ColumnMeaning } from './columns.js';
import { cellColumnMeaning, cellLabels, UNIT_OF_KIND } from './cell-meaning.js';
import { CHILD_TABLES, REPORTS_TABLE, REVIEWS_TABLE, YEAR_CHECKS_TABLE } from './tables.js';


export interface Field {
  name: string;
  type: string;
  title?: string;
  description: string;
  unit?: string;
  constraints?: { enum: readonly string[] };
}

/** The meaning of a column, or undefined when nobody described it (a test keeps that list empty). */
export function describeColumn(table: string, column: string): ColumnMeaning | undefined {
  return COLUMNS[`${table}.${column}`] ?? COLUMNS[column] ?? cellColumnMeaning(column);
}

function field(table: string, column: string): Field {
  const m = describeColumn(table, column);
  if (!m) return { name: column, type: 'any', description: 'not described yet' };
  return {
    name: column,
    type: m.type,
    title: m.zh,
    description: `${m.zh} / ${m.en}`,
    ...(m.unit ? { unit: m.unit } : {}),
    ...(m.values ? { constraints: { enum: m.values } } : {}),
  };
}

const tableName = (file: string) => file.replace(/\.[a-z]+$/, '');

function csvResource(file: string, columns: readonly string[]) {
  const table = tableName(file);
  return {
    name: `${table.replace(/_/g, '-')}-csv`,
    path: file,
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8-sig',
    dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
    schema: { fields: columns.map((c) => field(table, c)), missingValues: [''] },
  };
}

function parquetResource(table: string, description: string, columns: readonly string[]) {
  return {
    name: `${table.replace(/_/g, '-')}-parquet`,
    path: `parquet/${table}.parquet`,
    profile: 'tabular-data-resource',
    format: 'parquet',
    mediatype: 'application/vnd.apache.parquet',
    description,
    schema: { fields: columns.map((c) => field(table, c)) },
  };
}

/** The Data Package descriptor of the CSV datasets `writers` wrote and the Parquet tables. */
export function dataPackage(writers: Pick<Writer, 'file' | 'columns'>[], version: string): Record<string, unknown> {
  const csv = writers.flatMap((w) => (w.columns ? [csvResource(w.file, w.columns)] : []));
  const REF = ['report_id', 'source'];
  const parquet = [
    parquetResource('reports', `${REPORTS_TABLE.zh} / ${REPORTS_TABLE.en}`, REPORTS_TABLE.columns),
    ...CHILD_TABLES.map((t) => parquetResource(t.name, `${t.zh} / ${t.en}`, [...REF, ...t.columns])),
    parquetResource('year_checks', `${YEAR_CHECKS_TABLE.zh} / ${YEAR_CHECKS_TABLE.en}`, YEAR_CHECKS_TABLE.columns),
    parquetResource('reviews', `${REVIEWS_TABLE.zh} / ${REVIEWS_TABLE.en}`, REVIEWS_TABLE.columns),
  ];
  return {
    profile: 'tabular-data-package',
    name: 'nianbao',
    title: '政府信息公开工作年度报告数据 / Government information-disclosure annual reports',
    description:
      '由 nianbao 从政府信息公开工作年度报告中提取并核对的数据；单元格编号见 codebook.csv。' +
      ' Figures extracted and checked by nianbao from government information-disclosure annual reports; cell keys in codebook.csv.' +
      ' The same tables are in nianbao.sqlite.',
    version,
    created: new Date().toISOString(),
    resources: [...csv, csvResource('year_checks.csv', YEAR_CHECKS_TABLE.columns), csvResource('codebook.csv', CODEBOOK_COLUMNS), ...parquet],
  };
}

export const CODEBOOK_COLUMNS = [
  'key', 'table', 'row', 'column', 'kind', 'unit', 'layouts',
  'row_label_2021', 'column_label_2021', 'row_label_2019', 'column_label_2019',
] as const;

/** codebook.csv: one row per cell key, with its labels under each template layout. */
export function codebookRows(): CsvValue[][] {
  return ALL_CELLS.map((c) => {
    const byLayout = cellLabels(c.key);
    const l21 = byLayout.get('2021');
    const l19 = byLayout.get('2019');
    return [
      c.key, c.table, c.row.id, c.column.id, c.column.kind, UNIT_OF_KIND[c.column.kind], [...byLayout.keys()].join(' '),
      l21?.row.label, l21?.column.label, l19?.row.label, l19?.column.label,
    ];
  });
}

export async function writeCodebook(dir: string, writers: Pick<Writer, 'file' | 'columns'>[]): Promise<void> {
  await atomicWrite(join(dir, 'codebook.csv'), BOM + csvLines([[...CODEBOOK_COLUMNS], ...codebookRows()]));
  await atomicWrite(join(dir, 'datapackage.json'), JSON.stringify(dataPackage(writers, await extractorVersion()), null, 2) + '\n');
}
