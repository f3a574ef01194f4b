/**
 * Cells read with a doubt of their own (an OCR reading below the floor, a garbled reading, a blank a
 * scan may have lost), checked against the identities once every table is read. An identity in which
 * such a cell is the only uncertain one says what the cell must hold. When the reading already holds
 * that value, the identity confirms it; when two independent identities agree on another value, that
 * value is taken (marked identity-resolved) — the second may hold over other cells in doubt (a column
 * of lone zeros read with low confidence). A cell in doubt that two identities hold with as read is
 * confirmed. One identity alone never overrules a reading (the report may itself break it), nor
 * vouches for one (OCR misreads the same digits the same way twice).
 */
import type { Message } from '../../../extractors/model.js';
import { identityCannotHold, identityHolds, type Identity } from '../identities.js';
import type { CellDetails, CellValues } from '../result.js';

/**
 * Doubts a single reading carries, which the identities may settle: OCR readings, including a glyph
 * OCR garbled into text, a number joined from the two lines a narrow cell wrapped it over, and a value
 * of layout text placed in its column by where it stands, or one a page break or its cell's width may have cut short, and digits a cell prints apart on one line. Text the report itself printed (不适用,
 * 见附件) stays text.
 */
const OCR_DOUBTS = new Set(['ocr-low-confidence', 'ocr-blank', 'ocr-identity-conflict', 'row-by-order', 'wrapped-value', 'split-by-page', 'placed-by-position', 'unit-missing', 'spaced-values']);
function settleable(detail: CellDetails[string] | undefined): boolean {
  if (!detail?.doubt) return false;
  return OCR_DOUBTS.has(detail.doubt) || (detail.doubt === 'unreadable' && detail.prov?.origin === 'ocr');
}

export function confirmByIdentities(cells: CellValues, details: CellDetails, identities: Identity[], messages: Message[]): void {
  // The doubts OCR gave the cells are settled first, then the identities still failing cast doubt on the
  // confident OCR cells in them, then those are settled in turn. In the other order one misread cell
  // read with low confidence (71 as 7) would mark every cell of its row and column as in conflict, and
  // leave no identity with a single open cell to say what it must hold.
  // An identity is one equation: it settles at most one cell, once. Otherwise it confirms a cell, and
  // then, that cell counted as read, another of its own (75 read as 79 as a row's count and as its
  // total: the row's total confirmed by the row, then the count by the same row).
  const spent = new Set<Identity>();
  settle(cells, details, identities, messages, spent);
  markOcrConflicts(cells, details, identities, messages);
  settle(cells, details, identities, messages, spent);
  // Misreads where failing identities cross, settled together; then what they held back settles.
  if (settleSuspects(cells, details, identities, messages, spent)) settle(cells, details, identities, messages, spent);
}

/**
 * A cell's value as a sum sees it: a blank a scan may have lost, one OCR was sure of in an identity
 * that fails, or an empty cell of a row placed by position, counts as the 0 it shows; a cell not read
 * at all (not found, text) has none.
 */
const SHOWN_BLANKS = new Set(['ocr-blank', 'ocr-identity-conflict', 'placed-by-position']);
function readValue(cells: CellValues, details: CellDetails, k: string): number | null | undefined {
  return !(k in cells) || (cells[k] === null && !!details[k]?.doubt && !SHOWN_BLANKS.has(details[k]!.doubt!)) ? undefined : cells[k];
}

/** The row a cell key names (table.row.column). */
const rowOf = (key: string): string => key.slice(0, key.lastIndexOf('.'));

function settle(cells: CellValues, details: CellDetails, identities: Identity[], messages: Message[], spent: Set<Identity>): void {
  // Only a settleable cell ever changes below: none (a born-digital document read with certainty), nothing to do.
  if (!Object.keys(details).some((k) => settleable(details[k]))) return;
  const doubtful = (k: string) => !(k in cells) || !!details[k]?.doubt;
  const containing = new Map<string, Identity[]>();
  for (const id of identities) for (const k of [...id.parts, ...id.totals]) containing.set(k, [...(containing.get(k) ?? []), id]);
  for (let changed = true; changed; ) {
    changed = false;
    // What each identity in which a settleable cell is the only open one says it must hold.
    const implied = new Map<string, Array<{ value: number; by: Identity }>>();
    for (const id of identities) {
      if (spent.has(id)) continue;
      const keys = [...id.parts, ...id.totals];
      const open = keys.filter(doubtful);
      if (open.length !== 1 || !settleable(details[open[0]])) continue;
      const [key] = open;
      const sum = (ks: string[]) => ks.filter((k) => k !== key).reduce((s, k) => s + (cells[k] ?? 0), 0);
      const value = id.parts.includes(key) ? sum(id.totals) - sum(id.parts) : sum(id.parts) - sum(id.totals);
      implied.set(key, [...(implied.get(key) ?? []), { value: Math.round(value * 1e6) / 1e6, by: id }]);
    }
    for (const [key, says] of implied) {
      const detail = details[key];
      const read = cells[key];
      const values = says.map((s) => s.value);
      // A cell that holds no number (OCR read 人 for 0) is not confirmed by a sum that needs 0 there:
      // it gets a value only as a misreading does, when two identities require it (below).
      if (read !== null && read !== undefined && values.some((v) => v === read)) {
        // The reading is what the identity requires: confirmed. A blank a scan may have lost stays in
        // doubt even so: 0 fits the sum, but whether '0' or nothing was printed is not known.
        if (detail.doubt === 'ocr-blank') continue;
        details[key] = { ...detail, doubt: null, via: 'identity-confirmed' };
        spent.add(says.find((x) => x.value === read)!.by);
        changed = true;
        continue;
      }
      const value = values[0];
      if (!values.every((v) => v === value) || !Number.isInteger(value) || value < 0) continue;
      // Two identities agree on another value: the reading was wrong. Either both have this cell as
      // their only open one, or the second holds with that value over what was read of its other cells
      // (some of them in doubt themselves: a column of lone zeros OCR read with low confidence) — a
      // misread elsewhere in it would have to cancel exactly for that to happen by chance.
      const second =
        values.length >= 2 ||
        (containing.get(key) ?? []).some((id) => !says.some((s) => s.by === id) && identityHolds(id, (k) => (k === key ? value : readValue(cells, details, k))) === true);
      if (!second) continue;
      // A blank as read that the identities need to be 0 is kept blank: that is what a blank counts as.
      const blankAsRead = value === 0 && read === null && detail.doubt === 'ocr-blank';
      messages.push({ code: 'identity-resolved', message: `${key}: read '${detail.raw}' (${detail.doubt}); ${values.length >= 2 ? `${values.length} identities require` : 'two identities require'} ${value}, ${blankAsRead ? 'a blank as read' : 'taken'}` });
      if (!blankAsRead) cells[key] = value;
      details[key] = { ...detail, doubt: 'identity-resolved' };
      for (const x of says) spent.add(x.by);
      changed = true;
    }
    // A cell in doubt that two identities hold with as read (its row's total and its column's sum):
    // confirmed, unless it is a blank the scan may have lost. For the reading to be wrong, a misread in
    // each of them would have to cancel it exactly. A row placed by order moves as a whole: its own
    // total holds wherever it stands, so only identities across rows speak for where it was placed —
    // and not those holding other rows placed by order, which would only vouch for one another.
    for (const [key, ids] of containing) {
      const detail = details[key];
      if (!settleable(detail) || detail.doubt === 'ocr-blank' || cells[key] === null || cells[key] === undefined) continue;
      const row = rowOf(key);
      const placed = (k: string) => rowOf(k) !== row && details[k]?.doubt === 'row-by-order';
      const witnesses =
        detail.doubt === 'row-by-order'
          ? ids.filter((id) => [...id.parts, ...id.totals].some((k) => rowOf(k) !== row) && ![...id.parts, ...id.totals].some(placed))
          : ids;
      const holding = witnesses.filter((id) => !spent.has(id) && identityHolds(id, (k) => readValue(cells, details, k)) === true);
      if (holding.length < 2) continue;
      details[key] = { ...detail, doubt: null, via: 'identity-confirmed' };
      changed = true;
    }
  }
}

/**
 * Misreads where failing identities cross: a cell in doubt that lies in two identities that fail as read (its
 * row's total and its column's sum) is suspect. Two misreads in one column leave the column's sum with two
 * suspects, so settle() finds no identity with one open cell for either (every cell of a failing row is in
 * doubt by then). A failing identity with one suspect says what it must hold, the others as read; when every
 * suspect gets a value so, and every identity that holds any of them then holds, each is held by two
 * identities at least — a misread elsewhere would have to cancel exactly for that to happen by chance — and
 * they are taken (identity-resolved). Only cells OCR read as numbers are suspects: blanks are what a report may
 * print (a total column of 无), not misreads. The identities that gave the values are spent; the ones that
 * only hold with them still confirm other cells.
 */
function settleSuspects(cells: CellValues, details: CellDetails, identities: Identity[], messages: Message[], spent: Set<Identity>): boolean {
  const read = (k: string) => readValue(cells, details, k);
  const failing = identities.filter((id) => !spent.has(id) && identityHolds(id, read) === false);
  const failures = new Map<string, number>();
  for (const id of failing) for (const k of [...id.parts, ...id.totals]) failures.set(k, (failures.get(k) ?? 0) + 1);
  // A blank is no misread to settle here: a report may print a whole column blank (无), and its rows' totals then
  // fail with a column's sum alike.
  // Misreads are OCR's: a cell of a text layer is no suspect, whatever its doubt.
  const suspects = [...failures]
    .filter(([k, n]) => n >= 2 && settleable(details[k]) && details[k]?.prov?.origin === 'ocr' && cells[k] !== null && cells[k] !== undefined)
    .map(([k]) => k);
  if (suspects.length < 2) return false;
  const required = new Map<string, { value: number; by: Identity }>();
  for (const id of failing) {
    const keys = [...id.parts, ...id.totals];
    const inside = suspects.filter((k) => keys.includes(k));
    if (inside.length !== 1) continue;
    const [key] = inside;
    const others = keys.filter((k) => k !== key).map(read);
    if (others.some((v) => v === undefined)) continue;
    const sum = (ks: string[]) => ks.filter((k) => k !== key).reduce((s, k) => s + (read(k) ?? 0), 0);
    const value = Math.round((id.parts.includes(key) ? sum(id.totals) - sum(id.parts) : sum(id.parts) - sum(id.totals)) * 1e6) / 1e6;
    const before = required.get(key);
    if (before && before.value !== value) return false;
    required.set(key, { value, by: before?.by ?? id });
  }
  if (suspects.some((k) => !required.has(k) || !Number.isInteger(required.get(k)!.value) || required.get(k)!.value < 0 || required.get(k)!.value === cells[k])) return false;
  const after = (k: string) => required.get(k)?.value ?? read(k);
  const touching = identities.filter((id) => [...id.parts, ...id.totals].some((k) => required.has(k)));
  if (touching.some((id) => identityHolds(id, after) !== true)) return false;
  for (const key of suspects) {
    const { value, by } = required.get(key)!;
    const detail = details[key];
    const holding = touching.filter((id) => id !== by && [...id.parts, ...id.totals].includes(key)).map((id) => `${id.rule} (${id.where})`);
    const others = suspects.filter((o) => o !== key).map((o) => `${required.get(o)!.value} for ${o}`).join(', ');
    messages.push({ code: 'identity-resolved', message: `${key}: read '${detail.raw}' (${detail.doubt}); ${by.rule} (${by.where}) requires ${value}, and ${holding.join(', ')} then hold${holding.length === 1 ? 's' : ''} with ${others}, taken` });
    cells[key] = value;
    details[key] = { ...detail, doubt: 'identity-resolved' };
    spent.add(by);
  }
  return true;
}

/**
 * An identity that fails on cells a scan was read into may fail because of the OCR, not the report:
 * its OCR cells lose their certainty (ocr-identity-conflict), so the finding is on basis doubtful —
 * and the cells the other identities confirm get it back below.
 */
function markOcrConflicts(cells: CellValues, details: CellDetails, identities: Identity[], messages: Message[]): void {
  // Only OCR cells are marked: none, nothing to evaluate.
  if (!Object.keys(details).some((k) => details[k]?.prov?.origin === 'ocr')) return;
  const marked = new Set<string>();
  // Evaluated with what was read, a blank the scan may have lost as 0; a cell not read at all leaves it open.
  const read = (k: string) => readValue(cells, details, k);
  // One identity holding as read does not vouch for its cells: OCR misreads the same digits the same
  // way twice (75 read as 79 both as a row's only count and as its total), and the row then holds.
  for (const id of identities) {
    // A cell one identity confirmed may still be what makes this one fail: that identity held over a
    // reading OCR may have misread twice (79 for 75 as a row's count and as its total).
    // A blank OCR was sure of counts too: a digit it missed there breaks the identity as a misread one does.
    const ocr = [...id.parts, ...id.totals].filter((k) => details[k]?.prov?.origin === 'ocr' && k in cells && !details[k]?.doubt);
    // A cell not read (a dash OCR took for 一) leaves an identity open only while some value of it could make it hold.
    if (!ocr.length || !identityCannotHold(id, read)) continue;
    for (const k of ocr) marked.add(k);
  }
  for (const k of marked) details[k] = { ...details[k], doubt: 'ocr-identity-conflict' };
  if (marked.size) messages.push({ code: 'ocr-identity-conflict', message: `${marked.size} cells read by OCR take part in identities that do not hold; in doubt unless another identity confirms them` });
}
