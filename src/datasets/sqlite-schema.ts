/**
 * The schema of nianbao.sqlite, generated from the table definitions (src/datasets/tables.ts), the
 * codebook's column types and the headline figures, so the file cannot drift from the Parquet files or
 * the exports. Bump SQLITE_SCHEMA_VERSION whenever the DDL changes: a file of another version is
 * rebuilt rather than migrated (it is derived data).
 */
import { CHILD_TABLES, REPORTS_TABLE, REVIEWS_TABLE, YEAR_CHECKS_TABLE, columnType, type ReportTable } from './tables.js';
import { FIGURES } from './headline.js';
import { CODEBOOK_COLUMNS } from './codebook.js';

export const SQLITE_SCHEMA_VERSION = 1;

/** The columns of a report table as SQLite stores them (without those kept in `codebook`). */
export function sqliteColumns(t: ReportTable): string[] {
  return t.columns.filter((c) => !t.inCodebook?.includes(c));
}

/** number → NUMERIC: an integral value is stored as INTEGER, a decimal as REAL. */
const SQL_TYPE = { string: 'TEXT', integer: 'INTEGER', number: 'NUMERIC' } as const;
const q = (name: string) => `"${name}"`;
const col = (table: string, name: string) => `${q(name)} ${SQL_TYPE[columnType(table, name)]}`;
const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

function tables(): string[] {
  const reports = REPORTS_TABLE.columns.map((c) => col('reports', c) + (c === 'report_id' || c === 'source' ? ' NOT NULL' : ''));
  return [
    `CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)`,
    `CREATE TABLE IF NOT EXISTS codebook (${CODEBOOK_COLUMNS.map((c) => col('codebook', c) + (c === 'key' ? ' PRIMARY KEY' : '')).join(', ')})`,
    `CREATE TABLE IF NOT EXISTS reports (id INTEGER PRIMARY KEY, ${reports.join(', ')}, UNIQUE (report_id, source))`,
    `CREATE INDEX IF NOT EXISTS reports_agency_year ON reports (agency, year)`,
    ...CHILD_TABLES.flatMap((t) => [
      `CREATE TABLE IF NOT EXISTS ${t.name} (report INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE, ` +
        `${sqliteColumns(t).map((c) => col(t.name, c) + (t.inCodebook && c === 'key' ? ' REFERENCES codebook (key)' : '')).join(', ')}, PRIMARY KEY (report, ${t.key.map(q).join(', ')})) WITHOUT ROWID`,
    ]),
    `CREATE INDEX IF NOT EXISTS cells_key ON cells (key)`,
    `CREATE INDEX IF NOT EXISTS findings_rule ON findings (rule)`,
    `CREATE TABLE IF NOT EXISTS year_checks (${YEAR_CHECKS_TABLE.columns.map((c) => col('year_checks', c)).join(', ')}, ` +
      `FOREIGN KEY (report_id, source) REFERENCES reports (report_id, source) ON DELETE CASCADE, ` +
      `FOREIGN KEY (previous_report_id, previous_source) REFERENCES reports (report_id, source) ON DELETE CASCADE)`,
    `CREATE INDEX IF NOT EXISTS year_checks_report ON year_checks (report_id, source)`,
    `CREATE INDEX IF NOT EXISTS year_checks_previous ON year_checks (previous_report_id, previous_source)`,
    `CREATE TABLE IF NOT EXISTS reviews (${REVIEWS_TABLE.columns.map((c) => col('reviews', c)).join(', ')})`,
  ];
}

/**
 * agency_year: one row per agency and year with the headline figures (src/datasets/headline.ts) of
 * the report that stands for it (ok before partial, most cells, first in input order).
 */
function agencyYearView(): string {
  const counts = FIGURES.flatMap((f) => (f.kind === 'count' ? [f] : []));
  const inList = (keys: string[]) => `c.key IN (${keys.map(sqlString).join(', ')})`;
  const countSql = counts.map((f) => {
    const all = [...f.plus, ...(f.minus ?? [])];
    const signed = f.minus?.length ? `CASE WHEN ${inList(f.plus)} THEN c.value WHEN ${inList(f.minus)} THEN -c.value END` : `CASE WHEN ${inList(f.plus)} THEN c.value END`;
    return `CASE WHEN COUNT(CASE WHEN ${inList(all)} THEN c.value END) > 0 THEN CAST(TOTAL(${signed}) AS INTEGER) END AS ${q(f.id)}`;
  });
  const figures = FIGURES.map((f) =>
    f.kind === 'count' ? `p.${q(f.id)}` : `CASE WHEN p.${q(f.denominator)} > 0 THEN 1.0 * p.${q(f.numerator)} / p.${q(f.denominator)} END AS ${q(f.id)}`,
  );
  return `CREATE VIEW IF NOT EXISTS agency_year AS
WITH chosen AS (
  SELECT r.*, ROW_NUMBER() OVER (
    PARTITION BY r.agency, r.year
    ORDER BY CASE r.status WHEN 'ok' THEN 0 WHEN 'partial' THEN 1 ELSE 2 END, (SELECT COUNT(*) FROM cells x WHERE x.report = r.id) DESC, r.id
  ) AS choice, COUNT(*) OVER (PARTITION BY r.agency, r.year) AS reports
  FROM reports r WHERE r.status <> 'failed' AND r.agency IS NOT NULL AND r.year IS NOT NULL
), picked AS (
  SELECT ch.id, ch.agency, ch.year, ch.report_id, ch.source, ch.status, ch.reports, ${countSql.join(', ')}
  FROM chosen ch LEFT JOIN cells c ON c.report = ch.id WHERE ch.choice = 1 GROUP BY ch.id
)
SELECT p.agency, p.year, p.report_id, p.source, p.status, p.reports, ${figures.join(', ')} FROM picked p`;
}

const VIEWS = [
  agencyYearView,
  () => `CREATE VIEW IF NOT EXISTS findings_by_agency AS
SELECT r.agency, r.year, f.rule, f.basis, COUNT(*) AS findings, COUNT(DISTINCT r.id) AS reports
FROM findings f JOIN reports r ON r.id = f.report GROUP BY r.agency, r.year, f.rule, f.basis`,
  // The labels of the layout the report used (the 2019 proactive table words its rows differently).
  () => `CREATE VIEW IF NOT EXISTS cells_labelled AS
SELECT r.report_id, r.source, r.agency, r.year, c.report, c.key, k."table", k."row", k."column", c.value, c.raw,
  CASE WHEN c.layout = '2019' AND k.row_label_2019 IS NOT NULL THEN k.row_label_2019 ELSE COALESCE(k.row_label_2021, k.row_label_2019) END AS row_label,
  CASE WHEN c.layout = '2019' AND k.column_label_2019 IS NOT NULL THEN k.column_label_2019 ELSE COALESCE(k.column_label_2021, k.column_label_2019) END AS column_label,
  k.unit, c.layout, c.page, c.bbox, c.origin, c.confidence, c.via, c.doubt
FROM cells c JOIN reports r ON r.id = c.report JOIN codebook k ON k.key = c.key`,
];

export function schemaSql(): string[] {
  return [...tables(), ...VIEWS.map((v) => v())];
}
