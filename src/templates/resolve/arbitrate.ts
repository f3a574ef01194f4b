/**
 * Choosing among the readings of a table's rows by the template's identities. Rows read one way are
 * fixed; the rows read several ways are tried together, and a reading survives when, with it, every
 * identity it takes part in holds (identities that cannot be evaluated — a cell unread or not found —
 * do not constrain). An identity that only fixed rows take part in is the checks' business, not ours:
 * a published error elsewhere in the table never decides a reading here.
 */
import { identityHolds, type Identity } from '../identities.js';
import { cellsOf, touchingIdentities } from './identity-cells.js';
import { solvePlacements } from './placements.js';
import type { PendingRow, Verdict } from './verdict.js';
import { loneEmptyCell, ocrLoneLastEmpty, readingSignature, tokenDoubt, tokenValue, type Reading, type RowReadings, type TokenValue } from './readings.js';

/** Combinations of uncertain rows tried at most (the product of their reading counts). */
export const MAX_COMBINATIONS = 50_000;

export type { PendingRow, Verdict } from './verdict.js';

/**
 * `absent`: cells of template rows the table does not print (every row it prints with values matched),
 * counted blank only where the short rows are placed by the identities solved together (placements.ts).
 * Without it (a layout only weighed, not read), short rows are not placed.
 */
export function arbitrate(rows: PendingRow[], identities: Identity[], absent?: ReadonlySet<string>): Verdict[] {
  const verdicts = arbitrateRows(rows, identities);
  if (!absent) return verdicts.verdicts;
  const placed = solvePlacements(rows, verdicts.verdicts, identities, absent, verdicts.overCap);
  if (placed.length) confirmByOtherRows(rows, [...new Set([...verdicts.uncertain, ...placed])], identities, verdicts.known, verdicts.verdicts);
  return verdicts.verdicts;
}

function arbitrateRows(rows: PendingRow[], identities: Identity[]): { verdicts: Verdict[]; uncertain: number[]; known: Map<string, TokenValue>; overCap: boolean } {
  const known = new Map<string, TokenValue>();
  const uncertain: number[] = [];
  rows.forEach((row, i) => {
    if (row.readings.readings.length === 1) row.keys.forEach((k, c) => known.set(k, tokenValue(row.readings.readings[0][c])));
    else if (row.readings.readings.length > 1) uncertain.push(i);
  });
  const verdicts: Verdict[] = rows.map((row) =>
    row.readings.readings.length === 1
      ? { status: 'certain', reading: row.readings.readings[0] }
      : { status: 'undecided', survivors: [], all: row.readings.readings, none: true },
  );
  reconsiderExactRows(rows, identities, known, verdicts, likelyValues(rows, uncertain, known));
  const result = { verdicts, uncertain, known, overCap: false };
  if (!uncertain.length) return result;

  const uncertainKeys = new Set(uncertain.flatMap((i) => rows[i].keys));
  const relevant = identities.filter((id) => cellsOf(id).some((k) => uncertainKeys.has(k)));
  const combinations = uncertain.reduce((p, i) => p * Math.max(1, rows[i].readings.readings.length), 1);
  if (combinations > MAX_COMBINATIONS) {
    for (const i of uncertain) verdicts[i] = { status: 'undecided', survivors: rows[i].readings.readings, all: rows[i].readings.readings, none: false };
    return { ...result, overCap: true };
  }

  // Each combination is scored by the identities that fail on it: first those within one row (a
  // row's own total — a reading that breaks it is almost surely a shifted row), then the others (a
  // published error elsewhere in a column may break those under every reading).
  const rowOf = new Map<string, number>();
  rows.forEach((row, i) => row.keys.forEach((k) => rowOf.set(k, i)));
  const ownOf = (i: number) => identities.filter((id) => cellsOf(id).every((k) => rowOf.get(k) === i));
  const ownRow = relevant.map((id) => new Set(cellsOf(id).map((k) => rowOf.get(k))).size === 1);
  type Combo = { choice: number[]; own: number; other: number };
  /**
   * Every combination scored. A gap (a column a reading prints nothing for) is a blank that vanished
   * (0) — or, with `impute`, what the row's own total requires (a value the row lost; a reading whose
   * row would need a negative count there breaks its own total); gaps it leaves open (two lost from one
   * row: 217 0 0 0 218 for seven columns) what an identity over rows read one way requires, where every
   * identity through the row then holds (gapsByKnownRows: a column's sum fills each gap, and the row's
   * own total must still hold with them).
   */
  const scoreAll = (impute: boolean): Combo[] => {
    const combos: Combo[] = [];
    const overlays = uncertain.map((i) => rows[i].readings.readings.map((r) => (impute ? gapsByKnownRows(rows[i].keys, r, ownOf(i), identities, known) : undefined)));
    const choice = new Array<number>(uncertain.length).fill(0);
    const impossible = new Array<boolean>(uncertain.length).fill(false);
    const values = new Map(known);
    const score = (): { own: number; other: number } => {
      const fails = { own: impossible.filter(Boolean).length, other: 0 };
      relevant.forEach((id, n) => {
        if (identityHolds(id, summable(values)) === false) fails[ownRow[n] ? 'own' : 'other']++;
      });
      return fails;
    };
    const walk = (depth: number) => {
      if (depth === uncertain.length) {
        combos.push({ choice: [...choice], ...score() });
        return;
      }
      const row = rows[uncertain[depth]];
      row.readings.readings.forEach((reading, c) => {
        choice[depth] = c;
        const overlay = overlays[depth][c];
        impossible[depth] = overlay === null;
        row.keys.forEach((k, col) => values.set(k, overlay ? overlay.get(k)! : tokenValue(reading[col])));
        walk(depth + 1);
      });
    };
    walk(0);
    return combos;
  };
  // The combinations under which every identity holds — gaps as vanished blanks, else gaps as lost
  // values; failing both, those that keep every row's own total and break the fewest other identities
  // (the report's own errors).
  let combos = scoreAll(false);
  let best = combos.filter((c) => c.own === 0 && c.other === 0);
  let gapsLost = false;
  if (!best.length && uncertain.some((i) => rows[i].readings.readings.some((r) => r.includes(undefined)))) {
    const imputed = scoreAll(true);
    const fit = imputed.filter((c) => c.own === 0 && c.other === 0);
    if (fit.length) [combos, best, gapsLost] = [imputed, fit, true];
    // No reading keeps every row's own total with its gaps as vanished blanks, some do with them as lost
    // values: a row that lost a value (767 35 / / 2 805 for seven columns) in a report with a published
    // error elsewhere (Shanghai 2019's blank 总计 column breaks a column sum under every reading). Among
    // those, the fewest other failures decide below, as they do for rows printed whole.
    else if (!combos.some((c) => c.own === 0) && imputed.some((c) => c.own === 0)) [combos, gapsLost] = [imputed, true];
  }
  let despite = 0;
  // Every combination breaks some row's own total: a row printed with its own total wrong (Shanghai
  // 2019 prints 总计 '/' beside its counts) and a stray token. Then the fewest broken own totals, then
  // the fewest other failures, decide — and only a reading that drops nothing but printed-empty cells
  // is taken (below): a stray empty cell is a layout fault, a stray number is not ours to guess.
  const ownBroken = !best.length && !combos.some((c) => c.own === 0) && combos.length > 0;
  if (!best.length) {
    const fewestOwn = Math.min(...combos.map((c) => c.own));
    const rowWise = combos.filter((c) => c.own === (ownBroken ? fewestOwn : 0));
    despite = Math.min(...rowWise.map((c) => c.other));
    best = rowWise.filter((c) => c.other === despite);
    if (ownBroken) despite += fewestOwn;
  }
  // A table that prints its blanks (- / 无) loses no blank silently: a row short of a cell lost a cell,
  // whose content is not known, so a gap is not the printed blank beside it.
  const marksBlanks = printsItsBlanks(rows);
  const survivors = uncertain.map((row, u) => {
    const kept = new Map<string, Reading>();
    for (const c of best) {
      const r = rows[row].readings.readings[c.choice[u]];
      kept.set(readingSignature(r, marksBlanks), r);
    }
    return kept;
  });

  uncertain.forEach((row, u) => {
    const all = rows[row].readings.readings;
    let kept = [...survivors[u].values()];
    // Where the lost cell was, among places the scores tie on (a gap counted as a vanished blank): the
    // places where the cell, not known, leaves the fewest identities broken (- - - - - - for seven
    // columns where 自然人's column sum wants 3: lost there, or under the blank 总计 a report prints).
    if (marksBlanks && kept.length > 1 && rows[row].readings.kind === 'missing') kept = fewestBrokenWithGapsUnknown(rows[row].keys, kept, identities, known);
    /** With a stray empty cell left out instead of a number: the identities that reading breaks. */
    let emptyStray: number | undefined;
    // Several readings fit equally: a stray empty cell is what tables print by mistake, a stray number
    // is not, so a single reading that drops only empty cells is taken.
    if (kept.length > 1 || ownBroken) {
      const emptyDrops = kept.filter((r) => droppedOnlyEmpty(rows[row].readings, r));
      if (emptyDrops.length === 1) kept = emptyDrops;
      else if (ownBroken) kept = [];
    } else if (kept.length === 1 && rows[row].readings.kind === 'extra' && !droppedOnlyEmpty(rows[row].readings, kept[0])) {
      // A stray number kept the row's own total only by breaking another identity: leaving out an empty
      // cell instead (a layout fault, where a stray number is not ours to guess) breaks no more identities
      // in all — its own total among them, as a report that prints 总计 blank breaks it in every row. The
      // readings doing so with the fewest failures decide (one taken, several undecided).
      const failures = (c: Combo) => c.own + c.other;
      const emptyOnly = combos.filter((c) => droppedOnlyEmpty(rows[row].readings, rows[row].readings.readings[c.choice[u]]));
      const least = Math.min(...emptyOnly.map(failures));
      if (emptyOnly.length && least <= Math.min(...best.map(failures))) {
        const readings = new Map(emptyOnly.filter((c) => failures(c) === least).map((c) => [c.choice[u], rows[row].readings.readings[c.choice[u]]]));
        kept = [...readings.values()];
        emptyStray = least;
      }
    }
    verdicts[row] =
      kept.length === 1
        ? { status: 'resolved', reading: kept[0], others: all.filter((r) => r !== kept[0]), failing: emptyStray ?? despite, ...(ownBroken ? { breaksOwn: true } : {}), ...(gapsLost ? { gapsLost } : {}), ...(emptyStray !== undefined ? { emptyStray: true } : {}) }
        : { status: 'undecided', survivors: kept, all, none: kept.length === 0, ...agreedCounts(rows[row].keys, kept, ownOf(row), identities, known) };
  });
  confirmByOtherRows(rows, uncertain, identities, known, verdicts);
  return result;
}

/**
 * Marks the cells of resolved rows that an identity confirms: it holds with the chosen readings, and
 * every other cell in it is from a row read one way (a column's sum over rows printed exactly). Such
 * a cell's count is fixed by those cells, not by which token the reading took.
 */
function confirmByOtherRows(rows: PendingRow[], uncertain: number[], identities: Identity[], known: Map<string, TokenValue>, verdicts: Verdict[]): void {
  const values = new Map(known);
  // Cells read one way and with no doubt of their own: the only ones that can confirm another.
  const settled = new Set<string>();
  rows.forEach((row, i) => {
    const v = verdicts[i];
    if (v.status !== 'certain') return;
    row.keys.forEach((k, c) => {
      const token = v.reading[c];
      if (token && c !== v.emptyInDoubt && tokenDoubt(token) === null) settled.add(k);
    });
  });
  const unsettled = new Set<string>();
  for (const i of uncertain) {
    const v = verdicts[i];
    rows[i].keys.forEach((k, c) => {
      if (v.status === 'resolved') values.set(k, tokenValue(v.reading[c]));
      else unsettled.add(k);
    });
  }
  // A confirmed cell is settled in turn, and may confirm a cell of another resolved row: （七）总计's count,
  // confirmed by 新收 + 结转 = 办结 + 结转下年 over rows read one way, then confirms a count of its column.
  for (let grew = true; grew; ) {
    grew = false;
    for (const i of uncertain) {
      const v = verdicts[i];
      if (v.status !== 'resolved') continue;
      const own = new Set(rows[i].keys);
      v.confirmed = rows[i].keys.map((key, c) => {
        if (!v.reading[c]) return false;
        return identities.some((id) => {
          const cells = cellsOf(id);
          if (!cells.includes(key)) return false;
          const others = cells.filter((k) => k !== key);
          if (others.some((k) => own.has(k) || unsettled.has(k) || !settled.has(k))) return false;
          return identityHolds(id, summable(values)) === true;
        });
      });
      rows[i].keys.forEach((k, c) => {
        if (v.confirmed![c] && !settled.has(k)) {
          settled.add(k);
          grew = true;
        }
      });
    }
  }
  for (const i of uncertain) {
    const v = verdicts[i];
    if (v.status === 'resolved' && v.breaksOwn) v.forced = forcedCells(v.reading, v.others, v.confirmed!);
  }
}

/**
 * The unconfirmed columns that every reading agreeing with the chosen one on the confirmed cells gives
 * the same count: when the other rows' identities pin all but the last of a row's tokens to their
 * columns, the token left over is the last column's, whichever stray was dropped. Chosen by the
 * identities, not confirmed by them: such a cell is read in doubt (identity-resolved).
 */
function forcedCells(chosen: Reading, others: Reading[], confirmed: boolean[]): boolean[] | undefined {
  if (!confirmed.some(Boolean)) return undefined;
  const same = (r: Reading, c: number) => tokenValue(r[c]) === tokenValue(chosen[c]);
  const compatible = others.filter((r) => confirmed.every((ok, c) => !ok || same(r, c)));
  const forced = confirmed.map((ok, c) => !ok && !!chosen[c] && tokenValue(chosen[c]) !== '?' && compatible.every((r) => same(r, c)));
  return forced.some(Boolean) ? forced : undefined;
}

/**
 * Does the table print its blanks — blank markers (-, /, 无) among its values and no value cell left
 * empty? Then a row short of a cell lost it: the cell's content, a marker or a count, is not known.
 */
function printsItsBlanks(rows: PendingRow[]): boolean {
  let markers = 0;
  for (const row of rows) {
    for (const t of row.readings.tokens) {
      if (t.reading.kind !== 'blank') continue;
      if (t.raw.trim() === '') return false;
      markers++;
    }
  }
  return markers >= 2;
}

/** The readings under which, each gap a cell lost and not known ('?'), the fewest identities through the row fail. */
function fewestBrokenWithGapsUnknown(keys: string[], readings: Reading[], identities: Identity[], known: Map<string, TokenValue>): Reading[] {
  const touching = touchingIdentities(identities, keys);
  const fails = readings.map((r) => brokenWithGapsUnknown(keys, r, touching, known));
  const least = Math.min(...fails);
  return readings.filter((_, i) => fails[i] === least);
}

/** Whether a reading of a row with extra tokens leaves out only tokens printed empty. */
function droppedOnlyEmpty(readings: RowReadings, reading: Reading): boolean {
  if (readings.kind !== 'extra') return false;
  const kept = new Set(reading);
  return readings.tokens.every((t) => kept.has(t) || t.raw.trim() === '');
}

/**
 * A row read exactly that breaks its own total, with an empty cell at an end or as its only empty
 * cell: if without that cell (a gap elsewhere) a reading satisfies every identity the row takes part
 * in, the empty cell was the grid's or a stray, not the report's — one such reading is taken
 * (identity-resolved); several leave the cells they disagree on blank. A gap holds what the row's own
 * total says it must (a value lost, or a blank that vanished). With none, the row stands as printed
 * and the checks report it — unless its only empty cell might be padding: then the readings that keep
 * its own total are as likely as the printed one, and the cells they disagree on are left blank.
 * A lone empty cell that stays is in doubt when it ends the row (where grids pad a row that lost a
 * value) or when the row breaks its own total.
 */
function reconsiderExactRows(rows: PendingRow[], identities: Identity[], known: Map<string, TokenValue>, verdicts: Verdict[], likely: Map<string, TokenValue>): void {
  rows.forEach((row, i) => {
    if (verdicts[i].status !== 'certain' || row.readings.kind !== 'exact') return;
    const printed = row.readings.readings[0];
    const lone = loneEmptyCell(row.readings.tokens);
    // Most rows: every cell printed, no other reading. Whatever the identities say, such a row stands
    // as printed with no doubt (every branch below ends there), so they are not evaluated.
    if (lone < 0 && !row.readings.alternatives?.length) return;
    const keys = new Set(row.keys);
    const touching = touchingIdentities(identities, row.keys);
    const own = touching.filter((id) => cellsOf(id).every((k) => keys.has(k)));
    const holds = (reading: Reading, list: Identity[]): boolean => {
      const values = withGaps(row.keys, reading, own);
      return !!values && list.every((id) => identityHolds(id, over(values, known)) !== false);
    };
    const alternatives = (row.readings.alternatives ?? []).filter((r) => !leavesOutAlignedNumber(rows, i, r) || confirmedByOthers(row.keys, printed, r, touching, own, known));
    const breaksOwn = own.length > 0 && !holds(printed, own);
    const ocrLast = ocrLoneLastEmpty(row.readings.tokens);
    const standAsPrinted = () => {
      if (lone >= 0 && (lone === printed.length - 1 || breaksOwn)) verdicts[i] = { status: 'certain', reading: printed, emptyInDoubt: lone };
      else if (ocrLast >= 0) verdicts[i] = { status: 'certain', reading: printed, emptyInDoubt: ocrLast };
    };
    const resolveTo = (reading: Reading, failing: number, byOthers = false) => {
      // Its gaps were weighed as values the row lost (withGaps): no printed blank stands there.
      verdicts[i] = { status: 'resolved', reading, others: [printed], failing, ...(padded ? { padded } : {}), ...(byOthers ? { byOthers } : {}), ...(reading.includes(undefined) ? { gapsLost: true } : {}) };
      // A gap's value is not printed: it says nothing to the other rows' identities.
      row.keys.forEach((k, c) => known.set(k, reading[c] ? tokenValue(reading[c]) : '?'));
    };
    const undecided = (survivors: Reading[], loneEmpty?: 'keeps-own-total' | 'no-identity' | 'own-broken-anyway', padded?: boolean, byLikely?: boolean) => {
      verdicts[i] = { status: 'undecided', survivors, all: [printed, ...alternatives], none: false, ...(loneEmpty ? { loneEmpty } : {}), ...(padded ? { padded } : {}), ...(byLikely ? { byLikely } : {}), ...agreedCounts(row.keys, survivors, own) };
      for (const k of row.keys) known.delete(k);
    };
    // No identity is about the row (table 二): an empty last cell may be where its grid padded a row that
    // lost a value anywhere, the values after it moved left — nothing says which, so only the cells
    // every reading agrees on stand.
    if (!own.length && lone >= 0 && lone === printed.length - 1 && alternatives.length) return undecided([printed, ...alternatives], 'no-identity');
    // An empty last cell where the row's own total cannot be checked (不适用 in it): the grid may have
    // padded a row that lost a value before it, and only the other identities can tell.
    const padded = lone >= 0 && lone === printed.length - 1 && !breaksOwn && ownUnchecked(row.keys, printed, own, known);
    if ((!breaksOwn && !padded) || !alternatives.length) return standAsPrinted();
    // The readings that keep the row's own total, by how many identities they break: a published
    // error elsewhere in a column (Shanghai 2019's blank totals) breaks some under every reading. One
    // is taken when it breaks fewer than the row as printed and no other breaks as few.
    const keepingOwn = alternatives.filter((r) => holds(r, own));
    // Identities of `among` a reading breaks, its gaps what the row's own totals require (withGaps).
    const failures = (r: Reading, among = touching, what = known) => {
      const values = withGaps(row.keys, r, own);
      return values ? among.filter((id) => identityHolds(id, over(values, what)) === false).length : Infinity;
    };
    const scored = keepingOwn.map((r) => ({ r, fails: failures(r) }));
    const fewest = Math.min(...scored.map((x) => x.fails));
    const fitting = fewest < failures(printed) ? scored.filter((x) => x.fails === fewest).map((x) => x.r) : [];
    if (padded) {
      // The row as printed keeps every identity it can be checked by: it stands, its empty cell in doubt.
      if (!fitting.length) return standAsPrinted();
      // Else the readings that break fewer decide as far as they agree (zeros look alike).
      if (fitting.length === 1) return resolveTo(fitting[0], fewest);
      return undecided(fitting, undefined, padded);
    }
    if (fitting.length > 1) {
      // Several places for the missing cell tie on what is known. A row read several ways (a total row with a
      // stray empty cell) is not known yet, but the reading it most likely has — without its stray — may
      // tell them apart (1288 21 0 50 3 1362 ∅ short of one 0: the column sums over （七）总计 place it):
      // the reading breaking fewer then is taken, by the other rows (identity-resolved); the readings that do,
      // when they give every cell the same count (a 0 lost beside a printed 0: either place), stand together,
      // each cell the count they agree on.
      const byLikely = fitting.map((r) => ({ r, fails: failures(r, touching, likely) }));
      const least = Math.min(...byLikely.map((x) => x.fails));
      const best = byLikely.filter((x) => x.fails === least).map((x) => x.r);
      if (least < failures(printed, touching, likely) && best.length < fitting.length) {
        if (best.length === 1) return resolveTo(best[0], least, true);
        if (sameCounts(row.keys, best, own)) return undecided(best, undefined, undefined, true);
      }
      return undecided(fitting); // several places for the missing cell fit (zeros look alike)
    }
    if (fitting.length === 1) return resolveTo(fitting[0], fewest);
    // A report that prints its row totals blank beside their counts (Shanghai 2019's '/'): the only
    // readings keeping the row's own total are those that make the empty last cell the total (the gap
    // there imputed), which say nothing of where a value was lost. The other identities decide then.
    if (lone === printed.length - 1 && keepingOwn.every((r) => ownTotalsImputed(row.keys, r, own))) {
      const others = touching.filter((id) => !own.includes(id));
      const lostUnknown = (r: Reading) => brokenWithGapsUnknown(row.keys, r, others, likely);
      const candidates = alternatives.map((r) => ({ r, fails: lostUnknown(r) }));
      const least = Math.min(...candidates.map((x) => x.fails));
      if (least < lostUnknown(printed)) {
        const best = candidates.filter((x) => x.fails === least).map((x) => x.r);
        return best.length === 1 ? resolveTo(best[0], least, true) : undecided(best);
      }
    }
    if (lone >= 0 && keepingOwn.length) return undecided([printed, ...keepingOwn], 'keeps-own-total');
    // No reading keeps the row's own totals (a report that prints one wrong: Hongze 2023's table 四) and
    // its only empty cell ends it, where a grid pads a row that lost a value: a value lost anywhere before
    // it is as likely as the row as printed when it breaks no more of them — 5 read as 直接起诉's total
    // breaks its group as surely as the same 5 moved on to 复议后起诉's 维持 breaks that one.
    // (A row of a wider grid is weighed below, by where its stray empty cell may stand.)
    if (lone >= 0 && lone === printed.length - 1 && breaksOwn && !row.readings.wider) {
      // Unless the row as printed keeps every one of them with its empty last cell taken for the value it
      // lost there (… 26 | 12 1 1 6 ∅, 复议后起诉's total lost): then it is the only reading that does, and
      // stands — its empty cell in doubt, the values before it where they were printed.
      if (holds(printed.map((v, c) => (c === lone ? undefined : v)), own)) return standAsPrinted();
      const asPrinted = failures(printed, own);
      const asLikely = alternatives.filter((r) => failures(r, own) <= asPrinted);
      if (asLikely.length) return undecided([printed, ...asLikely], 'own-broken-anyway');
    }
    // A row of more cells than the template's, read as its first n (258 12 ∅ ∅ ∅ 1 1 ∅: a stray empty
    // cell among its values, the last cut as the grid's): that it breaks its own total says the cut may
    // be wrong, not that the report is. The readings that leave out an empty cell instead (every printed
    // value kept, no gap) are as likely: the cells they disagree on are left blank — unless every one of
    // them breaks more of the other identities than the row as printed (a column's sum over the rows read
    // one way): the values they move are where the columns say they are not; or one of them breaks fewer
    // than the row as printed and every other: the columns say where the stray stood, and it is taken
    // (identity-resolved where it differs from the row as printed).
    if (row.readings.wider && breaksOwn) {
      const printedValues = new Set([printed, ...alternatives].flat().filter((v) => v && v.raw.trim() !== ''));
      // (A reading with a gap supposes a value lost as well, as the row read on its table's width would:
      // such readings are weighed above, by the row's own total, and not here.)
      const emptyLeftOut = alternatives.filter((r) => !r.includes(undefined) && [...printedValues].every((v) => r.includes(v)));
      const others = touching.filter((id) => !own.includes(id));
      const othersFailing = (r: Reading) => brokenWithGapsUnknown(row.keys, r, others, known);
      const asPrinted = othersFailing(printed);
      const scored = emptyLeftOut.map((r) => ({ r, fails: othersFailing(r) }));
      const least = Math.min(...scored.map((x) => x.fails));
      const fewest = scored.filter((x) => x.fails === least);
      if (fewest.length === 1 && least < asPrinted) return resolveTo(fewest[0].r, least, true);
      if (emptyLeftOut.length && !emptyLeftOut.every((r) => othersFailing(r) > asPrinted)) return undecided([printed, ...emptyLeftOut]);
    }
    standAsPrinted();
  });
  settleTogether(rows, identities, known, verdicts);
}

/** Combinations settleTogether weighs at most: more say the rows are too open to settle any. */
const MAX_FITS = 64;

/**
 * Rows printed whole but for an empty cell, left undecided when judged one at a time: two rows that each
 * lost a value (0 0 0 0 0 1 ∅ and 2 0 0 0 0 110 ∅) leave every column sum open to the other — the first
 * judged while the second stood shifted as printed, the second while the first was unknown, or settled
 * only after the first was given up. Tried together once every other row is settled, each gap the value
 * its row's own total requires (a value lost, not printed): a row that reads the same way in every
 * combination under which each identity through them that can be evaluated holds is settled so. A row
 * read several ways by them (a row of zeros that lost one: which one is unknown) keeps only those
 * readings, the counts they agree on standing (agreedCounts); no combination, or more than MAX_FITS,
 * settle nothing.
 */
function settleTogether(rows: PendingRow[], identities: Identity[], known: Map<string, TokenValue>, verdicts: Verdict[]): void {
  const open = rows.flatMap((row, i) => (verdicts[i].status === 'undecided' && row.readings.kind === 'exact' ? [i] : []));
  if (!open.length) return;
  // A row whose readings the likely values narrowed is tried only with those (the others break an identity
  // through a row not yet settled, as known only later).
  const choices = open.map((i) => {
    const v = verdicts[i] as Extract<Verdict, { status: 'undecided' }>;
    return v.byLikely ? v.survivors : v.all;
  });
  if (choices.reduce((p, c) => p * c.length, 1) > MAX_COMBINATIONS) return;
  const touching = touchingIdentities(identities, open.flatMap((i) => rows[i].keys));
  const owns = open.map((i) => {
    const keys = new Set(rows[i].keys);
    return touching.filter((id) => cellsOf(id).every((k) => keys.has(k)));
  });
  const overlays = open.map((i, u) => choices[u].map((r) => withGaps(rows[i].keys, r, owns[u])));
  const fits: number[][] = [];
  const choice = new Array<number>(open.length).fill(0);
  const values = new Map<string, TokenValue>();
  const walk = (depth: number): void => {
    if (fits.length > MAX_FITS) return;
    if (depth === open.length) {
      if (touching.every((id) => identityHolds(id, over(values, known)) !== false)) fits.push([...choice]);
      return;
    }
    overlays[depth].forEach((overlay, c) => {
      if (!overlay) return; // a gap its row's own total would need a negative count for
      choice[depth] = c;
      for (const [k, v] of overlay) values.set(k, v);
      walk(depth + 1);
    });
  };
  walk(0);
  if (!fits.length || fits.length > MAX_FITS) return;
  open.forEach((i, u) => {
    const all = choices[u];
    const fitting = [...new Set(fits.map((fit) => fit[u]))].map((c) => all[c]);
    if (fitting.length > 1) {
      const { agreed: _dropped, ...before } = verdicts[i] as Extract<Verdict, { status: 'undecided' }>;
      verdicts[i] = { ...before, survivors: fitting, none: false, ...agreedCounts(rows[i].keys, fitting, owns[u], identities, known) };
      return;
    }
    const reading = fitting[0];
    // As a row judged alone is (resolveTo): what the reading shares with the row as printed was printed there.
    const printed = (verdicts[i] as Extract<Verdict, { status: 'undecided' }>).all[0];
    verdicts[i] = { status: 'resolved', reading, others: [printed].filter((r) => r !== reading), failing: 0, gapsLost: true };
    rows[i].keys.forEach((k, c) => known.set(k, reading[c] ? tokenValue(reading[c]) : '?'));
  });
}

/**
 * Does a reading leave out a number the row prints in the grid column where the table's other rows
 * print that template column? A wider grid's extra column may hold a row number before the values, but
 * a number standing where its column's values stand is that column's value, not the grid's.
 */
function leavesOutAlignedNumber(rows: PendingRow[], self: number, reading: Reading): boolean {
  const printed = rows[self].readings.readings[0];
  return printed.some((v, c) => !!v && v.reading.kind === 'number' && !reading.includes(v) && v.col === usualColumn(rows, self, c));
}

/** The grid column most of the table's other rows read exactly print a template column in (two rows at least), if any. */
function usualColumn(rows: PendingRow[], self: number, c: number): number | undefined {
  const counts = new Map<number, number>();
  rows.forEach((row, i) => {
    const v = row.readings.kind === 'exact' && i !== self ? row.readings.readings[0][c] : undefined;
    if (v) counts.set(v.col, (counts.get(v.col) ?? 0) + 1);
  });
  let best: number | undefined;
  for (const [col, n] of counts) if (n >= 2 && (best === undefined || n > counts.get(best)!)) best = col;
  return best;
}

/** Does an identity beyond the row's own, through a column the reading changes, hold under it (checked, not unknown)? */
function confirmedByOthers(keys: string[], printed: Reading, reading: Reading, touching: Identity[], own: Identity[], known: Map<string, TokenValue>): boolean {
  const values = withGaps(keys, reading, own);
  if (!values) return false;
  const changed = new Set(keys.filter((_, c) => readingSignature([printed[c]]) !== readingSignature([reading[c]])));
  return touching.some((id) => !own.includes(id) && cellsOf(id).some((k) => changed.has(k)) && identityHolds(id, over(values, known)) === true);
}

/**
 * What is known of the table, with the rows that print as many empty cells as they have values too
 * many read without them (a stray empty cell, as tables print by mistake: the reading arbitrate prefers
 * among equals) — so that a column's sum over a total row with a stray empty cell
 * still tells which reading of another row fits. Only to rank readings, never to settle a cell.
 */
function likelyValues(rows: PendingRow[], uncertain: number[], known: Map<string, TokenValue>): Map<string, TokenValue> {
  const likely = new Map(known);
  for (const i of uncertain) {
    const { kind, tokens } = rows[i].readings;
    const kept = tokens.filter((t) => t.raw.trim() !== '');
    if (kind === 'extra' && kept.length === rows[i].keys.length) rows[i].keys.forEach((k, c) => likely.set(k, tokenValue(kept[c])));
  }
  return likely;
}

/** Do the readings, each gap what the row's own totals require (withGaps), give every cell the same count? */
function sameCounts(keys: string[], readings: Reading[], own: Identity[]): boolean {
  const counts = readings.map((r) => withGaps(keys, r, own));
  return counts.every((m) => !!m && keys.every((k) => m.get(k) === counts[0]!.get(k)));
}

/** Does the reading print nothing for every total of the row's own identities (its gap is the total)? */
function ownTotalsImputed(keys: string[], reading: Reading, own: Identity[]): boolean {
  return own.length > 0 && own.every((id) => id.totals.every((k) => !reading[keys.indexOf(k)]));
}

/** How many of `ids` fail under a reading whose gaps are values lost, not known (asPrintedGapsUnknown). */
function brokenWithGapsUnknown(keys: string[], reading: Reading, ids: Identity[], known: Map<string, TokenValue>): number {
  const values = over(asPrintedGapsUnknown(keys, reading), known);
  return ids.filter((id) => identityHolds(id, values) === false).length;
}

/** The row's values under a reading with a gap as a value lost, not known ('?'): no identity through it is checked. */
function asPrintedGapsUnknown(keys: string[], reading: Reading): Map<string, TokenValue> {
  return new Map(keys.map((k, c) => [k, reading[c] ? tokenValue(reading[c]) : '?']));
}

/** Is some identity of the row's own left unchecked by the reading (a value that cannot be read, 不适用)? */
function ownUnchecked(keys: string[], reading: Reading, own: Identity[], known: Map<string, TokenValue>): boolean {
  const values = withGaps(keys, reading, own);
  return !!values && own.some((id) => identityHolds(id, over(values, known)) === undefined);
}

/**
 * The counts all `survivors` agree on column by column, a gap counted as what the row's own total
 * requires — or, where that is open (two gaps in it), what another identity over rows read one way
 * (`known`: a column's sum) requires, then the row's own total again with that.
 */
function agreedCounts(keys: string[], survivors: Reading[], own: Identity[], identities: Identity[] = [], known: Map<string, TokenValue> = new Map()): { agreed?: Array<number | undefined> } {
  if (survivors.length < 2) return {};
  const valued = survivors.map((r) => gapsByKnownRows(keys, r, own, identities, known));
  if (valued.some((v) => !v)) return {};
  const agreed = keys.map((k) => {
    const counts = valued.map((v) => v!.get(k));
    return counts.every((n) => typeof n === 'number' && n === counts[0]) ? (counts[0] as number) : undefined;
  });
  return agreed.some((n) => n !== undefined) ? { agreed } : {};
}

/**
 * withGaps, then each gap left open filled by an identity whose every other cell is known (this row's
 * printed or filled cells, other rows read one way), until none fills more. The fills stand only if
 * every identity through the row that can then be evaluated holds: where one fails the report errs
 * somewhere (a blank 总计 column), and what it requires of a gap is no count. A gap none fills stays
 * as withGaps left it (null, or '?' beside a cell that cannot be read).
 */
function gapsByKnownRows(keys: string[], reading: Reading, own: Identity[], identities: Identity[], known: Map<string, TokenValue>): Map<string, TokenValue> | null {
  const values = withGaps(keys, reading, own);
  if (!values || !identities.length) return values;
  const open = new Set(keys.filter((k, c) => !reading[c] && (values.get(k) === null || values.get(k) === '?')));
  if (!open.size) return values;
  const touching = touchingIdentities(identities, keys);
  const valueOf = (k: string) => (values.has(k) ? values.get(k) : known.get(k));
  const filled = new Map(values);
  for (let changed = true; changed && open.size; ) {
    changed = false;
    for (const id of touching) {
      const cells = cellsOf(id);
      const unknown = cells.filter((k) => open.has(k));
      if (unknown.length !== 1) continue;
      const gap = unknown[0];
      let sum = 0;
      let readable = true;
      for (const k of cells) {
        if (k === gap) continue;
        const v = filled.has(k) ? filled.get(k) : valueOf(k);
        if (v === undefined || v === '?') readable = false;
        else sum += (v ?? 0) * (id.parts.includes(k) ? 1 : -1);
      }
      if (!readable) continue;
      const value = Math.round((id.parts.includes(gap) ? -sum : sum) * 1e6) / 1e6 + 0; // + 0: no -0
      if (value < 0 || !Number.isInteger(value)) return values;
      filled.set(gap, value);
      open.delete(gap);
      changed = true;
    }
  }
  const read = (k: string) => {
    const v = filled.has(k) ? filled.get(k) : known.get(k);
    return v === '?' ? undefined : v;
  };
  return touching.every((id) => identityHolds(id, read) !== false) ? filled : values;
}

/**
 * The row's values under a reading (its own identities involve only its cells): a gap (a column the reading
 * prints nothing for) holds what the row's own identity requires when that is a count, is not known
 * ('?') when a cell of that identity cannot be read, stays a vanished blank (0) when no own identity
 * says, and makes the reading impossible when the identity requires a negative or fractional count.
 */
function withGaps(keys: string[], reading: Reading, own: Identity[]): Map<string, TokenValue> | null {
  const values = new Map<string, TokenValue>();
  keys.forEach((k, c) => values.set(k, tokenValue(reading[c])));
  const gaps = keys.filter((_, c) => !reading[c]);
  for (const gap of gaps) {
    const id = own.find((x) => x.parts.includes(gap) || x.totals.includes(gap));
    if (!id) continue;
    let sum = 0;
    let open = false;
    let unreadable = false;
    for (const k of cellsOf(id)) {
      if (k === gap) continue;
      const v = values.get(k);
      if (v === '?' || v === undefined) unreadable = open = true;
      else if (gaps.includes(k)) open = true;
      else sum += (v ?? 0) * (id.parts.includes(k) ? 1 : -1);
    }
    // A value lost beside a cell that cannot be read (＊, 不适用): the row cannot say what it was, and
    // counted as 0 it would break, or keep, the column sums and the balance by invention.
    if (unreadable) values.set(gap, '?');
    if (open) continue;
    const value = Math.round((id.parts.includes(gap) ? -sum : sum) * 1e6) / 1e6 + 0; // + 0: no -0
    if (value < 0 || !Number.isInteger(value)) return null;
    values.set(gap, value);
  }
  return values;
}

/** The row's values over what is known of the table, as a sum sees them. */
function over(row: Map<string, TokenValue>, known: Map<string, TokenValue>): (key: string) => number | null | undefined {
  return (key) => {
    const v = row.has(key) ? row.get(key) : known.get(key);
    return v === '?' ? undefined : v;
  };
}

/** A token's value as a sum sees it: text ('?') has none. */
function summable(values: Map<string, TokenValue>): (key: string) => number | null | undefined {
  return (key) => {
    const v = values.get(key);
    return v === '?' ? undefined : v;
  };
}
