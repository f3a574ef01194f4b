/**
 * Where each value was read, in a form a browser shows offline: for a PDF, images of the pages
 * that hold cells (JPEG, pdftoppm), on which the site draws each cell's box; for HTML, DOCX and text, the
 * source's own tables as read (re-read from the source file), on which the site marks the cell; for
 * text whose rows were printed glued together, the source line holding the glued digits.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdtemp, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { detectReader } from '../../extractors/detect.js';
import { tablesOf } from '../../extractors/positions.js';
import { decodeText } from '../../extractors/text-decode.js';
import type { ReportRecord } from '../schemas/record.js';

const run = promisify(execFile);

/** Page images are rendered at this resolution: digits legible in the evidence panel. */
export const PAGE_DPI = 110;
/**
 * JPEG, not PNG: pdftoppm spends most of a page's time compressing PNG (0.25 s against 0.03 s a page
 * here), and the pages are evidence to look at, not to measure.
 */
const JPEG_QUALITY = 80;

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

/** Width and height of a JPEG from its start-of-frame segment (the first SOFn marker). */
export function jpegSize(bytes: Buffer): { width: number; height: number } {
  let at = 2; // after SOI
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) throw new Error('not a JPEG segment');
    const marker = bytes[at + 1];
    const length = bytes.readUInt16BE(at + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  throw new Error('no JPEG frame header');
}

async function imageSize(path: string): Promise<{ width: number; height: number }> {
  const handle = await open(path, 'r');
  try {
    // The frame header follows the JFIF and quantisation segments, well inside the first 64 KiB.
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return jpegSize(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * The images of a PDF's pages that hold cells; pages already rendered (same bytes) are reused. One
 * pdftoppm run covers the range of missing pages: its start-up and font loading cost more than a page.
 */
async function pdfEvidence(record: ReportRecord, pagesDir: string): Promise<Evidence> {
  const pages = [...new Set(Object.values(record.cell_details).map((d) => d.prov?.page).filter((p): p is number => p !== undefined))].sort((a, b) => a - b);
  const base = record.sha256.slice(0, 24);
  const fileOf = (page: number) => `${base}-p${page}.jpg`;
  const missing: number[] = [];
  for (const page of pages) if (!(await exists(join(pagesDir, fileOf(page))))) missing.push(page);
  if (missing.length && !(await exists(record.source))) return { unavailable: `原文件不在：${record.source}` };
  if (missing.length) {
    const first = missing[0];
    const last = missing[missing.length - 1];
    const tmp = await mkdtemp(join(pagesDir, `.${base}-`));
    try {
      await run('pdftoppm', ['-jpeg', '-jpegopt', `quality=${JPEG_QUALITY}`, '-r', String(PAGE_DPI), '-f', String(first), '-l', String(last), record.source, join(tmp, 'p')]);
      // pdftoppm names pages p-N, N zero-padded to the width of the document's page count.
      for (const name of await readdir(tmp)) {
        const page = Number(/-(\d+)\.jpg$/.exec(name)?.[1]);
        if (missing.includes(page)) await rename(join(tmp, name), join(pagesDir, fileOf(page)));
      }
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }
  const out: Record<number, PageImage> = {};
  for (const page of pages) {
    const px = await imageSize(join(pagesDir, fileOf(page)));
    out[page] = { file: fileOf(page), width: (px.width * 72) / PAGE_DPI, height: (px.height * 72) / PAGE_DPI };
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

/**
 * Evidence for one report; never throws: what cannot be shown says why. Page images and the source
 * tables of a document (by its bytes' hash) are kept in `pagesDir` and reused when the site is rebuilt.
 */
export async function evidenceOf(record: ReportRecord, pagesDir: string): Promise<Evidence> {
  if (record.status === 'failed' || !Object.keys(record.cell_details).length) return {};
  try {
    if (record.format === 'pdf') return await pdfEvidence(record, pagesDir);
    // Keyed by the cells' positions too: a newer reader may read other tables from the same bytes.
    const cached = join(pagesDir, `${record.sha256.slice(0, 24)}-${positionsHash(record)}.json`);
    if (await exists(cached)) return JSON.parse(await readFile(cached, 'utf8')) as Evidence;
    if (!(await exists(record.source))) return { unavailable: `原文件不在：${record.source}` };
    const evidence = await sourceEvidence(record);
    await writeFile(cached, JSON.stringify(evidence));
    return evidence;
  } catch (err) {
    return { unavailable: `无法显示原文：${(err as Error).message.split('\n')[0]}` };
  }
}

function positionsHash(record: ReportRecord): string {
  const h = createHash('sha256');
  for (const [key, d] of Object.entries(record.cell_details)) h.update(`${key}:${d.raw}:${d.prov?.table ?? ''}:${d.prov?.row ?? ''}:${d.prov?.col ?? ''};`);
  return h.digest('hex').slice(0, 12);
}
