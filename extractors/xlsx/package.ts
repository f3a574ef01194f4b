/**
 * The XLSX package, checked before the spreadsheet library sees it. An XLSX is a zip of XML like a
 * DOCX, so the DOCX zip guard applies (entry count, declared sizes, compression ratios, inflated sizes
 * held to their declarations), then the XML limits: nesting depth, no DTD (entity expansion), what the
 * sheets would make the library allocate (cells, rows, merged areas, columns) and the XML's total size. The parts the reader needs are handed on as a stored zip, so the
 * library inflates nothing itself; pictures, charts, drawings, comments and macros are left out, with
 * the sheet elements that refer to them. Worksheet parts get the sheetN.xml names the library looks
 * for (writers may name them otherwise).
 */
import { UnreadableDocumentError } from '../model.js';
import { openZip } from '../docx/zip.js';
import { writeStoredZip, type ZipEntry } from '../docx/write-zip.js';
import { MAX_NESTING_DEPTH, xmlNestsDeeperThan } from '../html/depth.js';
import type { Limits } from '../limits.js';
import { parseRange } from './grid.js';

const WORKBOOK_PART = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const NEEDED_PART = /^(?:\[Content_Types\]\.xml|_rels\/\.rels|docProps\/(?:core|app)\.xml|xl\/(?:workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|theme\/[^/]+\.xml))$/;
/** A <c> element: one stored cell. */
const CELL_TAG = /<(?:\w+:)?c[\s>/]/g;
const ROW_TAG = /<(?:\w+:)?row[\s>/]/g;
const MERGE_REF = /<(?:\w+:)?mergeCell\b[^>]*\bref="([^"]*)"/g;
const COLUMN_MAX = /<(?:\w+:)?col\b[^>]*\bmax="(\d+)"/g;
/**
 * Sheet elements that point at other parts through the sheet's relationships (links, pictures,
 * drawings, comments, Excel tables, controls). Those parts are not handed on, and the cells keep their
 * text without them.
 */
const REFERRING_ELEMENT = /<(?:\w+:)?(hyperlinks|tableParts|oleObjects|controls)\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?\1>)|<(?:\w+:)?(?:drawing|legacyDrawing|legacyDrawingHF|picture)\b[^>]*\/>/g;
/** Excel's last column (XFD). */
const MAX_COLUMNS = 16_384;
const WORKSHEET_REL = /<Relationship\b[^>]*\/worksheet"[^>]*>/g;

export interface WorkbookPackage {
  /** A stored zip of the parts the spreadsheet library needs. */
  bytes: Buffer;
  coreXml?: string;
}

/**
 * What loading a worksheet will allocate: the library makes an object per stored cell, per row, per
 * position a merged range covers (it expands merges itself) and per column a <col> range names.
 */
export function worksheetLoad(xml: string): number {
  let load = (xml.match(CELL_TAG)?.length ?? 0) + (xml.match(ROW_TAG)?.length ?? 0);
  for (const [, ref] of xml.matchAll(MERGE_REF)) {
    const range = parseRange(ref!);
    if (!range) throw new UnreadableDocumentError('corrupt-xlsx', `a merged range '${ref!.slice(0, 40)}' is not a cell range`);
    load += (range.bottom - range.top + 1) * (range.right - range.left + 1);
  }
  for (const [, max] of xml.matchAll(COLUMN_MAX)) {
    if (Number(max) > MAX_COLUMNS) throw new UnreadableDocumentError('corrupt-xlsx', `a column range reaches column ${max}, past Excel's last column (${MAX_COLUMNS})`);
  }
  return load;
}

function checkXml(name: string, xml: string, maxDepth: number): void {
  if (/<!DOCTYPE/i.test(xml)) throw new UnreadableDocumentError('corrupt-xlsx', `${name} declares a DTD, which no spreadsheet program writes (entity expansion)`);
  if (xmlNestsDeeperThan(xml, maxDepth)) throw new UnreadableDocumentError('too-deep', `${name} nests more than ${maxDepth} elements deep (maxMarkupDepth): not a real workbook`);
}

/** xl/-relative or absolute relationship target → part name. */
function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

export async function readWorkbookPackage(bytes: Buffer, limits: Limits): Promise<WorkbookPackage> {
  const zip = await openZip(bytes, limits, 'xlsx');
  try {
    if (!zip.parts.has(WORKBOOK_PART)) {
      if (zip.parts.has('xl/workbook.bin')) throw new UnreadableDocumentError('xlsb-unsupported', 'an Excel binary workbook (.xlsb): not read; save it as .xlsx');
      throw new UnreadableDocumentError('not-xlsx', 'the zip has no xl/workbook.xml: not an Excel workbook');
    }
    const read = async (name: string): Promise<string> => {
      const xml = (await zip.read(name))!.toString('utf8');
      checkXml(name, xml, limits.maxMarkupDepth);
      return xml;
    };
    const entries: ZipEntry[] = [];
    const texts = new Map<string, string>();
    for (const name of zip.parts.keys()) {
      if (NEEDED_PART.test(name)) texts.set(name, await read(name));
    }
    // Worksheets are the parts the workbook's relationships name, whatever they are called.
    let rels = texts.get(WORKBOOK_RELS) ?? '';
    let cells = 0;
    let next = 1;
    for (const rel of rels.match(WORKSHEET_REL) ?? []) {
      const target = /Target="([^"]+)"/.exec(rel)?.[1];
      const name = target && partName(target);
      if (!name || !zip.parts.has(name)) continue;
      const xml = await read(name);
      cells += worksheetLoad(xml);
      if (cells > limits.maxTableCells) {
        throw new UnreadableDocumentError('too-large', `the worksheets store or merge more than ${limits.maxTableCells} cells and rows (maxTableCells)`);
      }
      const stored = `xl/worksheets/sheet${next++}.xml`;
      rels = rels.replace(rel, rel.replace(/Target="[^"]+"/, `Target="/${stored}"`));
      entries.push({ name: stored, data: Buffer.from(xml.replace(REFERRING_ELEMENT, ''), 'utf8') });
    }
    if (texts.has(WORKBOOK_RELS)) texts.set(WORKBOOK_RELS, rels);
    for (const [name, xml] of texts) entries.push({ name, data: Buffer.from(xml, 'utf8') });
    const xmlBytes = entries.reduce((sum, e) => sum + e.data.length, 0);
    if (xmlBytes > limits.maxXlsxXmlBytes) {
      throw new UnreadableDocumentError('too-large', `the workbook's sheets, strings and styles hold ${xmlBytes} bytes of XML, more than maxXlsxXmlBytes (${limits.maxXlsxXmlBytes})`);
    }
    return { bytes: writeStoredZip(entries), coreXml: texts.get('docProps/core.xml') };
  } finally {
    zip.close();
  }
}
