/**
 * The OFD reader (GB/T 33190): corpus reports converted to OFD (tests/fixtures/ofd, made with
 * tools/variety/render/ofd.ts from ../shared/corpus/real) read to their truth; the geometry the converter
 * does not write (CTM, runs of one TextCode across cells); sniffing beside DOCX, XLSX and zips of reports;
 * and damaged or hostile packages refused with a clear code.
 */
import { execFileSync } from 'node:child_process';
import { deflateRawSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectReader } from '../../extractors/detect.js';
import { UnreadableDocumentError, type DocumentModel, type TableBlock } from '../../extractors/model.js';
import { DEFAULT_LIMITS, type Limits } from '../../extractors/limits.js';
import { readOfd } from '../../extractors/ofd/index.js';
import { deltas, readOfdPage } from '../../extractors/ofd/page.js';
import { parseXml } from '../../extractors/docx/tables.js';
import { extractFile } from '../../src/pipeline.js';
import { REPORT_EXTENSIONS } from '../../src/sources/inputs.js';
import { zipArchive } from '../../src/sources/archive/zip.js';
import { CORPUS, loadTruths } from '../corpus/truth.js';
import { corpusBytes } from './html-helpers.js';
import { storedZip } from '../fixtures/docx/build-docx.js';
import { buildOfd, grid, text } from '../fixtures/ofd/build-ofd.js';

const IDENTITY_RULES = new Set(['requests.balance', 'requests.outcome_sum', 'requests.row_total', 'appeals.group_total']);
const fixture = (name: string): string => new URL(`../fixtures/ofd/${name}`, import.meta.url).pathname;

async function errorOf(bytes: Buffer, limits: Limits = DEFAULT_LIMITS): Promise<{ code: string; message: string } | undefined> {
  try {
    await readOfd(bytes, limits);
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(UnreadableDocumentError);
    return { code: (err as UnreadableDocumentError).code, message: (err as Error).message };
  }
}

const tables = (doc: DocumentModel): TableBlock[] => doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
const rowTexts = (table: TableBlock): string[][] => table.rows.map((row) => row.map((c) => c.text));

describe('the OFD reader', () => {
  describe.each(['hongze-2023', 'huaian-city-2024'])('a corpus report converted to OFD: %s', (id) => {
    it('reads to the corpus truth, its published errors on basis printed', async () => {
      const truth = loadTruths(['real']).find((t) => t.id === id || t.file.startsWith(id))!;
      expect(truth).toBeDefined();
      const record = await extractFile(fixture(`${id}.ofd`));
      expect(record.error).toBeUndefined();
      expect(record.format).toBe('ofd');
      expect(record.status).toBe('ok');
      expect(record.layout).toEqual(truth.layout);
      expect(record.agency).toBe(truth.agency);
      expect(record.year).toBe(truth.year);
      const got: Record<string, number | null> = {};
      for (const key of Object.keys(truth.cells)) got[key] = key in record.cells ? record.cells[key] : ('MISSING' as never);
      expect(got).toEqual(truth.cells);
      const identities = record.findings.filter((f) => IDENTITY_RULES.has(f.rule));
      const key = (f: { rule: string; where?: string | null }) => `${f.rule} ${f.where}`;
      expect(identities.map((f) => ({ rule: f.rule, where: f.where, left: f.left, right: f.right })).sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
        [...truth.expected_findings].sort((a, b) => key(a).localeCompare(key(b))),
      );
      expect(identities.filter((f) => f.basis !== 'printed')).toEqual([]);
    });
  });

  it('is told from DOCX, XLSX and PDF by its bytes, and is no archive of reports', () => {
    const ofd = readFileSync(fixture('hongze-2023.ofd'));
    expect(detectReader(ofd, 'report.zip')?.format).toBe('ofd');
    expect(detectReader(corpusBytes('rendered/seed-docx.docx'), 'x.ofd')?.format).toBe('docx');
    expect(detectReader(readFileSync(new URL('../fixtures/xlsx/pingtan-2023-tables.xlsx', import.meta.url)), 'x.ofd')?.format).toBe('xlsx');
    expect(detectReader(corpusBytes('real/hongze-2023.pdf'), 'x.ofd')?.format).toBe('pdf');
    expect(zipArchive.sniff(ofd.subarray(0, 65536), REPORT_EXTENSIONS, 'report.ofd')).toBe(false);
    // A producer that writes its Doc_0/ folder entry first.
    const folderFirst = buildOfd({ pages: [text(20, 30, 5, '报告')], folderFirst: true });
    expect(detectReader(folderFirst, 'x.zip')?.format).toBe('ofd');
    expect(zipArchive.sniff(folderFirst, REPORT_EXTENSIONS, 'x.zip')).toBe(false);
    // A picture stored first, larger than the head the sniffers see: the extension decides, the reader checks.
    const pictureFirst = storedZip([{ name: 'Doc_0/Res/scan.png', data: Buffer.alloc(70_000, 1) }, { name: 'OFD.xml', data: Buffer.from('<ofd:OFD/>') }]);
    expect(detectReader(pictureFirst, 'report.ofd')?.format).toBe('ofd');
    expect(zipArchive.sniff(pictureFirst.subarray(0, 65536), REPORT_EXTENSIONS, 'report.ofd')).toBe(false);
  });

  it('leaves a zip of OFD reports to the archive reader, one record per member', async () => {
    const ofd = readFileSync(fixture('hongze-2023.ofd'));
    const archive = storedZip([
      { name: '2023.ofd', data: ofd },
      { name: '2024.ofd', data: ofd },
    ]);
    expect(detectReader(archive, 'reports.zip')?.format).not.toBe('ofd');
    expect(zipArchive.sniff(archive.subarray(0, 65536), REPORT_EXTENSIONS, 'reports.zip')).toBe(true);
    const opened = await zipArchive.open('reports.zip', archive, DEFAULT_LIMITS);
    expect(opened?.names).toEqual(['2023.ofd', '2024.ofd']);
    opened?.close();
  });

  it('places text through its CTM and DeltaX (g N d repeats), and splits a TextCode that runs across ruled cells', async () => {
    const doc = await readOfd(
      buildOfd({
        pages: [
          text(20, 20, 6, '政府信息公开工作年度报告') +
            grid(20, 40, [60, 30, 30], 10, 2) +
            text(22, 47, 4, '本年新收', { deltaX: 'g 3 4' }) +
            // Both values of the row in one TextCode: 3 in the second column, 12 in the third (30 mm on).
            text(82, 47, 4, '312', { deltaX: '30 2' }) +
            // Drawn at half size through a CTM that doubles it.
            text(22, 57, 2, '上年结转', { ctm: '2 0 0 2 0 0', deltaX: 'g 3 2' }) +
            text(82, 57, 2, '0', { ctm: '2 0 0 2 0 0' }) +
            text(112, 57, 4, '7'),
        ],
      }),
      DEFAULT_LIMITS,
    );
    expect(doc.format).toBe('ofd');
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph', text: '政府信息公开工作年度报告' });
    expect(tables(doc).map(rowTexts)).toEqual([
      [
        ['本年新收', '3', '12'],
        ['上年结转', '0', '7'],
      ],
    ]);
  });

  it("takes a run's last advance from its object's Boundary (the glyphs' extent), not from the character's kind", () => {
    const root = parseXml(`<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer>${text(20, 30, 5, '7').replace('Boundary="20 25 150 7.5"', 'Boundary="20 25 2.8 6"')}${text(20, 40, 5, '12', { deltaX: '2.6' }).replace('Boundary="20 35 150 7.5"', 'Boundary="20 35 5.4 6"')}${text(20, 50, 5, '8')}</ofd:Layer></ofd:Content></ofd:Page>`);
    const items = readOfdPage([root], 1, [0, 0, 210, 297], 100).content.items;
    const mm = (pt: number) => Math.round((pt * 25.4 * 10) / 72) / 10;
    // A Boundary far wider than the character (a whole line's box) is no measure of it: half the font size.
    expect(items.map((i) => [i.text, mm(i.width)])).toEqual([['7', 2.8], ['12', 5.4], ['8', 2.5]]);
  });

  it('reads absolute locations, parts whose elements carry no ofd: prefix, and the template page a page draws', async () => {
    const ns = 'xmlns="http://www.ofdspec.org/2016"';
    const bytes = storedZip([
      { name: 'OFD.xml', data: Buffer.from(`<OFD ${ns}><DocBody><DocInfo><Title>某局2023年政府信息公开工作年度报告</Title></DocInfo><DocRoot>/Doc_0/Document.xml</DocRoot></DocBody></OFD>`) },
      { name: 'Doc_0/Document.xml', data: Buffer.from(`<Document ${ns}><CommonData><PageArea><PhysicalBox>0 0 210 297</PhysicalBox></PageArea><TemplatePage ID="5" BaseLoc="Tpls/Tpl_0/Content.xml"/></CommonData><Pages><Page ID="1" BaseLoc="/Doc_0/Pages/Page_0/Content.xml"/></Pages></Document>`) },
      { name: 'Doc_0/Tpls/Tpl_0/Content.xml', data: Buffer.from(`<Page ${ns}><Content><Layer><TextObject ID="3" Boundary="20 10 100 8" Size="5"><TextCode X="0" Y="5">某局政务公开</TextCode></TextObject></Layer></Content></Page>`) },
      { name: 'Doc_0/Pages/Page_0/Content.xml', data: Buffer.from(`<Page ${ns}><Template TemplateID="5"/><Content><Layer><TextObject ID="4" Boundary="20 40 100 8" Size="5"><TextCode X="0" Y="5">一、总体情况</TextCode></TextObject></Layer></Content></Page>`) },
    ]);
    const doc = await readOfd(bytes, DEFAULT_LIMITS);
    expect(doc.meta.title).toBe('某局2023年政府信息公开工作年度报告');
    expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.kind))).toEqual(['某局政务公开', '一、总体情况']);
  });

  it('expands the g N d repeat of DeltaX', () => {
    expect(deltas('g 3 5.2 1 g 2 0.5', 10)).toEqual([5.2, 5.2, 5.2, 1, 0.5, 0.5]);
    expect(deltas('g 1000000000 1', 4)).toEqual([1, 1, 1, 1]);
    expect(deltas('1 x 2', 4)).toEqual([1]);
  });

  it('keeps invisible text over a page picture as an OCR reading, and refuses an all-picture OFD without OCR as ocr-unavailable', async () => {
    const png = corpusBytesOrNull();
    const picture = `<ofd:ImageObject ID="9" ResourceID="77" Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/>`;
    const common = '<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>';
    const res = { name: 'Doc_0/DocumentRes.xml', data: Buffer.from(`<ofd:Res xmlns:ofd="http://www.ofdspec.org/2016" BaseLoc="Res"><ofd:MultiMedias><ofd:MultiMedia ID="77" Type="Image"><ofd:MediaFile>page.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>`) };
    const parts = [res, { name: 'Doc_0/Res/page.png', data: png }];
    const noOcr = { ocrAvailable: async () => false };
    const bare = buildOfd({ pages: [picture], common, parts });
    await expect(readOfd(bare, DEFAULT_LIMITS, noOcr)).rejects.toMatchObject({ code: 'ocr-unavailable' });
    const layered = await readOfd(buildOfd({ pages: [picture + text(20, 30, 5, '政府信息公开工作年度报告', { visible: false })], common, parts }), DEFAULT_LIMITS, noOcr);
    expect(layered.blocks).toMatchObject([{ kind: 'paragraph', text: '政府信息公开工作年度报告', prov: { origin: 'ocr' } }]);
    expect(layered.messages.map((m) => m.code)).toContain('no-text-layer');
  });

  it('reads a page that is only a picture (a scan saved as OFD) by OCR, at the resolution it is placed at', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-ofd-'));
    try {
      // Page 3 of the seed report (table 三's rows from 上年结转) at 150 dpi, placed over the whole A4 page.
      execFileSync('pdftoppm', ['-r', '150', '-f', '3', '-l', '3', '-png', '-singlefile', join(CORPUS, 'rendered/seed-pdf.pdf'), join(dir, 'page')]);
      const png = readFileSync(join(dir, 'page.png'));
      const doc = await readOfd(
        buildOfd({
          pages: ['<ofd:ImageObject ID="9" ResourceID="77" Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/>'],
          common: '<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>',
          parts: [
            { name: 'Doc_0/DocumentRes.xml', data: Buffer.from('<ofd:Res xmlns:ofd="http://www.ofdspec.org/2016" BaseLoc="Res"><ofd:MultiMedias><ofd:MultiMedia ID="77" Type="Image"><ofd:MediaFile>page.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>') },
            { name: 'Doc_0/Res/page.png', data: png },
          ],
        }),
        DEFAULT_LIMITS,
      );
      expect(doc.messages.find((m) => m.code === 'ocr-used')?.message).toMatch(/placed at 150 dpi, read at 300 dpi/);
      const table = tables(doc)[0];
      expect(table).toBeDefined();
      const labels = rowTexts(table).map((row) => row.join(' '));
      expect(labels.some((l) => l.includes('属于国家秘密'))).toBe(true);
      expect(table.rows.flat().filter((c) => /^\d+$/.test(c.text)).map((c) => c.prov?.origin)).toContain('ocr');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('on damaged and hostile packages', () => {
    const page = text(20, 30, 5, '报告');
    it('refuses a truncated OFD with corrupt-ofd', async () => {
      const bytes = readFileSync(fixture('hongze-2023.ofd'));
      expect(detectReader(bytes.subarray(0, bytes.length / 2), 'x.ofd')?.format).toBe('ofd');
      expect((await errorOf(bytes.subarray(0, Math.floor(bytes.length / 2))))?.code).toBe('corrupt-ofd');
    });
    it('refuses a package without its Document.xml, or a page whose content is missing', async () => {
      expect(await errorOf(buildOfd({ pages: [page], noDocument: true }))).toMatchObject({ code: 'corrupt-ofd', message: expect.stringContaining('Doc_0/Document.xml') });
      expect(await errorOf(buildOfd({ pages: [page], baseLoc: { 0: 'Pages/Page_9/Content.xml' } }))).toMatchObject({ code: 'corrupt-ofd', message: expect.stringContaining('Page_9') });
    });
    it('refuses a page that inflates 1000× (a zip bomb) before inflating it, as a DOCX is refused', async () => {
      const zeros = deflateRawSync(Buffer.alloc(64 * 1024 * 1024));
      const bomb = storedZip(
        [
          { name: 'OFD.xml', data: Buffer.from('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>') },
          { name: 'Doc_0/Pages/Page_0/Content.xml', data: zeros, method: 8 },
        ],
        { 'Doc_0/Pages/Page_0/Content.xml': { compressed: zeros.length, uncompressed: 64 * 1024 * 1024 } },
      );
      expect(await errorOf(bomb)).toMatchObject({ code: 'too-large', message: expect.stringContaining('OFD') });
    });
    it('refuses a BaseLoc that climbs out of the package', async () => {
      expect(await errorOf(buildOfd({ pages: [page], baseLoc: { 0: '../../../etc/passwd' } }))).toMatchObject({ code: 'corrupt-ofd', message: expect.stringContaining('outside the package') });
    });
    it('refuses more pages than maxPdfPages before reading any, and a package with none', async () => {
      const many = buildOfd({ pages: Array.from({ length: 6 }, () => page) });
      expect(await errorOf(many, { ...DEFAULT_LIMITS, maxPdfPages: 5 })).toMatchObject({ code: 'too-many-pages' });
      expect(await errorOf(buildOfd({ pages: [] }))).toMatchObject({ code: 'empty' });
    });
    it('reads pages nested thousands of PageBlocks deep without overflowing (what lies deeper is not read)', async () => {
      const deep = '<ofd:PageBlock>'.repeat(5000) + page + '</ofd:PageBlock>'.repeat(5000);
      const doc = await readOfd(buildOfd({ pages: [text(20, 20, 5, '年度报告') + deep] }), DEFAULT_LIMITS);
      expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : ''))).toEqual(['年度报告']);
    });
    it('stops at the text budget (maxPdfTextItems)', async () => {
      const doc = await readOfd(buildOfd({ pages: [Array.from({ length: 50 }, (_, i) => text(20, 20 + i * 5, 4, `第${i}行`)).join('')] }), { ...DEFAULT_LIMITS, maxPdfTextItems: 10 });
      expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('\n').split('第').length - 1).toBe(10);
    });
  });
});

/** A small PNG (any picture: without OCR it is never decoded). */
function corpusBytesOrNull(): Buffer {
  return Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
}
