import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { docxReader } from '../../extractors/docx.js';
import { detectReader } from '../../extractors/detect.js';
import { UnreadableDocumentError } from '../../extractors/model.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { buildDocx, p, storedZip, tbl, tc, tr } from '../fixtures/docx/build-docx.js';
import { corpusBytes } from './html-helpers.js';

async function errorCode(bytes: Buffer): Promise<string | undefined> {
  try {
    await docxReader.read(bytes, {});
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(UnreadableDocumentError);
    return (err as UnreadableDocumentError).code;
  }
}

const real = () => corpusBytes('rendered/seed-docx.docx');

describe('the DOCX reader on damaged and hostile files', () => {
  it('refuses a truncated DOCX with corrupt-docx', async () => {
    const bytes = real();
    expect(docxReader.sniff(bytes.subarray(0, bytes.length / 2), 'x.docx')).toBe(true);
    expect(await errorCode(bytes.subarray(0, Math.floor(bytes.length / 2)))).toBe('corrupt-docx');
    expect(await errorCode(bytes.subarray(0, bytes.length - 10))).toBe('corrupt-docx');
  });

  it('refuses zip magic followed by garbage with corrupt-docx', async () => {
    expect(await errorCode(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]))).toBe('corrupt-docx');
  });

  it('refuses a zip without word/document.xml with not-docx', async () => {
    expect(await errorCode(storedZip([{ name: 'word/styles.xml', data: Buffer.from('<w:styles/>') }]))).toBe('not-docx');
  });

  it('refuses an entry declaring a 1000× compression ratio (zip bomb) before inflating it', async () => {
    const zeros = deflateRawSync(Buffer.alloc(64 * 1024 * 1024));
    const bomb = storedZip(
      [
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'word/document.xml', data: zeros, method: 8 },
      ],
      { 'word/document.xml': { compressed: zeros.length, uncompressed: 64 * 1024 * 1024 } },
    );
    expect(await errorCode(bomb)).toBe('too-large');
  });

  it('reads a DOCX whose parts compress modestly', async () => {
    const modest = buildDocx(p('正文'), [{ name: 'word/media/image1.bin', data: Buffer.alloc(4096, 1) }]);
    expect(await errorCode(modest)).toBeUndefined();
  });

  it('refuses a zip with more entries than maxDocxZipEntries', async () => {
    const entries = Array.from({ length: DEFAULT_LIMITS.maxDocxZipEntries + 1 }, (_, i) => ({ name: `word/part${i}.xml`, data: Buffer.from('x') }));
    expect(await errorCode(storedZip(entries))).toBe('too-large');
  });

  it('refuses a document.xml nested deeper than any real document with too-deep', async () => {
    const deep = '<w:p>'.repeat(5000) + '</w:p>'.repeat(5000);
    expect(await errorCode(buildDocx(deep))).toBe('too-deep');
  });

  it('reads a document.xml that is not well-formed without crashing: an error code or a model', async () => {
    const broken = storedZip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.from('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>断') },
    ]);
    const outcome = await docxReader.read(broken, {}).then(
      (doc) => doc.format,
      (err: unknown) => (err instanceof UnreadableDocumentError ? err.code : 'crash'),
    );
    expect(['docx', 'corrupt-docx']).toContain(outcome);
  });
});

describe('DOCX sniffing', () => {
  it('refuses OLE2 files (legacy .doc/.wps) even when named .docx', () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(docxReader.sniff(ole, 'report.docx')).toBe(false);
  });

  it('refuses other zips: XLSX and ODT parts are visible in the first bytes', () => {
    const xlsx = storedZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.xml', data: Buffer.from('<x/>') }]);
    const odt = storedZip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text') }, { name: 'content.xml', data: Buffer.from('<x/>') }]);
    expect(docxReader.sniff(xlsx, 'a.docx')).toBe(false);
    expect(docxReader.sniff(odt, 'a.docx')).toBe(false);
  });

  it('accepts a DOCX by its word/ parts whatever its name, and HTML is not taken for it', () => {
    expect(docxReader.sniff(buildDocx(p('x')), undefined)).toBe(true);
    expect(detectReader(Buffer.from('<html><body><p>x</p></body></html>'))?.format).toBe('html');
  });
});

describe('the DOCX reader on oversized tables', () => {
  it('refuses a document whose tables together exceed maxTableCells with too-large', async () => {
    const row = tr(Array.from({ length: 10 }, () => tc(p('0'))).join(''));
    const table = tbl(row.repeat(Math.ceil(DEFAULT_LIMITS.maxTableCells / 10 / 4) + 1));
    expect(await errorCode(buildDocx(table.repeat(4)))).toBe('too-large');
  });
});
