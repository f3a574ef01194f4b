/**
 * The relational tables of the SQLite and Parquet datasets: one definition, two writers. Every table
 * but `reports` holds rows of one report; SQLite links them to `reports` by an integer key, Parquet
 * repeats report_id and source (the Parquet files are read one by one, so each must stand alone).
 * Run-wide tables (year checks, reviews) are filled once per run, not per record.
 */
import type { ReportRecord } from '../schemas/record.js';
import { ALL_CELLS } from '../templates/ids.js';
import { columnMeaning, type ColumnType } from './columns.js';

export type Value = string | number | null | undefined;

export interface ReportTable {
  name: string;
  zh: string;
  en: string;
  /** Columns after the report reference. */
  columns: readonly string[];
  /** Columns that, with the report, identify a row. */
  key: readonly string[];
  /** Columns SQLite keeps once per cell key in its `codebook` table instead of on every row. */
  inCodebook?: readonly string[];
  rowsOf(record: ReportRecord): Value[][];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export const REPORT_COLUMNS = [
  'report_id', 'source', 'sha256', 'format', 'status', 'error', 'title', 'agency', 'year', 'published', 'publisher',
  'source_url', 'parent_url', 'layout_proactive', 'layout_requests', 'layout_appeals',
  'findings', 'findings_doubtful', 'doubtful_cells', 'messages',
] as const;

export function reportRow(r: ReportRecord): Value[] {
  return [
    r.report_id, r.source, r.sha256, r.format, r.status, r.error, r.title, r.agency, r.year, r.published, r.publisher,
    r.source_url, r.parent_url, r.layout.proactive, r.layout.requests, r.layout.appeals,
    r.findings.length, r.findings.filter((f) => f.basis === 'doubtful').length,
    Object.values(r.cell_details).filter((d) => d.doubt).length, r.messages.length,
  ];
}

export const REPORTS_TABLE = {
  name: 'reports',
  zh: '报告：每个输入文件一行',
  en: 'reports: one row per input document',
  columns: REPORT_COLUMNS,
};

export const CHILD_TABLES: ReportTable[] = [
  {
    name: 'cells',
    zh: '单元格：三张统计表的每个单元格一行（长表）',
    en: 'cells: one row per cell of the three statistics tables (long form)',
    columns: ['key', 'table', 'row', 'column', 'value', 'raw', 'row_label', 'column_label', 'layout', 'page', 'bbox', 'origin', 'confidence', 'via', 'doubt'],
    key: ['key'],
    inCodebook: ['table', 'row', 'column', 'row_label', 'column_label'],
    rowsOf: (r) =>
      ALL_CELLS.filter((c) => c.key in r.cells).map((c) => {
        const d = r.cell_details[c.key];
        return [
          c.key, c.table, c.row.id, c.column.id, r.cells[c.key], d?.raw, c.row.label, c.column.label, r.layout[c.table],
          d?.prov?.page, d?.prov?.bbox?.map(round2).join(' '), d?.prov?.origin, d?.prov?.confidence, d?.via, d?.doubt,
        ];
      }),
  },
  {
    name: 'findings',
    zh: '核对结果：每条未通过的核对一行',
    en: 'findings: one row per failed check',
    columns: ['seq', 'rule', 'severity', 'cells', 'where', 'expected', 'actual', 'left', 'right', 'message', 'basis'],
    key: ['seq'],
    rowsOf: (r) => r.findings.map((f, i) => [i + 1, f.rule, f.severity, f.cells.join(' '), f.where, f.expected, f.actual, f.left, f.right, f.message, f.basis]),
  },
  {
    name: 'sections',
    zh: '章节：报告的标题树',
    en: 'sections: the heading tree of the report',
    columns: ['seq', 'level', 'number', 'title', 'section_id', 'text'],
    key: ['seq'],
    rowsOf: (r) => r.sections.map((s, i) => [i + 1, s.level, s.number, s.title, s.id, s.text]),
  },
  {
    name: 'prose',
    zh: '正文数字：报告正文中陈述的数字',
    en: 'prose: figures stated in the text of the report',
    columns: ['name', 'value', 'sentence'],
    key: ['name'],
    rowsOf: (r) => Object.entries(r.prose).map(([name, p]) => [name, p.value, p.sentence]),
  },
  {
    name: 'legacy_stats',
    zh: '2019 年以前的统计表行',
    en: 'pre-2019 statistics table rows',
    columns: ['row', 'indicator', 'unit', 'value', 'cumulative', 'doubt'],
    key: ['row'],
    rowsOf: (r) => r.legacy_stats.map((s, i) => [i + 1, s.indicator, s.unit, s.value, r.legacy_stats_cumulative?.[i]?.value, s.doubt ?? r.legacy_stats_cumulative?.[i]?.doubt]),
  },
  {
    name: 'messages',
    zh: '读取时的提示',
    en: 'warnings met while reading',
    columns: ['seq', 'code', 'message'],
    key: ['seq'],
    rowsOf: (r) => r.messages.map((m, i) => [i + 1, m.code, m.message]),
  },
];

export const YEAR_CHECKS_TABLE = {
  name: 'year_checks',
  zh: '跨年度核对：同一机关相邻两年的每组核对',
  en: 'year checks: every pair of consecutive years of one agency checked',
  columns: ['rule', 'agency', 'year', 'previous_year', 'where', 'expected', 'actual', 'status', 'message', 'report_id', 'source', 'previous_report_id', 'previous_source'],
} as const;

export const REVIEWS_TABLE = {
  name: 'reviews',
  zh: '人工复核（reviews.ndjson）',
  en: 'human reviews (reviews.ndjson)',
  columns: ['key', 'decision', 'note', 'reviewer', 'at'],
} as const;

/** The type of a column in a table, from the codebook. */
export function columnType(table: string, column: string): ColumnType {
  return columnMeaning(table, column).type;
}
