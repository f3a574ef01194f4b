import type { Finding, ReportRecord } from '../schemas/record.js';

/** One reconciliation rule: declared against observed, a finding for each place it fails. */
export interface Rule {
  id: string;
  check(record: ReportRecord): Finding[];
}

/** Blank cells are null in the data and count as 0 in sums. */
export function sumOf(cells: ReportRecord['cells'], keys: string[]): number {
  let s = 0;
  for (const k of keys) s += cells[k] ?? 0;
  return Math.round(s * 1e6) / 1e6;
}

/** An identity `parts sum to total` as a finding when it fails, else nothing. */
export function identity(
  rule: string,
  where: string,
  cells: ReportRecord['cells'],
  parts: string[],
  totals: string[],
  describe: (left: number, right: number) => string,
): Finding[] {
  const present = [...parts, ...totals].some((k) => k in cells);
  if (!present) return [];
  const left = sumOf(cells, parts);
  const right = sumOf(cells, totals);
  if (left === right) return [];
  return [
    {
      rule,
      severity: 'error',
      cells: [...parts, ...totals],
      where,
      expected: right,
      actual: left,
      left,
      right,
      message: describe(left, right),
    },
  ];
}
