/**
 * The statistics table of a pre-2019 report (指标 | 单位 | 数量, maybe 历年累计; a 序号 column first)
 * printed as text: cells apart by tabs, or by single spaces as a crawler's get_text(' ') joins them. The
 * layout reader (layout.ts) takes a row for a label and a numeric tail, so the unit column between
 * them would run into the label, and single spaces would not part cells at all. From a header line
 * naming 指标 and 单位, each row is read from its end: the header's count of value cells, then the
 * unit, the indicator before it (spaces inside it kept), its serial number first when the header has
 * 序号. A section row (一、主动公开情况) prints no unit and no value. The table ends at the first line
 * that is neither a row nor a page footer or blank line between two rows. Also read: a header with no
 * 单位 (each row's unit in brackets after its indicator; its value headings must all be ones), a category
 * column before the indicator's (类别 | 指标, 指标 merged over both), value headings run together.
 */
import { cell, type TableBlock } from '../model.js';
import { BLANK_MARKERS, foldValueText, NUMBER_TOKEN } from '../value-token.js';
import { CATEGORY_HEADING, CUMULATIVE_HEADING, INDICATOR_HEADING, STAT_UNITS, UNIT_HEADING, unitInIndicator, VALUE_HEADING } from '../legacy-headings.js';
import { NUMBERING_START } from './lines.js';

/**
 * The header as its words run together: 序号, a category column's heading (类别 | 指标, 项目 | 指标), the
 * indicator's column, the unit's (none when each row prints its unit after its indicator), the value columns.
 */
const HEADER = new RegExp(`^(序号)?(?:(${CATEGORY_HEADING}|项目)(?=${INDICATOR_HEADING}))?(${INDICATOR_HEADING})(${UNIT_HEADING})?(.+)$`);
/** A page's running footer between two parts of a table cut by a page break. */
const PAGE_FOOTER = /^[-—－\s]*(?:第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+)[-—－\s]*$/;
/** Lines skipped between two rows (blank lines, footers) at most. */
const MAX_GAP_LINES = 3;
/** The value headings one after another, each whole (2015年2014年, 本年度上年度, 数量累计). */
const VALUE_HEADINGS = new RegExp(`^(?:${VALUE_HEADING})+$`);
const VALUE_HEADING_AT = new RegExp(VALUE_HEADING, 'y');

interface Header {
  serial: boolean;
  /** The form's sections in a column of their own before the indicator's (its cell empty on the rows below the first). */
  category: boolean;
  /** No unit column: each row's unit in brackets after its indicator (主动公开政府信息数（条）), or in a value heading. */
  unitless: boolean;
  /** No unit column, a value heading stating the unit (数量（件）): rows printing a value need no unit of their own. */
  headingUnit?: string;
  values: number;
  cells: string[];
  /** How the rows part their cells, as the header does: tabs, single spaces, or runs of spaces (pdftotext -layout). */
  parted: 'tabs' | 'spaces' | 'layout';
  /** Layout text: the middle of each value column's heading, in characters from the line's start. */
  centres: number[];
}

/** A unit in brackets after a value heading (数量（件）), as its words run together. */
const UNIT_AFTER = /[（(]([^（）()]{1,4})[）)]/y;

/**
 * The value headings run together, cut into columns; undefined when they are not all value headings.
 * With `units` (a header with no unit column), a heading may state its unit in brackets after it
 * (数量（件）, 2016年(条)): kept in its heading, the unit returned.
 */
function valueHeadings(rest: string, units = false): { headings: string[]; unit?: string } | undefined {
  if (!units && !VALUE_HEADINGS.test(rest)) return undefined;
  const headings: string[] = [];
  let unit: string | undefined;
  VALUE_HEADING_AT.lastIndex = 0;
  while (VALUE_HEADING_AT.lastIndex < rest.length) {
    const m = VALUE_HEADING_AT.exec(rest);
    if (!m) return undefined;
    headings.push(m[0]);
    UNIT_AFTER.lastIndex = VALUE_HEADING_AT.lastIndex;
    const stated = units ? UNIT_AFTER.exec(rest) : null;
    if (stated && STAT_UNITS.has(stated[1])) {
      headings[headings.length - 1] += stated[0];
      unit ??= stated[1];
      VALUE_HEADING_AT.lastIndex = UNIT_AFTER.lastIndex;
    }
  }
  return { headings, ...(unit ? { unit } : {}) };
}

function header(line: string): Header | undefined {
  if (!line.includes('指') && !line.includes('项')) return undefined;
  const words = line.replace(/[\s\u3000]+/g, '');
  const m = HEADER.exec(words);
  if (!m) return undefined;
  const [, serial, categoryWord, indicator, unit, rest] = m;
  const unitless = unit === undefined;
  const read = valueHeadings(rest, unitless);
  let values = read?.headings;
  const headingUnit = read?.unit;
  // A table with no unit column has no other anchor: its value headings must all be ones.
  if (!values && unitless) return undefined;
  if (!values) {
    // 2013年度历年累计, 数量累计: the year's column and a cumulative one; 累计 alone is one column.
    const cumulative = CUMULATIVE_HEADING.exec(rest);
    const before = cumulative ? rest.slice(0, cumulative.index) : rest;
    values = cumulative && before !== '' ? [before, rest.slice(cumulative.index)] : [rest];
  }
  if (values.some((v) => v.length > 12)) return undefined;
  // 指标 merged over two columns prints an empty cell after it: two tabs, or (cells by single spaces) the
  // one run of two spaces on the line, between 指标 and the unit's heading.
  const spacedMerge = !unitless && !line.includes('\t') && mergedBySpaces(line);
  const parted = line.includes('\t') ? 'tabs' : !spacedMerge && /\S[ \u3000]{2,}\S/.test(line.trim()) ? 'layout' : 'spaces';
  const merged = spacedMerge || (parted === 'tabs' && !unitless && mergedIndicator(line));
  const category = !!categoryWord || merged;
  // Layout text with a category column: its merged cells stand in the middle of their rows (layoutCategories).
  if (category && parted === 'layout' && unitless) return undefined;
  const centres = parted === 'layout' ? valueCentres(line, values) : [];
  if (parted === 'layout' && centres.length !== values.length) return undefined;
  const labels = categoryWord ? [categoryWord, indicator] : merged ? [indicator, indicator] : [indicator];
  return { serial: !!serial, category, unitless, ...(headingUnit ? { headingUnit } : {}), values: values.length, cells: [...(serial ? [serial] : []), ...labels, ...(unit ? [unit] : []), ...values], parted, centres };
}

/**
 * A header parted by single spaces but for one run of exactly two (an empty cell) between 指标 (序号 before
 * it) and the unit's heading, the line not indented: layout text (pdftotext) sets its columns apart by
 * wider runs, and indents a table.
 */
function mergedBySpaces(line: string): boolean {
  if (/^[ \u3000]/.test(line)) return false;
  const gaps = line.trimEnd().match(/[ \u3000]{2,}/g) ?? [];
  if (gaps.length !== 1 || gaps[0]!.length !== 2) return false;
  const runs = line.trim().split(/[ \u3000]{2,}/);
  if (runs.length !== 2 || /[ \u3000]{2,}/.test(runs[1]!)) return false;
  const before = runs[0]!.replace(/[ \u3000]+/g, '').replace(/^序号/, '');
  return new RegExp(`^(?:${INDICATOR_HEADING})$`).test(before) && new RegExp(`^(?:${UNIT_HEADING})`).test(runs[1]!.replace(/[ \u3000]+/g, ''));
}

/** A tab-parted header whose indicator heading is followed by an empty cell, then the unit's: 指标 over two columns. */
function mergedIndicator(line: string): boolean {
  const cells = line.split('\t').map((c) => c.replace(/[\s\u3000]+/g, ''));
  const at = cells.findIndex((c) => new RegExp(`^(?:${INDICATOR_HEADING})$`).test(c));
  return at >= 0 && cells[at + 1] === '' && new RegExp(`^(?:${UNIT_HEADING})$`).test(cells[at + 2] ?? '');
}

/** Where each value column's heading sits on the header line (its words may be spaced: 2015 年). */
function valueCentres(line: string, values: string[]): number[] {
  const centres: number[] = [];
  let from = 0;
  for (const value of values) {
    const spaced = new RegExp([...value].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[ \u3000]*'), 'g');
    // The last match: the value headings follow the unit's (单位 may itself hold none of them).
    const found = [...line.matchAll(spaced)].filter((m) => m.index! >= from).at(-1);
    if (!found) return [];
    centres.push(found.index! + found[0].length / 2);
    from = found.index! + found[0].length;
  }
  return centres;
}

/** Layout text: a line's runs of text (apart by two spaces or more) and where each starts. */
function layoutRuns(line: string): { text: string; at: number }[] {
  return [...line.matchAll(/\S+(?:[ \u3000]\S+)*/g)].flatMap((m) => {
    // A narrow unit column leaves one space between the unit and the value (万元 22.46): a run of a
    // unit and values alone is cells, not words (an indicator's 计 1 条 has words around its number).
    // A value typed with its row's unit is set apart from it (10814 条): the unit after a number is the number's.
    const words = [...m[0].matchAll(/\S+/g)].map((w) => ({ text: w[0], at: m.index! + w.index! }));
    const joined: typeof words = [];
    for (const w of words) {
      const last = joined.at(-1);
      if (last && STAT_UNITS.has(w.text) && NUMBER_TOKEN.test(foldValueText(last.text))) last.text += w.text;
      else joined.push({ ...w });
    }
    const cells = words.length > 1 && joined.every((w, k) => isNumber(w.text) || isBlank(w.text) || (k === 0 && STAT_UNITS.has(w.text)));
    return cells ? joined : [{ text: m[0], at: m.index! }];
  });
}

/** Rows of a table with no unit column read from a line of values alone: their indicator's words stand above and below them. */
const WRAPPED_AROUND = new WeakSet<string[]>();

/** Value cells of rows whose values stood under no heading (placeByCentres): blank, in doubt missing-values. */
const UNPLACED = new WeakSet<string[]>();

/**
 * Layout text prints a blank value as nothing: the values a row prints go to the value columns whose
 * headings they sit under. Undefined when two fall under one heading (the row is then no row of ours).
 */
function placeByCentres(values: { text: string; at: number }[], head: Header): string[] | undefined {
  if (values.length === head.values) return values.map((v) => v.text);
  const placed = new Array<string>(head.values).fill('');
  const taken = new Set<number>();
  // A value farther from every heading than half the narrowest gap between two stands on a grid of its
  // own (a page set narrower after a break): which column it is in is not known — blank, in doubt.
  const gaps = head.centres.slice(1).map((c, k) => c - head.centres[k]);
  const reach = gaps.length ? Math.min(...gaps) / 2 : Infinity;
  for (const value of values) {
    const middle = value.at + value.text.length / 2;
    let best = 0;
    for (let c = 1; c < head.centres.length; c++) if (Math.abs(head.centres[c] - middle) < Math.abs(head.centres[best] - middle)) best = c;
    if (Math.abs(head.centres[best] - middle) > reach) {
      const blank = new Array<string>(head.values).fill('');
      UNPLACED.add(blank);
      return blank;
    }
    if (taken.has(best)) return undefined;
    taken.add(best);
    placed[best] = value.text;
  }
  return placed;
}

/**
 * Blank lines or a page footer from line `i` between two parts of the table: the line of the row after
 * them, or undefined when no row follows (the table has ended).
 */
function rowAfterGap(lines: string[], i: number, isRow: (line: string) => boolean): number | undefined {
  let j = i;
  while (j < lines.length && j - i < MAX_GAP_LINES && isGapLine(lines[j])) j++;
  return j > i && j < lines.length && isRow(lines[j]) ? j : undefined;
}

const isGapLine = (line: string): boolean => line.trim() === '' || PAGE_FOOTER.test(line.trim());
const isBlank = (text: string): boolean => BLANK_MARKERS.has(foldValueText(text));
/** A value: a number as cells print it, or one with its row's unit after it (45人次, beyond a value cell's own units). */
const isNumber = (text: string): boolean => {
  const folded = foldValueText(text);
  if (NUMBER_TOKEN.test(folded)) return true;
  const unit = /^\d[\d,]*(?:\.\d+)?(\D+)$/.exec(folded)?.[1];
  return unit !== undefined && STAT_UNITS.has(unit);
};

/**
 * A row of a table whose value heading states the unit (数量（件）): it prints a value or a blank's sign
 * (—) in its value columns, and its indicator is no sentence (the report's prose after the table).
 */
function underHeadingUnit(indicator: string, values: string[], head: Header): boolean {
  if (head.headingUnit === undefined || /[，。；！？,;]/.test(indicator)) return false;
  return values.some((v) => isNumber(v)) || (values.some((v) => v !== '') && values.every(isBlank));
}

/** One row's cells, or undefined when the line is not a row of this table. */
function row(line: string, head: Header): string[] | undefined {
  const text = line.replace(/\r$/, '');
  if (text.trim() === '') return undefined;
  const tabs = text.includes('\t');
  // A category's empty cell (the rows below its first) leaves the line starting with its separator.
  const noCategory = head.category && (tabs ? text.startsWith('\t') : /^[ \u3000]/.test(text));
  const parts = tabs ? text.split('\t').map((c) => c.trim()) : text.replace(/^[ \u3000]+/, '').split(/ |\u3000/);
  if (noCategory && !tabs) parts.unshift('');
  const lead = head.serial ? 1 : 0;
  if (head.serial && !/^\d{1,3}$/.test(parts[0] ?? '')) return undefined;
  const labels = head.category ? 2 : 1;
  const units = head.unitless ? 0 : 1;
  // A line cut short of its blank cells (trailing spaces trimmed) prints them no more; a section row
  // cut so is its numbered indicator alone (a line of other words after the table is not a row).
  const width = lead + labels + units + head.values;
  if (parts.length === lead + labels && !NUMBERING_START.test(parts[lead + labels - 1] || parts[lead])) return undefined;
  while (parts.length < width && parts.length >= lead + labels) parts.push('');
  if (parts.length < width) return undefined;
  const values = parts.slice(parts.length - head.values);
  const unit = head.unitless ? '' : parts[parts.length - head.values - 1];
  const category = head.category ? parts[lead] : undefined;
  const indicator = parts.slice(lead + labels - 1, parts.length - head.values - units).join(' ').trim();
  // A category's first row: its category, then its own words (a row across both columns has none of its own).
  const named = indicator || category || '';
  if (named === '' || isNumber(named) || isBlank(named)) return undefined;
  if (category !== undefined && (isNumber(category) || (category !== '' && isBlank(category)))) return undefined;
  if (!head.unitless && !(isBlank(unit) || STAT_UNITS.has(unit))) return undefined;
  if (!values.every((v) => isBlank(v) || isNumber(v))) return undefined;
  // No unit column: a row prints its unit after its indicator, or is a section row (numbered, no value).
  if (head.unitless && !unitInIndicator(named) && !(NUMBERING_START.test(named) && values.every(isBlank)) && !underHeadingUnit(named, values, head)) return undefined;
  // A section row prints no unit and no value; a row with a unit prints its values (or their blanks).
  return [...(head.serial ? [parts[0]] : []), ...(category !== undefined ? [category] : []), indicator, ...(head.unitless ? [] : [unit]), ...values];
}

/**
 * Layout text sets a page's narrower rows (a table's rest after a page break, set by the widths of its
 * own cells) apart by single spaces: 9 其中：1、同意公开答复数 条 113 条 226 条 is one run. Its 序号 at its
 * start (the header has one) and its cells at its end — numbers or blanks, the unit before them — are
 * runs of their own, when the words left are an indicator's: not a number, no bracket left open (计 1 条
 * inside an open bracket is the indicator's own words).
 */
function narrowRuns(runs: { text: string; at: number }[], head: Header): { text: string; at: number }[] {
  return runs.flatMap((run, k) => {
    const words = [...run.text.matchAll(/\S+/g)].map((w) => ({ text: w[0], at: run.at + w.index! }));
    if (words.length < 2) return [run];
    const lead = head.serial && k === 0 && /^\d{1,3}$/.test(words[0].text) ? [words.shift()!] : [];
    let end = words.length;
    for (let values = 0; end > 1 && values < head.values; values++) {
      const w = words[end - 1].text;
      if (STAT_UNITS.has(w) && end > 2 && isNumber(words[end - 2].text)) end -= 2;
      else if (isNumber(w) || isBlank(w)) end--;
      else break;
    }
    if (!head.unitless && end > 1 && end < words.length && STAT_UNITS.has(words[end - 1].text)) end--;
    // A unit typed after its number (113 条) is the number's.
    const cells: { text: string; at: number }[] = [];
    for (const w of words.slice(end)) {
      const last = cells.at(-1);
      if (last && STAT_UNITS.has(w.text) && isNumber(last.text)) last.text += w.text;
      else cells.push({ ...w });
    }
    const label = words.slice(0, end).map((w) => w.text).join(' ');
    const splits = cells.some((c) => isNumber(c.text) && !STAT_UNITS.has(c.text)) && !isNumber(label) && !unbalanced(label);
    if (!splits && lead.length === 0) return [run];
    const rest = splits ? [{ text: label, at: words[0].at }, ...cells] : [{ text: words.map((w) => w.text).join(' '), at: words[0].at }];
    return [...lead, ...rest];
  });
}

/** The row, marked as one whose values stood under no heading when its placed values are. */
function unplaced(placed: string[], row: string[]): string[] {
  if (UNPLACED.has(placed)) UNPLACED.add(row);
  return row;
}

/** A row of layout text: its runs from the end, the values it prints placed under their headings. */
function layoutRow(text: string, head: Header): string[] | undefined {
  const runs = narrowRuns(layoutRuns(text), head);
  const lead = head.serial ? 1 : 0;
  if (head.serial && !/^\d{1,3}$/.test(runs[0]?.text ?? '')) return undefined;
  let end = runs.length;
  while (end > lead && runs.length - end < head.values && (isBlank(runs[end - 1].text) || isNumber(runs[end - 1].text))) end--;
  const values = runs.slice(end);
  // A wide indicator leaves one space before its unit (…的经费） 万元): the unit after it is a cell of its own
  // when the indicator's brackets are closed (…计 1 条） is the indicator's own words).
  const glued = !head.unitless && end > lead && end < runs.length ? /^(.*\S) (\S+)$/.exec(runs[end - 1].text) : null;
  if (glued && STAT_UNITS.has(glued[2]) && !unbalanced(glued[1]) && !isNumber(glued[1]) && !/ \d+$/.test(glued[1])) {
    const at = runs[end - 1].at;
    runs.splice(end - 1, 1, { text: glued[1], at }, { text: glued[2], at: at + glued[1].length + 1 });
    end++;
  }
  const unit = !head.unitless && end > lead && (STAT_UNITS.has(runs[end - 1].text) || isBlank(runs[end - 1].text)) ? runs[--end].text : '';
  const indicator = runs.slice(lead, end).map((r) => r.text).join(' ');
  if (isNumber(indicator) || (indicator !== '' && isBlank(indicator))) return undefined;
  if (head.unitless) {
    // No unit column: a row prints its unit after its indicator (an indicator wrapped over lines is not
    // put back together here), or is a section row (numbered, no value or its blank: —).
    const printsValue = values.some((v) => !isBlank(v.text));
    // Values on a line of their own: an indicator wrapped around them, its words above and its unit below
    // (readLayoutRows puts them together and keeps the row only when its unit then ends it).
    const around = indicator === '' && printsValue;
    if (!(around || unitInIndicator(indicator) || (!printsValue && NUMBERING_START.test(indicator)) || underHeadingUnit(indicator, values.map((v) => v.text), head))) return undefined;
    const placed = placeByCentres(values, head);
    if (!placed) return undefined;
    const cells = unplaced(placed, [...(head.serial ? [runs[0].text] : []), indicator, ...placed]);
    if (around) WRAPPED_AROUND.add(cells);
    return cells;
  }
  // An indicator wrapped over lines around its values leaves them on a line of their own (readLayoutRows).
  if (indicator === '' && unit === '') return undefined;
  // A row with no unit is a section row (numbered, no value); a row of ours prints a unit otherwise.
  if (unit === '' && (values.length > 0 || !NUMBERING_START.test(indicator))) return undefined;
  const placed = placeByCentres(values, head);
  if (!placed) return undefined;
  return unplaced(placed, [...(head.serial ? [runs[0].text] : []), indicator, unit, ...placed]);
}

/** A line of an indicator's words alone (wrapped in its cell): text with no unit and no value. */
function isIndicatorText(line: string, head: Header): boolean {
  const runs = layoutRuns(line);
  if (runs.length === 0 || isGapLine(line)) return false;
  if (head.serial && /^\d{1,3}$/.test(runs[0].text)) return false;
  return runs.every((r) => !isNumber(r.text) && !isBlank(r.text) && !STAT_UNITS.has(r.text));
}

const unbalanced = (text: string): boolean => (text.match(/[（(]/g)?.length ?? 0) > (text.match(/[）)]/g)?.length ?? 0);

/** Lines of indicator text held between rows, at most (more is the report's prose after the table). */
const MAX_WRAPPED_LINES = 3;

/**
 * Layout text (pdftotext -layout) wraps a long indicator over lines of its cell, the values on the
 * first, a middle or the last: the words above a row with no indicator are its start; words after a
 * row whose indicator is open (an unclosed bracket, or its start came from above) continue it; a
 * numbered complete line between rows is a section row; other words are the next row's start.
 */
function readLayoutRows(lines: string[], start: number, head: Header): { rows: string[][]; next: number; starts: Map<string[], number> } {
  const rows: string[][] = [];
  // The line each row's indicator starts on (its words above its values, when wrapped).
  const starts = new Map<string[], number>();
  const at = head.serial ? 1 : 0;
  let words: { text: string; line: number }[] = [];
  let open = false;
  let i = start;
  const settleWords = (before: string[] | undefined): void => {
    for (const word of words) {
      const last = rows.at(-1);
      if (last && (open || unbalanced(last[at]))) last[at] += word.text;
      else if (NUMBERING_START.test(word.text) && !unbalanced(word.text) && before?.[at] !== '') {
        const section = [...(head.serial ? [''] : []), word.text, ...(head.unitless ? [] : ['']), ...new Array<string>(head.values).fill('')];
        rows.push(section);
        starts.set(section, word.line);
      } else if (before) {
        before[at] = word.text + before[at];
        starts.set(before, Math.min(starts.get(before) ?? word.line, word.line));
      }
      open = false;
    }
    words = [];
  };
  while (i < lines.length) {
    const cells = layoutRow(lines[i], head);
    // The rest of an indicator whose bracket is open, ending with its unit (…的经 · 0 · 费）（万元）): the words of the row above, not a row.
    const prior = rows.at(-1);
    if (cells && head.unitless && prior && words.length === 0 && unbalanced(prior[at]) && cells.slice(at + 1).every((v) => v === '')) {
      prior[at] += cells[at];
      i++;
      continue;
    }
    if (cells) {
      // A wrapped numbered indicator's first line reads as a section row (no unit, no value) by itself.
      const section = rows.at(-1);
      if (cells[at] === '' && words.length === 0 && section && section[at + 1] === '' && (!head.serial || section[0] === '')) {
        words.push({ text: section[at], line: starts.get(section) ?? i - 1 });
        rows.pop();
      }
      const fromAbove = cells[at] === '' && words.length > 0;
      if (cells[at] === '' && words.length === 0) break;
      starts.set(cells, fromAbove ? words[0].line : i);
      if (fromAbove) {
        cells[at] = words.map((w) => w.text).join('');
        words = [];
      } else settleWords(cells);
      rows.push(cells);
      open = fromAbove;
      i++;
      continue;
    }
    if (isIndicatorText(lines[i], head) && words.length < MAX_WRAPPED_LINES) {
      words.push({ text: layoutRuns(lines[i]).map((r) => r.text).join(' '), line: i });
      i++;
      continue;
    }
    const after = rowAfterGap(lines, i, (line) => !!layoutRow(line, head));
    if (after === undefined) break;
    i = after;
  }
  // Words after the last row continue it only when it is open; otherwise they are the report's.
  const last = rows.at(-1);
  let next = i;
  for (const word of words) {
    if (last && (open || unbalanced(last[at]))) {
      last[at] += word.text;
      open = unbalanced(last[at]);
    } else {
      next = word.line;
      break;
    }
  }
  // A row of values alone whose indicator, put back together, does not end with its unit (no unit column):
  // not a row of this table — the table ends before it.
  const wrong = head.unitless ? rows.findIndex((r) => WRAPPED_AROUND.has(r) && !unitInIndicator(r[at])) : -1;
  if (wrong >= 0) return { rows: rows.slice(0, wrong), next: starts.get(rows[wrong]) ?? next, starts };
  return { rows, next, starts };
}

/** A top-level section's numbering (一、): in a table whose sections stand in a column of their own, a category's. */
const TOP_LEVEL = /^[一二三四五六七八九十]{1,3}、/;
/** The first number of each level below a top-level section, the outermost first: （一）, 1., （1）. */
const FIRST_OF_LEVEL = [/^[（(]一[）)]/, /^1[.、．](?!\d)/, /^[（(]1[）)]/];

/** A category's text in layout text: its words (wrapped over lines of its cell), the lines it stands on, where its first line sits. */
interface CategoryText {
  text: string;
  first: number;
  last: number;
  at: number;
  end: number;
}

/**
 * Layout text of a table whose form's sections stand in a column of their own before the indicator's
 * (类别 | 指标, or 指标 merged over both): the merged cell prints its words once, in the middle of its rows
 * — beside one of them (一、主动公开情况   1.政府公报公开政府信息数   条   3), or on a line of its own, wrapped
 * over lines of its cell (八、机构建设和保障经 … 费情况). A category is a run starting with a top-level
 * number (一、) followed by a label run on its line (or, once the table is seen to have such a column, alone
 * on its line); the runs below it, within its cell's span, the rest of its words. They are taken out of the
 * lines and the rows read as the table's; each category then heads the rows from its first: the one row
 * between the category before (or a top-level row with a value: 四、行政复议数量 across both columns) and
 * its words that starts the outermost level of numbering (（一）, else 1., else （1）). A category that finds
 * no such row, or more than one, leaves the table unread (undefined): which rows are its is not known.
 * Tables with no category column (by header or by any row) read as before (`category` false).
 */
function layoutCategoryRows(lines: string[], start: number, head: Header): { rows: string[][]; next: number; category: boolean } | undefined {
  const plain = readLayoutRows(lines, start, head);
  if (head.unitless) return { ...plain, category: false };
  const found: CategoryText[] = [];
  const alone: CategoryText[] = [];
  const blanked = [...lines];
  const blank = (i: number, at: number, length: number) => (blanked[i] = blanked[i].slice(0, at) + ' '.repeat(length) + blanked[i].slice(at + length));
  let last: CategoryText | undefined;
  // The merged cell's words stand beside the table's rows, not after its last (the agency's name under the table is not one).
  for (let i = start; i < plain.next; i++) {
    const runs = layoutRuns(lines[i]);
    const lead = head.serial && runs.length > 0 && /^\d{1,3}$/.test(runs[0].text) ? 1 : 0;
    const first = runs[lead];
    if (!first) continue;
    const label = (r: { text: string } | undefined) => r !== undefined && !isNumber(r.text) && !isBlank(r.text) && !STAT_UNITS.has(r.text);
    if (TOP_LEVEL.test(first.text)) {
      // 二、回应解读情况 （一）回应…: one space between the category and a numbered indicator.
      const space = first.text.indexOf(' ');
      const split = space > 0 && (NUMBERING_START.test(first.text.slice(space + 1)) || first.text.slice(space + 1).startsWith('其中'));
      const words = split ? first.text.slice(0, space) : first.text;
      const beside = split || label(runs[lead + 1]);
      if (beside || (runs.length === 1 && lead === 0)) {
        last = { text: words, first: i, last: i, at: first.at, end: first.at + words.length };
        (beside ? found : alone).push(last);
        blank(i, first.at, words.length);
        continue;
      }
    } else if (last && i - last.last <= MAX_GAP_LINES && label(first) && !NUMBERING_START.test(first.text) && first.at >= last.at - 3 && first.at + first.text.length <= last.end + 1) {
      // The rest of the category's words, wrapped in its cell (centred or from its left).
      last.text += first.text.replace(/[ \u3000]+/g, '');
      last.last = i;
      blank(i, first.at, first.text.length);
      continue;
    }
  }
  if (found.length === 0 && !head.category) return { ...plain, category: false };
  const read = readLayoutRows(blanked, start, head);
  const categories = [...found, ...alone].filter((c) => c.first < read.next).sort((a, b) => a.first - b.first);
  const at = head.serial ? 1 : 0;
  const startOf = (row: string[]) => read.starts.get(row) ?? -1;
  const heads = new Map<string[], string>();
  let before = -1;
  for (const category of categories) {
    // A top-level row with a value (across both columns) between the category before and this one ends the one before.
    const topLevel = read.rows.filter((r) => TOP_LEVEL.test(r[at]) && r[at + 1] !== '' && startOf(r) < category.first).map(startOf);
    const from = Math.max(before, ...topLevel);
    const candidates = read.rows.filter((r) => startOf(r) > from && startOf(r) <= category.last);
    const level = FIRST_OF_LEVEL.map((first) => candidates.filter((r) => first.test(r[at]))).find((rows) => rows.length > 0);
    if (!level || level.length !== 1 || heads.has(level[0])) return undefined;
    heads.set(level[0], category.text);
    before = category.first;
  }
  for (const row of read.rows) row.splice(at, 0, heads.get(row) ?? '');
  return { rows: read.rows, next: read.next, category: true };
}

/** A line of a header cell's words wrapped above or below the line of 指标: short words only, no sentence. */
function isHeadingFragment(line: string | undefined): boolean {
  if (line === undefined || !/^[ \u3000]/.test(line) || line.trim() === '') return false;
  const runs = layoutRuns(line);
  return runs.every((r) => r.text.replace(/[ \u3000]+/g, '').length <= 8 && !/[，。、；：:,]/.test(r.text));
}

/** The line of a header wrapped over lines starts with the indicator's heading (指标, 统计项目 …), 序号 or a category's heading before it. */
const WRAPPED_HEADER_START = new RegExp(`^(?:序号)?(?:(?:${CATEGORY_HEADING}|项目)(?=${INDICATOR_HEADING}))?(?:${INDICATOR_HEADING})`);

/**
 * Layout text whose header cells wrap over lines (narrow columns: 2017 年度 above the line of 指标, (件)
 * below it; 2009 年 / 度): the line of 指标 with the lines of heading words right above and below it
 * (no blank line between), each word put into the column it stands in (its span overlaps the others'),
 * the columns' words joined top to bottom — a header line of its own. Undefined when no such lines are
 * there or the header they give is none.
 */
function wrappedHeader(lines: string[], start: number, above: number): { head: Header; line: string; from: number; to: number } | undefined {
  const line = lines[start];
  if (!/^[ \u3000]/.test(line) || !WRAPPED_HEADER_START.test(line.replace(/[ \u3000]+/g, ''))) return undefined;
  const from = above > 0 && isHeadingFragment(lines[start - 1]) ? start - 1 : start;
  const to = isHeadingFragment(lines[start + 1]) ? start + 1 : start;
  if (from === start && to === start) return undefined;
  const cells: { text: string; at: number; end: number }[] = [];
  for (let k = from; k <= to; k++) {
    for (const run of layoutRuns(lines[k])) {
      const end = run.at + run.text.length;
      const over = cells.find((c) => run.at < c.end + 1 && end > c.at - 1);
      if (over) {
        over.text += run.text;
        over.at = Math.min(over.at, run.at);
        over.end = Math.max(over.end, end);
      } else cells.push({ text: run.text, at: run.at, end });
    }
  }
  cells.sort((a, b) => a.at - b.at);
  // The cells at their places, two spaces apart at least: a header line as layout text prints it.
  let joined = '';
  for (const cell of cells) joined += ' '.repeat(Math.max(joined === '' ? cell.at : 2, cell.at - joined.length)) + cell.text.replace(/[ \u3000]+/g, '');
  const head = header(joined);
  return head && head.parted === 'layout' ? { head, line: joined, from, to } : undefined;
}

/**
 * The statistics table whose header is line `start` (or starts there, its cells wrapped over the lines
 * around it: wrappedHeader, one line above it at most when `above` allows), and the line after it, and
 * how many lines above `start` it took; undefined when there is none.
 */
export function readStatsTable(lines: string[], start: number, above = 0): { table: TableBlock; next: number; above: number } | undefined {
  const wrapped = header(lines[start]) ? undefined : wrappedHeader(lines, start, above);
  const head = wrapped?.head ?? header(lines[start]);
  if (!head) return undefined;
  let rows: string[][] = [];
  let i = (wrapped?.to ?? start) + 1;
  if (head.parted === 'layout') {
    const read = layoutCategoryRows(lines, i, head);
    if (!read) return undefined;
    ({ rows, next: i } = read);
    if (read.category && !head.category) {
      // 指标 merged over the category column and the indicator's: the header's label heading over both.
      const label = head.serial ? 1 : 0;
      head.cells.splice(label, 0, head.cells[label]);
      head.category = true;
    }
  }
  else {
    while (i < lines.length) {
      const cells = row(lines[i], head);
      if (cells) {
        rows.push(cells);
        i++;
        continue;
      }
      const after = rowAfterGap(lines, i, (line) => !!row(line, head));
      if (after === undefined) break;
      i = after;
    }
  }
  // Fewer than two rows is not a table a report prints: leave the lines to the other readers.
  if (rows.length < 2) return undefined;
  const cells = (r: string[]) => r.map((t, k) => cell(t, UNPLACED.has(r) && k >= r.length - head.values ? { doubt: 'missing-values' } : {}));
  return { table: { kind: 'table', rows: [head.cells.map((t) => cell(t)), ...rows.map(cells)] }, next: i, above: wrapped ? start - wrapped.from : 0 };
}
