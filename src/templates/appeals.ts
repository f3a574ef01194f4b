/**
 * The appeals table (section 四): in the template one row of 15 numbers under a three-level header
 * (行政复议 | 行政诉讼: 未经复议直接起诉 · 复议后起诉, each 结果维持 … 总计). Some reports transpose it into
 * three labelled rows of five; both are read.
 */
import { APPEALS_2021, cellKey } from './ids.js';
import { containment, labelCore, similarity } from './labels.js';
import { meaningfulValueCount, type DocRow, type ValueCell } from './rows.js';
import { readCell } from './numbers.js';
import type { TableMapping } from './result.js';
import { disagreeing, mapRowTable } from './row-table.js';
import { identitiesOf } from './identities.js';
import { MAX_SHIFT, printedCount, rowReadings } from './resolve/readings.js';
import { arbitrate } from './resolve/arbitrate.js';
import { writeRow } from './resolve/assign.js';

const WIDTH = 15;
/** How many rows after the header the data row may start (sub-header rows sit in between). */
const MAX_ROWS_AFTER_HEADER = 10;

export function mapAppeals(rows: DocRow[]): TableMapping {
  const flat = mapFlatRow(rows) ?? mapGroupTables(rows);
  if (flat) return flat;
  return withoutEmptyGroups(mapRowTable([APPEALS_2021], rows));
}

/**
 * Table 四 read as three labelled rows of five: a row that prints nothing in any of its five cells is
 * a header line of a grouped header whose spans a text format lost (行政诉讼 over ten empty cells), not
 * a group of blanks — the group's cells are not found, never read as five certain blanks. So is one
 * that prints nothing in a cell or two fewer than five, the rest lost (未经复议直接起诉 · ∅ × 4 ·
 * 复议后起诉: a sheet's header row, its merged cells written empty).
 */
function withoutEmptyGroups(out: TableMapping): TableMapping {
  for (const row of APPEALS_2021.rows) {
    const keys = row.columns.map((c) => cellKey('appeals', row.id, c.id));
    const printedEmpty = (k: string) => k in out.cells && out.cells[k] === null && out.details[k]?.raw.trim() === '' && !out.details[k]?.doubt;
    const lost = (k: string) => k in out.cells && out.cells[k] === null && out.details[k]?.raw.trim() === '' && out.details[k]?.doubt === 'missing-values';
    const empty = keys.some(printedEmpty) && keys.every((k) => printedEmpty(k) || lost(k));
    if (!empty) continue;
    for (const k of keys) out.details[k] = { raw: '', doubt: 'not-found' };
    out.messages.push({ code: 'row-not-found', message: `appeals.${row.id} (${row.label}): its row prints nothing in any of its cells (a header line whose spans were lost); not read` });
  }
  return out;
}

const COLUMN_HEADER = labelCore(APPEALS_2021.rows[0].columns.map((c) => c.label).join(''));
/** Rows allowed between one group's small table and the next (captions, an empty placeholder table). */
const MAX_ROWS_BETWEEN_GROUPS = 3;

/** The tokens of the groups printed (all 15, or those of the groups with values) read as one row in their order, checked by the group totals. */
function readFifteen(tokens: ValueCell[], keys: string[], score: number): TableMapping {
  const out: TableMapping = { layout: '2021', cells: {}, details: {}, messages: [], score };
  const pending = { keys, readings: rowReadings(tokens, keys.length) };
  const [verdict] = arbitrate([pending], identitiesOf('appeals', '2021'), new Set());
  writeRow('appeals', pending, verdict, out);
  return out;
}

/**
 * Each small table's row of values read against its own groups' columns: a value lost from one table
 * cannot have moved into another, so a table printed whole is read whole, whatever another lost. The
 * rows are arbitrated together (the group totals are each within one table).
 */
function readSmallTables(tables: Array<{ tokens: ValueCell[]; keys: string[] }>, score: number): TableMapping {
  const out: TableMapping = { layout: '2021', cells: {}, details: {}, messages: [], score };
  const pending = tables.map((t) => ({ keys: t.keys, readings: rowReadings(t.tokens, t.keys.length) }));
  const verdicts = arbitrate(pending, identitiesOf('appeals', '2021'), new Set());
  pending.forEach((p, n) => writeRow('appeals', p, verdicts[n], out));
  return out;
}

/** The groups' names, longest first (复议后起诉 holds 复议): a header line may print them before their columns. */
const GROUP_NAMES = ['未经复议直接起诉', '复议后起诉', '行政复议', '行政诉讼'].map(labelCore);

/**
 * How many groups' column headers a header row repeats (结果维持 … 总计, once, twice or three times).
 * The groups' names may stand in the same row: a text reader that keeps a stacked header as one band
 * puts 未经复议直接起诉 · 复议后起诉 on the line of the columns under them.
 */
function headerGroups(row: DocRow): number {
  let text = rowText(row);
  for (const name of GROUP_NAMES) text = text.split(name).join('');
  for (let k = 1; k <= 3; k++) if (text === COLUMN_HEADER.repeat(k)) return k;
  // OCR drops or misreads a character of a header cell now and then (其他果 for 其他结果): a row that is
  // the columns' header but for a character or two per group still is, when only the scan says so.
  if (!row.cells.some((c) => c.prov?.origin === 'ocr')) return 0;
  for (let k = 1; k <= 3; k++) if (similarity(text, COLUMN_HEADER.repeat(k), HEADER_SIMILARITY) >= HEADER_SIMILARITY) return k;
  return headerGroupsByCell(row);
}

/**
 * Cell by cell: a scanned header whose cells are, in order, the columns' labels but for one per group
 * read past recognition (尚未审结 as 'ok ACTSai' in a 150 dpi photo, 果维持 for 结果维持) — the row's text
 * as a whole then falls below HEADER_SIMILARITY. The values under it are still checked by the group totals.
 */
function headerGroupsByCell(row: DocRow): number {
  const cells = row.cells.filter((c, i) => !(c.spanned && i > 0 && row.cells[i - 1].text === c.text)).map((c) => labelCore(c.text));
  const columns = APPEALS_2021.rows[0].columns.map((c) => labelCore(c.label));
  const k = cells.length / columns.length;
  if (!(k === 1 || k === 2 || k === 3)) return 0;
  const matched = cells.filter((text, i) => similarity(text, columns[i % columns.length]) >= CELL_SIMILARITY).length;
  return matched >= cells.length - k ? k : 0;
}

/** How alike a header cell must be to its column's label (结果维持 read as 果维持: 0.86). */
const CELL_SIMILARITY = 0.75;

/**
 * How alike an OCR-read row must be to one, two or three groups' column headers (18 characters each):
 * about two characters per group may be lost or misread. Repeats differ far more than that (one group
 * against two: 0.67), and the group totals still check the values the header stands over.
 */
const HEADER_SIMILARITY = 0.88;

/**
 * Table 四 printed as small tables: a header row of one, two or three groups' columns (结果维持 … 总计)
 * over one unlabelled row of their values — a PDF→Markdown converter splits the one-row table at its
 * group headers; some reports print 行政复议 beside 行政诉讼 as two tables. The groups keep the printed
 * order, which is the template's: 行政复议, then the two kinds of 行政诉讼 (the header names them when
 * it reverses them).
 */
function mapGroupTables(rows: DocRow[]): TableMapping | undefined {
  for (let h = 0; h < rows.length; h++) {
    const segments: Array<{ tokens: ValueCell[]; groups: number }> = [];
    let i = h;
    let groups = 0;
    // Groups whose header stands with no row of values under it (a converter dropped a row of empty cells).
    let unprinted = 0;
    while (groups < 3 && i < rows.length) {
      const k = headerGroups(rows[i]);
      const values = rows[i + 1]?.values ?? [];
      if (k && groups > 0 && groups + k <= 3 && (!rows[i + 1] || rows[i + 1].label || !values.length)) unprinted = k;
      if (!k || groups + k > 3 || !rows[i + 1] || rows[i + 1].label || !values.length) break;
      // Blank padding past the groups' cells is not data; blanks within them are.
      segments.push({ tokens: values.slice(0, Math.max(meaningfulValueCount(rows[i + 1]), Math.min(5 * k, values.length))), groups: k });
      groups += k;
      i += 2;
      let skipped = 0;
      while (groups < 3 && i < rows.length && !headerGroups(rows[i]) && !rows[i].values.some((v) => v.reading.kind === 'number') && skipped < MAX_ROWS_BETWEEN_GROUPS) {
        i++;
        skipped++;
      }
    }
    if (groups + unprinted < 3) continue;
    const single = segments.length === 1 ? { row: rows[h + 1], cells: segments[0].tokens } : undefined;
    const order = groupOrder(rows.slice(Math.max(0, h - 2), i + (unprinted ? 1 : 0)), single);
    const printed = [0, 1, 2].map((at) => APPEALS_2021.rows[order.indexOf(at)]);
    const keysOf = (row: (typeof printed)[number]) => row.columns.map((c) => cellKey('appeals', row.id, c.id));
    const out = readSmallTables(segments.map((seg, n) => {
      const before = segments.slice(0, n).reduce((sum, x) => sum + x.groups, 0);
      return { tokens: seg.tokens, keys: printed.slice(before, before + seg.groups).flatMap(keysOf) };
    }), APPEALS_2021.rows.length);
    out.messages.unshift({ code: 'appeals-in-small-tables', message: 'appeals: table 四 printed as small tables of its groups; read in their printed order' });
    for (const row of printed.slice(groups)) {
      for (const k of keysOf(row)) out.details[k] = { raw: '', doubt: 'not-found' };
      for (const k of keysOf(row)) out.cells[k] = null;
      out.messages.push({ code: 'row-not-found', message: `appeals.${row.id} (${row.label}): its small table prints its header and no row of values; not read` });
    }
    return out;
  }
  return undefined;
}

/**
 * A row's text, a cell merged across columns once (a spreadsheet grid merges a header cell over
 * several): a spanned copy of its left neighbour is dropped. Copies from a cell merged down from the
 * row above stay — the third header row of the one-row table prints 行政复议's columns that way.
 */
function rowText(row: DocRow): string {
  return labelCore(row.cells.filter((c, i) => !(c.spanned && i > 0 && row.cells[i - 1].text === c.text)).map((c) => c.text).join(''));
}

function mapFlatRow(rows: DocRow[]): TableMapping | undefined {
  for (let h = 0; h < rows.length; h++) {
    const text = rowText(rows[h]) + (rows[h + 1] ? rowText(rows[h + 1]) : '');
    const names = namesBothGroups(text);
    if (!names) continue;
    const found = collectValues(rows, h + 1);
    const written = found && withTextUnderColumns(rows.slice(h, rows.indexOf(found.row)), found);
    const values = written && (byHeadings(rows.slice(h, rows.indexOf(written.row)), written) ?? written);
    if (!values || (names === 'kinds' && values.cells.length < WIDTH)) continue;
    // The printed order of the three groups, as keys: the fifteen tokens are read as one row.
    const header = rows.slice(h, Math.max(h + 3, rows.indexOf(values.row)));
    const order = groupOrder(header, values);
    const plan = totalsPlan(header, values);
    const totals = plan === 'printed';
    const keysOf = (group: (typeof APPEALS_2021.rows)[number]) => group.columns.filter((c) => totals || c.id !== 'total').map((c) => cellKey('appeals', group.id, c.id));
    const read = (o: number[]) => withTotalsNotPrinted(readFifteen(values.cells, [0, 1, 2].flatMap((at) => keysOf(APPEALS_2021.rows[o.indexOf(at)])), APPEALS_2021.rows.length), plan);
    const out = read(order);
    if (!orderUnplaced(header, values)) return out;
    // One kind of litigation named, nothing to place it by (a text format lost the spans): the group
    // totals hold in either order, so the cells the two orders disagree on are left blank.
    const merged = disagreeing(out, read([order[0], order[2], order[1]]));
    out.messages.push({ code: 'columns-ambiguous', message: `appeals: the header names one kind of litigation and nothing places it; the two orders of the litigation groups both hold, ${merged.count} cells that differ are left blank` });
    return { ...out, ...merged.result, messages: [...out.messages, ...merged.result.messages] };
  }
  return undefined;
}

/** Columns of a group but its 总计. */
const PARTS_OF_GROUP = APPEALS_2021.rows[0].columns.filter((c) => c.id !== 'total').map((c) => labelCore(c.label));

/**
 * Does the table print its groups' 总计 columns? Some reports leave them out: a header naming each group's
 * other four columns (结果维持 … 尚未审结) and never 总计, over a row of exactly those twelve values. Any
 * other count is read against the fifteen, for the group totals to decide. 'in-part': the header was read
 * by OCR and names some of the four only in part (see namesPartsInPart).
 */
type TotalsPlan = 'printed' | 'left-out' | 'in-part';

function totalsPlan(header: DocRow[], values: ValueRow): TotalsPlan {
  const text = header.map(rowText).join('');
  if (text.includes('总计') || printedCount(values.cells, WIDTH - 3) !== WIDTH - 3) return 'printed';
  if (PARTS_OF_GROUP.every((label) => text.includes(label) || inPieces(header, label))) return 'left-out';
  return namesPartsInPart(header, values) ? 'in-part' : 'printed';
}

/**
 * A scanned header whose narrow cells wrap the four labels over lines, which OCR reads in part or with the
 * lines interleaved (果维持, 结果纠IE, ”其他果, 尚未审ot: =; 结果纠”其他果 in one cell): each of the four is
 * named when a cell OCR read holds three of its four characters in order (the four share at most two,
 * 结果), no cell holds a character of 总计, and the row of values is exactly twelve cells, each in a grid
 * column of its own (not lines of values joined) — a table printing fifteen columns has fifteen grid
 * columns, cells read empty among them, and is read against the fifteen.
 * Which column a value stands in then rests on headings read in part: its cells stay in doubt.
 */
function namesPartsInPart(header: DocRow[], values: ValueRow): boolean {
  const cells = header.flatMap((r) => r.cells.filter((c) => !c.spanned && c.prov?.origin === 'ocr').map((c) => labelCore(c.text)));
  if (!cells.length || header.some((r) => r.cells.some((c) => /[总計计]/u.test(c.text)))) return false;
  if (values.cells.length !== WIDTH - 3 || new Set(values.cells.map((v) => v.col)).size !== WIDTH - 3) return false;
  return PARTS_OF_GROUP.every((label) => cells.some((text) => containment(label, text) >= PART_CONTAINMENT));
}

/** Share of a column's label (four characters) a scanned header cell must hold in order to name it: three. */
const PART_CONTAINMENT = 0.75;

/**
 * Does a header cell start the label and a later one hold its rest? A layout text cuts a label its narrow
 * cell wraps into pieces on two lines (结果维 … 持, 尚未审 … 结), each a cell of its own.
 */
function inPieces(header: DocRow[], label: string): boolean {
  const cells = header.flatMap((r) => r.cells.map((c) => labelCore(c.text)));
  return cells.some((w, i) => w !== '' && w !== label && label.startsWith(w) && cells.slice(i + 1).includes(label.slice(w.length)));
}

/**
 * The three 总计 cells of a table that does not print them: not found, with the message saying why. The
 * twelve cells read under headings OCR read in part are in doubt (heading-in-part).
 */
function withTotalsNotPrinted(out: TableMapping, plan: TotalsPlan): TableMapping {
  if (plan === 'printed') return out;
  let doubted = 0;
  for (const group of APPEALS_2021.rows) {
    const key = cellKey('appeals', group.id, 'total');
    out.cells[key] = null;
    out.details[key] = { raw: '', doubt: 'not-found' };
    if (plan !== 'in-part') continue;
    for (const c of group.columns) {
      const k = cellKey('appeals', group.id, c.id);
      if (c.id === 'total' || !out.details[k] || out.details[k].doubt) continue;
      out.details[k] = { ...out.details[k], doubt: 'heading-in-part' };
      doubted++;
    }
  }
  out.messages.push({ code: 'columns-not-printed', message: `appeals: the header names each group's 结果维持, 结果纠正, 其他结果 and 尚未审结${plan === 'in-part' ? ' (read by OCR in part)' : ''} and no 总计, over twelve values; read by those columns, the three 总计 cells left blank` });
  if (doubted) out.messages.push({ code: 'heading-in-part', message: `appeals: the header's headings of 结果维持 … 尚未审结 read only in part; the ${doubted} cells read under them are in doubt` });
  return out;
}

/** Does the header name one kind of litigation only, with no merged cell to place its group by? */
function orderUnplaced(header: DocRow[], values: ValueRow): boolean {
  const text = header.map(rowText).join('');
  const named = LITIGATION_KINDS.filter((kind) => text.includes(kind));
  return named.length === 1 && kindGroup(header, named[0], values) === undefined;
}

/**
 * Does a header name 行政复议 and 行政诉讼? OCR drops a character of a header cell now and then (行政诉
 * for 行政诉讼), or reads a merged cell's short name as junk (行政诉讼 as 4, 行政复议 as 8): three of the
 * four, in order, still name it, and so do the names of its two kinds under it (未经复议直接起诉, 复议后起诉),
 * each but for a character ('kinds': those two alone, 行政复议 not read). The fifteen values that must
 * follow the header, checked by the group totals, keep a stray caption from passing for the table.
 */
function namesBothGroups(text: string): boolean | 'kinds' {
  if (text.includes('行政复议') && text.includes('行政诉讼')) return true;
  // A merged header cell repeats its text into the cells it spans: look past every 行政复议.
  const rest = text.split('行政复议').join('');
  if (text.includes('行政复议') && containment('行政诉讼', rest) >= NAME_CONTAINMENT) return true;
  if (!LITIGATION_KINDS.every((kind) => containment(kind, rest) >= NAME_CONTAINMENT)) return false;
  // The two kinds of litigation are named by no other table: they tell table 四 when its 行政复议 cell
  // was misread or reworded (8, 申请行政复议 split over lines) — but such a header may be of the
  // litigation groups alone (a small table of ten values): only a row of all fifteen values is read then.
  return text.includes('行政复议') ? true : 'kinds';
}

/** Share of a group's name a header must print, in order, to name it (three characters of 行政诉讼). */
const NAME_CONTAINMENT = 0.75;
/** The two kinds of litigation, as the header prints them under 行政诉讼. */
const LITIGATION_KINDS = ['未经复议直接起诉', '复议后起诉'];

/**
 * A scanned table 四 whose grid OCR drew with a rule lost (the narrow columns 其他结果 | 尚未审结 | 总计 of a group read as
 * one: 未经复议直接起诉”其他尚未“结果审结, over a cell of their three values run together, or garbled: Ve a): fewer
 * cells than fifteen, in the header's grid. The header's cells over the values name the columns (结果维持 … 总计, read
 * whole or but for a character), in the template's order; a cell naming none covers the columns between those its
 * neighbours name. When that places every cell one way only, the row is read so: a cell covering several columns gives
 * them its numbers when it prints exactly as many, else it is read as unreadable in each (never one of its numbers
 * put in one of its columns). Undefined otherwise: the readings are the group totals' to choose, as before.
 */
function byHeadings(header: DocRow[], values: ValueRow): ValueRow | undefined {
  const { row, cells } = values;
  if (cells.length >= WIDTH || new Set(cells.map((v) => v.col)).size !== cells.length) return undefined;
  const heads = header.filter((r) => r.block === row.block && r.cells.length === row.cells.length);
  if (!heads.length || !heads.every((r) => r.cells.some((c) => c.prov?.origin === 'ocr'))) return undefined;
  const named = cells.map((v) => {
    const labels = new Set(heads.flatMap((r) => COLUMN_LABELS.filter((label) => {
      const text = labelCore(r.cells[v.col]?.text ?? '');
      return text === label || similarity(text, label) >= CELL_SIMILARITY;
    })));
    return labels.size > 1 ? null : [...labels][0];
  });
  // The headings must name columns: cells under none (a header on another grid) lay themselves in too many ways, or, as
  // three cells of five, in one no heading says.
  if (named.includes(null) || named.every((label) => label === undefined)) return undefined;
  // Every way to lay the cells over the fifteen columns: a named cell over its label's column, next; one naming none over 1–5.
  const ways: number[][] = [];
  const lay = (i: number, at: number, spans: number[]): void => {
    if (ways.length > 1) return;
    if (i === cells.length) return void (at === WIDTH && ways.push(spans));
    const label = named[i];
    if (label !== undefined) return void (COLUMN_LABELS[at % 5] === label && lay(i + 1, at + 1, [...spans, 1]));
    for (let k = 1; k <= 5 && at + k <= WIDTH; k++) lay(i + 1, at + k, [...spans, k]);
  };
  lay(0, 0, []);
  if (ways.length !== 1 || ways[0]!.every((k) => k === 1)) return undefined;
  const laid = cells.flatMap((v, i) => {
    const k = ways[0]![i]!;
    if (k === 1) return [v];
    const numbers = v.raw.trim().split(/\s+/);
    if (numbers.length === k && numbers.every((t) => readCell(t).kind === 'number')) return numbers.map((t) => ({ ...v, raw: t, reading: readCell(t) }));
    return Array.from({ length: k }, () => ({ ...v, reading: { kind: 'text' as const } }));
  });
  return { row, cells: laid };
}

/** Values read for table 四 and the row they start in. */
interface ValueRow {
  row: DocRow;
  cells: ValueCell[];
}

/** The 15 values after the header: one row, or consecutive unlabelled rows that together hold them. */
function collectValues(rows: DocRow[], start: number): ValueRow | undefined {
  for (let i = start; i < Math.min(rows.length, start + MAX_ROWS_AFTER_HEADER); i++) {
    const row = rows[i];
    const numbers = row.values.filter((v) => v.reading.kind === 'number').length;
    // An empty label cell before the fifteen values is not a value.
    let lead = 0;
    while (row.values.length - lead > WIDTH && row.values[lead].reading.kind === 'blank' && !row.values[lead].raw.trim()) lead++;
    if (isHeaderLine(row, numbers)) continue;
    if (row.values.length - lead >= WIDTH && numbers > 0) return { row, cells: row.values.slice(lead) };
    if (numbers > 0) {
      const cells: ValueCell[] = [...row.values];
      let j = i + 1;
      // A row cut into lines is cut within its table: the rows of a table after it (a row of empty cells a
      // text reader left, another table's values) are no part of it — joined, the ten values of 行政诉讼's
      // small table and five empty cells after it passed for the fifteen.
      const joins = (at: number) => at < rows.length && !labelCore(rows[at].label) && rows[at].block === row.block;
      while (cells.length < WIDTH && joins(j)) cells.push(...rows[j++].values);
      // Rows of values alone that go on past the fifteenth value are not the one row cut into lines:
      // numbers wrapped in their cells whose pieces could not be joined (１７ ３５ over the row, ８ １ under
      // it) would otherwise pass for its first values. All of them are read together; the group totals
      // decide among readings with values to spare, or the cells stay blank.
      const more = (at: number) => joins(at) && rows[at].values.some((v) => v.reading.kind === 'number');
      if (cells.length === WIDTH && j > i + 1 && more(j)) {
        while (more(j) && cells.length <= WIDTH + MAX_SHIFT) cells.push(...rows[j++].values);
        return cells.length <= WIDTH + MAX_SHIFT ? { row, cells } : undefined;
      }
      if (cells.length === WIDTH) return { row, cells };
      // One row a few values short (a cell lost, the row ends early): its readings are for the group
      // totals to decide (readFifteen), not a reason to read the header as data.
      if (j === i + 1 && cells.length >= WIDTH - MAX_SHIFT) return { row, cells };
      return undefined;
    }
  }
  return undefined;
}

/**
 * Text before the first value of the row of values, in grid columns the header names (结果维持 … 总计):
 * values that cannot be read (见附件, 不适用, a number spoiled by a stray character: 7#2), not a label —
 * table 四's row has none. Read from its first number instead, the row would have every value shifted
 * left onto the columns of the text cells, the group whose total it then lacks checking nothing. Taken
 * only when nothing but empty cells stands before them and the row stays within the fifteen.
 */
function withTextUnderColumns(header: DocRow[], values: ValueRow): ValueRow {
  const { row } = values;
  const first = values.cells[0]?.col;
  // A cell that prints digits among other marks (2］ and ［1, a value and its footnote mark a narrow cell
  // wrapped and a reader cut in two) is a spoiled value even when fifteen numbers follow it: left out, the
  // fifteen would be read one group off with nothing to doubt them; counted, the readings have values to spare.
  const spoiled = (col: number) => /[0-9０-９]/.test(row.cells[col]?.text ?? '');
  if (first === undefined || !row.label || (values.cells.length >= WIDTH && !spoiled(first - 1))) return values;
  const heads = header.filter((r) => r.block === row.block && r.cells.length === row.cells.length);
  const underColumn = (col: number) => heads.some((r) => COLUMN_LABELS.includes(labelCore(r.cells[col].text)));
  const lead: ValueCell[] = [];
  for (let col = first - 1; col >= 0 && (lead.length + values.cells.length < WIDTH || (spoiled(col) && lead.length + values.cells.length < WIDTH + MAX_SHIFT)); col--) {
    const cell = row.cells[col];
    if (cell.spanned || cell.absent || !cell.text.trim() || !underColumn(col)) break;
    lead.unshift({ col, raw: cell.text, reading: readCell(cell.text), ...(cell.prov ? { prov: cell.prov } : {}) });
  }
  if (!lead.length || row.cells.slice(0, lead[0].col).some((c) => c.text.trim())) return values;
  return { row, cells: [...lead, ...values.cells] };
}

/**
 * A line of the header with a cell read as a number (OCR reads 未经复议直接起诉 as 2; a report prints a
 * stray 2 for 结果纠正): it prints the header's words (结果维持 … 总计, 复议后起诉) in more cells than
 * numbers, or its label names the columns. It is looked past — neither the row of values (its words
 * are no values) nor the end of the search; the values under it are still read by the group totals.
 */
function isHeaderLine(row: DocRow, numbers: number): boolean {
  // Words in more cells than numbers, wherever the number stands (first: 9 | 结果纠正 | … for 结果维持).
  if (row.cells.filter((c) => !c.spanned && !c.absent && readCell(c.text).kind === 'text').length > numbers) return true;
  // A text reader that keeps a line's words before its first number as one label cell (结果维持 结果纠正 …
  // 尚未审结 | 9, the last 总计 printed 9): the label names the columns, and too few numbers follow to be the row.
  // So does a line of a header wrapped over lines, its words pieces of the columns' labels (维持 纠正 结果 审结 总计 | 1).
  const label = labelCore(row.label);
  const words = row.label.split(/\s+/).map(labelCore).filter(Boolean);
  const pieces = words.length >= 2 && words.every((w) => COLUMN_LABELS.some((name) => name.includes(w)));
  return numbers < WIDTH - MAX_SHIFT && (pieces || COLUMN_LABELS.filter((name) => label.includes(name)).length >= 2);
}

/** The columns' labels of each group (结果维持 … 总计). */
const COLUMN_LABELS = APPEALS_2021.rows[0].columns.map((c) => labelCore(c.label));

/**
 * Position of each group's five columns. The template prints 行政复议, then 未经复议直接起诉, then 复议后起诉;
 * a header that names the two litigation groups the other way round is followed.
 */
function groupOrder(header: DocRow[], values?: ValueRow): number[] {
  const text = header.map(rowText).join('');
  const direct = text.indexOf('未经复议直接起诉');
  const after = text.indexOf('复议后起诉');
  if (direct >= 0 && after >= 0) return after < direct ? [0, 2, 1] : [0, 1, 2];
  const reversed = direct >= 0 ? kindGroup(header, '未经复议直接起诉', values) === 2 : after >= 0 && kindGroup(header, '复议后起诉', values) === 1;
  return reversed ? [0, 2, 1] : [0, 1, 2];
}

/**
 * Which printed group (0, 1, 2) a kind of litigation stands over: with the other kind's name misread,
 * the text alone cannot say which comes first. By the column of its header cell among the values' when
 * the cell spans its group and the values are fifteen, each in its own column of the header's table;
 * else by its rank (kindRank).
 */
function kindGroup(header: DocRow[], kind: string, values?: ValueRow): number | undefined {
  for (const row of header) {
    const cell = row.cells.findIndex((c) => !c.spanned && labelCore(c.text).includes(kind));
    if (cell < 0) continue;
    // Only a cell merged over its group's five columns says where the group stands: a text format
    // loses the spans, and its header cells pack to the left of the values' columns.
    const merged = row.cells.length >= cell + 5 && row.cells.slice(cell + 1, cell + 5).every((c) => c.spanned && c.text === row.cells[cell].text);
    const columns = !!values && row.block === values.row.block && values.cells.length === WIDTH && new Set(values.cells.map((v) => v.col)).size === WIDTH;
    if (!merged || !columns) return kindRank(row, cell);
    const at = values!.cells.findIndex((v) => v.col === cell);
    return at < 0 ? undefined : Math.floor(at / 5);
  }
  return undefined;
}

/**
 * Without spans: the kind's place among the row's two cells past 行政复议's five columns that are neither
 * a column's label nor 行政复议/行政诉讼 — the two kinds, one misread (… 总计 | 5 | 复议后起诉: the second,
 * group 2). A row that opens with such cells holds no column of 行政复议 before them: a layout text packs
 * its words left, and may join the header's lines after them (未经复议直接起诉 | 4, or 未经复议直接起诉 | Ba |
 * 结果 | 结果 …: the first, group 1); its cells before the first word of a column's label are the kinds —
 * when each is one as printed, reworded or misread (起诉 in it, or no ideograph), not a stub cell (项目).
 * A row that prints one such cell (the other kind's cell empty, collapsed by a text format) cannot say.
 */
function kindRank(row: DocRow, cell: number): number | undefined {
  const other = (i: number) => {
    const text = labelCore(row.cells[i].text);
    return !row.cells[i].spanned && !!text && !COLUMN_LABELS.includes(text) && text !== '行政复议' && text !== '行政诉讼';
  };
  const printed = row.cells.flatMap((c, i) => (labelCore(c.text) ? [i] : []));
  // A column's label or a line of one (结果 of 结果维持 wrapped over two lines).
  const firstLabel = printed.findIndex((i) => COLUMN_LABELS.some((label) => label.includes(labelCore(row.cells[i].text))));
  const opening = firstLabel < 0 ? printed : printed.slice(0, firstLabel);
  // Each a kind, as printed, reworded or misread (起诉 in it, or no ideograph: 4, Ba) — not a stub cell (项目).
  const kindLike = (i: number) => /起诉|复议/.test(row.cells[i].text) || !/\p{Script=Han}/u.test(row.cells[i].text);
  const kinds = opening.length === 2 && opening.every((i) => other(i) && kindLike(i)) ? opening : printed.filter((i) => i >= 5 && other(i));
  return kinds.length === 2 ? 1 + kinds.indexOf(cell) : undefined;
}
