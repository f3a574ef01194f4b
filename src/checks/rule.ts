import type { Message } from '../../extractors/model.js';
import type { Basis, Finding, ReportRecord } from '../schemas/record.js';
import { SHOWN_BLANK_DOUBTS } from '../templates/doubt.js';

/**
 * A finding as a rule states it; its basis is derived from the cells it names (see `basisOf`), and is
 * doubtful whatever they are when `readInDoubt`: a figure outside the cells was itself read uncertainly
 * (a prose sentence read by OCR).
 */
export type Check = Omit<Finding, 'basis'> & { readInDoubt?: boolean };

/** What a rule may say besides findings: that it could not check a place, and why. */
export interface RuleContext {
  skip(rule: string, where: string, unread: string[]): void;
}

/** One reconciliation rule: declared against observed, a finding for each place it fails. */
export interface Rule {
  id: string;
  /** Every rule id its findings and check-skipped messages may carry (src/checks/index.ts lists them all). */
  emits: readonly string[];
  check(record: ReportRecord, ctx: RuleContext): Check[];
}

/** Blank cells are null in the data and count as 0 in sums. */
export function sumOf(cells: ReportRecord['cells'], keys: string[]): number {
  let s = 0;
  for (const k of keys) s += cells[k] ?? 0;
  return Math.round(s * 1e6) / 1e6;
}

/**
 * Cells the document did not let us read: not found at all, or left blank because the reading was
 * in doubt. A blank the report printed ('', '-', '无') is read, and counts as 0 — also one in doubt
 * whether the report printed it (SHOWN_BLANK_DOUBTS): findings on it are then on basis doubtful.
 */
export function unreadCells(record: Pick<ReportRecord, 'cells' | 'cell_details'>, keys: string[]): string[] {
  return keys.filter((k) => {
    if (!(k in record.cells)) return true;
    const doubt = record.cell_details[k]?.doubt;
    return record.cells[k] === null && !!doubt && !SHOWN_BLANK_DOUBTS.has(doubt);
  });
}

/** `printed` when every cell was read with certainty, else `doubtful`. */
export function basisOf(record: Pick<ReportRecord, 'cell_details'>, keys: string[]): Basis {
  return keys.some((k) => !!record.cell_details[k]?.doubt) ? 'doubtful' : 'printed';
}

export function skippedMessage(rule: string, where: string, unread: string[]): Message {
  return {
    code: 'check-skipped',
    message: `${rule} (${where}) not checked: ${unread.slice(0, 6).join(', ')}${unread.length > 6 ? ', …' : ''} not read with certainty`,
  };
}

/**
 * An identity `parts sum to total` as a finding when it fails, else nothing. `expected` is the sum of
 * the parts (what the identity computes), `actual` the printed total. Not checked when any of its
 * cells was not read: a failure on blanks the document never printed would blame the publisher for us.
 */
export function identity(
  rule: string,
  where: string,
  record: ReportRecord,
  ctx: RuleContext,
  parts: string[],
  totals: string[],
  describe: (left: number, right: number) => string,
): Check[] {
  const keys = [...parts, ...totals];
  if (!keys.some((k) => k in record.cells)) return [];
  const unread = unreadCells(record, keys);
  if (unread.length) {
    ctx.skip(rule, where, unread);
    return [];
  }
  const left = sumOf(record.cells, parts);
  const right = sumOf(record.cells, totals);
  if (left === right) return [];
  return [{ rule, severity: 'error', cells: keys, where, expected: left, actual: right, left, right, message: describe(left, right) }];
}
