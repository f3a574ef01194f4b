/**
 * Year-to-year rules over a whole run: reports grouped by agency and year; each rule compares a
 * report with the same agency's report on the year before and reports on the later one. When a run
 * holds several copies of one agency's year (a page and its PDF attachment, a re-post), one is taken
 * as that year's report (`canonicalReport`), so each pair of years is checked once and year_checks.csv
 * grows with the number of agency-years, not the square of the files; the copies themselves are
 * compared cell by cell by the attachment rule (src/checks/cross-report/).
 */
import type { Finding } from '../../schemas/record.js';
import { cellKey, REQUEST_COLUMNS } from '../../templates/ids.js';
import type { YearFacts } from './facts.js';

export interface YearCheck {
  rule: 'year.carry' | 'year.in_force';
  agency: string;
  year: number;
  previous_year: number;
  report_id: string;
  previous_report_id: string;
  source: string;
  previous_source: string;
  /** Column (year.carry) or row (year.in_force) the comparison is about. */
  where: string;
  expected: number | null;
  actual: number | null;
  status: 'passed' | 'failed' | 'skipped';
  message: string;
}

export interface YearCheckResult {
  checks: YearCheck[];
  /** Findings to add to the later report of each failed pair, by report_id. */
  findings: Map<string, Finding[]>;
  messages: Map<string, string[]>;
}

export function runYearChecks(facts: YearFacts[]): YearCheckResult {
  const byAgency = new Map<string, Map<number, YearFacts[]>>();
  for (const f of facts) {
    const years = byAgency.get(f.agencyKey) ?? new Map<number, YearFacts[]>();
    years.set(f.year, [...(years.get(f.year) ?? []), f]);
    byAgency.set(f.agencyKey, years);
  }
  const result: YearCheckResult = { checks: [], findings: new Map(), messages: new Map() };
  for (const years of byAgency.values()) {
    for (const [year, reports] of [...years.entries()].sort((a, b) => a[0] - b[0])) {
      const previous = years.get(year - 1);
      if (!previous) continue;
      compare(canonicalReport(previous), canonicalReport(reports), result);
    }
  }
  return result;
}

/**
 * The copy of an agency's year the year rules use: the one with the most year cells read with
 * certainty; among equals, the first in input order.
 */
export function canonicalReport(copies: YearFacts[]): YearFacts {
  const certain = (f: YearFacts): number => Object.keys(f.cells).length - Object.keys(f.doubts).length;
  return copies.reduce((best, f) => (certain(f) > certain(best) ? f : best));
}

function compare(prev: YearFacts, cur: YearFacts, result: YearCheckResult): void {
  for (const c of REQUEST_COLUMNS) {
    const expected = prev.cells[cellKey('requests', 'carried_forward', c.id)];
    const actual = cur.cells[cellKey('requests', 'carried_over', c.id)];
    push(result, prev, cur, {
      rule: 'year.carry',
      where: c.id,
      expected: expected ?? null,
      actual: actual ?? null,
      cells: [cellKey('requests', 'carried_over', c.id)],
      previousCells: [cellKey('requests', 'carried_forward', c.id)],
      describe: (e, a) => `${c.label}: 上年结转 ${a} in ${cur.year}, but ${prev.year} reported 结转下年度 ${e}`,
    });
  }
  for (const row of ['rules', 'normative_documents']) {
    const prevInForce = prev.cells[cellKey('proactive', row, 'in_force')];
    const issued = cur.cells[cellKey('proactive', row, 'issued')];
    const repealed = cur.cells[cellKey('proactive', row, 'repealed')];
    const inForce = cur.cells[cellKey('proactive', row, 'in_force')];
    const known = [prevInForce, issued, repealed, inForce].every((v) => v !== undefined);
    push(result, prev, cur, {
      rule: 'year.in_force',
      where: row,
      expected: known && prevInForce !== null ? prevInForce + (issued ?? 0) - (repealed ?? 0) : null,
      actual: known ? (inForce ?? null) : null,
      cells: [cellKey('proactive', row, 'in_force'), cellKey('proactive', row, 'issued'), cellKey('proactive', row, 'repealed')],
      previousCells: [cellKey('proactive', row, 'in_force')],
      describe: (e, a) => `${row}: 现行有效 ${a} in ${cur.year}, but ${prev.year}'s ${prevInForce} + 制发 ${issued ?? 0} − 废止 ${repealed ?? 0} = ${e}`,
    });
  }
}

function push(
  result: YearCheckResult,
  prev: YearFacts,
  cur: YearFacts,
  c: {
    rule: YearCheck['rule'];
    where: string;
    expected: number | null;
    actual: number | null;
    cells: string[];
    /** The previous year's cells the expectation is computed from. */
    previousCells: string[];
    describe: (expected: number, actual: number) => string;
  },
): void {
  const base = {
    rule: c.rule,
    agency: cur.agency,
    year: cur.year,
    previous_year: prev.year,
    report_id: cur.report_id,
    previous_report_id: prev.report_id,
    source: cur.source,
    previous_source: prev.source,
    where: c.where,
    expected: c.expected,
    actual: c.actual,
  };
  if (c.expected === null || c.actual === null) {
    result.checks.push({ ...base, status: 'skipped', message: 'a cell needed for the comparison is blank or not in one of the reports' });
    return;
  }
  if (c.expected === c.actual) {
    result.checks.push({ ...base, status: 'passed', message: '' });
    return;
  }
  const message = c.describe(c.expected, c.actual);
  result.checks.push({ ...base, status: 'failed', message });
  const list = result.findings.get(cur.report_id) ?? [];
  list.push({
    rule: c.rule,
    severity: 'error',
    cells: c.cells,
    where: c.where,
    expected: c.expected,
    actual: c.actual,
    left: c.actual,
    right: c.expected,
    message: `${message} (previous report: ${prev.source})`,
    basis: c.cells.some((k) => cur.doubts[k]) || c.previousCells.some((k) => prev.doubts[k]) ? 'doubtful' : 'printed',
  });
  result.findings.set(cur.report_id, list);
}
