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
import { PREFORMATTED_CLASS } from '../html/flattened.js';
import { xmlNestsDeeperThan } from '../html/depth.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { openZip, type OpenedZip } from './zip.js';
import { writeStoredZip } from './write-zip.js';
import { writeOutNumbering } from './numbering.js';
import { bodyTablesWithSpans } from './tables.js';
import { coreProperties } from './core.js';
import { removeHiddenRuns } from './hidden.js';
import { trackedRevisions } from './revisions.js';
import { markPictures, partRelationships, relationshipsPartOf, type BodyPicture } from './pictures.js';
import { substitutePictures } from '../image/placed-pictures.js';

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

/**
 * Preformatted paragraphs (LibreOffice's Preformatted Text, Word's HTML Preformatted: a page's <pre> saved as a
 * document) are the lines of one <pre>, empty ones and all: a table printed as text a cell a line parts its rows by
 * empty paragraphs and prints a blank cell as a line of spaces, which mammoth would drop. The class tells the walk
 * to give such a block back as one paragraph a line when it holds no table (html/flattened.ts).
 */
const STYLE_MAP = ['Preformatted Text', 'HTML Preformatted'].map((name) => `p[style-name='${name}'] => pre.${PREFORMATTED_CLASS}:separator('\\n')`);

async function convert(bytes: Buffer): Promise<{ html: string; messages: Message[] }> {
  try {
    // Images are not report text: skip them so mammoth never inflates media. Empty paragraphs are kept (a
    // preformatted block's empty lines); the walk drops those outside one, as mammoth did.
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), styleMap: STYLE_MAP, ignoreEmptyParagraphs: false },
    );
    const errors = result.messages.filter((m) => m.type === 'error');
    const messages: Message[] = errors.length ? [{ code: 'docx-conversion-error', message: errors.map((m) => m.message).join('; ').slice(0, 500) }] : [];
    return { html: result.value, messages };
  } catch (err) {
    throw new UnreadableDocumentError('corrupt-docx', `the DOCX could not be converted: ${(err as Error).message}`);
  }
}

/**
 * Media never reach mammoth (pictures are markers by then), so a rewritten package carries them empty;
 * the pictures of the body are read from the original zip, within its limits, by readPictures.
 */
const isMedia = (name: string) => /^word\/media\//i.test(name);

/** A body picture with its bytes (undefined when it could not be read: `unresolved` says why). */
interface PictureData extends BodyPicture {
  bytes?: Buffer;
}

interface Package {
  /** The bytes mammoth converts: the original file, or a repackaging with numbering written out. */
  bytes: Buffer;
  documentXml: string;
  coreXml?: string;
  /** The package again with another main document part (a stored zip, media left empty). */
  withMainPart(xml: string): Buffer;
  /** The run's limits, for the HTML walk of mammoth's output. */
  limits: Limits;
  /** The body's pictures, in the order of their markers in documentXml. */
  pictures: PictureData[];
  /** What preparing the package noticed (hidden text left out). */
  messages: Message[];
}

async function readPackage(bytes: Buffer, limits: Limits): Promise<Package> {
  const zip = await openZip(bytes, limits);
  try {
    const main = await mainPartName(zip);
    if (!main) throw new UnreadableDocumentError('not-docx', 'the zip has no word/document.xml: not a Word document');
    const originalXml = (await zip.read(main))!.toString('utf8');
    const coreXml = (await zip.read('docProps/core.xml'))?.toString('utf8');
    const numberingXml = (await zip.read('word/numbering.xml'))?.toString('utf8');
    const stylesXml = (await zip.read('word/styles.xml'))?.toString('utf8');
    const shown = removeHiddenRuns(originalXml, stylesXml);
    const messages: Message[] = shown.removed
      ? [{ code: 'hidden-text-skipped', message: `${shown.removed} runs of hidden text (Word's hidden font, not printed) were not read, e.g. "${shown.sample}"` }]
      : [];
    const revisions = trackedRevisions(originalXml);
    if (revisions.removed || revisions.inserted) {
      messages.push({
        code: 'tracked-changes-accepted',
        message: `the document holds tracked changes not accepted (${revisions.removed} deletions or moves away, ${revisions.inserted} insertions or moves here); read as if accepted`,
      });
    }
    const numberedXml = numberingXml ? writeOutNumbering(shown.xml, numberingXml, stylesXml) : shown.xml;
    const relationships = partRelationships((await zip.read(relationshipsPartOf(main)))?.toString('utf8'), main);
    const marked = markPictures(numberedXml, relationships);
    const documentXml = marked.xml;
    const pictures = await readPictures(zip, marked.pictures);
    const others: { name: string; data: Buffer }[] = [];
    for (const name of zip.parts.keys()) {
      if (name.endsWith('/') || name === main) continue;
      others.push({ name, data: isMedia(name) ? Buffer.alloc(0) : (await zip.read(name))! });
    }
    const withMainPart = (xml: string): Buffer => writeStoredZip([{ name: main, data: Buffer.from(xml, 'utf8') }, ...others]);
    return { bytes: documentXml === originalXml ? bytes : withMainPart(documentXml), documentXml, coreXml, withMainPart, limits, pictures, messages };
  } finally {
    zip.close();
  }
}

/**
 * The bytes of the pictures the body shows, inflated from the zip whose entries already passed the
 * size and ratio caps (a bomb is refused before this). A part that is missing is said so, not thrown.
 */
async function readPictures(zip: OpenedZip, pictures: BodyPicture[]): Promise<PictureData[]> {
  const out: PictureData[] = [];
  for (const picture of pictures) {
    if (!picture.part) out.push(picture);
    else if (!zip.parts.has(picture.part)) out.push({ ...picture, unresolved: `${picture.part} is not in the file` });
    else out.push({ ...picture, bytes: await zip.read(picture.part) });
  }
  return out;
}

/** Each top-level table replaced by a paragraph holding its marker (a <w:p> may stand wherever a <w:tbl> does). */
function cutTables(xml: string, spans: Array<[number, number]>): string | undefined {
  let out = '';
  let at = 0;
  for (const [i, [start, end]] of spans.entries()) {
    if (start < at || end <= start || !/^<w:tbl[\s>]/i.test(xml.slice(start, start + 7)) || !/<\/w:tbl>$/i.test(xml.slice(start, end))) return undefined;
    out += `${xml.slice(at, start)}<w:p><w:r><w:t>${MARK}docx-table-${i}${MARK}</w:t></w:r></w:p>`;
    at = end;
  }
  return out + xml.slice(at);
}

/** Every marker found exactly once, as a paragraph of its own. */
function allMarkersFound(blocks: Block[], count: number): boolean {
  const seen = new Array<number>(count).fill(0);
  for (const block of blocks) {
    const index = block.kind === 'paragraph' ? MARKER_TEXT.exec(block.text)?.[1] : undefined;
    if (index !== undefined && Number(index) < count) seen[Number(index)]++;
  }
  return seen.every((n) => n === 1);
}

export async function docxToDocument(bytes: Buffer, limits: Limits = DEFAULT_LIMITS): Promise<DocumentModel> {
  const pkg = await readPackage(bytes, limits);
  if (xmlNestsDeeperThan(pkg.documentXml, limits.maxMarkupDepth)) {
    throw new UnreadableDocumentError('too-deep', `document.xml nests more than ${limits.maxMarkupDepth} elements deep (maxMarkupDepth): not a real document`);
  }
  // Tables first: an oversized document is refused before mammoth spends time on it.
  const { tables, spans } = bodyTablesWithSpans(pkg.documentXml, limits.maxTableCells);
  checkTableCells({ format: 'docx', blocks: tables.flat(), meta: {}, messages: [] }, limits);
  const doc = (await withTablesCut(pkg, tables, spans)) ?? (await withTablesReplaced(pkg, tables));
  if (pkg.pictures.length) {
    const placed = pkg.pictures.map((p) => ({ name: p.part ?? `picture ${p.relationship}`, bytes: p.bytes, unresolved: p.unresolved }));
    await substitutePictures(doc, 'docx', placed, limits);
  }
  doc.messages.push(...pkg.messages);
  const core = pkg.coreXml ? coreProperties(pkg.coreXml) : {};
  if (core.title) doc.meta.title = core.title;
  if (core.created) doc.meta.published = core.created;
  return doc;
}

/**
 * The fast path: the tables (rebuilt from document.xml anyway) are cut out before mammoth converts
 * the rest, so mammoth never walks their hundreds of cells. Undefined when a marker did not come
 * through (a table in a text box mammoth drops, say): the caller then converts the whole document.
 */
async function withTablesCut(pkg: Package, tables: TableBlock[][], spans: Array<[number, number]>): Promise<DocumentModel | undefined> {
  if (tables.length === 0) return undefined;
  const cut = cutTables(pkg.documentXml, spans);
  if (cut === undefined) return undefined;
  const converted = await convert(pkg.withMainPart(cut));
  const doc = htmlToDocument(converted.html, { format: 'docx', wholeDocument: true, messages: [...converted.messages], limits: pkg.limits });
  if (!allMarkersFound(doc.blocks, tables.length)) return undefined;
  doc.blocks = substituteTables(doc.blocks, tables);
  return doc;
}

/** The whole document through mammoth, its tables then swapped for the ones rebuilt from document.xml. */
async function withTablesReplaced(pkg: Package, tables: TableBlock[][]): Promise<DocumentModel> {
  const converted = await convert(pkg.bytes);
  const marked = markTables(converted.html);
  const messages = [...converted.messages];
  const geometryKnown = tables.length === marked.count;
  if (!geometryKnown) {
    messages.push({ code: 'docx-table-geometry-unavailable', message: `document.xml has ${tables.length} tables, the converter ${marked.count}: tables read from the converter's HTML` });
  }
  const doc = htmlToDocument(geometryKnown ? marked.html : converted.html, { format: 'docx', wholeDocument: true, messages, limits: pkg.limits });
  if (geometryKnown) doc.blocks = substituteTables(doc.blocks, tables);
  return doc;
}

