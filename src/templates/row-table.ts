/**
 * Tables whose rows carry labels (proactive, requests): align each candidate layout's rows by label,
 * keep the best-supported layout, then read the matched rows' values — every row's readings at once,
 * so the template's identities can decide a row whose printed values can be read more than one way.
 */
import { cellKey, LEGAL_PERSON_GROUP, type TableLayout } from './ids.js';
import { align, type Alignment } from './align.js';
import type { DocRow, ValueCell } from './rows.js';
import { NOT_FOUND, type TableMapping } from './result.js';
import { isPartial, isPrintedOrder, namedColumns, planColumns, rowByPlan, SUM_COLUMN, type ColumnPlan } from './columns.js';
import { identitiesOf, identityHolds, type Identity } from './identities.js';
import { printedCount, rowReadings } from './resolve/readings.js';
import { arbitrate, type PendingRow } from './resolve/arbitrate.js';
import { writeRow } from './resolve/assign.js';

/** A table counts as found when at least this share of its template rows matched a labelled row. */
const MIN_MATCHED_SHARE = 0.5;

/**
 * A column plan from the header, used only when it reorders the columns or names fewer than the
 * template's: printed order is what the template prescribes, and the plan must fit every matched row it
 * is applied to.
 */
function headerPlan(best: Alignment, rows: DocRow[]): ColumnPlan | undefined {
  const first = best.matches.find((m) => m.doc)?.doc;
  if (!first) return undefined;
  const columns = best.layout.rows[0].columns;
  const fits = (plan: ColumnPlan) => best.matches.every((m) => !m.doc || rowByPlan(plan, m.doc.values, printedCount));
  const grid = planColumns(rows, first, columns);
  if (grid && !isPartial(grid)) return !isPrintedOrder(grid) && fits(grid) ? grid : undefined;
  if (grid && fits(grid)) return grid;
  const named = namedColumns(rows, first, columns);
  return named && fits(named) ? named : undefined;
}


export function mapRowTable(layouts: TableLayout[], rows: DocRow[]): TableMapping {
  let best: Alignment | undefined;
  const aligned = layouts.map((layout) => align(layout, rows));
  for (const a of aligned) if (!best || a.score > best.score + 1e-9) best = a;
  if (!best) return NOT_FOUND;
  best = placedLayout(best, aligned);
  const matched = best.matches.filter((m) => m.doc);
  if (matched.length < Math.max(2, Math.ceil(best.layout.rows.length * MIN_MATCHED_SHARE))) return NOT_FOUND;
  const out = readTable(best, rows);
  doubtValuelessRows(best, rows, out);
  return out;
}

/** The matched rows read, in printed order or by the header's column order, as the identities decide. */
function readTable(best: Alignment, rows: DocRow[]): TableMapping {
  const table = best.layout.table;
  const out: TableMapping = { layout: best.layout.layout, cells: {}, details: {}, messages: [], score: best.score };
  const plan = headerPlan(best, rows);
  const printed = readRows(best, undefined, rows);
  if (!plan) return { ...out, ...printed, messages: printed.messages };
  // A header can name the columns in another order — or be two header levels flattened onto one
  // line, naming them wrongly. The identities decide between the header's order and the printed one.
  const byHeader = readRows(best, plan, rows);
  // The reading under which more identities hold wins (a reading that leaves cells unread cannot win
  // by failing fewer); then the one with fewer failures.
  const tally = (r: ReadResult) => identityTally(table, best.layout.layout, r);
  const [tp, th] = [tally(printed), tally(byHeader)];
  const order = th.holds - tp.holds || tp.fails - th.fails;
  const [fp, fh] = [tp.fails, th.fails];
  if (isPartial(plan) && order >= 0) {
    out.messages.push({ code: 'columns-not-printed', message: `${table}: the header names ${notPrinted(best, plan)}; values read by their header labels, the columns not printed left blank` });
    return { ...out, ...byHeader, messages: [...out.messages, ...byHeader.messages] };
  }
  if (order > 0) {
    out.messages.push({ code: 'columns-by-header', message: `${table}: the header prints the columns in another order than the template; values read by their header labels (${fh} identities fail that way, ${fp} in printed order)` });
    return { ...out, ...byHeader, messages: [...out.messages, ...byHeader.messages] };
  }
  if (order < 0) {
    out.messages.push({ code: 'header-order-ignored', message: `${table}: the header names the columns in another order, but the values reconcile in the template's order (${fp} identities fail, ${fh} by the header); read in printed order` });
    return { ...out, ...printed, messages: [...out.messages, ...printed.messages] };
  }
  const merged = disagreeing(printed, byHeader);
  out.messages.push({ code: 'columns-ambiguous', message: `${table}: the header names another column order and the identities do not tell which is right; ${merged.count} cells that differ are left blank` });
  return { ...out, ...merged.result, messages: [...out.messages, ...merged.result.messages] };
}

/** The key a group's sum column is read under while the row is arbitrated (no cell of the record). */
const sumKey = (table: string, row: string): string => `${table}.${row}.${LEGAL_PERSON_GROUP.label}`;

/** A row printing 法人或其他组织 as one column: 自然人 and that sum make its 总计. */
function sumIdentity(table: TableLayout['table'], row: string): Identity {
  return {
    rule: 'requests.row_total',
    where: row,
    parts: [cellKey(table, row, 'natural_person'), sumKey(table, row)],
    totals: [cellKey(table, row, 'total')],
    describe: (l, r) => `${row}: 自然人 + 法人或其他组织 = ${l}, but 总计 says ${r}`,
  };
}

/** What a partial plan names and leaves out, for its message. */
function notPrinted(best: Alignment, plan: ColumnPlan): string {
  const columns = best.layout.rows[0].columns;
  const printed = (c: number) => (plan.kind === 'grid' ? plan.gridColumns[c] !== undefined : plan.printed[c]);
  const left = columns.filter((_, c) => !printed(c)).map((c) => c.label);
  const summed = plan.kind === 'grid' ? plan.sumColumn !== undefined : plan.sumAt !== undefined;
  const sum = summed ? ', and one column of their sum under 法人或其他组织, read by no cell' : '';
  return `${columns.length - left.length} of the template's ${columns.length} columns, not ${left.join('、')}${sum}`;
}

/**
 * A scanned row matched by its label that prints nothing in any value cell, beside a row of the same
 * table block that prints numbers and matched no template row: the picture shows a label wrapped over
 * two rows of the grid, its values on the other line, whose part of the label OCR lost or misread (the
 * 行 of 行政许可 read as 47, so that row's label was taken for a value). The empty cells are then not
 * the report's blanks: they stay blank, in doubt (wrapped-label), and no finding on them is printed.
 * Only OCR cells: an empty cell there is what OCR saw no ink in, where text documents print their cells.
 */
function doubtValuelessRows(best: Alignment, rows: DocRow[], out: TableMapping): void {
  const matchedDocs = new Set(best.matches.flatMap((m) => (m.doc ? [m.doc] : [])));
  const printsNumbers = (row: DocRow | undefined, block: number) =>
    !!row && row.block === block && !matchedDocs.has(row) && row.values.some((v) => v.reading.kind === 'number');
  for (const m of best.matches) {
    const doc = m.doc;
    if (!doc || doc.values.length === 0 || doc.values.some((v) => v.raw.trim() !== '' || v.prov?.origin !== 'ocr')) continue;
    const at = rows.indexOf(doc);
    const neighbour = [rows[at - 1], rows[at + 1]].find((row) => printsNumbers(row, doc.block));
    if (!neighbour) continue;
    const name = `${best.layout.table}.${m.row.id}`;
    let doubted = 0;
    for (const c of m.row.columns) {
      const key = cellKey(best.layout.table, m.row.id, c.id);
      if (out.cells[key] !== null || !out.details[key] || out.details[key].doubt) continue;
      out.details[key] = { ...out.details[key], doubt: 'wrapped-label' };
      doubted++;
    }
    if (doubted) {
      const printed = neighbour.values.map((v) => v.raw.trim() || '·').join(' ');
      out.messages.push({ code: 'valueless-label-row', message: `${name}: the row matched by its label '${doc.label}' prints no value, beside a row of values matched to no row ('${neighbour.label}' ${printed}): a label wrapped over two rows; its ${doubted} empty cells are in doubt` });
    }
  }
}

/**
 * Layouts are chosen by their labels, and rows placed by order do not count (they must not sway the
 * choice). But a scan that lost the rulings between some rows' labels leaves those rows without a label
 * of their own; the layout whose rows their labels fit then misses rows, while another layout, whose
 * row count in that place is exactly theirs, places every row by the template's order. That one is
 * taken when more of its identities hold over the rows read: the counts of rows and the sums agreeing
 * are the evidence the labels could not give. (A layout with one (六) row cannot place three rows there,
 * nor the other way round.)
 */
function placedLayout(best: Alignment, aligned: Alignment[]): Alignment {
  const complete = (a: Alignment) => a.matches.every((m) => m.doc);
  if (complete(best)) return best;
  const table = best.layout.table;
  const holds = (a: Alignment) => identityTally(table, a.layout.layout, readRows(a, undefined)).holds;
  let chosen = best;
  let most = holds(best);
  for (const a of aligned) {
    if (a === best || !complete(a) || !a.matches.some((m) => m.byOrder) || !placementHolds(a)) continue;
    const n = holds(a);
    if (n > most) [chosen, most] = [a, n];
  }
  return chosen;
}

/** Share of the identities across rows that must hold over rows placed by order for the placement to stand. */
const PLACED_HOLD_SHARE = 0.8;

/**
 * Do the rows a layout placed by order sit where the sums say they do? A layout complete only by
 * placing rows would otherwise win on the count of identities it can evaluate, placed wrongly or not
 * (three item rows of （六） taken for 其他处理, 总计 and 结转下年度 break every column sum). Only
 * identities across rows speak: a placed row's own total holds wherever it stands. An OCR misread may
 * break one of them; most must hold.
 */
function placementHolds(a: Alignment): boolean {
  const table = a.layout.table;
  const read = readRows(a, undefined);
  const value = (k: string) => (!(k in read.cells) || (read.cells[k] === null && read.details[k]?.doubt && read.details[k]?.doubt !== 'ocr-blank') ? undefined : read.cells[k]);
  const placed = new Set(a.matches.filter((m) => m.byOrder).map((m) => m.row.id));
  const rowOf = (key: string) => key.split('.')[1];
  let held = 0;
  let failed = 0;
  for (const id of identitiesOf(table, a.layout.layout)) {
    const rows = new Set([...id.parts, ...id.totals].map(rowOf));
    if (rows.size < 2 || ![...rows].some((r) => placed.has(r))) continue;
    const holds = identityHolds(id, value);
    if (holds === true) held++;
    else if (holds === false) failed++;
  }
  return held > 0 && held >= (held + failed) * PLACED_HOLD_SHARE;
}

interface ReadResult {
  cells: TableMapping['cells'];
  details: TableMapping['details'];
  messages: TableMapping['messages'];
}

/**
 * Every matched row read (with a column plan, or in printed order), rows not found marked so. With the
 * document's `rows`, the template rows the table does not print count blank in placing short rows.
 */
function readRows(best: Alignment, plan: ColumnPlan | undefined, rows?: DocRow[]): ReadResult {
  const table = best.layout.table;
  const out: ReadResult = { cells: {}, details: {}, messages: [] };
  const pending: Array<{ id: string; row: PendingRow }> = [];
  for (const m of best.matches) {
    const keys = m.row.columns.map((c) => cellKey(table, m.row.id, c.id));
    if (!m.doc) {
      for (const key of keys) {
        out.cells[key] = null;
        out.details[key] = { raw: '', doubt: 'not-found' };
      }
      out.messages.push({ code: 'row-not-found', message: `${table}.${m.row.id} (${m.row.label}): no row with this label` });
      continue;
    }
    const planned = plan && rowByPlan(plan, m.doc.values, printedCount);
    if (!planned) {
      pending.push({ id: m.row.id, row: { keys, readings: rowReadings(m.doc.values, keys.length) } });
      continue;
    }
    // Only the columns the header names are read; the others' cells the table does not print. A group's
    // sum column is read under a key of its own, so that the row's total can confirm the reading.
    const read = planned.columns.map((c) => (c === SUM_COLUMN ? sumKey(table, m.row.id) : keys[c]));
    for (const key of keys.filter((k) => !read.includes(k))) {
      out.cells[key] = null;
      out.details[key] = { raw: '', doubt: 'not-found' };
    }
    pending.push({ id: m.row.id, row: { keys: read, readings: rowReadings(planned.values, read.length) } });
  }
  const sums = pending.filter((p) => p.row.keys.includes(sumKey(table, p.id))).map((p) => sumIdentity(table, p.id));
  const verdicts = arbitrate(pending.map((p) => p.row), [...identitiesOf(table, best.layout.layout), ...sums], rows && absentCells(best, rows));
  pending.forEach((p, i) => writeRow(`${table}.${p.id}`, p.row, verdicts[i], out));
  for (const p of pending) {
    delete out.cells[sumKey(table, p.id)];
    delete out.details[sumKey(table, p.id)];
  }
  if (plan) doubtHeadingsInPart(best, plan, out);
  markRowsByPlace(best, out);
  return out;
}

/** The cells of the columns a header named only in part (columns.ts nameByPart): no identity tells them apart. */
function doubtHeadingsInPart(best: Alignment, plan: ColumnPlan, out: ReadResult): void {
  if (plan.kind !== 'grid' || !plan.inPart?.length) return;
  const table = best.layout.table;
  let doubted = 0;
  for (const m of best.matches) {
    if (!m.doc) continue;
    for (const c of plan.inPart) {
      const key = cellKey(table, m.row.id, m.row.columns[c].id);
      if (!out.details[key] || out.details[key].doubt) continue;
      out.details[key] = { ...out.details[key], doubt: 'heading-in-part' };
      doubted++;
    }
  }
  const columns = best.layout.rows[0].columns;
  const names = plan.inPart.map((c) => columns[c].label).join('、');
  if (doubted) out.messages.push({ code: 'heading-in-part', message: `${table}: the header's heading of ${names} read only in part; its ${doubted} cells read under it are in doubt` });
}

/**
 * What the rows' places say of their readings: a label holding another row's items or group (its values
 * may be that row's), a row placed by the template's order rather than its label (not certain of itself:
 * the identities may confirm it), a row matched by its label elsewhere than the template's order.
 */
function markRowsByPlace(best: Alignment, out: ReadResult): void {
  const table = best.layout.table;
  for (const m of best.matches) if (m.doc) doubtMergedLabel(`${table}.${m.row.id}`, m.row.columns.map((c) => cellKey(table, m.row.id, c.id)), m.doc.label, out, m.row.group && !m.byOrder ? m.row.label : undefined);
  for (const m of best.matches) {
    if (!m.byOrder) continue;
    for (const c of m.row.columns) {
      const key = cellKey(table, m.row.id, c.id);
      if (out.details[key] && !out.details[key].doubt) out.details[key] = { ...out.details[key], doubt: 'row-by-order' };
    }
    out.messages.push({ code: 'row-by-order', message: `${table}.${m.row.id} (${m.row.label}): label read as '${m.doc!.label}'; placed by the template's row order` });
  }
  // After the rows placed by order, so that a record's messages keep their order.
  for (const m of best.matches) {
    if (m.outOfOrder) out.messages.push({ code: 'row-out-of-order', message: `${table}.${m.row.id} (${m.row.label}): printed elsewhere than the template's row order puts it ('${m.doc!.label}'); matched by its label` });
  }
}

/**
 * The cells of the template rows between the first and the last matched one that matched no printed
 * row, when every row inside the table that prints a value is matched: whatever those rows hold is
 * nowhere in the table, so they print nothing (a row of empty cells whose label line was taken for the
 * rest of another's). Counted blank only to place short rows by the identities (placements.ts); their
 * own cells stay not found.
 */
function absentCells(best: Alignment, rows: DocRow[]): Set<string> {
  const matchedAt = best.matches.flatMap((m, i) => (m.doc ? [i] : []));
  if (!matchedAt.length) return new Set();
  const docs = new Set(best.matches.flatMap((m) => (m.doc ? [m.doc] : [])));
  const at = [...docs].map((d) => rows.indexOf(d));
  const [from, to] = [Math.min(...at), Math.max(...at)];
  for (let j = from; j <= to; j++) if (!docs.has(rows[j]) && rows[j].values.some((v) => v.raw.trim() !== '')) return new Set();
  const table = best.layout.table;
  const [first, last] = [matchedAt[0], matchedAt[matchedAt.length - 1]];
  return new Set(best.matches.slice(first, last + 1).flatMap((m) => (m.doc ? [] : m.row.columns.map((c) => cellKey(table, m.row.id, c.id)))));
}

/** Item numbers in a label (4.保护… 5.属于…), not digits inside a number such as 1.5. */
const ITEM_NUMBER = /(?:^|[^\d.．])(\d{1,2})\s*[.、．](?!\d)/g;

/** A group's numeral in a label: （五） of （五）不予处理. */
const GROUP_NUMERAL = /[（(]([一二三四五六七八九十]+)[)）]/g;

/**
 * A label holding the items of two rows (4.保护第三方合法权 … 5.属于三类内部事务), or another group's
 * numeral than its row's (（五）不予 … 或重新出具已获取信息 … 1.申请人无正当理由逾期…, matched to （六）'s first
 * item: a page break cut 5.要求行政机关确认 from the rest of its label), was put together from lines of
 * two rows: its values may be either row's. Nothing it reads is certain.
 */
function doubtMergedLabel(name: string, keys: string[], label: string, out: ReadResult, grouped?: string): void {
  const items = new Set([...label.matchAll(ITEM_NUMBER)].map((x) => x[1]));
  // Only a row under a group matched by its label is checked (one placed by order may stand under a merged
  // cell's copied label): its numerals are its group's and its own (（七）总计).
  const own = grouped ? new Set([...grouped.matchAll(GROUP_NUMERAL)].map((x) => x[1])) : undefined;
  const otherGroups = own ? [...new Set([...label.matchAll(GROUP_NUMERAL)].map((x) => x[1]))].filter((n) => !own.has(n)) : [];
  // A group's row with no items of its own ((二)部分公开, (七)总计) whose label holds an item (… 1.属于国家秘密):
  // the item is another group's row, its label's lines taken for the rest of this one's.
  const strayItem = grouped !== undefined && items.size > 0 && [...grouped.matchAll(ITEM_NUMBER)].length === 0;
  if (items.size < 2 && otherGroups.length === 0 && !strayItem) return;
  let doubted = 0;
  for (const key of keys) {
    if (out.details[key] && out.details[key].doubt === null && out.cells[key] !== null) {
      out.details[key] = { ...out.details[key], doubt: 'wrapped-label' };
      doubted++;
    }
  }
  const holds =
    items.size >= 2
      ? `the items of two rows (${[...items].join(', ')})`
      : otherGroups.length
        ? `another group's numbering (（${otherGroups.join('）, （')}）)`
        : `an item (${[...items].join(', ')}) where its row has none`;
  if (doubted) out.messages.push({ code: 'merged-label', message: `${name}: the row's label '${label}' holds ${holds}; its values may be the other row's` });
}

/** How many of the table's identities can be evaluated on these cells and hold, and how many fail. */
function identityTally(table: TableLayout['table'], layout: TableLayout['layout'], r: ReadResult): { holds: number; fails: number } {
  const tally = { holds: 0, fails: 0 };
  const read = (k: string) => (!(k in r.cells) || (r.cells[k] === null && r.details[k]?.doubt) ? undefined : r.cells[k]);
  for (const id of identitiesOf(table, layout)) {
    const holds = identityHolds(id, read);
    if (holds === false) tally.fails++;
    else if (holds) tally.holds++;
  }
  return tally;
}

/** The cells two readings agree on; the others blank, marked ambiguous. */
export function disagreeing(a: ReadResult, b: ReadResult): { result: ReadResult; count: number } {
  const result: ReadResult = { cells: { ...a.cells }, details: { ...a.details }, messages: [...a.messages] };
  let count = 0;
  for (const k of Object.keys(a.cells)) {
    if (a.cells[k] === b.cells[k]) continue;
    count++;
    result.cells[k] = null;
    result.details[k] = { raw: a.details[k]?.raw ?? '', doubt: 'ambiguous' };
  }
  return { result, count };
}
