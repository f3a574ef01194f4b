import { isDataRow, SEPARATORS, tablePieces, type DataRow, type Row, type TablePiece } from '../model.js';
import type { Random } from '../random.js';
import type { Axis, Draft } from './axis.js';

/**
 * Tables whose set of rows is not the template's: a row left out (most often one the agency had nothing
 * for, all zeros, but also one with counts), two sibling rows printed in each other's place, and a row
 * of the agency's own inserted under a template row (其中：网上申请…). Cells follow their labels: a left-out
 * row's cells are not printed (blank is right, never a neighbour's value), swapped rows keep their own
 * values, and an inserted row's values belong to no cell. Each variant takes one kind by its index, the
 * later ones two kinds at once; text variants also take one of the five separators (glued among them).
 */
export const rowSet: Axis = {
  id: 'row-set',
  apply(draft, random) {
    const kinds = draft.index < KINDS.length ? [KINDS[draft.index]] : random.sample(KINDS, 2);
    for (const kind of kinds) APPLY[kind](draft, random);
    // Text as crawlers leave it: the glued reader finds a table by the chain of its row labels, which these rows break.
    if (draft.format === 'txt') {
      draft.separator = random.fork('separator').pick(SEPARATORS);
      draft.notes.push(`separator ${draft.separator}`);
    }
  },
};

const KINDS = ['omit-zero', 'omit', 'swap', 'insert', 'omit-two'] as const;
type Kind = (typeof KINDS)[number];

/** Labels agencies add under a template row of table 三 (a part of the row's count). */
const INSERTED = ['其中：网上申请', '其中：当面申请', '其中：信函申请', '其中：涉及个人隐私', '其中：依法告知'];

interface Place {
  piece: TablePiece;
  row: DataRow;
}

/** The labelled template rows that print values (not table 四's single unlabelled row). */
function labelledRows(draft: Draft): Place[] {
  return tablePieces(draft.model).flatMap((piece) =>
    piece.rows.filter((r): r is DataRow => isDataRow(r) && r.id !== '' && r.values.length > 0 && r.values.every((v) => v.key)).map((row) => ({ piece, row })),
  );
}

const isZeroRow = (row: DataRow): boolean => row.values.every((v) => v.text === '' || Number(v.text) === 0);

function omit(draft: Draft, place: Place): void {
  const at = place.piece.rows.indexOf(place.row);
  place.piece.rows.splice(at, 1);
  // The next row prints the group headings the left-out row carried (a renderer prints a group once, on its first row).
  for (const v of place.row.values) if (v.key) draft.notPrinted.add(v.key);
  draft.notes.push(`row ${place.row.id} left out`);
}

const APPLY: Record<Kind, (draft: Draft, random: Random) => void> = {
  'omit-zero'(draft, random) {
    const places = labelledRows(draft);
    const zeros = places.filter((p) => isZeroRow(p.row));
    const pool = zeros.length ? zeros : places;
    if (pool.length) omit(draft, random.pick(pool));
  },
  omit(draft, random) {
    const places = labelledRows(draft);
    const counted = places.filter((p) => !isZeroRow(p.row));
    const pool = counted.length ? counted : places;
    if (pool.length) omit(draft, random.pick(pool));
  },
  'omit-two'(draft, random) {
    const places = labelledRows(draft);
    for (const place of random.sample(places, Math.min(2, places.length))) omit(draft, place);
  },
  swap(draft, random) {
    const pairs: [TablePiece, number][] = [];
    for (const piece of tablePieces(draft.model)) {
      for (let i = 0; i + 1 < piece.rows.length; i++) {
        const [a, b] = [piece.rows[i], piece.rows[i + 1]];
        if (siblings(a, b)) pairs.push([piece, i]);
      }
    }
    if (!pairs.length) return;
    const [piece, i] = random.pick(pairs);
    const [a, b] = piece.rows.slice(i, i + 2) as DataRow[];
    piece.rows.splice(i, 2, b, a);
    draft.notes.push(`rows ${a.id} and ${b.id} printed in each other's place`);
  },
  insert(draft, random) {
    const places = labelledRows(draft).filter((p) => p.piece.table === 'requests' && p.row.values.length > 1);
    if (!places.length) return;
    const { piece, row } = random.pick(places);
    const label = random.pick(INSERTED);
    const counts = row.values.map((v) => (/^\d+$/.test(v.text) ? Number(v.text) : null));
    // A part of the row: each column at most the row's; the last column (总计) the sum of the others when the row prints one.
    const parts = counts.slice(0, -1).map((c) => (c === null ? null : random.int(0, c)));
    const total = parts.reduce<number>((sum, c) => sum + (c ?? 0), 0);
    const values = [...parts, counts[counts.length - 1] === null ? null : total].map((c) => ({ text: c === null ? '' : String(c) }));
    const inserted: DataRow = { id: '', groups: row.groups, label: [label], valueLine: 0, wrap: 'lines', values };
    piece.rows.splice(piece.rows.indexOf(row) + 1, 0, inserted);
    draft.notes.push(`a row of the agency's own (${label}) under ${row.id}`);
  },
};

/** Two rows of one group, each with its own label and values: printing one in the other's place keeps the table's shape. */
function siblings(a: Row, b: Row): boolean {
  if (!isDataRow(a) || !isDataRow(b) || !a.id || !b.id) return false;
  if (a.values.length !== b.values.length || !a.values.length) return false;
  return a.groups.length === b.groups.length && a.groups.every((g, i) => g === b.groups[i]);
}
