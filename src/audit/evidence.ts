/**
 * Where each value was read, in a form a browser shows offline: for a PDF, PNG images of the pages
 * that hold cells (pdftoppm), on which the site draws each cell's box; for HTML, DOCX and text, the
 * source's own tables as read (re-read from the source file), on which the site marks the cell; for
 * text whose rows were printed glued together, the source line holding the glued digits.
 */
import { execFile } from 'node:child_process';
import { access, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { detectReader } from '../../extractors/detect.js';
import { tablesOf } from '../../extractors/positions.js';
import { decodeText } from '../../extractors/text-decode.js';
import type { ReportRecord } from '../schemas/record.js';

const run = promisify(execFile);

/** Page images are rendered at this resolution: legible digits, ~100 KB a page. */
export const PAGE_DPI = 100;

export interface PageImage {
  /** File name inside the site's pages/ folder. */
  file: string;
  /** Page size in PDF points (the unit of the cells' boxes). */
  width: number;
  height: number;
}

/** A cell's place in a text source: its line (1-based) and the text around it, the printed text marked. */
export interface TextLine {
  line: number;
  before: string;
  match: string;
  after: string;
}

/** A source table as read: rows of cell texts; null where a merged cell covers the position. */
export type SourceTable = Array<Array<string | null>>;

export interface Evidence {
  pages?: Record<number, PageImage>;
  tables?: Record<number, SourceTable>;
  /** Text sources: where cells without a table position (glued rows) were found by their printed text. */
  cellLines?: Record<string, TextLine>;
  /** Why there is no evidence (source file gone, pdftoppm missing, …). */
  unavailable?: string;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Width and height of a PNG from its IHDR chunk. */
async function pngSize(path: string): Promise<{ width: number; height: number }> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(24);
    await handle.read(head, 0, 24, 0);
    return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
  } finally {
    await handle.close();
  }
}

/** The images of a PDF's pages that hold cells; a page already rendered (same bytes) is reused. */
async function pdfEvidence(record: ReportRecord, pagesDir: string): Promise<Evidence> {
  const pages = [...new Set(Object.values(record.cell_details).map((d) => d.prov?.page).filter((p): p is number => p !== undefined))].sort((a, b) => a - b);
  const out: Record<number, PageImage> = {};
  for (const page of pages) {
    const base = `${record.sha256.slice(0, 24)}-p${page}`;
    const file = `${base}.png`;
    const path = join(pagesDir, file);
    if (!(await exists(path))) {
      await run('pdftoppm', ['-png', '-r', String(PAGE_DPI), '-f', String(page), '-l', String(page), '-singlefile', record.source, join(pagesDir, base)]);
    }
    const px = await pngSize(path);
    out[page] = { file, width: (px.width * 72) / PAGE_DPI, height: (px.height * 72) / PAGE_DPI };
  }
  return { pages: out };
}

/** The tables the report's cells were read from, and for text sources the lines of cells without a table position. */
async function sourceEvidence(record: ReportRecord): Promise<Evidence> {
  const bytes = await readFile(record.source);
  const reader = detectReader(bytes, record.source);
  if (!reader) return { unavailable: '无法识别原文件格式' };
  const doc = await reader.read(bytes, { name: record.source });
  const tables = tablesOf(doc);
  const wanted = new Set(Object.values(record.cell_details).map((d) => d.prov?.table).filter((t): t is number => t !== undefined));
  const evidence: Evidence = { tables: {} };
  for (const t of wanted) {
    const block = tables[t];
    if (block) evidence.tables![t] = block.rows.map((row) => row.map((c) => (c.spanned ? null : c.text)));
  }
  if (record.format === 'txt') Object.assign(evidence, textLines(record, decodeText(bytes).text));
  return evidence;
}

/** Digits this long are specific enough to find their line by (a lone '0' is everywhere). */
const MIN_LOCATABLE_RAW = 4;

/** Characters of context shown either side of a cell's text on its line (crawler dumps put a whole article on one line). */
const CONTEXT_CHARS = 60;

/** The line of a text source holding the raw text of each cell that has no table position (glued rows). */
function textLines(record: ReportRecord, text: string): Pick<Evidence, 'cellLines'> {
  const all = text.replace(/\r\n?/g, '\n').split('\n');
  const cellLines: Record<string, TextLine> = {};
  for (const [key, d] of Object.entries(record.cell_details)) {
    if (d.prov?.table !== undefined || d.raw.length < MIN_LOCATABLE_RAW) continue;
    const found = all.findIndex((l) => l.includes(d.raw));
    if (found < 0) continue;
    const line = all[found];
    const at = line.indexOf(d.raw);
    const from = Math.max(0, at - CONTEXT_CHARS);
    const to = Math.min(line.length, at + d.raw.length + CONTEXT_CHARS);
    cellLines[key] = {
      line: found + 1,
      before: (from > 0 ? '…' : '') + line.slice(from, at),
      match: d.raw,
      after: line.slice(at + d.raw.length, to) + (to < line.length ? '…' : ''),
    };
  }
  return { cellLines };
}

/** Evidence for one report; never throws: what cannot be shown says why. */
export async function evidenceOf(record: ReportRecord, pagesDir: string): Promise<Evidence> {
  if (record.status === 'failed' || !Object.keys(record.cell_details).length) return {};
  try {
    if (!(await exists(record.source))) return { unavailable: `原文件不在：${record.source}` };
    return record.format === 'pdf' ? await pdfEvidence(record, pagesDir) : await sourceEvidence(record);
  } catch (err) {
    return { unavailable: `无法显示原文：${(err as Error).message.split('\n')[0]}` };
  }
}
