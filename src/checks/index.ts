import type { Finding, ReportRecord } from '../schemas/record.js';

export function runChecks(_record: ReportRecord): Finding[] {
  return [];
}
