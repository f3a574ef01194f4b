/**
 * Reading one printed cell as a number. Real cells carry full-width digits and spaces, thousands
 * separators, units (251000元, 7730.28万元), signs (+2, -1) and blank markers ('-', '/', '无').
 */
import { BLANK_MARKERS, NUMBER_TOKEN, foldValueText } from '../../extractors/value-token.js';
import { memoString } from '../util/memo.js';
import type { ColumnDef } from './ids.js';

export type CellReading =
  | { kind: 'number'; value: number }
  | { kind: 'blank' }
  | { kind: 'text' };

/** NFKC folds full-width digits, signs and spaces to ASCII; the rest of the label text is left alone. */
export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}

/** Cell texts recur endlessly ('0', '1', '-'): each distinct text is read once; readings are shared, so frozen. */
export const readCell = memoString((raw: string): CellReading => Object.freeze(readCellText(raw)));

function readCellText(raw: string): CellReading {
  const text = foldValueText(raw);
  if (BLANK_MARKERS.has(text)) return { kind: 'blank' };
  const m = NUMBER_TOKEN.exec(text);
  if (!m) return { kind: 'text' };
  let value = Number(m[2].replace(/,/g, '') + (m[3] ?? ''));
  if (m[1] === '-' || m[1]?.startsWith('减')) value = -value;
  if (m[4] === '元') value = value / 10000; // amounts are recorded in 万元; a cell that says 元 is converted
  return { kind: 'number', value: roundAmount(value) };
}

/** Keeps decimal amounts exact to the cent of 万元 after the 元 → 万元 division (25.1, not 25.100000000000001). */
function roundAmount(v: number): number {
  // A whole number is exact already; scaled by 1e8 a large one would come back off by a fraction.
  return Number.isInteger(v) ? v : Math.round(v * 1e8) / 1e8;
}

/** Whether a reading is acceptable for a column (counts are integers, only signed columns go negative). */
export function fitsColumn(value: number, column: ColumnDef): boolean {
  if (column.kind === 'signed') return Number.isFinite(value);
  if (value < 0) return false;
  return column.kind === 'amount' || Number.isInteger(value);
}
