/**
 * Pre-2019 reports append a 《政府信息公开情况统计表》 (指标 | 单位 | 数量, sometimes a 历年累计 column):
 * generic rows, since no national template fixes them. Only tables with a row headed 指标 (or 项目) …
 * 单位, each a cell of its own, qualify (the template tables never carry those words in their header);
 * the rows after it are the table's, less those at its end that print neither unit nor value.
 */
import type { TableBlock } from '../../extractors/model.js';
import { CATEGORY_HEADING, CUMULATIVE_HEADING, INDICATOR_HEADING, PRIOR_HEADING, STAT_UNITS, UNIT_HEADING, unitInIndicator, VALUE_HEADING, valueHeadingUnit } from '../../extractors/legacy-headings.js';
import { BLANK_MARKERS, foldValueText, NUMBER_TOKEN } from '../../extractors/value-token.js';
import { confirmedBySums, knownIndicators, knownReadings } from './legacy-ocr.js';
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
  /** The form's sections as a column of their own before the indicator's (类别 | 指标, or 指标 over both). */
  category?: number;
  /** Undefined when the table prints no unit column: each row's unit in brackets after its indicator, or in a value column's heading. */
  unit?: number;
  /** No unit column, a value column's heading stating the unit (数量（件）): the unit of each row printing a value and no unit of its own. */
  headingUnit?: string;
  value?: number;
  cumulative?: number;
  /** The header's own cells (not covered by a merged one), in order, the empty ones at its end left out. */
  origins: number[];
  /**
   * A category table's other reading of a row's own cells: with the header's one cell over both label
   * columns (指标 over the category's and the indicator's), the two (a row of its own grid printing its
   * category's cell); with a heading over each (项目 | 指标), the indicator's alone (a row whose category's
   * cell is covered by the one merged down from above).
   */
  labelled?: number[];
}

export interface LegacyOptions {
  /**
   * Also read a table with no unit column (指标 | 数量, each row's unit in brackets after its indicator:
   * 主动公开政府信息数（条）). A modern report's other tables look so too (项目 | 数量, 政府网站发布信息（条）):
   * the caller allows it only for a report of before 2019 that prints no template table.
   */
  unitless?: boolean;
}

const INDICATOR = new RegExp(`^(?:${INDICATOR_HEADING})$`);
const UNIT = new RegExp(`^(?:${UNIT_HEADING})$`);
const CATEGORY = new RegExp(`^(?:${CATEGORY_HEADING})$`);
/** A value column's heading, whole (a table with no unit column has no other anchor for its values). */
const VALUE = new RegExp(`^(?:${VALUE_HEADING})$`);
/** A column beside the values that is no count of the year (增减, 同比, 增长率, 比上年). */
const CHANGE = /增减|同比|增长|比上年|变化/;

export function findLegacyStats(tables: TableBlock[], options: LegacyOptions = {}): LegacyStats | undefined {
  for (let i = 0; i < tables.length; i++) {
    const table = tables[i]!;
    if (table.glued) continue;
    const columns = statisticsColumns(table, options);
    if (!columns) continue;
    const rows = table.rows.slice(columns.header + 1);
    // A table split by a page break continues in the next table block of the same width, without header.
    for (let j = i + 1; j < tables.length; j++) {
      const next = tables[j]!;
      if (next.glued || statisticsColumns(next, options) || next.rows[0]?.length !== table.rows[0]?.length) break;
      // A block whose rows print a number where the unit goes is not the table's rest on its columns (another
      // reader's table of the lines after it: 的经费）万元 | 0): its cells would land in the wrong columns.
      // A unit OCR read as digits (件 as 1 or 1g) beside the row's value is a misreading, not a value on the wrong column.
      const misread = (row: TableBlock['rows'][number]): boolean => row[columns.unit!]?.prov?.origin === 'ocr' && [columns.value, columns.cumulative].some((c) => c !== undefined && /\d/.test(cleanText(row[c]?.text ?? '')));
      if (columns.unit !== undefined && next.rows.some((row) => /\d/.test(foldValueText(cleanText(row[columns.unit!]?.text ?? ''))) && !misread(row))) break;
      rows.push(...next.rows);
    }
    rows.forEach((row, k) => (rows[k] = realigned(row, columns) ?? row));
    // Rows after the table on the same grid (the agency's name, a date, a note) print no unit and no value.
    while (rows.length && printsNothing(rows.at(-1)!, columns)) rows.pop();
    if (columns.unit === undefined && columns.headingUnit === undefined && !unitsInIndicators(rows, columns)) continue;
    const ocr: boolean[] = [];
    const read = (col: number | undefined, flags?: boolean[]) => (col === undefined ? undefined : rowsToStats(rows, columns, col, flags));
    const year = read(columns.value ?? columns.cumulative, ocr) ?? [];
    const cumulative = columns.value !== undefined ? read(columns.cumulative) : undefined;
    asKnownForm(year, cumulative, ocr);
    return { year, ...(cumulative ? { cumulative } : {}) };
  }
  return undefined;
}

function statisticsColumns(table: TableBlock, options: LegacyOptions): Columns | undefined {
  // Any row: under a title row or two, or a sheet's prose rows (a workbook is one grid from its first line).
  for (let r = 0; r < table.rows.length; r++) {
    const printed = table.rows[r]!.map((c) => cleanText(c.text).replace(/\s+/g, ''));
    // A heading OCR read with specks about it (人一一项目, 单位a: the cell's rules and corners read as strokes and letters) is the heading.
    const heads = table.rows[r]!.map((c, k) => (c.prov?.origin === 'ocr' ? specksOff(printed[k]!) : printed[k]!));
    const indicator = heads.findIndex((t) => INDICATOR.test(t)) >= 0 ? heads.findIndex((t) => INDICATOR.test(t)) : garbledIndicatorHeading(table, r, heads);
    if (indicator < 0) continue;
    const found = heads.findIndex((t) => UNIT.test(t));
    // A value heading stating its unit (数量（件）) is read as the heading, its unit the rows' (no unit column).
    const headed = found < 0 ? printed.map((t, k) => (k > indicator ? valueHeadingUnit(t) : undefined)) : [];
    const labels = printed.map((t, k) => headed[k]?.heading ?? t);
    const headingUnit = headed.find((h) => h !== undefined)?.unit;
    // No unit column: the values' headings follow the indicator's, each a value heading whole.
    const unitless = found < 0 && options.unitless && labels.slice(indicator + 1).some((t) => VALUE.test(t));
    if (found < 0 && !unitless) continue;
    const unit = found >= 0 ? found : undefined;
    const after = unit ?? indicator;
    // The last column saying 累计: an OCR'd or run-together heading (本年度累计 | 累计) may say it twice.
    const cumulative = labels.reduce((last, t, k) => (k > after && CUMULATIVE_HEADING.test(t) ? k : last), -1);
    // A heading's text repeated over the columns it spans is one heading (its first column's).
    const spans = table.rows[r]!.map((c, k) => k > 0 && !!c.spanned && labels[k] === labels[k - 1]);
    const value = yearColumn(labels.map((t, k) => (spans[k] ? '' : t)), after, cumulative);
    // Two label columns before the unit's (指标 merged over both, 项目 | 指标), or 类别 before 指标: the first holds the categories.
    // On a wider grid (a .doc LibreOffice joined from a table cut by a page break), 指标 spans more columns: the rows print two label cells under it.
    // Two headings of their own there (项目 | 指标 | ~指标): the second heads the indicators; one (指标 | ~指标 | ~指标): the rows tell.
    const headings = unit !== undefined ? table.rows[r]!.map((c, k) => k).filter((k) => k >= indicator && k < unit && !table.rows[r]![k]!.spanned && labels[k] !== '') : [];
    const wide = unit !== undefined && unit - indicator > 2 ? (headings.length === 2 ? headings[1] : labelCells(table.rows.slice(r + 1), indicator, unit)) : undefined;
    const category = (unit !== undefined && unit - indicator === 2) || wide !== undefined ? indicator : indicator > 0 && CATEGORY.test(labels[indicator - 1]!) ? indicator - 1 : undefined;
    const cells = table.rows[r]!;
    const origins = ownCells(cells).map((c) => cells.indexOf(c));
    const indicatorColumn = wide ?? (category === indicator ? indicator + 1 : indicator);
    const over = category === undefined ? -1 : origins.findIndex((o, k) => o <= category && (origins[k + 1] ?? Infinity) > indicatorColumn);
    const labelled =
      over >= 0
        ? [...origins.slice(0, over), category!, indicatorColumn, ...origins.slice(over + 1)]
        : category !== undefined && origins.includes(category) && origins.includes(indicatorColumn)
          ? origins.filter((o) => o !== category)
          : undefined;
    return {
      header: r,
      origins,
      ...(labelled ? { labelled } : {}),
      indicator: indicatorColumn,
      ...(category !== undefined ? { category } : {}),
      unit,
      ...(unit === undefined && headingUnit !== undefined ? { headingUnit } : {}),
      // No heading beside the unit's: the column after it; headings that all name another year: none.
      value: value >= 0 ? value : value === NONE_OF_THE_YEAR || cumulative >= 0 ? undefined : after + 1,
      cumulative: cumulative >= 0 ? cumulative : undefined,
    };
  }
  return undefined;
}

/**
 * The column of a row's second label cell when most rows print two under a heading spanning the columns
 * from `from` to `to` (a cell's text repeated over the columns it spans is one cell): the category's and
 * the indicator's. Undefined when most print one. Only rows printing in the first of those columns count.
 */
function labelCells(rows: TableBlock['rows'], from: number, to: number): number | undefined {
  const seconds = new Map<number, number>();
  let labelled = 0;
  for (const row of rows) {
    const texts = row.slice(from, to).map((c) => cleanText(c.text));
    // Rows on another grid (a table's rest after a page break) print nothing in the heading's first column: they do not tell.
    if (texts[0] === '') continue;
    labelled++;
    const starts = texts.flatMap((t, k) => (k > 0 && t !== texts[k - 1] ? [from + k] : []));
    if (starts.length === 1) seconds.set(starts[0]!, (seconds.get(starts[0]!) ?? 0) + 1);
  }
  const [column, count] = [...seconds].sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
  return column !== undefined && count * 2 > labelled ? column : undefined;
}

/**
 * The year's column among the value headings after `after`: not the 累计 one, not one naming the year
 * before (上年度, or the earlier of two years: 2014年 | 2015年), not a change (增减); the first left.
 * NONE_OF_THE_YEAR when every heading there names another year or a change; -1 when there is none.
 */
function yearColumn(labels: string[], after: number, cumulative: number): number {
  const values = labels.map((t, k) => ({ t, k })).filter(({ t, k }) => k > after && k !== cumulative && t.length > 0);
  const years = values.map(({ t }) => Number(/(\d{4})\s*年/.exec(t)?.[1] ?? NaN)).filter((y) => !Number.isNaN(y));
  const latest = years.length ? Math.max(...years) : undefined;
  const own = values.find(({ t }) => !PRIOR_HEADING.test(t) && !CHANGE.test(t) && !(latest !== undefined && /(\d{4})\s*年/.test(t) && Number(/(\d{4})\s*年/.exec(t)![1]) < latest));
  return own ? own.k : values.length > 0 ? NONE_OF_THE_YEAR : -1;
}

const NONE_OF_THE_YEAR = -2;

/**
 * An OCR'd heading cell's text less what OCR reads off a cell's rules and corners: Latin letters, ASCII marks, and
 * strokes (一 丨 丿 人 …) at its ends. A word beside the heading (建设项目, 项目名称单位) stays, and the cell is no heading.
 */
function specksOff(text: string): string {
  return text.replace(/[A-Za-z!-/:-@[-`{-~]/g, '').replace(/^[一丨丿乀人亅、，。：；·]+|[一丨丿乀人亅、，。：；·]+$/g, '');
}

/**
 * An OCR'd header whose indicator heading read as no words (`8 br` for 统计指标: no ideograph left) before a
 * 单位 heading read whole, over rows whose cells in that column are mostly a known form's indicators
 * (legacy-ocr.ts): that column is the indicator's. -1 otherwise (a text header, or words there: 建设项目).
 */
function garbledIndicatorHeading(table: TableBlock, r: number, heads: string[]): number {
  const unit = heads.findIndex((t) => UNIT.test(t));
  const cell = table.rows[r]![unit - 1];
  if (unit < 1 || cell?.prov?.origin !== 'ocr' || /\p{Script=Han}/u.test(cell.text)) return -1;
  const below = table.rows.slice(r + 1).map((row) => (row[unit - 1]?.prov?.origin === 'ocr' ? cleanText(row[unit - 1]!.text) : ''));
  return knownIndicators(below) ? unit - 1 : -1;
}

/** A table with no unit column is a statistics table when its rows print their units after their indicators (most of those with a value). */
function unitsInIndicators(rows: TableBlock['rows'], columns: Columns): boolean {
  const valued = rows.filter((row) => !printsNothing(row, columns));
  const united = valued.filter((row) => unitInIndicator(cleanText(row[columns.indicator]?.text ?? '')) !== undefined);
  return united.length >= 2 && united.length * 2 > valued.length;
}

/** Whether a row prints a number in a value column (a row printing none under 数量（件） is a section row, of no unit). */
function printsNumber(row: TableBlock['rows'][number], columns: Columns): boolean {
  return [columns.value, columns.cumulative].some((c) => c !== undefined && statValue(cleanText(row[c]?.text ?? '').replace(/\s+/g, ''), columns.headingUnit ?? '') !== null);
}

function printsNothing(row: TableBlock['rows'][number], columns: Columns): boolean {
  const empty = [columns.unit, columns.value, columns.cumulative].every((c) => c === undefined || cleanText(row[c]?.text ?? '').replace(/[\s—–\-/]+/g, '') === '');
  // With no unit column, a row's unit is printed after its indicator: a row of the form printed blank (（三）接受培训人员数（人次） | ).
  return empty && (columns.unit !== undefined || unitInIndicator(cleanText(row[columns.indicator]?.text ?? '')) === undefined);
}

/**
 * Rows of a table OCR read (the rows whose indicator is off OCR) given the known form's wording and units where OCR damaged
 * them (legacy-ocr.ts): the year's and the cumulative rows alike. A value stays in doubt (its OCR reading)
 * unless a sum of the form that holds confirms it, in its own column.
 */
function asKnownForm(year: LegacyStat[], cumulative: LegacyStat[] | undefined, ocr: boolean[]): void {
  if (!ocr.some(Boolean) || (cumulative && cumulative.length !== year.length)) return;
  const readings = knownReadings(year.map((s, i) => ({ indicator: s.indicator, unit: s.unit, valued: s.value !== null || cumulative?.[i]?.value != null })));
  // The units as OCR read them, before any is the form's.
  const units = year.map((s) => s.unit);
  for (const stats of cumulative ? [year, cumulative] : [year]) {
    const confirmed = confirmedBySums(readings, stats.map((s) => s.value), units);
    stats.forEach((s, i) => {
      const known = readings[i]!;
      // A row a text layer gave (a page OCR read in part: fonts without ToUnicode) is as printed; it still anchors the form.
      if (!ocr[i]) return;
      if (known.indicator !== undefined) s.indicator = known.indicator;
      if (known.unit !== undefined) s.unit = known.unit;
      if (known.byOrder && s.value !== null) s.doubt = 'row-by-order';
      else if ((known.fuzzy || known.unit !== undefined) && s.value !== null && s.doubt === undefined) s.doubt = 'ocr-unverified';
      // A value OCR read in a sum of the form that holds is certain (as a template cell an identity confirms), its unit one —
      // the form's own: a unit OCR read as another unit (人 for 件) is a misreading the sum does not see.
      const formUnit = known.form && known.row !== undefined ? known.form.rows[known.row]!.unit : undefined;
      const unitRight = formUnit === undefined || formUnit === '' || formUnit === s.unit;
      if (confirmed[i] && unitRight && STAT_UNITS.has(s.unit) && (s.doubt === 'ocr-unverified' || s.doubt === 'row-by-order')) delete s.doubt;
    });
  }
}

function rowsToStats(rows: TableBlock['rows'], columns: Columns, valueColumn: number, ocr?: boolean[]): LegacyStat[] {
  const stats: LegacyStat[] = [];
  let category = '';
  for (const row of rows) {
    const flag = () => ocr?.push(row[columns.category ?? columns.indicator]?.prov?.origin === 'ocr' || row[columns.indicator]?.prov?.origin === 'ocr');
    let indicator = cleanText(row[columns.indicator]?.text ?? '');
    if (columns.category !== undefined) {
      // A category merged down its rows (its text repeated, or printed once): a section row before its first
      // row, as the form prints it when its sections are rows; a row across both columns is a row of its own.
      const own = cleanText(row[columns.category]?.text ?? '');
      if (own !== '' && (indicator === '' || indicator === own)) {
        indicator = own;
        category = own;
      } else if (own !== '' && own !== category) {
        category = own;
        stats.push({ indicator: own, unit: '', value: null });
        flag();
      }
    }
    if (!indicator) continue;
    let unit = columns.unit === undefined ? '' : cleanText(row[columns.unit]?.text ?? '');
    if (columns.unit === undefined) ({ indicator, unit } = unitInIndicator(indicator) ?? { indicator, unit: columns.headingUnit !== undefined && printsNumber(row, columns) ? columns.headingUnit : unit });
    const text = cleanText(row[valueColumn]?.text ?? '');
    // Numbers apart in one cell (10839 344 1376: a reader put a row's values into one cell) are no one
    // value: joined they would read as one number no row printed.
    if (/\d[\s\u3000]+[\d０-９]|[０-９][\s\u3000]+[\d０-９]/.test(text)) {
      stats.push({ indicator, unit, value: null, doubt: 'several-numbers' });
      flag();
      continue;
    }
    const raw = text.replace(/\s+/g, '');
    const value = statValue(raw, unit);
    const read = row[valueColumn];
    // A blank a reader could not place (missing-values) keeps its doubt: the row may have printed a value there.
    const doubt = value === null ? (read?.doubt === 'missing-values' ? read.doubt : undefined) : (read?.doubt ?? (read?.prov?.origin === 'ocr' ? 'ocr-unverified' : undefined));
    stats.push({ indicator, unit, value, ...(doubt ? { doubt } : {}) });
    flag();
  }
  return stats;
}

/** A row's own cells (not covered by a merged one), in order, the empty ones at its end left out. */
function ownCells(row: TableBlock['rows'][number]): TableBlock['rows'][number] {
  const own = row.filter((c) => !c.spanned);
  while (own.length && cleanText(own.at(-1)!.text) === '') own.pop();
  return own;
}

/**
 * A row laid on another grid than its header's (a .doc whose table, cut by a page break, LibreOffice
 * joins into one grid of both parts' columns): its indicator's cell spans over the unit's (or the first
 * value's) column, or the header's indicator column holds nothing of the row's own. Its own cells, in
 * order, are the header's own cells' columns when they are not more; otherwise undefined, and the row is
 * read as it stands.
 */
function realigned(row: TableBlock['rows'][number], columns: Columns): TableBlock['rows'][number] | undefined {
  const first = columns.unit ?? columns.value;
  const label = row[columns.indicator];
  const at = first === undefined ? undefined : row[first];
  const labelSpans = !!at?.spanned && cleanText(at.text) === cleanText(label?.text ?? '');
  if (!labelSpans && !label?.spanned && cleanText(label?.text ?? '') !== '') return undefined;
  // Empty cells at the row's end are not told apart from no cell: fewer own cells leave the last columns blank.
  const own = ownCells(row);
  const place = (origins: number[]): TableBlock['rows'][number] | undefined => {
    if (own.length > origins.length) return undefined;
    const out = row.map((): TableBlock['rows'][number][number] => ({ text: '' }));
    own.forEach((cell, i) => (out[origins[i]!] = cell));
    // A number where the unit goes: the row's cells are not the header's one for one.
    return columns.unit !== undefined && /\d/.test(out[columns.unit]!.text) ? undefined : out;
  };
  if (!columns.labelled) return place(columns.origins);
  // A category table: a row may print one label cell or two (labelled). The reading whose unit cell holds a
  // unit (or a blank) and whose label cells hold words is the row's; none or both: as it stands.
  const fits = [place(columns.origins), place(columns.labelled)].filter((out) => out !== undefined && unitAndWords(out, columns));
  return fits.length === 1 ? fits[0] : undefined;
}

/** A realigned row whose unit cell is a unit, a blank's sign or empty, and whose label cells are no unit and no number. */
function unitAndWords(row: TableBlock['rows'][number], columns: Columns): boolean {
  const text = (col: number | undefined) => (col === undefined ? '' : cleanText(row[col]?.text ?? '').replace(/\s+/g, ''));
  const unit = text(columns.unit);
  if (columns.unit !== undefined && unit !== '' && !STAT_UNITS.has(unit) && !BLANK_MARKERS.has(foldValueText(unit))) return false;
  return [columns.category, columns.indicator].every((c) => !STAT_UNITS.has(text(c)) && !NUMBER_TOKEN.test(foldValueText(text(c))) && (text(c) === '' || !BLANK_MARKERS.has(foldValueText(text(c)))));
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
