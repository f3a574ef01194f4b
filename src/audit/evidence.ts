/**
 * Where each value was read, in a form a browser shows offline: for a PDF, the document itself (its
 * bytes as a script in the site's sources/ folder, written once per document), whose pages the report
 * page draws with pdf.js when a cell is clicked, with the cell's box on them; for HTML, DOCX and text,
 * the source's own tables as read (re-read from the source file), on which the site marks the cell; for
 * text whose rows were printed glued together, the source line holding the glued digits.
 *
 * The PDF is not rendered at build time: rendering the pages of every document was most of the build
 * (a pdftoppm process per document), and an auditor looks at a handful of them. Source tables are not
 * kept in files of their own (creating a file is costly, and the page carries them anyway): once the
 * source file is gone, the page the last build wrote for the same document is where they are found.
 */
import { access, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { detectReader } from '../../extractors/detect.js';
import { tablesOf } from '../../extractors/positions.js';
import { decodeText } from '../../extractors/text-decode.js';
import type { ReportRecord } from '../schemas/record.js';
import { readSourceBytes } from '../sources/archives.js';

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
async function pdfEvidence(record: ReportRecord, sourcesDir: string, options: EvidenceOptions): Promise<Evidence> {
  const script = `${record.sha256}.js`;
  const path = join(sourcesDir, script);
  if (options.scripts ? options.scripts.has(script) : await exists(path)) return { pdf: { script } };
  const bytes = await readSourceBytes(options.origin ?? record.source);
  if (!bytes) return { unavailable: gone(record) };
  // Written aside and renamed: an interrupted build leaves no half file to be reused.
  const tmp = `${path}.${process.pid}.${threadId}.tmp`;
  await writeFile(tmp, pdfScript(record.sha256, bytes));
  await rename(tmp, path);
  options.scripts?.add(script);
  return { pdf: { script } };
}

const gone = (record: ReportRecord) => `原文件不在：${record.source}`;

/** The tables the report's cells were read from, and for text sources the lines of cells without a table position. */
async function sourceEvidence(record: ReportRecord, bytes: Buffer, localPath: string): Promise<Evidence> {
  const reader = detectReader(bytes, record.source);
  if (!reader) return { unavailable: '无法识别原文件格式' };
  // The same read as extraction, pictures beside a saved page included, so table positions line up.
  const doc = await reader.read(bytes, { name: record.source, localPath });
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

export interface EvidenceOptions {
  /** The PDF scripts already in `sourcesDir` (kept up to date as scripts are written); without it, each is looked for. */
  scripts?: Set<string>;
  /** The evidence the last build showed for the same page, when the source file is gone (see `earlierEvidence`). */
  earlier?: () => Promise<Evidence | undefined>;
  /** Where the source's bytes are when its name is no local file (a crawl's URL): its stored file, or `archive.zip!/member`. */
  origin?: string;
}

/**
 * Evidence for one report; never throws: what cannot be shown says why. A PDF's script (by its bytes'
 * hash) is kept in `sourcesDir` and reused when the site is rebuilt, even once the source file is gone.
 */
export async function evidenceOf(record: ReportRecord, sourcesDir: string, options: EvidenceOptions = {}): Promise<Evidence> {
  if (record.status === 'failed' || !Object.keys(record.cell_details).length) return {};
  try {
    if (record.format === 'pdf') return await pdfEvidence(record, sourcesDir, options);
    const bytes = await readSourceBytes(options.origin ?? record.source);
    if (bytes) return await sourceEvidence(record, bytes, options.origin ?? record.source);
    return (await options.earlier?.()) ?? { unavailable: gone(record) };
  } catch (err) {
    return { unavailable: `无法显示原文：${(err as Error).message.split('\n')[0]}` };
  }
}

/** What a report page of the site carries (window.NIANBAO_REPORT), as far as evidence is concerned. */
interface PageData {
  sha256?: string;
  cells?: Record<string, { raw?: string; prov?: { table?: number; row?: number; col?: number } } | undefined>;
  evidence?: Evidence;
}

const PAGE_DATA = 'window.NIANBAO_REPORT = ';

/**
 * The source tables a page written by an earlier build showed, if that page was about the same bytes
 * read at the same positions (a newer reader may read other tables from them) and its evidence was
 * complete; undefined otherwise.
 */
export function earlierEvidence(html: string, record: ReportRecord): Evidence | undefined {
  const at = html.indexOf(PAGE_DATA);
  const end = html.indexOf(';\n</script>', at);
  if (at < 0 || end < 0) return undefined;
  let data: PageData;
  try {
    data = JSON.parse(html.slice(at + PAGE_DATA.length, end)) as PageData;
  } catch {
    return undefined;
  }
  const ev = data.evidence;
  if (data.sha256 !== record.sha256 || !ev || ev.unavailable !== undefined || (!ev.tables && !ev.cellLines)) return undefined;
  for (const [key, d] of Object.entries(record.cell_details)) {
    const was = data.cells?.[key];
    if (!was || was.raw !== d.raw || was.prov?.table !== d.prov?.table || was.prov?.row !== d.prov?.row || was.prov?.col !== d.prov?.col) return undefined;
  }
  return ev;
}
