/**
 * Writing a row's verdict as cells: values, the text as printed, provenance, and the doubt of every
 * cell that is not read with certainty. Cells every candidate reading agrees on are certain whatever
 * the identities say; cells the readings disagree on are the identities' to decide, or blank.
 */
import type { Message } from '../../../extractors/model.js';
import type { Doubt } from '../doubt.js';
import type { CellDetails, CellValues } from '../result.js';
import type { ValueCell } from '../rows.js';
import type { PendingRow, Verdict } from './arbitrate.js';
import { columnSays, tokenDoubt, tokenValue, type Reading } from './readings.js';

export interface CellSink {
  cells: CellValues;
  details: CellDetails;
  messages: Message[];
}

/** Do the readings say the same of a column? `gapsApart` as in columnSays. */
function agreeAt(readings: Reading[], column: number, gapsApart = false): boolean {
  const first = columnSays(readings[0]?.[column], gapsApart);
  return readings.every((r) => columnSays(r[column], gapsApart) === first);
}

function show(tokens: Array<ValueCell | undefined>): string {
  return tokens.map((v) => (v ? v.raw.trim() || '∅' : '·')).join(' | ');
}

function write(out: CellSink, key: string, v: ValueCell | undefined, doubt: Doubt | null): void {
  if (!v) {
    // Nothing printed for this column (a merged neighbour, a vanished blank): never a certain blank.
    out.cells[key] = null;
    out.details[key] = { raw: '', doubt: doubt ?? 'missing-values' };
    return;
  }
  const own = tokenDoubt(v);
  out.cells[key] = v.reading.kind === 'number' && own !== 'unreadable' ? v.reading.value : null;
  // Two literals rather than a spread: the same keys in the same order, without the spread's copy.
  out.details[key] = v.prov ? { raw: v.raw, prov: v.prov, doubt: doubt ?? own } : { raw: v.raw, doubt: doubt ?? own };
  if (own === 'unreadable') out.messages.push({ code: 'unreadable-value', message: `${key}: cannot read '${v.raw}' as a number` });
}

/**
 * The doubt of a cell every candidate reading of an undecided row gives the same token. A row printed
 * with as many cells as columns, read otherwise by every candidate (the identities moved its values):
 * what they agree on was chosen by the identities, not printed there. A row whose only empty cell may
 * be where it lost a value: an empty cell the readings agree on is still a printed blank or a lost value.
 */
function agreedDoubt(readings: PendingRow['readings'], verdict: Extract<Verdict, { status: 'undecided' }>, token: ValueCell | undefined, c: number): Doubt | null {
  // Placements of a short row the identities left several of: where they agree, the identities placed the value.
  if (verdict.placed) return 'identity-resolved';
  if (readings.kind !== 'exact') return null;
  if (columnSays(readings.tokens[c], true) !== columnSays(token, true)) return 'identity-resolved';
  return verdict.loneEmpty && token && token.raw.trim() === '' && !token.doubt ? 'lone-empty-cell' : null;
}

/** `label` names the row in messages (appeals.review, or appeals for the one-row table 四). */
export function writeRow(label: string, pending: PendingRow, verdict: Verdict, out: CellSink): void {
  const { keys, readings } = pending;
  if (verdict.status === 'certain') {
    const lone = verdict.emptyInDoubt;
    keys.forEach((k, c) => write(out, k, verdict.reading[c], c === lone ? 'lone-empty-cell' : null));
    if (lone !== undefined) {
      out.messages.push({ code: 'lone-empty-cell', message: `${label}: the only empty cell of the row (${keys[lone]}) among printed values (${show(readings.tokens)}) may be a printed blank or where the row lost a value; in doubt` });
    }
    return;
  }
  const printed =
    readings.kind === 'exact' && verdict.placed
      ? `placed under the header by where its values stand or their order (${show(readings.tokens)}), which breaks an identity`
      : readings.kind === 'exact'
      ? verdict.status === 'undecided' && verdict.loneEmpty
        ? `read as printed (${show(readings.tokens)}) ${verdict.loneEmpty !== 'no-identity' ? 'the row breaks its own total; ' : ''}its only empty cell may be a printed blank, or where it lost a value`
        : verdict.padded
        ? `read as printed (${show(readings.tokens)}) other identities break and its own total cannot be checked (a value that cannot be read); its empty last cell may be where its grid padded a row that lost a value`
        : `read as printed (${show(readings.tokens)}) the row breaks its own total; an empty cell in it is not one of its cells (a stray, or where its grid padded it)`
      : `${readings.tokens.length} values printed where the template has ${keys.length} columns (${show(readings.tokens)})`;
  const short = readings.kind === 'missing' || (readings.kind === 'unreadable' && readings.tokens.length < keys.length);
  const code = short ? 'missing-values' : readings.kind === 'exact' ? 'empty-end-cell' : 'extra-values';
  if (verdict.status === 'resolved') {
    const all = [verdict.reading, ...verdict.others];
    keys.forEach((k, c) => {
      // Weighed as a value the row lost, a gap is no printed blank: nothing to read, nothing to check.
      if (verdict.gapsLost && !verdict.reading[c]) return write(out, k, undefined, 'missing-values');
      if (agreeAt(all, c, verdict.gapsLost) || verdict.confirmed?.[c]) return write(out, k, verdict.reading[c], null);
      // With the row's own total broken under every reading, no identity chose this cell: blank.
      if (verdict.breaksOwn && !verdict.forced?.[c]) return write(out, k, undefined, readings.kind === 'missing' ? 'missing-values' : 'extra-values');
      write(out, k, verdict.reading[c], 'identity-resolved');
    });
    const how = verdict.placed
      ? `placed with the table's other rows short of values, the identities solved together: the only placement that breaks the fewest of them (${verdict.failing}, reported as findings)`
      : verdict.breaksOwn
      ? `every reading breaks the row's own total; without its empty cells, the cells other rows' identities confirm are taken${verdict.forced ? ', those they leave one token for read in doubt' : ''}, the others left blank`
      : verdict.emptyStray
      ? `a stray empty cell left out rather than a printed number, which kept the row's own total only by breaking another identity: the reading that breaks the fewest identities in all (${verdict.failing}, reported as findings)`
      : verdict.byOthers
      ? `the row prints its own total blank, so the other identities decide: the only reading that breaks the fewest of them (${verdict.failing})`
      : verdict.failing
      ? `the only reading that keeps the row's own total and breaks the fewest other identities (${verdict.failing}, reported as findings)`
      : 'the only reading under which the identities hold';
    out.messages.push({ code, message: `${label}: ${printed}; ${how}: ${show(verdict.reading)}` });
    return;
  }
  const candidates = verdict.survivors.length ? verdict.survivors : verdict.all;
  const undecided: Doubt = verdict.survivors.length > 1 ? 'ambiguous' : short ? 'missing-values' : 'extra-values';
  keys.forEach((k, c) => {
    // Where no reading was chosen, a gap under one reading and a printed blank under another disagree.
    // A row printed with as many cells as columns, read otherwise by every candidate (the identities
    // moved its values): what they agree on was chosen by the identities, not printed there.
    if (candidates.length && agreeAt(candidates, c, true)) return write(out, k, candidates[0][c], agreedDoubt(readings, verdict, candidates[0][c], c));
    const agreed = verdict.agreed?.[c];
    if (agreed === undefined) return write(out, k, undefined, undecided);
    // Every reading gives this cell the same count (printed, or required by the row's own total).
    out.cells[k] = agreed;
    out.details[k] = { raw: candidates.map((r) => r[c]?.raw.trim()).find((t) => t) ?? '', doubt: 'identity-resolved' };
  });
  const listed = candidates.slice(0, 6).map(show).join(' ‖ ');
  const why = !verdict.all.length
    ? 'too far from the template to read'
    : verdict.loneEmpty
      ? `as printed, or without the empty cell ${LONE_EMPTY_WHY[verdict.loneEmpty]} (${listed}${candidates.length > 6 ? ' ‖ …' : ''})`
      : verdict.placed
      ? `${verdict.survivors.length} placements with the table's other rows short of values break the identities as few times (${listed}${candidates.length > 6 ? ' ‖ …' : ''})`
      : verdict.survivors.length > 1
      ? `${verdict.survivors.length} readings satisfy the identities (${listed}${candidates.length > 6 ? ' ‖ …' : ''})`
      : `no reading satisfies the identities (readings: ${listed}${candidates.length > 6 ? ' ‖ …' : ''})`;
  out.messages.push({ code, message: `${label}: ${printed}; ${why}; the cells the readings disagree on are left blank` });
}

/** Why the readings without a row's only empty cell stand beside the row as printed (Verdict loneEmpty). */
const LONE_EMPTY_WHY: Record<'keeps-own-total' | 'no-identity' | 'own-broken-anyway', string> = {
  'keeps-own-total': 'keeping its own total, other identities failing either way',
  'no-identity': 'and a value lost anywhere before it; no identity decides',
  'own-broken-anyway': 'and a value lost anywhere before it, breaking no more of its own totals than the row as printed does (one is wrong either way); no identity decides',
};
