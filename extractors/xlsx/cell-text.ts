/**
 * One spreadsheet cell as the text the rest of nianbao reads. Numbers are written out as the value
 * stored (not as the cell's display format: a count formatted "0" is still its stored value), with the
 * binary noise of a sum removed (18651.060000000001 → 18651.06, as Excel shows 15 significant digits).
 * A formula gives its cached value; a formula saved without one (a generator that never calculated)
 * gives no text and a doubt, because the value the sheet would show is unknown.
 */
import type { CellValue } from 'exceljs';

/** A code of src/templates/doubt.ts (a cached error such as #DIV/0! is text, read as unreadable downstream). */
export type CellDoubt = 'formula-without-value';

export interface CellText {
  text: string;
  doubt?: CellDoubt;
  /** The formula (=SUM(B2:G2), or 'shared from H2'), when the cell has one: for messages. */
  formula?: string;
}

/** Excel keeps 15 significant decimal digits; anything past them is floating-point noise. */
const SIGNIFICANT_DIGITS = 15;

export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(SIGNIFICANT_DIGITS)));
}

/** A date as ISO (2024-01-20), with the time only when it has one: report dates are days. */
function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  const iso = value.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

type Plain = number | string | boolean | Date | null | undefined;

function plainText(value: Plain): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  return value;
}

export function cellText(value: CellValue): CellText {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return { text: plainText(value) };
  if ('richText' in value) return { text: value.richText.map((run) => run.text ?? '').join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value && value.formula ? `=${value.formula}` : `shared from ${'sharedFormula' in value ? value.sharedFormula : '?'}`;
    const result = value.result;
    if (result === undefined || result === null) return { text: '', doubt: 'formula-without-value', formula };
    if (typeof result === 'object' && !(result instanceof Date)) return { text: result.error, formula };
    return { text: plainText(result), formula };
  }
  if ('error' in value) return { text: value.error };
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  return { text: '' };
}
