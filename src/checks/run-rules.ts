/**
 * Rules over a whole run, across reports, beside the per-report RULES of ./index.ts. A new run-level
 * rule is one new file plus one line in RUN_RULES. The run reads its records from disk in passes, so
 * a rule keeps only what it needs: `scan` sees every record once (copies with `duplicate_of` left
 * out); `gather`, when a rule has it, sees them again after every scan, for rules that must first learn
 * which records they need in full.
 */
import type { Finding, ReportRecord } from '../schemas/record.js';
import { normaliseAgency } from '../structure/agency.js';
import { yearFacts, type YearFacts } from './cross-year/facts.js';
import { runYearChecks, type YearCheck } from './cross-year/index.js';
import { attachmentChecks, RULE as SAME_REPORT, type ReportCells } from './cross-report/attachment.js';

export interface RunRuleResult {
  /** Findings to add to records, by report_id. */
  findings: Map<string, Finding[]>;
  /** Pairs of years compared (year_checks.csv). */
  yearChecks?: YearCheck[];
}

export interface RunRule {
  id: string;
  /** Every rule id its findings may carry. */
  emits: readonly string[];
  scan(record: ReportRecord): void;
  gather?(record: ReportRecord): void;
  /** After the scan: is a second pass needed at all? (Default: when `gather` exists.) */
  needsGather?(): boolean;
  finish(): RunRuleResult;
}

/** year.carry and year.in_force: each agency's consecutive years, one canonical copy per year. */
export function yearRules(): RunRule {
  const facts: YearFacts[] = [];
  return {
    id: 'year',
    emits: ['year.carry', 'year.in_force'],
    scan(record) {
      const f = yearFacts(record, normaliseAgency);
      if (f) facts.push(f);
    },
    finish() {
      const { checks, findings } = runYearChecks(facts);
      return { findings, yearChecks: checks };
    },
  };
}

/** A crawled report page and its attachment print the same numbers. */
export function sameReportRule(): RunRule {
  const pageUrls = new Set<string>();
  const pairs: ReportCells[] = [];
  return {
    id: SAME_REPORT,
    emits: [SAME_REPORT],
    scan(record) {
      if (record.parent_url) pageUrls.add(record.parent_url);
    },
    needsGather: () => pageUrls.size > 0,
    gather(r) {
      if (r.parent_url || (r.source_url && pageUrls.has(r.source_url))) pairs.push({ report_id: r.report_id, source: r.source, source_url: r.source_url, parent_url: r.parent_url, agency: r.agency, year: r.year, cells: r.cells, cell_details: r.cell_details });
    },
    finish: () => ({ findings: attachmentChecks(pairs) }),
  };
}

export const RUN_RULES: Array<() => RunRule> = [yearRules, sameReportRule];
