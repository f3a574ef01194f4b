/**
 * Recovery of template tables whose cells were glued together without separators (crawler text of an
 * HTML table: `规章000行政规范性文件77132470…`). Each row's digits are located by its label, then cut
 * into numbers so that the template's identities hold. A row gets values only when exactly one
 * reading survives: nothing is ever guessed. Pure functions, no I/O.
 */
import type { Message } from '../../extractors/model.js';
import { APPEALS_2021, PROACTIVE_2019, PROACTIVE_2021, REQUESTS_2019, REQUESTS_2021, REQUEST_COLUMNS, REQUEST_OUTCOME_ROWS, type ColumnDef, type TableLayout } from './ids.js';
import { MAX_RUN_CHARS, foldWidth, locateRows, type LocatedRow } from './glued/locate.js';
import { DEFAULT_SPLIT_LIMITS, splitFree, splitWithTotals, type Cut, type SplitLimits, type SplitResult } from './glued/split.js';
import { feasible, supportedCandidates, type ColumnIdentity, type RowDomain } from './glued/solve.js';
import { VALUE_RUN, isMarker, isUnreadableValue } from './glued/markers.js';
import { lostRowCandidates } from './glued/lost.js';
import { narrow, supportedNarrowed } from './glued/narrow.js';
import { SUM_COLUMN, namedAppealColumns, namedRequestColumns, splitNamed, widen, type NamedColumns } from './glued/named-columns.js';

export type GluedRowStatus = 'recovered' | 'ambiguous' | 'impossible' | 'too-ambiguous';

export interface GluedRow {
  rowId: string;
  /** The glued digits as printed (for appeals: the whole 15-cell run, shared by the three rows). */
  raw: string;
  /**
   * recovered: one reading survives; ambiguous: several do (all in `readings`; `values` holds the
   * cells they agree on, null elsewhere); impossible: none does;
   * too-ambiguous: the enumeration hit its cap, so the readings could not all be listed.
   */
  status: GluedRowStatus;
  /** One value per template column when recovered (null where it printed a blank marker), else all null. */
  values: (number | null)[];
  /** Every surviving reading, when the row is ambiguous; when it is impossible, its cuts that break the identities (if few). */
  readings?: Cut[];
  /** The run was printed with a space between its values: read as printed, not split. */
  spaced?: boolean;
  /**
   * No cut satisfies the identities (a published error): `values` holds what every cut of the digits
   * alone agrees on — the whole row when they cut one way (50000 for five cells: recovered), else the
   * cells all cuts give the same value (101000: 10·1·0·0·0 or 1·0·10·0·0, so 0 0 at its end: impossible,
   * the cuts in `readings`). The checks report the failure.
   */
  unreconciled?: boolean;
  /**
   * The table's blanks were printed as nothing (a row printing no value, or fewer characters than it has
   * columns): which columns a row's digits belong to is not known, so every cell is left blank.
   */
  blanksVanished?: boolean;
  /**
   * The row printed fewer values than it has columns in a table that prints its blanks: it lost values
   * (a row fault). The other rows are read, the identities bound by it; its own cells are read only where
   * every placement of its printed values that keeps the identities (`readings`: the lost cells filled
   * by the identities, NaN where they do not fix them) gives them the same count, else left blank.
   */
  valuesLost?: boolean;
  /** Columns whose cell printed text instead of a number (＊, 不适用) under every reading kept: left blank, unreadable. */
  unreadable?: number[];
  /** The table does not print this row (its label stands nowhere between its neighbours'): its cells are unknown. */
  absent?: boolean;
  /** Columns the table's header does not name (named-columns.ts): not printed, their cells not found. */
  notPrinted?: number[];
}

export interface GluedTable {
  table: 'proactive' | 'requests' | 'appeals';
  layout: '2021' | '2019';
  rows: GluedRow[];
}

export interface GluedResult {
  tables: GluedTable[];
  messages: Message[];
}

export interface GluedOptions {
  limits?: SplitLimits;
}

/** Text beyond this is not searched (characters): a report's tables sit well inside it. */
export const MAX_GLUED_TEXT_CHARS = 2_000_000;

/** Every cut of `raw` into `kinds`, whatever the identities say; undefined when too many to list. */
function freeCuts(raw: string, kinds: ColumnDef['kind'][], limits: SplitLimits): Cut[] | undefined {
  if (raw === '' || raw.includes(' ')) return undefined;
  const free = splitFree(raw, kinds, limits);
  return free.complete ? free.readings : undefined;
}

/** Cuts listed in a message at most. */
const MAX_LISTED_CUTS = 12;

/**
 * The row the readings give (see readRow), with its unreadable cells (NaN in a cut: text such as ＊
 * printed in the cell) left blank and named, where every reading kept puts the text in that column.
 */
function rowFromReadings(located: LocatedRow, result: SplitResult, readings = result.readings, limits?: SplitLimits, whole?: { raw: string; kinds: ColumnDef['kind'][]; at: number }): GluedRow {
  const row = readRow(located, result, readings, limits, whole);
  const kept = row.readings ?? (row.status === 'recovered' ? [row.values] : []);
  const unreadable = row.values.flatMap((_, i) => (kept.length > 0 && kept.every((r) => isUnreadableValue(r[i])) ? [i] : []));
  const values = row.values.map((v) => (isUnreadableValue(v) ? null : v));
  return { ...row, values, ...(unreadable.length > 0 ? { unreadable } : {}) };
}

function readRow(located: LocatedRow, result: SplitResult, readings = result.readings, limits?: SplitLimits, whole?: { raw: string; kinds: ColumnDef['kind'][]; at: number }): GluedRow {
  const width = located.row.columns.length;
  const nulls = new Array<number | null>(width).fill(null);
  const base = { rowId: located.row.id, raw: located.raw, ...(located.raw.includes(' ') ? { spaced: true } : {}) };
  if (!result.complete) return { ...base, status: 'too-ambiguous', values: nulls };
  if (readings.length === 0 && result.readings.length === 0 && limits) {
    // The run as a whole (table 四 printed as one run of 15) or the row's own.
    const at = whole?.at ?? 0;
    const all = freeCuts(whole?.raw ?? located.raw, whole?.kinds ?? located.row.columns.map((c) => c.kind), limits);
    const cuts = all && unique(all.map((c) => c.slice(at, at + width)));
    if (cuts?.length === 1) return { ...base, status: 'recovered', values: [...cuts[0]], unreconciled: true };
    // Several cuts, none of them reconciled: the cells they agree on are read, the others left blank.
    if (cuts && cuts.length > 1 && cuts.length <= MAX_LISTED_CUTS) {
      const agreed = cuts[0].map((v, i) => (cuts.every((c) => c[i] === v) ? v : null));
      return { ...base, status: 'impossible', values: agreed, readings: cuts, unreconciled: true };
    }
  }
  if (readings.length === 0) return { ...base, status: 'impossible', values: nulls };
  if (readings.length === 1) return { ...base, status: 'recovered', values: [...readings[0]] };
  // Several splits: a cell they all give the same count is read (1211620 splits three ways, each
  // with a total of 20); the others stay blank.
  const agreed = readings[0].map((v, i) => (readings.every((r) => r[i] === v) ? v : null));
  return { ...base, status: 'ambiguous', values: agreed, readings };
}

/**
 * The layout whose rows the text prints: of those whose chain of labels is found, the one with the fewest
 * rows absent — a chain may pass over rows a report left out, so the 2021 layout's chain also passes over
 * its own rows in a 2019 table, and the 2019 layout, printing all of them, is the one.
 */
function firstLocated(text: string, layouts: TableLayout[], emptyRows = false): { layout: TableLayout; rows: LocatedRow[] } | undefined {
  let best: { layout: TableLayout; rows: LocatedRow[]; absent: number } | undefined;
  for (const layout of layouts) {
    const rows = locateRows(text, layout, emptyRows);
    const absent = rows?.filter((r) => r.absent).length ?? Infinity;
    if (rows && (!best || absent < best.absent)) best = { layout, rows, absent };
    if (best?.absent === 0) break;
  }
  return best && { layout: best.layout, rows: best.rows };
}

/** Rows found in each other's place are read by their labels, and said so. */
function noteOutOfOrder(table: GluedTable['table'], located: LocatedRow[], messages: Message[]): void {
  for (const l of located.filter((r) => r.outOfOrder)) {
    messages.push({ code: 'row-out-of-order', message: `${table}.${l.row.id} (${l.row.label}): printed in its neighbour's place in the glued text; read by its label` });
  }
}

function recoverProactive(text: string, limits: SplitLimits, messages: Message[]): GluedTable | undefined {
  // A row printing no value (行政规范性文件 with its cells empty, 行政许可见附件) does not hide the others.
  const found = firstLocated(text, [PROACTIVE_2021, PROACTIVE_2019], true);
  if (!found) return undefined;
  noteOutOfOrder('proactive', found.rows, messages);
  // No identity ties these rows together: only a string with a single possible cut is recovered.
  const rows = found.rows.map((located) => (located.absent ? absentRow(located) : rowFromReadings(located, splitFree(located.raw, located.row.columns.map((c) => c.kind), limits))));
  return { table: 'proactive', layout: found.layout.layout, rows };
}

function requestIdentities(layout: TableLayout): ColumnIdentity[] {
  const index = (id: string) => layout.rows.findIndex((r) => r.id === id);
  const total = index('total_processed');
  return [
    {
      name: 'requests.balance',
      terms: [
        { row: index('new_received'), coef: 1 },
        { row: index('carried_over'), coef: 1 },
        { row: total, coef: -1 },
        { row: index('carried_forward'), coef: -1 },
      ],
    },
    {
      name: 'requests.outcome_sum',
      terms: [...REQUEST_OUTCOME_ROWS(layout).map((r) => ({ row: index(r.id), coef: 1 as const })), { row: total, coef: -1 }],
    },
  ];
}

/** Each row's candidate readings cut down to the given columns (in that order). */
function projectColumns(domains: RowDomain[], columns: number[]): RowDomain[] {
  return domains.map((d) => d && d.map((cand) => columns.map((c) => cand[c])));
}

/**
 * A located row printing nothing, or fewer digits than it has columns and no blank marker: its blanks
 * vanished. (A run with markers prints its blanks; a spaced run is cut by its spaces.)
 */
function shortRun(located: LocatedRow): boolean {
  return located.raw === '' || (/^[0-9.]+$/.test(located.raw) && located.raw.length < located.row.columns.length);
}

/**
 * A glued table with blanks printed as nothing (8213521859 for 821 35 · · 2 1 859; 1818 for 18 · · · · · 18;
 * rows printing no value): a row's digits may belong to any of its columns, and any cut of them placed
 * in the same columns of every row keeps every identity, so no cell is known. Found, and left blank.
 */
function vanishedTable(
  table: GluedTable['table'],
  layout: TableLayout,
  located: LocatedRow[],
  messages: Message[],
  examples = located.filter(shortRun).map((l) => `${l.row.id} '${l.raw}' for ${l.row.columns.length} cells`),
): GluedTable {
  messages.push({
    code: 'glued-identities-skipped',
    message: `${table} table: its blanks were printed as nothing (${examples.slice(0, 3).join(', ')}); which columns a row's digits belong to is not known, so its cells are left blank`,
  });
  const rows = located.map((l): GluedRow => (l.absent ? absentRow(l) : blankRow(l, { blanksVanished: true })));
  return { table, layout: layout.layout, rows };
}

/**
 * Does the table print its blanks, so that a row printing fewer values than its columns lost some (a
 * row fault) rather than printing its empty cells as nothing, as the table does? Evidence: a blank
 * marker in some row (-, —, /, 无), or a row with a count that prints a 0 beside it under every reading
 * (710000071): a zero cell printed where a table of vanishing blanks prints nothing (821 35 · · 2 1 859
 * as 8213521859). A row of zeros alone (0000000) is not evidence: a template's pre-filled zeros left
 * in the rows nobody typed in say nothing of how the typed rows print their empty cells.
 */
function printsItsBlanks(located: LocatedRow[], own: Array<SplitResult | undefined>): boolean {
  return located.some((l, i) => {
    if ([...l.raw].some(isMarker)) return true;
    const readings = own[i]?.complete ? own[i]!.readings : [];
    return readings.length > 0 && readings.every((cut) => cut.includes(0) && cut.some((v) => v !== null && v > 0));
  });
}

/** A row left blank, every cell null, for the reason `why` says. */
function blankRow(located: LocatedRow, why: Pick<GluedRow, 'absent' | 'valuesLost' | 'blanksVanished'>): GluedRow {
  return { rowId: located.row.id, raw: located.raw, status: 'impossible', values: new Array<number | null>(located.row.columns.length).fill(null), ...why };
}

/** A row the table does not print: left blank, unknown (its identities only bounded by it). */
const absentRow = (located: LocatedRow): GluedRow => blankRow(located, { absent: true });

/** A row that lost values in a table printing its blanks: left blank (its identities only bounded by it). */
const lostRow = (located: LocatedRow): GluedRow => blankRow(located, { valuesLost: true });

/** A lost row with the placements that keep the identities: the counts they all agree on are read. */
function lostRowRead(located: LocatedRow, placements: Cut[]): GluedRow {
  const row = lostRow(located);
  if (placements.length === 0) return row;
  const agreed = placements[0].map((v, i) => (v !== null && !isUnreadableValue(v) && placements.every((p) => p[i] === v) ? v : null));
  return { ...row, values: agreed, readings: placements };
}

/**
 * The rows that lost values, read where the identities fix them: each lost row's placements (lost.ts)
 * against the readings the other rows kept, the rows solved together. Undefined when they cannot be
 * listed, checked within the budget, or no placement keeps the identities: the rows stay blank.
 */
function placeLostRows(located: LocatedRow[], domains: RowDomain[], lost: boolean[], identities: ColumnIdentity[], limits: SplitLimits): Map<number, Cut[]> | undefined {
  const placements = new Map<number, Cut[]>();
  for (let i = 0; i < located.length; i++) {
    if (!lost[i]) continue;
    const width = located[i].row.columns.length;
    const found = lostRowCandidates(located[i].raw, width, width - 1, limits);
    if (!found) return undefined;
    placements.set(i, found);
  }
  // Any other row of unknown values stays unknown (null): it bounds the sums, never fixes them.
  const all = domains.map((d, i) => d ?? placements.get(i)?.map((cut) => cut.map((v) => v ?? 0)) ?? null);
  const support = supportedCandidates(all, identities);
  if (support.table !== 'yes' || !support.settled) return undefined;
  return new Map([...placements].map(([i, cuts]) => [i, support.supported[i].map((k) => cuts[k])]));
}

/**
 * Table 三 under a header naming fewer columns than the template's: each row's run cut into the values the
 * header names (named-columns.ts), the column identities choosing among the cuts. Undefined — the table
 * read as the template prints it — when a row does not cut into that many values, the identities fail
 * under every cut, or the rows read as the template's seven columns too (the header lost words, not the
 * table its columns).
 */
function recoverNamedRequests(layout: TableLayout, located: LocatedRow[], named: NamedColumns, limits: SplitLimits, messages: Message[]): GluedTable | undefined {
  const own = located.map((l) => (l.absent ? undefined : splitNamed(l.raw, named, limits)));
  if (own.some((r) => r && (!r.complete || r.readings.length === 0))) return undefined;
  const identities = requestIdentities(layout);
  const domains = own.map((r): RowDomain => (r ? r.readings.map((cut) => cut.map((v) => v ?? 0)) : null));
  let support = supportedNarrowed(domains, identities);
  let failed: string | undefined;
  if (support.table === 'no') {
    // As for the template's columns: a column no cut reconciles (a published error) leaves the others' sums to choose.
    const printed = named.order.map((_, c) => c);
    const failing = printed.filter((c) => supportedNarrowed(projectColumns(domains, [c]), identities).table === 'no');
    const kept = printed.filter((c) => !failing.includes(c));
    if (!failing.length || !kept.length) return undefined;
    support = supportedNarrowed(projectColumns(domains, kept), identities);
    failed = failing.map((c) => (named.order[c] === SUM_COLUMN ? '法人或其他组织' : layout.rows[0].columns[named.order[c]].id)).join(', ');
  }
  if (support.table !== 'yes' || readsAsTemplate(located, identities, limits)) return undefined;
  if (failed) messages.push({ code: 'glued-identities-fail', message: `requests table: the column identities fail in ${failed} under every reading of the glued rows (the table as published does not reconcile there); the other columns' identities chose the readings` });
  if (!support.settled) messages.push({ code: 'glued-too-ambiguous', message: 'requests table: the column identities could not be fully checked within the search budget' });
  const width = layout.rows[0].columns.length;
  const rows = located.map((l, i): GluedRow => {
    if (!own[i]) return { ...absentRow(l), notPrinted: named.notPrinted };
    const kept = support.supported[i].map((k) => widen(own[i]!.readings[k], named, width));
    return { ...rowFromReadings(l, own[i]!, kept), notPrinted: named.notPrinted };
  });
  return { table: 'requests', layout: layout.layout, rows };
}

/** Do the located rows read as the template's seven columns, each cut by its own total, the column identities holding? */
function readsAsTemplate(located: LocatedRow[], identities: ColumnIdentity[], limits: SplitLimits): boolean {
  const own = located.map((l) => (l.absent ? undefined : splitWithTotals(l.raw, 1, l.row.columns.length, limits)));
  if (own.some((r) => r && (!r.complete || r.readings.length === 0))) return false;
  const domains = narrow(own.map((r) => (r ? r.readings.map((cut) => cut.map((v) => v ?? 0)) : null)), identities);
  return !domains.some((d) => d !== null && d.length === 0) && feasible(domains, identities) !== 'no';
}

function recoverRequests(text: string, limits: SplitLimits, messages: Message[], named?: NamedColumns): GluedTable | undefined {
  // Rows printing nothing break the chain of rows: found only so, the table has short rows.
  const loose = () => {
    const rows = firstLocated(text, [REQUESTS_2021, REQUESTS_2019], true);
    return rows?.rows.some(shortRun) ? rows : undefined;
  };
  const found = firstLocated(text, [REQUESTS_2021, REQUESTS_2019]) ?? loose();
  if (!found) return undefined;
  noteOutOfOrder('requests', found.rows, messages);
  const { layout, rows: located } = found;
  const byHeader = named && recoverNamedRequests(layout, located, named, limits, messages);
  if (byHeader) return byHeader;
  const short = located.map((l) => !l.absent && shortRun(l));
  const own = located.map((l, i) => (short[i] || l.absent ? undefined : splitWithTotals(l.raw, 1, l.row.columns.length, limits)));
  if (short.some(Boolean) && !printsItsBlanks(located, own)) {
    // Under a header naming fewer columns, the columns it does not name are not printed either way.
    const vanished = vanishedTable('requests', layout, located, messages);
    return named ? { ...vanished, rows: vanished.rows.map((r) => ({ ...r, notPrinted: named.notPrinted })) } : vanished;
  }
  const full = own.filter((r): r is SplitResult => r !== undefined);
  const rowOnly = () => located.map((l, i) => (own[i] ? rowFromReadings(l, own[i]!, own[i]!.readings, limits) : l.absent ? absentRow(l) : lostRow(l)));

  if (full.some((r) => !r.complete)) {
    messages.push({ code: 'glued-identities-skipped', message: 'requests table: a row has too many readings to enumerate; column identities not applied' });
    return { table: 'requests', layout: layout.layout, rows: rowOnly() };
  }
  if (full.some((r) => r.readings.length === 0)) {
    messages.push({ code: 'glued-identities-skipped', message: 'requests table: a row cannot be split so that its 总计 is the sum of its columns; column identities not applied' });
    return { table: 'requests', layout: layout.layout, rows: rowOnly() };
  }
  // A printed blank counts as nothing in a sum; a row that lost values is unknown (null).
  const domains: RowDomain[] = own.map((r) => (r ? r.readings.map((cut) => cut.map((v) => v ?? 0)) : null));
  const identities = requestIdentities(layout);
  const supportedFull = supportedCandidates(domains, identities);
  let support = supportedFull;
  if (support.table === 'no') {
    // The identities are per column: a column no reading reconciles (a published error, such as the
    // 总计 column Shanghai 2019 left blank) says nothing of the others, whose sums still choose the cuts.
    const columns = layout.rows[0].columns.map((_, c) => c);
    const failing = columns.filter((c) => feasible(projectColumns(domains, [c]), identities) === 'no');
    const kept = columns.filter((c) => !failing.includes(c));
    const partial = failing.length > 0 && kept.length > 0 ? supportedCandidates(projectColumns(domains, kept), identities) : undefined;
    if (!partial || partial.table !== 'yes') {
      messages.push({
        code: 'glued-identities-fail',
        message: 'requests table: no reading of the glued rows satisfies the column identities (the table as published does not reconcile); rows split by their own totals only',
      });
      return { table: 'requests', layout: layout.layout, rows: rowOnly() };
    }
    const names = failing.map((c) => layout.rows[0].columns[c].id).join(', ');
    messages.push({
      code: 'glued-identities-fail',
      message: `requests table: the column identities fail in ${names} under every reading of the glued rows (the table as published does not reconcile there); the other columns' identities chose the readings`,
    });
    support = partial;
  }
  const checked = support.table === 'yes' && support.settled;
  if (!checked) {
    messages.push({ code: 'glued-too-ambiguous', message: 'requests table: the column identities could not be fully checked within the search budget' });
  }
  // The rows that lost values, placed against the readings the other rows kept (every column's identity
  // held: with a column failing as published, a lost row's placements would be chosen by a sum that is wrong).
  const kept = own.map((r, i): RowDomain => (r ? support.supported[i].map((k) => r.readings[k].map((v) => v ?? 0)) : null));
  const lost = checked && support === supportedFull && short.some(Boolean) ? placeLostRows(located, kept, short, identities, limits) : undefined;
  const rows = located.map((l, i) => (own[i] ? rowFromReadings(l, own[i]!, support.supported[i].map((k) => own[i]!.readings[k])) : l.absent ? absentRow(l) : lost?.has(i) ? lostRowRead(l, lost.get(i)!) : lostRow(l)));
  return { table: 'requests', layout: layout.layout, rows };
}

/** A report section's numbering (五、): table 四's header never holds one. */
const SECTION_NUMBERING = /[一二三四五六七八九十]{1,3}、/;

function recoverAppeals(text: string, limits: SplitLimits, messages: Message[]): GluedTable | undefined {
  const size = APPEALS_2021.rows[0].columns.length;
  const groups = APPEALS_2021.rows.length;
  // In the document table 四 is one row of 15 numbers under a 3-level, digit-free header (行政复议 ·
  // 行政诉讼 · 结果维持 … 总计): the run is the first digits after that header.
  const header = new RegExp(`行政复议[^0-9]{0,40}?行政诉讼([^0-9]{0,400}?)(${VALUE_RUN})`, 'g');
  // A later section's heading (五、存在的主要问题…) between the header and the digits ends the table: digits after it are
  // the prose's (2019 of 2019年度未收取…), never the table's run.
  const all = [...text.matchAll(header)].filter((m) => m[2].length <= MAX_RUN_CHARS && !SECTION_NUMBERING.test(m[1]));
  const matches = all.filter((m) => m[1].includes('总计'));
  const match = matches.find((m) => m[2].length >= groups * size);
  if (!match) {
    const byHeader = all.length === 1 ? recoverNamedAppeals(all[0][1], all[0][2], limits, messages) : undefined;
    if (byHeader) return byHeader;
    const short = matches.find((m) => /^[0-9]+$/.test(m[2]));
    const byGroups = recoverAppealGroups(text, limits);
    // Fewer value characters than its 15 cells: its blanks were printed as nothing (5 2 7 | 8 1 9 for 5 · · 2 7 …).
    if (byGroups || !short) return byGroups;
    const located = APPEALS_2021.rows.map((row) => ({ row, raw: short[2] }));
    return vanishedTable('appeals', APPEALS_2021, located, messages, [`'${short[2]}' for ${groups * size} cells`]);
  }
  const raw = match[2];
  const result = splitWithTotals(raw, groups, size, limits);
  const rows = APPEALS_2021.rows.map((row, g) => {
    const projected = unique(result.readings.map((r) => r.slice(g * size, (g + 1) * size)));
    return rowFromReadings({ row, raw }, result, projected, limits, { raw, kinds: new Array<ColumnDef['kind']>(groups * size).fill('count'), at: g * size });
  });
  return { table: 'appeals', layout: '2021', rows };
}

/**
 * Table 四 under a header naming each group's four columns and never 总计: its run cut into twelve values.
 * No identity ties them (the totals are not printed): a cell is read where every cut of the digits gives
 * it the same count (in doubt, as every glued cell), the others left blank. Undefined when the run cuts
 * into the fifteen values of the template with each group's total (the header lost its 总计, not the table).
 */
function recoverNamedAppeals(headerText: string, raw: string, limits: SplitLimits, messages: Message[]): GluedTable | undefined {
  const columns = APPEALS_2021.rows[0].columns;
  const named = namedAppealColumns(headerText, columns);
  if (!named || splitWithTotals(raw, APPEALS_2021.rows.length, columns.length, limits).readings.length > 0) return undefined;
  const size = named.order.length;
  if (/^[0-9]+$/.test(raw) && raw.length < size * APPEALS_2021.rows.length) {
    // Fewer digits than its twelve cells: its blanks were printed as nothing (5281 for 5 · · 2 | 8 · · 1 | · · · ·).
    const located = APPEALS_2021.rows.map((row) => ({ row, raw }));
    const vanished = vanishedTable('appeals', APPEALS_2021, located, messages, [`'${raw}' for ${size * APPEALS_2021.rows.length} cells`]);
    return { ...vanished, rows: vanished.rows.map((r) => ({ ...r, notPrinted: named.notPrinted })) };
  }
  const result = splitFree(raw, new Array<ColumnDef['kind']>(size * APPEALS_2021.rows.length).fill('count'), limits);
  if (result.complete && result.readings.length === 0) return undefined;
  const rows = APPEALS_2021.rows.map((row, g): GluedRow => {
    const projected = unique(result.readings.map((r) => widen(r.slice(g * size, (g + 1) * size), named, columns.length)));
    return { ...rowFromReadings({ row, raw }, result, projected), notPrinted: named.notPrinted };
  });
  return { table: 'appeals', layout: '2021', rows };
}

/**
 * Each group's name, the five column headers, then its digits: table 四 printed as one small table per
 * group (行政复议 … 总计01102 行政诉讼 未经复议直接起诉 … 总计10001 …). Each run is cut by its group total.
 */
const GROUP_RUNS: [string, RegExp][] = [
  ['review', new RegExp(`行政复议(?![^0-9]{0,12}行政诉讼)[^0-9]{0,40}?结果维持[^0-9]{0,40}?总计(${VALUE_RUN})`)],
  ['litigation_direct', new RegExp(`未经复议直接起诉[^0-9]{0,40}?结果维持[^0-9]{0,40}?总计(${VALUE_RUN})`)],
  ['litigation_after_review', new RegExp(`复议后起诉[^0-9]{0,40}?结果维持[^0-9]{0,40}?总计(${VALUE_RUN})`)],
];

function recoverAppealGroups(text: string, limits: SplitLimits): GluedTable | undefined {
  const size = APPEALS_2021.rows[0].columns.length;
  const located: LocatedRow[] = [];
  for (const [id, pattern] of GROUP_RUNS) {
    const row = APPEALS_2021.rows.find((r) => r.id === id)!;
    const m = pattern.exec(text);
    if (!m || m[1].length > MAX_RUN_CHARS) return undefined;
    located.push({ row, raw: m[1] });
  }
  const short = located.map(shortRun);
  if (located.some((l, i) => l.raw.length < size && !short[i])) return undefined;
  // A group short of digits lost values when the others print their blanks (5 · · · 5 as 55 otherwise).
  const own = located.map((l, i) => (short[i] ? undefined : splitWithTotals(l.raw, 1, size, limits)));
  if (short.some(Boolean) && !printsItsBlanks(located, own)) return undefined;
  // No identity ties the groups together: a group that lost values is placed by its own total alone.
  const lost = (l: LocatedRow) => {
    const placements = lostRowCandidates(l.raw, size, size - 1, limits);
    return placements ? lostRowRead(l, placements) : lostRow(l);
  };
  const rows = located.map((l, i) => (own[i] ? rowFromReadings(l, own[i]!, own[i]!.readings, limits) : lost(l)));
  return { table: 'appeals', layout: '2021', rows };
}

/** A cut as messages print it: its blanks as `blank`, its unreadable cells as ＊. */
export function showCut(cut: Cut, blank = ''): string {
  return cut.map((v) => (v === null ? blank : isUnreadableValue(v) ? '＊' : String(v))).join(',');
}

function unique(readings: Cut[]): Cut[] {
  const seen = new Map<string, Cut>();
  for (const r of readings) seen.set(r.join(','), r);
  return [...seen.values()];
}

/**
 * Table 三's column header and its 勾稽 note, wherever they stand: a table split over pages prints them
 * again between two rows, a run of text far longer than the filler a row chain allows. They hold no
 * digits, so leaving them out changes no row's digits.
 */
const REQUESTS_HEADER = /（本列数据的勾稽关系为[^）]{0,60}）|申请人情况(?:自然人|法人或其他组织|总计|商业企业|科研机构|社会公益组织|法律服务机构|其他|\s){3,}/g;
function withoutRepeatedHeaders(text: string): string {
  return text.replace(REQUESTS_HEADER, ' ');
}

export function recoverGluedTables(text: string, options: GluedOptions = {}): GluedResult {
  const limits = options.limits ?? DEFAULT_SPLIT_LIMITS;
  const messages: Message[] = [];
  if (text.length > MAX_GLUED_TEXT_CHARS) {
    messages.push({ code: 'glued-text-truncated', message: `only the first ${MAX_GLUED_TEXT_CHARS} characters were searched for glued tables` });
  }
  const plain = foldWidth(text.slice(0, MAX_GLUED_TEXT_CHARS));
  const folded = withoutRepeatedHeaders(plain);
  const tables: GluedTable[] = [];
  const attempts: Array<[GluedTable['table'], () => GluedTable | undefined]> = [
    ['proactive', () => recoverProactive(folded, limits, messages)],
    ['requests', () => recoverRequests(folded, limits, messages, namedRequestColumns(plain, REQUEST_COLUMNS))],
    ['appeals', () => recoverAppeals(folded, limits, messages)],
  ];
  for (const [name, attempt] of attempts) {
    const table = attempt();
    if (table) tables.push(table);
    else messages.push({ code: 'glued-table-not-found', message: `${name} table: its row labels were not found in order, each followed by digits` });
  }
  for (const table of tables) {
    for (const row of table.rows) {
      // Said once for the table; a row that lost values, or one the table does not print, by the mapping.
      if (row.blanksVanished || row.valuesLost || row.absent) continue;
      if (row.unreconciled && row.status === 'recovered') {
        messages.push({ code: 'glued-row-impossible', message: `${table.table}.${row.rowId}: '${row.raw}' breaks the identities under every reading, and its digits cut into numbers one way only: read as printed` });
      } else if (row.status === 'ambiguous') {
        const kept = row.values.filter((v) => v !== null).length;
        messages.push({ code: 'glued-row-ambiguous', message: `${table.table}.${row.rowId}: '${row.raw}' has ${row.readings?.length} readings; ${kept ? `the ${kept} cells they agree on are read, the others left blank` : 'left blank'}` });
      } else if (row.status === 'impossible') {
        const cuts = row.readings?.map((r) => showCut(r, '-')).join(' | ');
        messages.push({
          code: 'glued-row-impossible',
          message: row.raw === '' ? `${table.table}.${row.rowId}: no value printed before the next row's label; left blank` : cuts ? `${table.table}.${row.rowId}: '${row.raw}' breaks the identities under every cut (${cuts}); the cells the cuts agree on are read, the others left blank` : `${table.table}.${row.rowId}: '${row.raw}' cannot be split into valid numbers`,
        });
      } else if (row.status === 'too-ambiguous') {
        messages.push({ code: 'glued-too-ambiguous', message: `${table.table}.${row.rowId}: '${row.raw}' has too many readings to list; left blank` });
      }
    }
  }
  return { tables, messages };
}
