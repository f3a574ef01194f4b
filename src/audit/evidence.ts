/**
 * Where each value was read, in a form a browser shows offline: for a PDF, the document itself (its
 * bytes as a script in the site's sources/ folder, written once per document), whose pages the report
 * page draws with pdf.js when a cell is clicked, with the cell's box on them; for HTML, DOCX and text,
 * the source's own tables as read (re-read from the source file), on which the site marks the cell; for
 * text whose rows were printed glued together, the source line holding the glued digits.
 *
 * The PDF is not rendered at build time: rendering the pages of every document was most of the build
 * (a pdftoppm process per document), and an auditor looks at a handful of them.
 */
import { createHash } from 'node:crypto';
import { access, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { detectReader } from '../../extractors/detect.js';
import { tablesOf } from '../../extractors/positions.js';
import { decodeText } from '../../extractors/text-decode.js';
import type { ReportRecord } from '../schemas/record.js';

/** The global a PDF's script fills: sha256 → the document's bytes in base64 (file:// forbids fetching the PDF itself). */
export const PDF_GLOBAL = 'NIANBAO_PDF';

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
  /** PDFs: the script in the site's sources/ folder that carries the document; its pages are drawn in the browser. */
  pdf?: { script: string };
  tables?: Record<number, SourceTable>;
  /** Text sources: where cells without a table position (glued rows) were found by their printed text. */
  cellLines?: Record<string, TextLine>;
  /** Why there is no evidence (source file gone, unreadable, …). */
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

/** The script that carries a PDF's bytes: `window.NIANBAO_PDF["<sha256>"] = "<base64>"`. */
export function pdfScript(sha256: string, bytes: Buffer): string {
  return `(window.${PDF_GLOBAL}=window.${PDF_GLOBAL}||{})[${JSON.stringify(sha256)}]="${bytes.toString('base64')}";\n`;
}

/**
 * A PDF's evidence: its bytes written once into the site, named by their hash, so copies of a document
 * share one file and a rebuild reuses it (even once the source file is gone).
 */
async function pdfEvidence(record: ReportRecord, sourcesDir: string): Promise<Evidence> {
  const script = `${record.sha256}.js`;
  const path = join(sourcesDir, script);
  if (await exists(path)) return { pdf: { script } };
  if (!(await exists(record.source))) return { unavailable: `原文件不在：${record.source}` };
  // Written aside and renamed: an interrupted build leaves no half file to be reused.
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, pdfScript(record.sha256, await readFile(record.source)));
  await rename(tmp, path);
  return { pdf: { script } };
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
 * Evidence for one report; never throws: what cannot be shown says why. A PDF's script and the source
 * tables of a document (by its bytes' hash) are kept in `sourcesDir` and reused when the site is rebuilt.
 */
export async function evidenceOf(record: ReportRecord, sourcesDir: string): Promise<Evidence> {
  if (record.status === 'failed' || !Object.keys(record.cell_details).length) return {};
  try {
    if (record.format === 'pdf') return await pdfEvidence(record, sourcesDir);
    // Keyed by the cells' positions too: a newer reader may read other tables from the same bytes.
    const cached = join(sourcesDir, `${record.sha256.slice(0, 24)}-${positionsHash(record)}.json`);
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
