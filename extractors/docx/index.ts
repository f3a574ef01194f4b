/**
 * DOCX bytes → document model. mammoth turns the document into HTML (headings from Word styles,
 * paragraphs, lists), which goes through the HTML path as a whole document; the tables in it are
 * then replaced by tables built from document.xml with their true grid (see tables.ts). Word's
 * auto-numbering is written out as text first (see numbering.ts), because mammoth drops it.
 */
import mammoth from 'mammoth';
import { load } from 'cheerio/slim';
import { UnreadableDocumentError, type Block, type DocumentModel, type Message, type TableBlock } from '../model.js';
import { checkTableCells, htmlToDocument } from '../html/index.js';
import { MAX_NESTING_DEPTH, nestsDeeperThan } from '../html/depth.js';
import { openZip, type OpenedZip } from './zip.js';
import { writeStoredZip } from './write-zip.js';
import { writeOutNumbering } from './numbering.js';
import { bodyTables } from './tables.js';
import { coreProperties } from './core.js';

const DEFAULT_MAIN_PART = 'word/document.xml';
/** Private-use marks around a table's index: survive the HTML walk as a paragraph of their own. */
const MARK = '\ue000';
const MARKER_TEXT = new RegExp(`^${MARK}docx-table-(\\d+)${MARK}$`);

/** The main document part named by _rels/.rels (officeDocument), else word/document.xml. */
async function mainPartName(zip: OpenedZip): Promise<string | undefined> {
  const rels = await zip.read('_rels/.rels');
  const target = rels
    ?.toString('utf8')
    .match(/<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/)?.[0]
    .match(/Target="([^"]+)"/)?.[1]
    ?.replace(/^\//, '');
  if (target && zip.parts.has(target)) return target;
  return zip.parts.has(DEFAULT_MAIN_PART) ? DEFAULT_MAIN_PART : undefined;
}

/** Replace each top-level <table> of mammoth's HTML by a marker paragraph; returns the count. */
function markTables(html: string): { html: string; count: number } {
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const tables = $('table').filter((_, el) => $(el).parents('table').length === 0);
  tables.each((i, el) => {
    $(el).replaceWith(`<p>${MARK}docx-table-${i}${MARK}</p>`);
  });
  return { html: $.html(), count: tables.length };
}

function substituteTables(blocks: Block[], tables: TableBlock[][]): Block[] {
  return blocks.flatMap((block) => {
    const index = block.kind === 'paragraph' ? MARKER_TEXT.exec(block.text)?.[1] : undefined;
    return index === undefined ? [block] : tables[Number(index)];
  });
}

async function convert(bytes: Buffer): Promise<{ html: string; messages: Message[] }> {
  try {
    // Images are not report text: skip them so mammoth never inflates media.
    const result = await mammoth.convertToHtml({ buffer: bytes }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
    const errors = result.messages.filter((m) => m.type === 'error');
    const messages = errors.length ? [{ code: 'docx-conversion-error', message: errors.map((m) => m.message).join('; ').slice(0, 500) }] : [];
    return { html: result.value, messages };
  } catch (err) {
    throw new UnreadableDocumentError('corrupt-docx', `the DOCX could not be converted: ${(err as Error).message}`);
  }
}

/** Media are not read (images are skipped), so a rewritten package carries them empty. */
const isMedia = (name: string) => /^word\/media\//i.test(name);

interface Package {
  /** The bytes mammoth converts: the original file, or a repackaging with numbering written out. */
  bytes: Buffer;
  documentXml: string;
  coreXml?: string;
}

async function readPackage(bytes: Buffer): Promise<Package> {
  const zip = await openZip(bytes);
  try {
    const main = await mainPartName(zip);
    if (!main) throw new UnreadableDocumentError('not-docx', 'the zip has no word/document.xml: not a Word document');
    const originalXml = (await zip.read(main))!.toString('utf8');
    const coreXml = (await zip.read('docProps/core.xml'))?.toString('utf8');
    const numberingXml = (await zip.read('word/numbering.xml'))?.toString('utf8');
    const documentXml = numberingXml ? writeOutNumbering(originalXml, numberingXml, (await zip.read('word/styles.xml'))?.toString('utf8')) : originalXml;
    if (documentXml === originalXml) return { bytes, documentXml, coreXml };
    const entries = [];
    for (const name of zip.parts.keys()) {
      if (name.endsWith('/')) continue;
      const data = name === main ? Buffer.from(documentXml, 'utf8') : isMedia(name) ? Buffer.alloc(0) : (await zip.read(name))!;
      entries.push({ name, data });
    }
    return { bytes: writeStoredZip(entries), documentXml, coreXml };
  } finally {
    zip.close();
  }
}

export async function docxToDocument(bytes: Buffer): Promise<DocumentModel> {
  const pkg = await readPackage(bytes);
  if (nestsDeeperThan(pkg.documentXml, MAX_NESTING_DEPTH)) {
    throw new UnreadableDocumentError('too-deep', `document.xml nests more than ${MAX_NESTING_DEPTH} elements deep: not a real document`);
  }
  // Tables first: an oversized document is refused before mammoth spends time on it.
  const tables = bodyTables(pkg.documentXml);
  checkTableCells({ format: 'docx', blocks: tables.flat(), meta: {}, messages: [] });
  const converted = await convert(pkg.bytes);
  const marked = markTables(converted.html);
  const messages = [...converted.messages];
  const geometryKnown = tables.length === marked.count;
  if (!geometryKnown) {
    messages.push({ code: 'docx-table-geometry-unavailable', message: `document.xml has ${tables.length} tables, the converter ${marked.count}: tables read from the converter's HTML` });
  }
  const doc = htmlToDocument(geometryKnown ? marked.html : converted.html, { format: 'docx', wholeDocument: true, messages });
  if (geometryKnown) doc.blocks = substituteTables(doc.blocks, tables);

  const core = pkg.coreXml ? coreProperties(pkg.coreXml) : {};
  if (core.title) doc.meta.title = core.title;
  if (core.created) doc.meta.published = core.created;
  return doc;
}
