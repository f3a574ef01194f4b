/**
 * Matching a template's rows to the document's table rows by label, in order. A monotonic alignment
 * (like aligning two sequences) lets labels be reworded or mistyped while the template's row order
 * keeps look-alike labels (1.属于国家秘密 / 1.本机关不掌握…, 3.其他 / （六）其他处理) apart — rows are
 * never matched by position alone.
 */
import type { RowDef, TableLayout } from './ids.js';
import { memoString } from '../util/memo.js';
import { labelCore, lcs, similarity } from './labels.js';
import { foldWidth } from './numbers.js';
import { meaningfulValueCount, type DocRow } from './rows.js';
import { pageBreakLabels } from './page-break-label.js';

export interface RowMatch {
  row: RowDef;
  doc?: DocRow;
  score: number;
  /** Matched by its place between matched rows, not by its label (an OCR-garbled label): see fillByOrder. */
  byOrder?: boolean;
  /** Matched by its label, printed elsewhere than the template's order puts it: see fillOutOfOrder. */
  outOfOrder?: boolean;
}

export interface Alignment {
  layout: TableLayout;
  matches: RowMatch[];
  score: number;
}

/** Below this a label is not the template row, however well the order fits. */
const MIN_LABEL_SIMILARITY = 0.5;
const SKIP_TEMPLATE_ROW = 0.6;
const SKIP_DOC_ROW_WITH_VALUES = 0.25;
const SKIP_DOC_ROW_WITHOUT_VALUES = 0.02;

/** Words that head a whole block of rows (a merged, often vertical, cell); they say nothing about one row. */
const BLOCK_HEADS = ['本年度办理结果'];

/**
 * The block head is dropped where it stands whole, and as a prefix when most of its characters are
 * there (OCR and page breaks lose one or two: 本年度办理结).
 */
function stripHeads(core: string): string {
  let s = core;
  for (const h of BLOCK_HEADS) {
    if (s.includes(h)) {
      s = s.replace(h, '');
      continue;
    }
    for (let len = h.length; len >= h.length - 2; len--) {
      if (len <= 0 || s.length <= len) continue;
      if (lcs(h, s.slice(0, len)) >= h.length - 2) {
        s = s.slice(len);
        break;
      }
    }
  }
  return s;
}

/** An own label this long, found whole inside a row label full of noise, identifies the row. */
const DISTINCTIVE_OWN_LABEL = 4;
/** The score such a containment is worth (just above the bar: any clean match beats it). */
const CONTAINED_SCORE = 0.6;

/** A note in brackets inside a label (four characters or more: numbering such as （二） is shorter). */
const ANNOTATION = /[（(][^（）()]{4,}[)）]/g;

/** A template row's label cores: computed once per row definition. */
const variantsCache = new WeakMap<RowDef, string[]>();
function labelVariants(row: RowDef): string[] {
  let variants = variantsCache.get(row);
  if (!variants) {
    const own = stripHeads(labelCore(row.own));
    const withGroup = row.group ? stripHeads(labelCore(`${row.group}${row.own}`)) : own;
    // Reports often leave out the template's note in brackets: （二）部分公开 for
    // （二）部分公开（区分处理的，只计这一情形，不计其他情形）.
    const withoutNote = stripHeads(labelCore(row.own.replace(ANNOTATION, '')));
    // The first variant is always the row's own words (see the containment rule in rowSimilarity).
    variants = [...new Set([own, withGroup, withoutNote].filter(Boolean))];
    variantsCache.set(row, variants);
  }
  return variants;
}

/** A document row's label core, with any block head removed. */
const rowLabelCore = memoString((label: string) => stripHeads(labelCore(label)));

/**
 * Similarity of a label core to a template row, cached per row definition and core: reports repeat
 * the template's wording, so most pairs recur across the rows, layouts and documents of a run.
 */
const MAX_CACHED_CORES_PER_ROW = 20_000;
const simCache = new WeakMap<RowDef, Map<string, number>>();

function coreSimilarity(core: string, row: RowDef, variants: string[]): number {
  let byCore = simCache.get(row);
  if (!byCore) simCache.set(row, (byCore = new Map()));
  const cached = byCore.get(core);
  if (cached !== undefined) return cached;
  let best = 0;
  for (const v of variants) {
    // Similarity is at most 2·min/(sum) of the lengths: skip the LCS when even that cannot reach the bar.
    if ((2 * Math.min(core.length, v.length)) / (core.length + v.length) < MIN_LABEL_SIMILARITY) continue;
    best = Math.max(best, similarity(core, v, MIN_LABEL_SIMILARITY));
  }
  const own = variants[0];
  if (best < CONTAINED_SCORE && own && own.length >= DISTINCTIVE_OWN_LABEL && core.includes(own)) best = CONTAINED_SCORE;
  if (byCore.size >= MAX_CACHED_CORES_PER_ROW) byCore.clear();
  byCore.set(core, best);
  return best;
}

/** What the alignment needs of each document row, computed once per rows stream (every layout reuses it). */
interface RowFacts {
  cores: string[];
  valueCounts: number[];
  hasValues: boolean[];
  /**
   * The core of a row's label joined with the next row's, where the next row is only the rest of a
   * label (cut by a page break or wrapped into a row of its own, without values); else undefined.
   */
  joinedCores: (string | undefined)[];
  /**
   * The same over the next two rows, both only the rest of the label (a label wrapped over three lines,
   * its values on the first: 4.保 · 护第三 · 方合法权益); else undefined.
   */
  joinedCores3: (string | undefined)[];
  /**
   * The core of the previous row's label joined with this row's, where the previous row holds only the
   * start of the label (nothing in its value cells) and this row the rest with the values; else undefined.
   */
  joinedBefore: (string | undefined)[];
  /**
   * A label wrapped over three rows of the table with its values on the last or the middle one: the
   * core of the two rows before joined with this row's (4.保 · 护第三 · 方合法权益 | values), or of the
   * row before, this row and the row after (4.保 · 护第三 | values · 方合法权益); else undefined. OCR
   * garbles one line of three now and then (律行政法 · SUSIE ATE): two lines are then too little of
   * the label, all three are enough.
   */
  joinedBefore3: (string | undefined)[];
  joinedAround: (string | undefined)[];
  /**
   * The cores a row of values may have when a page break cut its label and the new page drew its
   * header, title or group labels between the pieces (page-break-label.ts); else undefined.
   */
  acrossBreak: (string[] | undefined)[];
  /** Rows of the report's own counting a part of the row above (其中：网上申请): see PART_OF_ROW_ABOVE. */
  partOfAbove: boolean[];
}

const factsCache = new WeakMap<DocRow[], RowFacts>();

/** Does the row print values: a number, or a blank marker (-, /, 无) rather than only empty cells? */
function printsValues(row: DocRow, valueCount: number): boolean {
  return valueCount > 0 || row.values.some((v) => v.raw.trim() !== '');
}

function rowFacts(rows: DocRow[]): RowFacts {
  let facts = factsCache.get(rows);
  if (facts) return facts;
  const valueCounts = rows.map(meaningfulValueCount);
  const prints = rows.map((d, j) => printsValues(d, valueCounts[j]));
  /** A row holding a piece of a label and nothing in its value cells. */
  const labelOnly = (row: DocRow, j: number) => !!row.label && !prints[j];
  const ownOf = (row: DocRow) => row.ownLabel || row.label;
  const part = rows.map((d) => PART_OF_ROW_ABOVE.test(d.label));
  // No label that a part row's label is a piece of (with a neighbour's) names a template row either.
  const anyPart = (...js: number[]) => js.some((j) => part[j]);
  facts = {
    cores: rows.map((d, j) => (sharesMergedLabel(rows, j, valueCounts) || part[j] ? '' : rowLabelCore(d.label))),
    valueCounts,
    hasValues: rows.map((d) => d.values.length > 0),
    joinedCores: rows.map((d, j) => {
      const next = rows[j + 1];
      // Only a row with the start of a label has a rest to take: a row of values alone does not.
      // A row of blank markers (- - -) printed values too: its label may be wrapped like any other. A
      // row of empty cells may itself be the rest of a label (a wrapped label's lines as table rows).
      if (!next || !next.label || !d.label || valueCounts[j + 1] > 0 || !printsValues(d, valueCounts[j]) || anyPart(j, j + 1)) return undefined;
      // The rest of the label is what the next row prints itself, not the group labels a rowspan repeats
      // (nor those a new page draws again: 三、本年度办理结果 · （三）不予公开 over the rest 国家秘密).
      const rest = restOfLabel(d.label, next.ownLabel || next.label);
      if (OWN_NUMBERING.test(rest)) return undefined;
      return rowLabelCore(d.label + rest);
    }),
    joinedCores3: rows.map((d, j) => {
      const [next, last] = [rows[j + 1], rows[j + 2]];
      if (!next || !last || !next.label || !last.label || !d.label || printsValues(next, valueCounts[j + 1]) || printsValues(last, valueCounts[j + 2]) || !printsValues(d, valueCounts[j]) || anyPart(j, j + 1, j + 2)) return undefined;
      if (OWN_NUMBERING.test(next.ownLabel || next.label) || OWN_NUMBERING.test(last.ownLabel || last.label)) return undefined;
      return rowLabelCore(d.label + (next.ownLabel || next.label) + (last.ownLabel || last.label));
    }),
    joinedBefore: rows.map((d, j) => {
      const prev = rows[j - 1];
      // A row of blank markers (（六）其他处理 | - - -) printed its values: it is a row, not the start of this one's label.
      if (!prev || !prev.label || printsValues(prev, valueCounts[j - 1]) || !printsValues(d, valueCounts[j]) || anyPart(j - 1, j)) return undefined;
      // A row whose own label starts with its numbering ((七), 7., 四、) is a row of its own, never the
      // rest of the label above: (六)其他处理 (its cells empty) over (七) (the values of (七)总计 wrapped).
      if (OWN_NUMBERING.test(d.ownLabel || d.label)) return undefined;
      return rowLabelCore(prev.label + (d.ownLabel || d.label));
    }),
    // The lines of a label wrapped over three rows are rows of one table: a page break between them (the
    // header drawn again on the new page) is acrossBreak's to read, and the header is no line of the label.
    joinedBefore3: rows.map((d, j) => {
      const [first, middle] = [rows[j - 2], rows[j - 1]];
      if (!first || !middle || !labelOnly(first, j - 2) || !labelOnly(middle, j - 1) || !printsValues(d, valueCounts[j]) || anyPart(j - 2, j - 1, j)) return undefined;
      if (first.block !== d.block || middle.block !== d.block) return undefined;
      if (OWN_NUMBERING.test(ownOf(middle)) || OWN_NUMBERING.test(ownOf(d))) return undefined;
      return rowLabelCore(first.label + ownOf(middle) + ownOf(d));
    }),
    joinedAround: rows.map((d, j) => {
      const [prev, next] = [rows[j - 1], rows[j + 1]];
      if (!prev || !next || !labelOnly(prev, j - 1) || !labelOnly(next, j + 1) || !printsValues(d, valueCounts[j]) || anyPart(j - 1, j, j + 1)) return undefined;
      if (prev.block !== d.block || next.block !== d.block) return undefined;
      if (OWN_NUMBERING.test(ownOf(d)) || OWN_NUMBERING.test(ownOf(next))) return undefined;
      return rowLabelCore(prev.label + ownOf(d) + ownOf(next));
    }),
    acrossBreak: pageBreakLabels(rows, prints).map((labels, j) => (labels && !part[j] ? [...new Set(labels.map(rowLabelCore))] : undefined)),
    partOfAbove: part,
  };
  factsCache.set(rows, facts);
  return facts;
}

/**
 * The numbering a row's label starts with (（七）, 7., 四、): a label's rest after a wrap never starts so,
 * so a row whose own label does is a row of its own, not the continuation of the label next to it. OCR
 * misreads the opening bracket now and then (.七), |七）, 七)): a numeral closed by a bracket is numbering still.
 * And it misreads the numeral itself ((tt) for （七）): a few characters, none of them Han, in brackets are
 * numbering too — a wrapped label's rest in brackets is words (（区分处理的，只计这一情形…）).
 */
const OWN_NUMBERING = /^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[）)]|[^\p{Script=Han}\s]?[一二三四五六七八九十]{1,3}[）)]|[（(][^\p{Script=Han}（()）\s]{1,3}[）)])/u;

/**
 * A row whose label, or a cell of it, starts with 其中 (其中：网上申请 under （六）其他处理): a row of the
 * report's own counting a part of the row above. The template prints no such row, so it matches none — by
 * its label (with the group's words it may be half like the template row a report left out: （六）其他处理
 * · 3.其他) nor by its place among the rows matched (fillByOrder).
 */
const PART_OF_ROW_ABOVE = /(?:^|\s)其中/;

/** The parts of a row's label that the row above does not print already. */
function restOfLabel(above: string, label: string): string {
  const printed = new Set(above.split(' '));
  const rest = label.split(' ').filter((part) => !printed.has(part));
  return rest.length ? rest.join(' ') : label;
}

/**
 * An OCR-read row of values with no label cell of its own: its label cells are one merged cell with the
 * row above or below, which prints values too. Template rows never share a label cell that way (a
 * group label such as （三）不予公开 spans rows that each print their own item label): the scan lost
 * the rulings between the rows' labels, and the merged text is not this row's label. It matches no
 * row by label; the template's order may place it (fillByOrder).
 */
function sharesMergedLabel(rows: DocRow[], j: number, valueCounts: number[]): boolean {
  return sharesLabel(rows, j, j - 1, valueCounts) || sharesLabel(rows, j, j + 1, valueCounts);
}

/**
 * Row j's label cell is the same merged cell as row k's, both rows printing values, read by OCR. The
 * first row of such a cell no more owns its text than the others: the cell holds the labels of all its
 * rows (本机关不掌握… 没有现成信息… in one), so matching it by label would take the best-fitting of them,
 * not its own. All of them are placed by order.
 */
function sharesLabel(rows: DocRow[], j: number, k: number, valueCounts: number[]): boolean {
  const [row, other] = [rows[j], rows[k]];
  if (!other || row.ownLabel || other.ownLabel || !row.label || other.label !== row.label || valueCounts[j] === 0 || valueCounts[k] === 0) return false;
  return row.values.some((v) => v.prov?.origin === 'ocr');
}

/**
 * A joined label (a row's label with a neighbour's) must resemble the template row in its own right:
 * containment alone is not enough there, or a caption of the next table (行政复议 after 四、结转下年度
 * 继续办理) would make any row its own. `plain` holds the joined core's similarities to the layout's rows
 * without the containment rule; the rule's own similarity is only looked up for a row that passes.
 */
function joinedScore(core: string, plain: Float64Array, i: number, valueCount: number, row: RowDef, variants: string[]): number {
  return plain[i] < MIN_LABEL_SIMILARITY ? -Infinity : scoreOf(coreSimilarity(core, row, variants), valueCount, row);
}

/**
 * A label put together from pieces across a page break (any choice of the label-only rows around the
 * row) must be the template row's label nearly whole: so many choices would otherwise make a weak match
 * of some row out of unrelated lines.
 */
const ACROSS_BREAK_SIMILARITY = 0.8;

function scoreOf(sim: number, valueCount: number, row: RowDef): number {
  if (sim < MIN_LABEL_SIMILARITY) return -Infinity;
  // The value count is weak evidence next to the label: it separates the 2019 and 2021 proactive
  // layouts (3 columns vs 1), but ragged rows and blank cells make it unreliable on its own.
  const n = valueCount;
  const fit = n === row.columns.length ? 0.15 : n > row.columns.length ? -0.15 : n === 0 ? -0.1 : 0;
  return sim + fit;
}

/**
 * A document row's label core against every row of a layout at once: one cache look-up per
 * document row and layout instead of one per template row (the alignment's innermost loop).
 */
const layoutSimCache = new WeakMap<TableLayout, Map<string, Float64Array>>();
function similarities(layout: TableLayout, core: string, variants: string[][]): Float64Array {
  let byCore = layoutSimCache.get(layout);
  if (!byCore) layoutSimCache.set(layout, (byCore = new Map()));
  let sims = byCore.get(core);
  if (!sims) {
    sims = new Float64Array(layout.rows.length);
    for (let i = 0; i < sims.length; i++) sims[i] = coreSimilarity(core, layout.rows[i], variants[i]);
    if (byCore.size >= MAX_CACHED_CORES_PER_ROW) byCore.clear();
    byCore.set(core, sims);
  }
  return sims;
}

/** The same without the containment rule (the best similarity to any of a row's variants), for joined labels. */
const layoutPlainCache = new WeakMap<TableLayout, Map<string, Float64Array>>();
function plainSimilarities(layout: TableLayout, core: string, variants: string[][]): Float64Array {
  let byCore = layoutPlainCache.get(layout);
  if (!byCore) layoutPlainCache.set(layout, (byCore = new Map()));
  let plain = byCore.get(core);
  if (!plain) {
    plain = new Float64Array(layout.rows.length);
    for (let i = 0; i < plain.length; i++) {
      let best = -Infinity;
      for (const v of variants[i]) best = Math.max(best, similarity(core, v, MIN_LABEL_SIMILARITY));
      plain[i] = best;
    }
    if (byCore.size >= MAX_CACHED_CORES_PER_ROW) byCore.clear();
    byCore.set(core, plain);
  }
  return plain;
}

/**
 * What agreeing item numbers add to a match (8. of 8.属于行 and of 8.属于行政查询事项): they break a tie of
 * words — a label a page break cut short (8.属于行) is as like 7.属于行政执法案卷 as 8.属于行政查询事项, and
 * the first took its values. Less than any difference of words (one character of a label moves its
 * similarity by more), so a misnumbered report's words still decide.
 */
const NUMBER_AGREES = 0.01;
/** An item's numbering in a label (8. of 8.属于行, 1、 of （四）无法提供 1、本机关…): the last one. */
const ITEM_NUMBER = /(?:^|[^\d.])(\d{1,2})\s*[.、．](?!\d)/g;

const itemNumber = memoString((label: string): string | undefined => {
  let last: string | undefined;
  for (const m of foldWidth(label).matchAll(ITEM_NUMBER)) last = m[1];
  return last;
});

/**
 * The alignment's score tables, one buffer reused by every call (align never runs inside itself): they
 * are rebuilt for every layout of every table of every document, and allocating them afresh each time
 * cost more than filling them.
 */
let scratch = new Float64Array(0);
/** A table of a huge hostile document gets buffers of its own, not kept for the rest of the run. */
const MAX_KEPT_SCRATCH = 1 << 21;
function scoreTables(count: number, size: number): Float64Array[] {
  const total = count * size;
  let buffer = scratch;
  if (buffer.length < total) {
    buffer = new Float64Array(total);
    if (total <= MAX_KEPT_SCRATCH) scratch = buffer;
  }
  buffer.fill(-Infinity, 0, total);
  return Array.from({ length: count }, (_, k) => buffer.subarray(k * size, (k + 1) * size));
}

/**
 * Best monotonic alignment of the layout's rows onto the rows stream. Rows before the first and after
 * the last match are free to skip (they belong to other tables); skips inside the table cost.
 */
export function align(layout: TableLayout, rows: DocRow[]): Alignment {
  const n = layout.rows.length;
  const m = rows.length;
  const variants = layout.rows.map(labelVariants);
  const facts = rowFacts(rows);
  // Each table one flat typed array (row-major), not one array per template row: the alignment runs
  // for every layout of every table of every document. best[i·(m+1) + j]: best score with the first i
  // template rows decided, having consumed the first j doc rows; every other table [i·m + j]: template
  // row i against doc row j — scores by the row's own label; extended, its label finished by the next
  // row's (cut by a page break or wrapped into a row of its own, without values); extended3, by the next
  // two rows'; extendedBefore, started in the row above; extendedBefore3 and extendedAround, wrapped over
  // three rows with the values on the last or the middle one; acrossBreak, its pieces apart from the row
  // of values (the new page's header between). Each is (n+1)·(m+1) long, which holds either size.
  const w = m + 1;
  const from = new Uint8Array((n + 1) * w);
  const [best, scores, extended, extendedBefore, extended3, extendedBefore3, extendedAround, acrossBreak] = scoreTables(8, (n + 1) * w);
  const rowItems = layout.rows.map((r) => itemNumber(r.own));
  for (let j = 0; j < m; j++) {
    if (!facts.hasValues[j]) continue;
    const sims = similarities(layout, facts.cores[j], variants);
    const item = itemNumber(rows[j].ownLabel || rows[j].label);
    // A label printed exactly as one template row's names that row: taken for a look-alike (行政处罚 for
    // 行政许可, sharing 行政) it would shift the table's values a row up where a row lost its value cells.
    const namesRow = sims.some((s) => s >= 1);
    for (let i = 0; i < n; i++) {
      if (namesRow && sims[i] < 1) continue;
      scores[i * m + j] = scoreOf(sims[i], facts.valueCounts[j], layout.rows[i]) + (item && item === rowItems[i] ? NUMBER_AGREES : 0);
    }
  }
  // A row whose own label reads exactly as a template row's is that row, its values lost (行政强制 with
  // no value cell), never the rest or the start of a neighbour's label (处罚 · 行政强制) — unless the
  // label they make together is that row's exactly too (（七） · 总计: the other piece its numbering).
  const namesRow = facts.cores.map((core) => !!core && similarities(layout, core, variants).some((s) => s >= 1));
  // Each joined core's similarities are looked up once per document row (a vector over the template
  // rows), not once per pair: the passes below run for every layout of every table of every document.
  const plainOf = (core: string) => plainSimilarities(layout, core, variants);
  // A piece that names a template row itself keeps the joined label only for the row that label names exactly.
  const exactOnly = (core: string, piece: boolean) => (piece ? similarities(layout, core, variants) : undefined);
  const rowsOf = layout.rows;
  // A joined label of document row j against every template row, where the row's own label does not already fit whole.
  const extend = (into: Float64Array, j: number, joined: string | undefined, piece: boolean): void => {
    if (joined === undefined) return;
    const plain = plainOf(joined);
    const exact = exactOnly(joined, piece);
    for (let i = 0; i < n; i++) {
      const own = scores[i * m + j];
      if (own >= 1 || (exact && exact[i] < 1)) continue;
      const s = joinedScore(joined, plain, i, facts.valueCounts[j], rowsOf[i], variants[i]);
      if (s > own) into[i * m + j] = s;
    }
  };
  for (let j = 0; j < m; j++) {
    const count = facts.valueCounts[j];
    if (facts.hasValues[j]) {
      extend(extended3, j, facts.joinedCores3[j], namesRow[j + 1] || namesRow[j + 2]);
      extend(extended, j, facts.joinedCores[j], namesRow[j + 1]);
    }
    if (j > 0) extend(extendedBefore, j, facts.joinedBefore[j], namesRow[j - 1]);
    const before3 = facts.joinedBefore3[j];
    const around = facts.joinedAround[j];
    const plain3 = before3 !== undefined ? plainOf(before3) : undefined;
    const plainAround = around !== undefined ? plainOf(around) : undefined;
    for (let i = 0; i < n && (plain3 || plainAround); i++) {
      const own = Math.max(scores[i * m + j], extended[i * m + j], extendedBefore[i * m + j]);
      if (own >= 1) continue;
      if (before3 !== undefined && plain3) {
        const s = joinedScore(before3, plain3, i, count, rowsOf[i], variants[i]);
        if (s > own) extendedBefore3[i * m + j] = s;
      }
      if (around !== undefined && plainAround) {
        const s = joinedScore(around, plainAround, i, count, rowsOf[i], variants[i]);
        if (s > own) extendedAround[i * m + j] = s;
      }
    }
    const cores = facts.acrossBreak[j];
    if (cores !== undefined && facts.hasValues[j]) {
      const plains = cores.map(plainOf);
      for (let i = 0; i < n; i++) {
        const own = Math.max(scores[i * m + j], extended[i * m + j], extended3[i * m + j], extendedBefore[i * m + j], extendedBefore3[i * m + j], extendedAround[i * m + j]);
        if (own >= 1) continue;
        let s = -Infinity;
        for (let c = 0; c < cores.length; c++) {
          if (plains[c][i] >= ACROSS_BREAK_SIMILARITY) s = Math.max(s, scoreOf(coreSimilarity(cores[c], rowsOf[i], variants[i]), count, rowsOf[i]));
        }
        if (s > own) acrossBreak[i * m + j] = s;
      }
    }
  }
  for (let j = 0; j <= m; j++) best[j] = 0;
  for (let i = 1; i <= n; i++) {
    const here = i * w;
    const above = (i - 1) * w;
    const row = (i - 1) * m;
    for (let j = 0; j <= m; j++) {
      // 0: template row i unmatched
      let b = best[above + j] - SKIP_TEMPLATE_ROW;
      let f = 0;
      if (j > 0) {
        const s = scores[row + j - 1];
        if (s > -Infinity && best[above + j - 1] + s > b) {
          b = best[above + j - 1] + s;
          f = 1;
        }
        // 3: doc rows j-1 (values) and j (the rest of its label) matched together
        if (j > 1) {
          const e = extended[row + j - 2];
          if (e > -Infinity && best[above + j - 2] + e > b) {
            b = best[above + j - 2] + e;
            f = 3;
          }
        }
        // 5: doc rows j-2 (values) and j-1, j (the rest of its label) matched together
        if (j > 2) {
          const e = extended3[row + j - 3];
          if (e > -Infinity && best[above + j - 3] + e > b) {
            b = best[above + j - 3] + e;
            f = 5;
          }
        }
        // 4: doc rows j-1 (the start of its label) and j (the rest, with the values) matched together
        if (j > 1) {
          const e = extendedBefore[row + j - 1];
          if (e > -Infinity && best[above + j - 2] + e > b) {
            b = best[above + j - 2] + e;
            f = 4;
          }
        }
        // 7: doc rows j-2, j-1 (the start and middle of its label) and j (the rest, with the values) matched together
        if (j > 2) {
          const e = extendedBefore3[row + j - 1];
          if (e > -Infinity && best[above + j - 3] + e > b) {
            b = best[above + j - 3] + e;
            f = 7;
          }
        }
        // 8: doc rows j-2 (the start of its label), j-1 (the middle, with the values) and j (the rest) matched together
        if (j > 2) {
          const e = extendedAround[row + j - 2];
          if (e > -Infinity && best[above + j - 3] + e > b) {
            b = best[above + j - 3] + e;
            f = 8;
          }
        }
        // 6: doc row j (values) with pieces of its label across a page break (the pieces are skipped as rows)
        const a = acrossBreak[row + j - 1];
        if (a > -Infinity && best[above + j - 1] + a > b) {
          b = best[above + j - 1] + a;
          f = 6;
        }
        // 2: doc row j skipped inside the table (free once every template row is decided)
        const cost = i === n ? 0 : rows[j - 1].values.length ? SKIP_DOC_ROW_WITH_VALUES : SKIP_DOC_ROW_WITHOUT_VALUES;
        if (best[here + j - 1] - cost > b) {
          b = best[here + j - 1] - cost;
          f = 2;
        }
      }
      best[here + j] = b;
      from[here + j] = f;
    }
  }
  const matches: RowMatch[] = layout.rows.map((row) => ({ row, score: 0 }));
  let i = n;
  let j = m;
  while (i > 0) {
    const f = from[i * w + j];
    if (f === 1) {
      matches[i - 1] = { row: layout.rows[i - 1], doc: rows[j - 1], score: scores[(i - 1) * m + j - 1] };
      i--;
      j--;
    } else if (f === 3) {
      matches[i - 1] = { row: layout.rows[i - 1], doc: rows[j - 2], score: extended[(i - 1) * m + j - 2] };
      i--;
      j -= 2;
    } else if (f === 5) {
      matches[i - 1] = { row: layout.rows[i - 1], doc: rows[j - 3], score: extended3[(i - 1) * m + j - 3] };
      i--;
      j -= 3;
    } else if (f === 4) {
      matches[i - 1] = { row: layout.rows[i - 1], doc: rows[j - 1], score: extendedBefore[(i - 1) * m + j - 1] };
      i--;
      j -= 2;
    } else if (f === 7) {
      matches[i - 1] = { row: layout.rows[i - 1], doc: rows[j - 1], score: extendedBefore3[(i - 1) * m + j - 1] };
      i--;
      j -= 3;
    } else if (f === 8) {
      matches[i - 1] = { row: layout.rows[i - 1], doc: rows[j - 2], score: extendedAround[(i - 1) * m + j - 2] };
      i--;
      j -= 3;
    } else if (f === 6) {
      matches[i - 1] = { row: layout.rows[i - 1], doc: rows[j - 1], score: acrossBreak[(i - 1) * m + j - 1] };
      i--;
      j--;
    } else if (f === 2) j--;
    else i--;
  }
  // Layouts are compared on what matched and what did not, not on the skips inside the table.
  const matched = matches.filter((x) => x.doc);
  const score = matched.reduce((s, x) => s + x.score, 0) - (n - matched.length) * SKIP_TEMPLATE_ROW;
  // Rows placed by order do not count towards the score: they must not sway the choice of layout.
  fillByOrder(matches, rows, facts);
  fillOutOfOrder(matches, rows, facts, (j) => similarities(layout, facts.cores[j], variants));
  // A row taken out of order is taken by its exact label, as certain as a matched row: it counts as one, not as a
  // row skipped (（六）'s 3.其他 printed above 2.申请人逾期…: else a layout without those rows wins on the skip).
  const outOfOrder = matches.reduce((s, x, i) => (x.outOfOrder && x.doc ? s + SKIP_TEMPLATE_ROW + Math.max(0, scores[i * m + rows.indexOf(x.doc)]) : s), 0);
  return { layout, matches, score: score + outOfOrder };
}

/**
 * The alignment is monotonic, so a row printed out of the template's order (two sibling rows in each
 * other's place: 7.属于行政执法案卷 above 6.属于四类过程性信息) leaves one of them unmatched. A template row
 * left without a document row takes one when exactly one unmatched row with value cells (printed or blank) inside the table
 * (between its matched rows, or in the table block of the first or last) prints its label exactly (a label that names this row and no other), or
 * exactly beside a piece of its own group's label (besideGroupPiece). A look-alike or a reworded
 * label is never taken out of order: only where the label alone is certain.
 */
function fillOutOfOrder(matches: RowMatch[], rows: DocRow[], facts: RowFacts, sims: (j: number) => Float64Array): void {
  const used = new Set(matches.flatMap((m) => (m.doc ? [rows.indexOf(m.doc)] : [])));
  if (used.size < 2 || used.size === matches.length) return;
  const [first, last] = [Math.min(...used), Math.max(...used)];
  // Inside the table: between its matched rows, or in the table block of its first or last (a swapped first row).
  const inside = (j: number) => (j > first && j < last) || rows[j].block === rows[first].block || rows[j].block === rows[last].block;
  const named = new Map<number, number[]>();
  for (let j = 0; j < rows.length; j++) {
    if (used.has(j) || !inside(j) || !facts.hasValues[j] || !facts.cores[j]) continue;
    let exact = [...sims(j).keys()].filter((i) => sims(j)[i] >= 1);
    if (!exact.length) exact = matches.map((m, i) => i).filter((i) => besideGroupPiece(facts.cores[j], matches[i].row));
    if (exact.length !== 1) continue;
    named.set(exact[0], [...(named.get(exact[0]) ?? []), j]);
  }
  for (const [i, candidates] of named) {
    if (matches[i].doc || candidates.length !== 1) continue;
    matches[i] = { row: matches[i].row, doc: rows[candidates[0]], score: 0, outOfOrder: true };
  }
}

/**
 * A label printed exactly but for a piece of its own group's label before or after it (开 · 6.属于四类过程性信息:
 * layout text sets the vertical （三）不予公开 a few characters a line, beside the items): the piece says the
 * same group, so the label still names this row alone. Both ends are tried: a label whose words begin the
 * piece too (其他处 · 3.其他, core 其他处其他) has it before, not after.
 */
function besideGroupPiece(core: string, row: RowDef): boolean {
  if (!row.group) return false;
  const group = labelCore(row.group);
  return labelVariants(row).some((v) => {
    if (core.length <= v.length) return false;
    const pieces = [core.startsWith(v) ? core.slice(v.length) : '', core.endsWith(v) ? core.slice(0, core.length - v.length) : ''];
    return pieces.some((piece) => piece !== '' && group.includes(piece));
  });
}

/**
 * OCR garbles a label now and then beyond recognition (一、本年新收… read as 'Ree RR') while the row's
 * values come out fine. The template's row order and the count of rows then place it: where a run of
 * template rows went unmatched and exactly as many OCR-read rows with values stand in the document
 * at that place — between the matched rows around the run, or right before the first (after the
 * last) matched row of the same table block — each with the template row's count of values, they
 * are matched in order. Such a row is marked byOrder: its cells carry the doubt 'row-by-order' until
 * the identities confirm them. A row missing from the document leaves the counts unequal, and nothing
 * is placed; text-layer documents are never matched by position.
 */
function fillByOrder(matches: RowMatch[], rows: DocRow[], facts: RowFacts): void {
  const ocr = (j: number) => rows[j].values.some((v) => v.prov?.origin === 'ocr');
  // A row of values holds numbers: a header row of column names (自然人 … 总计) is not one.
  const numbers = (j: number) => rows[j].values.some((v) => v.reading.kind === 'number');
  // A table printing fewer columns than the template's (法人或其他组织 as one column, their sum; a column
  // left out) prints fewer values a row: the count every row matched by its label prints is the count a
  // row placed among them must print, when they all agree.
  const counts = new Set(matches.flatMap((m) => (m.doc ? [facts.valueCounts[rows.indexOf(m.doc)]] : [])));
  const printedWidth = counts.size === 1 ? [...counts][0] : undefined;
  const widthOf = (i: number) => matches[i].row.columns.length;
  const fits = (j: number, i: number, slack: number) =>
    (Math.abs(facts.valueCounts[j] - widthOf(i)) <= slack || (printedWidth !== undefined && printedWidth < widthOf(i) && facts.valueCounts[j] === printedWidth)) && numbers(j);
  // A scanned grid row holds a cell for every column, printed blank or not: where a report prints its blanks as
  // nothing (148 · · · · · ·), its cells count, not its values. Only between matched rows, where the place is sure.
  const fitsByCells = (j: number, i: number) => rows[j].values.length === matches[i].row.columns.length && rows[j].values.every((v) => v.prov?.origin === 'ocr') && numbers(j);
  // The column header a table block repeats at its top when the table runs over a page: rows without a
  // number before the block's first row with one. They are not rows of the template (a 150 dpi photo's
  // 二、上年结转 under the repeated header of table 三 was not placed: the header rows made the count unequal).
  const repeatedHeader = (j: number) => {
    if (numbers(j)) return false;
    for (let k = j - 1; k >= 0 && rows[k].block === rows[j].block; k--) if (numbers(k)) return false;
    return true;
  };
  for (let i = 0; i < matches.length; ) {
    if (matches[i].doc) {
      i++;
      continue;
    }
    let end = i;
    while (end < matches.length && !matches[end].doc) end++;
    const before = i > 0 ? matches[i - 1].doc : undefined;
    const after = end < matches.length ? matches[end].doc : undefined;
    const want = end - i;
    let picked: number[] | undefined;
    if (before && after) {
      const between: number[] = [];
      for (let j = rows.indexOf(before) + 1; j < rows.indexOf(after); j++) if (facts.valueCounts[j] > 0 && !repeatedHeader(j) && !facts.partOfAbove[j]) between.push(j);
      if (between.length === want && between.every((j, k) => ocr(j) && (fits(j, i + k, 1) || fitsByCells(j, i + k)))) picked = between;
    } else if (after || before) {
      // At the edge of the table the rows next to it may belong to another table: same block, exact counts.
      const anchor = (after ?? before)!;
      const step = after ? -1 : 1;
      const near: number[] = [];
      for (let j = rows.indexOf(anchor) + step; j >= 0 && j < rows.length && near.length <= want && rows[j].block === anchor.block; j += step) if (facts.valueCounts[j] > 0 && !facts.partOfAbove[j]) near.push(j);
      const taken = near.slice(0, want);
      if (after) taken.reverse();
      // The row beyond them must not be one more candidate of the same shape: then the place is not certain.
      const beyond = near[want];
      const unique = beyond === undefined || !numbers(beyond) || !fits(beyond, after ? i : end - 1, 0);
      if (taken.length === want && unique && taken.every((j, k) => ocr(j) && fits(j, i + k, 0))) picked = taken;
    }
    if (picked) picked.forEach((j, k) => (matches[i + k] = { row: matches[i + k].row, doc: rows[j], score: 0, byOrder: true }));
    i = end;
  }
}
