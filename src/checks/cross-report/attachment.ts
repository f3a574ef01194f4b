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
  /** The report's agency and year as read: a page and an attachment that say different ones are two reports. */
  agency?: string | null;
  year?: number | null;
  cells: Record<string, number | null>;
  cell_details: Record<string, { doubt: string | null }>;
}

export const RULE = 'crosscheck.same_report';

/**
 * A page may link other reports than its own (last year's, a department's, a zip of several years):
 * only an attachment that names no other agency or year than its page is checked against it, so
 * that two reports' differences are never a finding against the publisher.
 */
function sameReport(page: ReportCells, attachment: ReportCells): boolean {
  const differ = <T>(a: T | null | undefined, b: T | null | undefined): boolean => a !== null && a !== undefined && b !== null && b !== undefined && a !== b;
  return !differ(page.year, attachment.year) && !differ(page.agency, attachment.agency);
}

export function attachmentChecks(reports: ReportCells[]): Map<string, Finding[]> {
  const byUrl = new Map<string, ReportCells>();
  for (const r of reports) if (r.source_url && !r.parent_url) byUrl.set(r.source_url, r);
  const findings = new Map<string, Finding[]>();
  for (const attachment of reports) {
    const page = attachment.parent_url ? byUrl.get(attachment.parent_url) : undefined;
    if (!page || !sameReport(page, attachment)) continue;
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
