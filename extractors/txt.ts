/**
 * The plain-text reader, tried last: flattened DOCX text (tab-prefixed cells), crawler dumps with a
 * metadata header and glued table cells, and the text of PDF/Markdown converters.
 */
import { readLimits, type Reader } from './reader.js';
import { DEFAULT_LIMITS } from './limits.js';
import { UnreadableDocumentError, type DocumentModel, type Message } from './model.js';
import { decodeText } from './text-decode.js';
import { dropInvisible } from './invisible.js';
import { looksLikeText } from './txt/sniff.js';
import { lazyImport } from './lazy-import.js';

const textModules = lazyImport(() => Promise.all([import('./txt/crawler.js'), import('./txt/document.js'), import('./txt/html-tables.js')]));

/** Largest text file read (bytes): a report is far smaller; beyond this it is not a report. */
export const MAX_TXT_BYTES = DEFAULT_LIMITS.maxTxtBytes;

export const txtReader: Reader = {
  format: 'txt',
  sniff: (head) => looksLikeText(head),
  async read(bytes, options) {
    const limits = readLimits(options);
    const { maxTxtBytes } = limits;
    if (bytes.length > maxTxtBytes) {
      throw new UnreadableDocumentError('too-large', `text file of ${bytes.length} bytes exceeds the ${maxTxtBytes}-byte limit (maxTxtBytes)`);
    }
    const decoded = decodeText(bytes);
    const messages: Message[] = [];
    if (decoded.guessed && decoded.encoding !== 'utf-8') {
      messages.push({ code: 'encoding-guessed', message: `no byte-order mark or declaration: decoded as ${decoded.encoding}` });
    }
    // A BOM at the start, and characters of no width anywhere (自然​人, 1​2): noise a reader does not see.
    const text = dropInvisible(decoded.text);
    if (!text.trim()) throw new UnreadableDocumentError('empty', 'the text file contains no text');
    const [{ hasGluedCells, parseCrawlerDump }, { readTextBlocks }, { mayHoldHtmlTables, readBlocksWithHtmlTables }] = await textModules();
    const dump = parseCrawlerDump(text);
    const body = dump ? dump.body : text;
    const blocks = mayHoldHtmlTables(body) ? await readBlocksWithHtmlTables(body, (piece) => readTextBlocks(piece, limits), limits) : readTextBlocks(body, limits);
    if (blocks.some((b) => b.kind !== 'table' && hasGluedCells(b.text))) {
      messages.push({ code: 'table-cells-glued', message: 'table cells are run together without separators; numbers must be recovered from the template identities' });
    }
    const doc: DocumentModel = { format: 'txt', blocks, meta: dump?.meta ?? {}, messages };
    return doc;
  },
};
