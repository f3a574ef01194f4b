/**
 * The lines a layout text is read into (./layout.ts): a label with its values, a line of text with its
 * cells, a blank line, page furniture. Readers of wrapped cells (./wrapped-numbers.ts) rewrite them in place.
 */
import type { PlacedRow, Span } from './header-columns.js';

/** Longest line kept aside as a possible table header or label fragment (characters). */
export const MAX_FRAGMENT_CHARS = 40;

export interface NumericLine {
  kind: 'numeric';
  label: string;
  values: string[];
  /** Character column where each value starts (whitespace-separated lines only). */
  columns?: number[];
  /** A doubt for a value (by index) the reader put together: see joinWrappedNumbers. */
  doubts?: Map<number, string>;
  /** Where the label and each value stand on the line (whitespace-separated lines only): see header-columns.ts. */
  positions?: PlacedRow;
  /** The label's cells (a column's gap apart) and the character column each starts at (layout text only). */
  labelCells?: Array<{ text: string; at: number }>;
}
export interface TextLine {
  kind: 'text';
  text: string;
  cells: string[];
  indented: boolean;
  /** Display column where the text starts (layout text keeps columns as runs of spaces). */
  indent: number;
  /** Characters before the text (its column on pdftotext's character grid). */
  indentChars: number;
  /** Where each of its cells stands on the line (a header's words over their columns). */
  spans?: Span[];
}
export type Line = NumericLine | TextLine | { kind: 'blank' } | { kind: 'page' };
