/**
 * The generator format pdf-reordered: a PDF whose text objects are drawn in another order than they are read
 * (tools/variety/render/reordered.ts). The page must look the same — each moved text object carries the state it
 * was drawn in — while a reader that follows the content stream meets the text in the new order.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAW_ORDERS, parseContent, parseToUnicode, reorderContent, reorderPdfText } from '../../../tools/variety/render/reordered.js';
import { Random } from '../../../tools/variety/random.js';
import { pdfFromObjects } from '../../extractors/pdf/minimal-pdf.js';

/**
 * A page drawn as LibreOffice draws one (a clip around the page, each run in `q … rg BT … Td … Tf … ET Q`) and
 * with the state real producers leave between text objects: a font set outside any text object, a colour set
 * inside one that the next one uses, a font set in one text object that the next one uses, a transformation
 * around a group of them, and table rulings drawn between them.
 */
const CONTENT = [
  '0.1 w',
  'q 0 0 595 842 re',
  'W* n',
  'q 0 0 0 rg',
  'BT',
  '72 760 Td /F1 18 Tf (Annual report 2024)Tj',
  'ET',
  'Q',
  '/F1 11 Tf',
  '0.5 0.5 0.5 RG',
  'q 1 0 0 1 30 -20 cm',
  '42 700 m 400 700 l S',
  '42 680 m 400 680 l S',
  '200 680 m 200 720 l S',
  'BT 46 686 Td (Requests received)Tj ET',
  'BT 0.7 0 0 rg 210 686 Td [(12)-20(3)]TJ ET',
  'BT 300 686 Td (456)Tj ET',
  'Q',
  'q 0 0 0 rg',
  'BT /F1 12 Tf 1 0 0 1 72 600 Tm (Closing words)Tj ET',
  'BT 72 580 Td (2023)Tj ET',
  'BT 0 0 1 rg 14 TL 72 560 Td (In blue)Tj T* (and again)Tj ET',
  'Q',
  'Q',
].join('\n');

const TO_UNICODE = [
  '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
  '1 begincodespacerange <00> <FF> endcodespacerange',
  '1 beginbfrange <20> <7E> <0020> endbfrange',
  'endcmap CMapName currentdict /CMap defineresource pop end end',
].join('\n');

function samplePdf(): Buffer {
  const stream = (body: string): Buffer[] => [Buffer.from(`<< /Length ${body.length} >>\nstream\n${body}\nendstream`, 'latin1')];
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream(CONTENT),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 6 0 R >>',
    stream(TO_UNICODE),
  ]);
}

const fonts = new Map([['F1', parseToUnicode(TO_UNICODE)]]);
/** The texts a content stream shows, in its order. */
const shown = (content: string): string[] =>
  (parseContent(content) ?? [])
    .filter((o) => o.op === 'Tj' || o.op === 'TJ')
    .map((o) => o.args.filter((a) => a.startsWith('(')).map((a) => a.slice(1, -1)).join(''));

describe('reorderContent', () => {
  const original = shown(CONTENT);

  it('draws the text objects reversed, column by column, numbers last, or shuffled', () => {
    const order = (o: (typeof DRAW_ORDERS)[number]) => shown(reorderContent(CONTENT, o, fonts, new Random(1))!);
    expect(original).toEqual(['Annual report 2024', 'Requests received', '123', '456', 'Closing words', '2023', 'In blue', 'and again']);
    expect(order('reversed')).toEqual(['In blue', 'and again', '2023', 'Closing words', '456', '123', 'Requests received', 'Annual report 2024']);
    // Column-major: by x on the page (the transformation counts), then from the top.
    expect(order('columns')).toEqual(['Annual report 2024', 'Closing words', '2023', 'In blue', 'and again', 'Requests received', '123', '456']);
    expect(order('numbers-last')).toEqual(['Annual report 2024', 'Requests received', 'Closing words', 'In blue', 'and again', '123', '456', '2023']);
    const shuffled = order('shuffled');
    expect(shuffled).not.toEqual(original);
    expect([...shuffled].sort()).toEqual([...original].sort());
  });

  it('wraps each moved text object with its state and leaves behind what it set for what follows', () => {
    const out = reorderContent(CONTENT, 'reversed', fonts, new Random(1))!;
    // The text object that used the red set inside the one before it, and the font set outside any, carries both.
    expect(out).toContain('q\n0 0 595 842 re\nW* n\n1 0 0 1 30 -20 cm\n0.1 w\n0.7 0 0 rg\n0.5 0.5 0.5 RG\n/F1 11 Tf\nBT\n300 686 Td\n(456)Tj\nET\nQ');
    // The font the closing words set stays in force for 2023.
    expect(out).toContain('q\n0 0 595 842 re\nW* n\n0.1 w\n0 0 0 rg\n0.5 0.5 0.5 RG\n/F1 12 Tf\nBT\n72 580 Td\n(2023)Tj\nET\nQ');
    // What the moved objects set is left in their place: the red for 456, the font for 2023.
    expect(out).toContain('S\n0.7 0 0 rg\nQ');
    expect(out).toContain('q\n0 0 0 rg\n/F1 12 Tf\n0 0 1 rg\n14 TL\nQ');
    // Nothing to move: a single text object, or an inline image the cutter does not take apart.
    expect(reorderContent('BT (a)Tj ET', 'reversed', fonts, new Random(1))).toBeUndefined();
    expect(reorderContent('BT (a)Tj ET BT (b)Tj ET q BI /W 1 /H 1 ID x EI Q', 'reversed', fonts, new Random(1))).toBeUndefined();
  });
});

describe('reorderPdfText', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-reordered-test-'));
    await writeFile(path.join(dir, 'source.pdf'), samplePdf());
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const render = async (pdf: string): Promise<Buffer> => {
    const prefix = path.join(dir, path.basename(pdf, '.pdf'));
    execFileSync('pdftoppm', ['-r', '50', '-singlefile', pdf, prefix]);
    return readFile(`${prefix}.ppm`);
  };
  const text = (pdf: string, mode: string[]): string => execFileSync('pdftotext', [...mode, pdf, '-'], { encoding: 'utf8' });

  it.each(DRAW_ORDERS)('%s: the page looks the same, and its text comes in another order from the content stream', async (order) => {
    const source = path.join(dir, 'source.pdf');
    const target = path.join(dir, `${order}.pdf`);
    await reorderPdfText(source, target, order);
    expect((await render(target)).equals(await render(source))).toBe(true);
    // pdftotext -raw keeps the content stream's order; its default reading order is geometric and does not change.
    expect(text(target, ['-raw'])).not.toBe(text(source, ['-raw']));
    expect(text(target, [])).toBe(text(source, []));
  });
});
