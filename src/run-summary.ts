/** The run summary: what a user reads at the end of a run, and summary.json beside the datasets. */
import type { ReportRecord } from './schemas/record.js';
import type { Writer } from './writers/writer.js';
import { EXCEL_MAX_ROWS } from './limits.js';

export interface RunSummary {
  documents: number;
  ok: number;
  partial: number;
  failed: number;
  findings_by_rule: Record<string, number>;
  messages_by_code: Record<string, number>;
  /** Failed records counted by `error_code`. */
  failures_by_code: Record<string, number>;
  errors: Array<{ source: string; error: string; error_code?: string }>;
  missing_inputs: string[];
  started_at: string;
  finished_at?: string;
  seconds?: number;
  /** Documents taken from the journal of an earlier, interrupted run. */
  resumed?: number;
  /** With --fail-on: the records that trip it. */
  failing?: number;
  /** Set when the run was stopped before the end (Ctrl-C): no dataset was written. */
  aborted?: boolean;
  peak_rss_mb?: number;
  /** CSV datasets with more rows than a spreadsheet shows (Excel and WPS stop at 1,048,576 rows). */
  too_long_for_excel?: Array<{ file: string; rows: number }>;
}

/** The CSV datasets a spreadsheet would cut short (header line included in the count). */
export function tooLongForExcel(writers: Writer[]): Array<{ file: string; rows: number }> {
  return writers.flatMap((w) => {
    const rows = w.rows?.();
    return rows !== undefined && rows + 1 > EXCEL_MAX_ROWS ? [{ file: w.file, rows }] : [];
  });
}

export function newSummary(missing: string[] = []): RunSummary {
  return {
    documents: 0, ok: 0, partial: 0, failed: 0, findings_by_rule: {}, messages_by_code: {}, failures_by_code: {}, errors: [],
    missing_inputs: missing, started_at: new Date().toISOString(),
  };
}

export function countRecord(summary: RunSummary, record: ReportRecord): void {
  summary.documents++;
  summary[record.status]++;
  for (const f of record.findings) summary.findings_by_rule[f.rule] = (summary.findings_by_rule[f.rule] ?? 0) + 1;
  for (const m of record.messages) summary.messages_by_code[m.code] = (summary.messages_by_code[m.code] ?? 0) + 1;
  if (record.status === 'failed') {
    const code = record.error_code ?? 'crash';
    summary.failures_by_code[code] = (summary.failures_by_code[code] ?? 0) + 1;
    summary.errors.push({ source: record.source, error: record.error ?? 'unknown error', error_code: code });
  }
}

export function formatSummary(s: RunSummary, outDir: string): string {
  const lines = [
    `${s.documents} documents: ${s.ok} ok, ${s.partial} partial, ${s.failed} failed${s.seconds !== undefined ? ` in ${s.seconds.toFixed(1)} s` : ''}` +
      (s.resumed ? ` (${s.resumed} resumed from an earlier run)` : ''),
  ];
  const rules = Object.entries(s.findings_by_rule).sort((a, b) => b[1] - a[1]);
  if (rules.length) lines.push('findings by rule: ' + rules.map(([r, n]) => `${r} ${n}`).join(', '));
  for (const e of s.errors.slice(0, 10)) lines.push(`failed: ${e.source}: ${e.error}`);
  if (s.errors.length > 10) lines.push(`… ${s.errors.length - 10} more failed (see reports.csv)`);
  for (const m of s.missing_inputs) lines.push(`no such file or no match: ${m}`);
  for (const t of s.too_long_for_excel ?? []) {
    lines.push(`${t.file} has ${t.rows.toLocaleString('en')} rows: Excel and WPS show only the first ${(EXCEL_MAX_ROWS - 1).toLocaleString('en')}; use nianbao.sqlite or parquet/ for the whole table`);
  }
  lines.push(`outputs in ${outDir}`);
  return lines.join('\n');
}
