/**
 * A record scored against its variant's truth: every truth cell is exact, blank-or-doubtful, silently
 * wrong (a different number with no doubt) or missing (no such cell in the record); every finding on
 * basis `printed` (a missing basis counts as printed) is earned or not; every published error the
 * variant still prints is found or missed.
 */
import type { ReportRecord } from '../../src/schemas/record.js';
import { CELL_BY_KEY } from '../../src/templates/ids.js';
import { fitsColumn } from '../../src/templates/numbers.js';
import { IDENTITY_RULES } from './expected.js';
import type { LegacyStatRow } from './axes/index.js';
import type { VariantTruth } from './generate.js';
import type { ExpectedFinding } from './truths.js';

export type CellVerdict = 'exact' | 'blank-or-doubt' | 'wrong' | 'missing';

export interface CellOutcome {
  key: string;
  truth: number | null;
  notPrinted: boolean;
  got: number | null | undefined;
  doubt: string | null;
  raw?: string;
  verdict: CellVerdict;
}

export interface FindingRef {
  rule: string;
  where?: string;
  basis: string;
  expected: number | null;
  actual: number | null;
  message: string;
}

export interface VariantScore {
  id: string;
  axis: string;
  format: string;
  file: string;
  status: string;
  error?: string;
  agencyOk: boolean;
  yearOk: boolean;
  /** An agency or year given that differs from the truth's (not merely left blank): metadata silently wrong. */
  metadataWrong: boolean;
  /** Every table recognised in the truth's layout (a wrong layout also shows as missing cells). */
  layoutOk: boolean;
  cells: number;
  exact: number;
  blankOrDoubt: number;
  wrong: number;
  missing: number;
  /** Cells that are not exact, for the failure report. */
  misses: CellOutcome[];
  unearned: FindingRef[];
  missed: ExpectedFinding[];
  /** Expected findings present only on basis doubtful. */
  expectedDoubtful: ExpectedFinding[];
}

/** The fields the checked-doubt contract adds, read without depending on when they land in the schema. */
const doubtOf = (record: ReportRecord, key: string): string | null => (record.cell_details?.[key] as { doubt?: string | null } | undefined)?.doubt ?? null;
const basisOf = (finding: ReportRecord['findings'][number]): string => (finding as { basis?: string }).basis ?? 'printed';

export function scoreCell(key: string, truth: number | null, notPrinted: boolean, record: ReportRecord): CellOutcome {
  const present = key in record.cells;
  const got = present ? record.cells[key] : undefined;
  const doubt = doubtOf(record, key);
  const base = { key, truth, notPrinted, got, doubt, raw: record.cell_details?.[key]?.raw };
  if (!present) return { ...base, verdict: 'missing' };
  const same = got !== null && got !== undefined && truth !== null && Math.abs(got - truth) < 1e-6;
  // A cell the variant does not print as a number (dropped, or text such as 见附件) read blank is read as
  // the document prints it, as a blank truth cell read blank is.
  if (notPrinted) return { ...base, verdict: got === null ? 'exact' : doubt !== null ? 'blank-or-doubt' : same ? 'exact' : 'wrong' };
  if (truth === null) return { ...base, verdict: got === null ? 'exact' : doubt !== null ? 'blank-or-doubt' : 'wrong' };
  if (same) return { ...base, verdict: 'exact' };
  return { ...base, verdict: got === null || doubt !== null ? 'blank-or-doubt' : 'wrong' };
}

/** Does a finding on basis printed state something the variant's document does not say? */
function unearned(finding: ReportRecord['findings'][number], truth: VariantTruth, expected: ExpectedFinding[]): boolean {
  const printedNumber = (key: string): boolean => !truth.not_printed.includes(key) && truth.cells[key] !== null && truth.cells[key] !== undefined;
  if (IDENTITY_RULES.includes(finding.rule)) return !expected.some((e) => e.rule === finding.rule && e.where === finding.where);
  // The generated prose agrees with every printed cell.
  if (finding.rule.startsWith('prose.')) return finding.cells.every(printedNumber);
  if (finding.rule === 'completeness') return finding.cells.some(printedNumber);
  if (finding.rule === 'values.domain') {
    const key = finding.cells[0];
    const def = CELL_BY_KEY.get(key);
    const value = truth.cells[key];
    return printedNumber(key) && !!def && value !== null && fitsColumn(value, def.column);
  }
  return false; // run-wide rules (year.*, attachments) are not about this document alone
}

export function scoreRecord(truth: VariantTruth, record: ReportRecord | undefined): VariantScore {
  const score: VariantScore = {
    id: truth.id,
    axis: truth.axis,
    format: truth.format,
    file: truth.file,
    status: record?.status ?? 'no record',
    error: record?.error,
    agencyOk: record?.agency === truth.agency,
    yearOk: record?.year === truth.year,
    metadataWrong: (record?.agency != null && record.agency !== truth.agency) || (record?.year != null && record.year !== truth.year),
    layoutOk: !!record && (['proactive', 'requests', 'appeals'] as const).every((t) => record.layout[t] === truth.layout[t]),
    cells: 0,
    exact: 0,
    blankOrDoubt: 0,
    wrong: 0,
    missing: 0,
    misses: [],
    unearned: [],
    missed: [],
    expectedDoubtful: [],
  };
  const empty = { cells: {}, cell_details: {}, findings: [] } as unknown as ReportRecord;
  const r = record ?? empty;
  const tally = (outcome: CellOutcome): void => {
    score.cells++;
    if (outcome.verdict === 'exact') score.exact++;
    else {
      score.misses.push(outcome);
      if (outcome.verdict === 'blank-or-doubt') score.blankOrDoubt++;
      else if (outcome.verdict === 'wrong') score.wrong++;
      else score.missing++;
    }
  };
  for (const [key, value] of Object.entries(truth.cells)) tally(scoreCell(key, value, truth.not_printed.includes(key), r));
  for (const [column, rows] of [['legacy_stats', truth.legacy_stats], ['legacy_stats_cumulative', truth.legacy_stats_cumulative]] as const) {
    if (rows) scoreLegacyRows(column, rows, r[column] ?? []).forEach(tally);
  }
  for (const finding of r.findings) {
    if (basisOf(finding) !== 'printed' || !unearned(finding, truth, truth.expected_findings)) continue;
    score.unearned.push({ rule: finding.rule, where: finding.where, basis: basisOf(finding), expected: finding.expected, actual: finding.actual, message: finding.message });
  }
  for (const e of truth.expected_findings) {
    const found = r.findings.filter((f) => f.rule === e.rule && f.where === e.where);
    if (!found.length) score.missed.push(e);
    else if (!found.some((f) => basisOf(f) === 'printed')) score.expectedDoubtful.push(e);
  }
  return score;
}

/** An indicator or unit as compared: layout may add or drop spaces and change a character's width; a dash is no unit. */
const legacyText = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '').replace(/^[-—–/]$/, '');

/**
 * A pre-2019 statistics table's rows scored as cells: each truth row is found in the record by its
 * indicator (and which occurrence of it: forms repeat 被依法纠错数), its value then scored as a cell is
 * (a number other than the truth's with no doubt is silently wrong); a row read under another unit is
 * wrong whatever its value, unless its reading is in doubt.
 */
export function scoreLegacyRows(column: string, truth: LegacyStatRow[], read: { indicator: string; unit: string; value: number | null; doubt?: string }[]): CellOutcome[] {
  const seen = new Map<string, number>();
  const occurrence = (indicator: string): string => {
    const n = (seen.get(indicator) ?? 0) + 1;
    seen.set(indicator, n);
    return `${indicator}#${n}`;
  };
  const byKey = new Map(read.map((row) => [occurrence(legacyText(row.indicator)), row]));
  seen.clear();
  return truth.map(([indicator, unit, value]) => {
    const key = occurrence(legacyText(indicator));
    const row = byKey.get(key);
    const base = { key: `${column}:${key}`, truth: value, notPrinted: false, got: row?.value, doubt: row?.doubt ?? null, raw: row ? `${row.unit} ${row.value}` : undefined };
    if (!row) return { ...base, verdict: 'missing' as const };
    const inDoubt = row.value === null || row.doubt !== undefined;
    if (legacyText(row.unit) !== legacyText(unit)) return { ...base, verdict: inDoubt ? ('blank-or-doubt' as const) : ('wrong' as const) };
    if (row.value !== null && value !== null && Math.abs(row.value - value) < 1e-6) return { ...base, verdict: 'exact' as const };
    if (value === null && row.value === null) return { ...base, verdict: 'exact' as const };
    return { ...base, verdict: inDoubt ? ('blank-or-doubt' as const) : ('wrong' as const) };
  });
}
