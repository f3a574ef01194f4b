import { csvWriter } from './csv-writer.js';

const ERROR_SEVERITY = new Set(['error']);

/** reports.csv: one row per input document. */
export const reportsCsv = () =>
  csvWriter(
    'reports.csv',
    [
      'report_id', 'source', 'format', 'status', 'agency', 'year', 'published',
      'layout_proactive', 'layout_requests', 'layout_appeals', 'findings', 'error',
      'title', 'publisher', 'source_url', 'sha256', 'findings_errors', 'messages', 'doubtful_cells', 'findings_doubtful',
      'error_code', 'duplicate_of',
    ],
    (r) => [[
      r.report_id, r.source, r.format, r.status, r.agency, r.year, r.published,
      r.layout.proactive, r.layout.requests, r.layout.appeals, r.findings.length, r.error,
      r.title, r.publisher, r.source_url, r.sha256,
      r.findings.filter((f) => ERROR_SEVERITY.has(f.severity)).length, r.messages.length,
      Object.values(r.cell_details).filter((d) => d.doubt).length, r.findings.filter((f) => f.basis === 'doubtful').length,
      r.error_code, r.duplicate_of,
    ]],
  );
