import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { openPdf, setPdfJsPatched, textLoopStopCount, textOnlyFontCount } from '../../../extractors/pdf/pdfjs.js';
import { asIfAt, patchMainSource, patchWorkerSource } from '../../../extractors/pdf/pdfjs-patch.js';
import { corpusType1 } from './font-pdfs.js';
import { embeddedFontPdf, type EmbeddedFont } from './minimal-pdf.js';

const require = createRequire(import.meta.url);
const standardFont = (name: string): Buffer => readFileSync(require.resolve(`pdfjs-dist/standard_fonts/${name}`));
const mainSource = (): string => readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'), 'utf8');
const workerSource = (): string => readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');

/** TrueType (Word, WPS) and Type1 (LibreOffice) embedded fonts, real and generated. */
const PDFS = [
  '../shared/corpus/real/hongze-2023.pdf',
  '../shared/corpus/real/huaian-city-2024.pdf',
  '../shared/corpus/rendered/pingtan-2023-pdf.pdf',
  '../shared/corpus/rendered/seed-pdf.pdf',
  'tests/fixtures/pdf/landscape-2019-other.pdf',
  'tests/fixtures/pdf/long-wrapped-labels.pdf',
];

/**
 * Every page's text content, with what may differ left out: the document's serial in font names
 * (g_d3_f1), and the styles' ascent and descent, which pdf.js reads from the font program's metric
 * tables and nothing in the reader uses.
 */
async function textContent(bytes: Buffer): Promise<string> {
  const doc = await openPdf(bytes);
  const pages: unknown[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const { items, styles } = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
      const kept = Object.fromEntries(Object.entries(styles).map(([name, s]) => [name, { fontFamily: s.fontFamily, vertical: s.vertical }]));
      pages.push({ items, styles: kept });
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return JSON.stringify(pages).replace(/g_d\d+_/g, 'g_');
}

describe('the text-only font patch of pdf.js', () => {
  it('fits the installed pdfjs-dist exactly once, and refuses a source it was not written for', () => {
    const source = workerSource();
    const patched = patchWorkerSource(source);
    expect(patched).toBeDefined();
    expect(patched!.split('nianbaoTextOnlyFont(this, file, properties)').length).toBe(2);
    // Each place the patch goes in, changed as another version might: no patch at all.
    for (const [from, to] of [
      ['if (!file || file.isEmpty) {', 'if (!file || file.isEmpty()) {'],
      ['} else if (fontFile.isEmpty) {', '} else if (fontFile.isEmpty()) {'],
      ['        if (map[i] !== undefined) {\n          callback(i, map[i]);', '        if (map[i] != null) {\n          callback(i, map[i]);'],
      ['    const clone = Object.create(this);\n    clone.textMatrix = ', '    const clone = Object.create(this, {});\n    clone.textMatrix = '],
      ['      sink?.enqueue(textContent, length);', '      sink?.enqueue(textContent, length) ;'],
      ['        if (textContent.items.length >= (sink?.desiredSize ?? 1)) {', '        if (textContent.items.length > (sink?.desiredSize ?? 1)) {'],
      ['      return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));', '      return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm)) ;'],
      ['    return [m1[0] * m2[0] + m1[2] * m2[1], m1[1] * m2[0] + m1[3] * m2[1],', '    return [m1[0] * m2[0] + m1[2] * m2[1], m1[1] * m2[0] + m1[3] * m2[1] ,'],
      ['      if (batch && length < TEXT_CHUNK_BATCH_SIZE) {', '      if (batch && length <= TEXT_CHUNK_BATCH_SIZE) {'],
      ['  readBlock() {\n    let buffer, hdr, len;\n    const str = this.str;', '  readBlock() {\n    let buffer, hdr, len;\n    const str = this.str ;'],
      ['            next(handleSetFont(fontNameArg, null));\n            return;', '            next(handleSetFont(fontNameArg, null));\n            return ;'],
      ['      const translated = await self.loadFont(fontName, fontRef, resources, task);\n', '      const translated = await self.loadFont(fontName, fontRef, resources, task) ;\n'],
      ['export { WorkerMessageHandler };', 'export { WorkerMessageHandler as W };'],
    ]) {
      expect(source.split(from).length).toBe(2);
      expect(patchWorkerSource(source.replace(from, to))).toBeUndefined();
    }
  });

  it('fits the main half too (text chunks handed over, not cloned), and refuses one it was not written for', () => {
    const source = mainSource();
    expect(patchMainSource(source)).toBeDefined();
    expect(patchMainSource(source.replace('      data: structuredClone(obj, transfer ? {', '      data: structuredClone(obj, transfer ? ({'))).toBeUndefined();
  });

  it('loads a patched half as if from its own file: import.meta.url is the file URL', () => {
    const url = 'file:///x/pdf.mjs';
    const moved = asIfAt(mainSource(), url);
    expect(moved).not.toContain('import.meta.url');
    expect(mainSource().split('import.meta.url').length - 1).toBe(moved.split(JSON.stringify(url)).length - 1);
  });

  it('loads both patched halves from files in node_modules/.cache/nianbao-pdfjs, written whole', async () => {
    expect(await setPdfJsPatched(true)).toBe(true);
    const dir = path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), '..', '.cache', 'nianbao-pdfjs');
    const names = readdirSync(dir).filter((name) => name.endsWith('.mjs'));
    for (const [half, source, patch] of [
      ['pdf', mainSource(), patchMainSource],
      ['pdf.worker', workerSource(), patchWorkerSource],
    ] as const) {
      const file = require.resolve(`pdfjs-dist/legacy/build/${half}.mjs`);
      const expected = asIfAt(patch(source)!, pathToFileURL(file).href);
      const written = names.filter((name) => name.startsWith(`${half}-`) && readFileSync(path.join(dir, name), 'utf8') === expected);
      expect(written.length).toBe(1);
    }
  });

  it('is in the pdf.js the reader loads', async () => {
    expect(await setPdfJsPatched(true)).toBe(true);
  });

  it.each(PDFS)('gives %s the same text content as converting every font, building fonts text-only', async (file) => {
    const bytes = readFileSync(file);
    await setPdfJsPatched(false);
    const before = await textOnlyFontCount();
    const converted = await textContent(bytes);
    expect(await textOnlyFontCount()).toBe(before);
    await setPdfJsPatched(true);
    const textOnly = await textContent(bytes);
    expect(await textOnlyFontCount()).toBeGreaterThan(before);
    expect(textOnly).toBe(converted);
  }, 60_000);
});

describe('the text loop of the patched pdf.js', () => {
  // It sends 1,000 items at a time; it stopped after every operator from the 100th unsent item on
  // (the stream's desired size) without sending anything, thousands of times a report.
  it('stops its operator loop to send text only when a chunk of 1,000 items is due', async () => {
    const bytes = readFileSync('../shared/corpus/real/huaian-city-2024.pdf');
    await setPdfJsPatched(true);
    const from = await textLoopStopCount();
    const pages = JSON.parse(await textContent(bytes)) as Array<{ items: unknown[] }>;
    const stops = (await textLoopStopCount()) - from;
    expect(pages.filter((page) => page.items.length > 100).length).toBeGreaterThan(1);
    expect(stops).toBe(pages.reduce((n, page) => n + Math.floor(page.items.length / 1000), 0));
  }, 60_000);
});

/** Both ways on one document: the text content (as above) and how many of its fonts were built text-only. */
async function bothWays(bytes: Buffer): Promise<{ converted: string; textOnly: string; textOnlyFonts: number }> {
  await setPdfJsPatched(false);
  const converted = await textContent(bytes);
  await setPdfJsPatched(true);
  const before = await textOnlyFontCount();
  const textOnly = await textContent(bytes);
  return { converted, textOnly, textOnlyFonts: (await textOnlyFontCount()) - before };
}

const LINES = ['Annual report 2023: 1,204 requests', 'Public (disclosed) 96.5%'];

const codes = (text: string): number[] => [...text].map((ch) => ch.charCodeAt(0));

describe('which embedded fonts the patch builds text-only, and which it leaves to pdf.js', () => {
  const cases: Array<[string, EmbeddedFont, number]> = [
    ['a non-symbolic TrueType font with an encoding: text-only', { kind: 'TrueType', program: standardFont('LiberationSans-Regular.ttf'), flags: 32, encoding: 'WinAnsiEncoding' }, 1],
    // adjustTrueTypeToUnicode may rebuild its ToUnicode map from the program's name table.
    ['a symbolic TrueType font with no encoding and no ToUnicode map: converted', { kind: 'TrueType', program: standardFont('LiberationSans-Regular.ttf'), flags: 4 }, 0],
    // A bare CFF program (pdf.js's own FoxitSerif) is always converted.
    ['a CFF font: converted', { kind: 'Type1', program: standardFont('FoxitSerif.pfb'), flags: 32, widths: { first: 32, values: Array.from({ length: 95 }, () => 500) } }, 0],
  ];
  it.each(cases)('%s, with the same text content either way', async (_name, font, textOnlyFonts) => {
    const bytes = embeddedFontPdf(font, LINES);
    const result = await bothWays(bytes);
    expect(result.textOnlyFonts).toBe(textOnlyFonts);
    expect(result.textOnly).toBe(result.converted);
    const items = (JSON.parse(result.textOnly) as Array<{ items: Array<{ str: string }> }>)[0].items;
    expect(items.map((i) => codes(i.str))).toEqual(LINES.map(codes));
  }, 60_000);

  // A subset Type1 font's built-in encoding names its glyphs (g1, g2, …): what text it gives does
  // not matter here, only that it is the same either way.
  const type1Cases: Array<[string, boolean, number]> = [
    ['a Type1 font whose /Widths gives every code: text-only', true, 1],
    // The program's own widths fill the codes /Widths leaves out.
    ['a Type1 font with no /Widths: converted', false, 0],
  ];
  it.each(type1Cases)('%s, with the same text content either way', async (_name, withWidths, textOnlyFonts) => {
    const font: EmbeddedFont = { kind: 'Type1', flags: 32, ...corpusType1(), ...(withWidths ? { widths: { first: 0, values: Array.from({ length: 256 }, (_, i) => 300 + i) } } : {}) };
    const result = await bothWays(embeddedFontPdf(font, LINES));
    expect(result.textOnlyFonts).toBe(textOnlyFonts);
    expect(result.textOnly).toBe(result.converted);
    const items = (JSON.parse(result.textOnly) as Array<{ items: Array<{ str: string }> }>)[0].items;
    expect(items.length).toBeGreaterThanOrEqual(LINES.length);
  }, 60_000);
});

describe('page content decoded by native zlib, or by pdf.js when zlib refuses it', () => {
  const font: EmbeddedFont = { kind: 'TrueType', program: standardFont('LiberationSans-Regular.ttf'), flags: 32, encoding: 'WinAnsiEncoding' };
  const whole = embeddedFontPdf(font, LINES, { deflate: true });
  const compressedLength = embeddedFontPdf(font, LINES, { deflate: true, cutAt: 1 << 20 }).length;

  it('reads a compressed page the same both ways, all of its text', async () => {
    expect(whole.length).toBe(compressedLength);
    const result = await bothWays(whole);
    expect(result.textOnly).toBe(result.converted);
    const items = (JSON.parse(result.textOnly) as Array<{ items: Array<{ str: string }> }>)[0].items;
    expect(items.map((i) => codes(i.str))).toEqual(LINES.map(codes));
  }, 60_000);

  /** The text content, or the error getTextContent ends with. */
  async function outcome(bytes: Buffer): Promise<string> {
    return textContent(bytes).catch((error: Error) => `error: ${error.name}: ${error.message}`);
  }

  it('reads a page whose compressed content never ends (zlib refuses it) as pdf.js alone does: all of its text', async () => {
    const unfinished = embeddedFontPdf(font, LINES, { deflate: true, unfinished: true });
    const result = await bothWays(unfinished);
    expect(result.textOnly).toBe(result.converted);
    const items = (JSON.parse(result.textOnly) as Array<{ items: Array<{ str: string }> }>)[0].items;
    expect(items.map((i) => codes(i.str))).toEqual(LINES.map(codes));
  }, 60_000);

  // pdf.js gives up on these ("Bad encoding in flate stream"); so must the patched one.
  it.each([12, 45])('reads a page whose compressed content is cut after %i bytes as pdf.js alone does', async (cutAt) => {
    const cut = embeddedFontPdf(font, LINES, { deflate: true, cutAt });
    expect(cut.length).toBeLessThan(whole.length);
    await setPdfJsPatched(false);
    const converted = await outcome(cut);
    await setPdfJsPatched(true);
    expect(await outcome(cut)).toBe(converted);
  }, 60_000);
});
