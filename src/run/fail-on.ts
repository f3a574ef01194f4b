/**
 * `extract --fail-on`: which outcomes make a completed run exit non-zero, so a pipeline
 * (`extract … && publish`) can stop on them. Documents that failed stay in the outputs either way.
 * - failed: any document failed;
 * - error: any finding of severity error;
 * - printed-error: any error on basis `printed` (the report itself is inconsistent, not our reading).
 * The decision is this one function; a review step may narrow it (e.g. a finding a reviewer dismissed)
 * by passing `ignore`.
 */
import type { Finding, ReportRecord } from '../schemas/record.js';

export const FAIL_ON = ['failed', 'error', 'printed-error'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** A finding that no longer counts (dismissed by a reviewer, say). */
export type IgnoreFinding = (record: ReportRecord, finding: Finding) => boolean;

/** The exit status of a run that completed but left something --fail-on names. */
export const FAIL_ON_EXIT_CODE = 3;

/** Does this record trip any of the `failOn` conditions? */
export function recordFailsRun(record: ReportRecord, failOn: readonly FailOn[], ignore: IgnoreFinding = () => false): boolean {
  if (failOn.includes('failed') && record.status === 'failed') return true;
  return record.findings.some(
    (f) =>
      f.severity === 'error' &&
      !ignore(record, f) &&
      (failOn.includes('error') || (failOn.includes('printed-error') && f.basis === 'printed')),
  );
}
