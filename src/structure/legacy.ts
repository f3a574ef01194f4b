/**
 * Pre-2019 reports append a 《政府信息公开情况统计表》 (指标 | 单位 | 数量, sometimes a 历年累计 column):
 * generic rows, since no national template fixes them. Only tables with a row headed 指标 (or 项目) …
 * 单位, each a cell of its own, qualify (the template tables never carry those words in their header);
 * the rows after it are the table's, less those at its end that print neither unit nor value.
 */
import type { TableBlock } from '../../extractors/model.js';
import { CUMULATIVE_HEADING, INDICATOR_HEADING, UNIT_HEADING } from '../../extractors/legacy-headings.js';
import { foldValueText, NUMBER_TOKEN } from '../../extractors/value-token.js';
import { parseNumber } from './numerals.js';
import { cleanText } from './text.js';

export interface LegacyStat {
  indicator: string;
  unit: string;
  value: number | null;
  /** Set when the value is not certain: the cell's own doubt, or ocr-unverified for a value OCR read (no identity checks a generic row). */
  doubt?: string;
}

export interface LegacyStats {
  year: LegacyStat[];
  cumulative?: LegacyStat[];
}

interface Columns {
  header: number;
  indicator: number;
  unit: number;
  value?: number;
  cumulative?: number;
}


const INDICATOR = new RegExp(`^(?:${INDICATOR_HEADING})$`);
const UNIT = new RegExp(`^(?:${UNIT_HEADING})$`);

export function findLegacyStats(tables: TableBlock[]): LegacyStats | undefined {
  for (let i = 0; i < tables.length; i++) {
    const table = tables[i]!;
    if (table.glued) continue;
    const columns = statisticsColumns(table);
    if (!columns) continue;
    const rows = table.rows.slice(columns.header + 1);
    // A table split by a page break continues in the next table block of the same width, without header.
    for (let j = i + 1; j < tables.length; j++) {
      const next = tables[j]!;
      if (next.glued || statisticsColumns(next) || next.rows[0]?.length !== table.rows[0]?.length) break;
      rows.push(...next.rows);
    }
    const read = (col: number | undefined) => (col === undefined ? undefined : rowsToStats(rows, columns, col));
    // Rows after the table on the same grid (the agency's name, a date, a note) print no unit and no value.
    while (rows.length && printsNothing(rows.at(-1)!, columns)) rows.pop();
    const year = read(columns.value ?? columns.cumulative) ?? [];
    const cumulative = columns.value !== undefined ? read(columns.cumulative) : undefined;
    return { year, ...(cumulative ? { cumulative } : {}) };
  }
  return undefined;
}

function statisticsColumns(table: TableBlock): Columns | undefined {
  // Any row: under a title row or two, or a sheet's prose rows (a workbook is one grid from its first line).
  for (let r = 0; r < table.rows.length; r++) {
    const labels = table.rows[r]!.map((c) => cleanText(c.text).replace(/\s+/g, ''));
    const indicator = labels.findIndex((t) => INDICATOR.test(t));
    const unit = labels.findIndex((t) => UNIT.test(t));
    if (indicator < 0 || unit < 0) continue;
    // The last column saying 累计: an OCR'd or run-together heading (本年度累计 | 累计) may say it twice.
    const cumulative = labels.reduce((last, t, k) => (k > unit && CUMULATIVE_HEADING.test(t) ? k : last), -1);
    const value = labels.findIndex((t, k) => k > unit && k !== cumulative && t.length > 0);
    return {
      header: r,
      indicator,
      unit,
      value: value >= 0 ? value : cumulative < 0 ? unit + 1 : undefined,
      cumulative: cumulative >= 0 ? cumulative : undefined,
    };
  }
  return undefined;
}

function printsNothing(row: TableBlock['rows'][number], columns: Columns): boolean {
  return [columns.unit, columns.value, columns.cumulative].every((c) => c === undefined || cleanText(row[c]?.text ?? '').replace(/[\s—–\-/]+/g, '') === '');
}

function rowsToStats(rows: TableBlock['rows'], columns: Columns, valueColumn: number): LegacyStat[] {
  const stats: LegacyStat[] = [];
  for (const row of rows) {
    const indicator = cleanText(row[columns.indicator]?.text ?? '');
    if (!indicator) continue;
    const unit = cleanText(row[columns.unit]?.text ?? '');
    const raw = cleanText(row[valueColumn]?.text ?? '').replace(/\s+/g, '');
    const value = statValue(raw, unit);
    const read = row[valueColumn];
    const doubt = value === null ? undefined : (read?.doubt ?? (read?.prov?.origin === 'ocr' ? 'ocr-unverified' : undefined));
    stats.push({ indicator, unit, value, ...(doubt ? { doubt } : {}) });
  }
  return stats;
}

/**
 * A value as typed: full-width digits, thousands separators, the row's own unit after the number
 * (3460条) or Chinese numerals; null when blank, or when it names another unit than its row's (a
 * conversion would be a guess).
 */
function statValue(raw: string, unit: string): number | null {
  const folded = foldValueText(raw);
  const bare = unit !== '' && folded.endsWith(unit) ? folded.slice(0, -unit.length) : folded;
  const m = NUMBER_TOKEN.exec(bare);
  if (m && !m[1] && !m[4]) return Number(m[2].replace(/,/g, '') + (m[3] ?? ''));
  return m ? null : (parseNumber(bare) ?? null);
}
