/**
 * <crawl dir>/coverage.csv: for each portal (seed) and year, the report found or "missing", and
 * whether it was published by the legal deadline. Under the 2019 Regulation on Open Government
 * Information (arts. 49-50), departments of governments at county level and above publish by
 * 31 January of the next year, and people's governments at county level and above by 31 March.
 * A report is called late (or on time) only on a date the publisher states on its page; a date from
 * the URL or the server's Last-Modified header is shown with its date_source, and on_time is unknown.
 */
import { join } from 'node:path';
import { atomicWrite } from '../util/atomic.js';
import { BOM, csvLines } from '../writers/csv-writer.js';
import type { ManifestEntry } from './manifest.js';
import { PUBLISHER_DATE_SOURCES, reportYear, type DateSource } from './page-metadata.js';
import { agencyFromTitle } from '../structure/agency.js';

export const COVERAGE_FILE = 'coverage.csv';

export type AgencyLevel = 'government' | 'department';

export interface CoverageRow {
  portal: string;
  year: number;
  status: 'found' | 'missing';
  title: string;
  url: string;
  published_at: string;
  /** Where published_at came from: page-label, page-meta, url, http-header (empty when there is no date). */
  date_source: DateSource | '';
  agency: string;
  agency_level: AgencyLevel | '';
  deadline: string;
  on_time: 'yes' | 'no' | 'unknown' | '';
}

const COLUMNS: Array<keyof CoverageRow> = ['portal', 'year', 'status', 'title', 'url', 'published_at', 'date_source', 'agency', 'agency_level', 'deadline', 'on_time'];

/**
 * A people's government, or a government-level management committee (管委会 of a zone), or a bare
 * place name (the report of 某某区 is its government's): 31 March. Everything else, including
 * 人民政府办公室 and township-level bodies, is held to the departments' 31 January.
 */
export function agencyLevel(agency: string): AgencyLevel {
  const name = agency.trim();
  if (/(人民政府|管委会|管理委员会)$/.test(name)) return 'government';
  if (/(乡|镇|街道|村|社区)$/.test(name)) return 'department';
  if (/(省|市|区|县|旗|州|盟|自治区|自治州|自治县|实验区|新区|开发区)$/.test(name)) return 'government';
  return 'department';
}

export function legalDeadline(year: number, level: AgencyLevel): string {
  return level === 'government' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}

export interface CoverageOptions {
  seeds: string[];
  /** Inclusive; when absent, from the earliest report found to last year. */
  years?: { from: number; to: number };
  reportPattern: RegExp;
  now?: Date;
}

export function buildCoverage(entries: ManifestEntry[], options: CoverageOptions): CoverageRow[] {
  const reports = entries
    .filter((entry) => (entry.kind === 'page' || entry.kind === 'attachment') && entry.path !== null)
    .map((entry) => ({ ...entry, title: reportTitle(entry, options.reportPattern) }))
    .filter((entry) => entry.title !== null);
  const years = options.years ?? defaultYears(reports, options.now ?? new Date());
  const rows: CoverageRow[] = [];
  for (const portal of options.seeds) {
    for (let year = years.from; year <= years.to; year++) {
      const candidates = reports.filter((entry) => entry.seed === portal && reportYear(entry.title) === year);
      const best = candidates.sort(preferPagesThenEarliest)[0];
      rows.push(best ? foundRow(portal, year, best) : missingRow(portal, year));
    }
  }
  return rows;
}

/** The page's own title when it names a year and reads as a report, else the link text that led to it. */
function reportTitle(entry: ManifestEntry, reportPattern: RegExp): string | null {
  for (const candidate of [entry.title, entry.link_text]) {
    if (candidate && reportYear(candidate) !== null && reportPattern.test(candidate)) return candidate;
  }
  return null;
}

function defaultYears(reports: ManifestEntry[], now: Date): { from: number; to: number } {
  const lastYear = now.getUTCFullYear() - 1;
  const found = reports.map((entry) => reportYear(entry.title) as number).filter((year) => year <= lastYear);
  return { from: found.length ? Math.min(...found) : lastYear, to: lastYear };
}

/** The report page is the publication; its PDF is the same report. Reposts later than the first don't count. */
function preferPagesThenEarliest(a: ManifestEntry, b: ManifestEntry): number {
  if (a.kind !== b.kind) return a.kind === 'page' ? -1 : 1;
  return (a.published_at ?? '9999').localeCompare(b.published_at ?? '9999') || a.url.localeCompare(b.url);
}

function foundRow(portal: string, year: number, entry: ManifestEntry): CoverageRow {
  const title = entry.title ?? '';
  // Read as the report's own title is (src/structure/agency.ts): year first, 关于…的报告, 政务公开 wordings.
  const agency = agencyFromTitle(title) ?? (entry.publisher || '');
  const level = agencyLevel(agency);
  const deadline = legalDeadline(year, level);
  const published = entry.published_at ?? '';
  const source = entry.published_source ?? null;
  const stated = published !== '' && source !== null && PUBLISHER_DATE_SOURCES.includes(source);
  return {
    portal,
    year,
    status: 'found',
    title,
    url: entry.final_url ?? entry.url,
    published_at: published,
    date_source: published ? (source ?? '') : '',
    agency,
    agency_level: level,
    deadline,
    on_time: stated ? (published <= deadline ? 'yes' : 'no') : 'unknown',
  };
}

function missingRow(portal: string, year: number): CoverageRow {
  return { portal, year, status: 'missing', title: '', url: '', published_at: '', date_source: '', agency: '', agency_level: '', deadline: '', on_time: '' };
}

/** UTF-8 with a BOM so that Excel on Chinese Windows opens it right; quoted and neutralised as every dataset. */
export async function writeCoverage(crawlDir: string, rows: CoverageRow[]): Promise<void> {
  await atomicWrite(join(crawlDir, COVERAGE_FILE), BOM + csvLines([COLUMNS, ...rows.map((row) => COLUMNS.map((column) => row[column]))]));
}
