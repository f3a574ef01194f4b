/**
 * A report page and the attachment it links (the same report as PDF/DOC/DOCX) must print the same
 * numbers. Every cell both give a number for is compared; each disagreement is a finding on the
 * attachment naming the cell, the page's value (expected) and the attachment's (actual).
 */
import type { Finding } from '../../schemas/record.js';

export interface ReportCells {
  report_id: string;
  source: string;
  source_url?: string;
  parent_url?: string;
  cells: Record<string, number | null>;
  cell_details: Record<string, { doubt: string | null }>;
}

export const RULE = 'crosscheck.same_report';

export function attachmentChecks(reports: ReportCells[]): Map<string, Finding[]> {
  const byUrl = new Map<string, ReportCells>();
  for (const r of reports) if (r.source_url && !r.parent_url) byUrl.set(r.source_url, r);
  const findings = new Map<string, Finding[]>();
  for (const attachment of reports) {
    const page = attachment.parent_url ? byUrl.get(attachment.parent_url) : undefined;
    if (!page) continue;
    const list: Finding[] = [];
    for (const [key, value] of Object.entries(attachment.cells)) {
      const other = page.cells[key];
      if (value === null || other === null || other === undefined || value === other) continue;
      const doubtful = !!attachment.cell_details[key]?.doubt || !!page.cell_details[key]?.doubt;
      list.push({
        rule: RULE,
        severity: 'error',
        cells: [key],
        where: key,
        expected: other,
        actual: value,
        message: `${key}: the attachment prints ${value}, its report page ${page.source_url} prints ${other}`,
        basis: doubtful ? 'doubtful' : 'printed',
      });
    }
    if (list.length) findings.set(attachment.report_id, list);
  }
  return findings;
}
