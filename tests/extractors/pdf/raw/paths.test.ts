import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { opIdsOf } from '../../../../bench/raw-paths.js';
import { loadPdfJs, openPdf } from '../../../../extractors/pdf/pdfjs.js';
import { openRawPdf, RawPdfUnsupported, type RawOperatorList } from '../../../../extractors/pdf/raw/index.js';
import { extractRulings, type OpIds } from '../../../../extractors/pdf/rulings.js';
import { buildPdf, pagesPdf, stream } from './pdf-builder.js';
import { binaryWithEi } from './synthetic.js';
import { HANG_GUARD_MS } from '../../../hang-guard.js';

let ids: OpIds;
beforeAll(async () => {
  ids = opIdsOf((await loadPdfJs()).OPS);
});

const identity = (x: number, y: number): [number, number] => [x, y];
const opsOf = (bytes: Uint8Array, page = 0): RawOperatorList => openRawPdf(bytes)!.operatorList(page, ids);
const opsOfContent = (content: string | Buffer, resources?: string): RawOperatorList => opsOf(pagesPdf([typeof content === 'string' ? content : stream('', content)], { resources }));

/** constructPath ops as [paint op name, path data]. */
function paths(ops: RawOperatorList): [string, number[]][] {
  const names = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
  return ops.fnArray.flatMap((fn, k): [string, number[]][] => {
    if (fn !== ids.constructPath) return [];
    const [paint, [data]] = ops.argsArray[k] as [number, Float32Array[]];
    return [[names.get(paint) ?? String(paint), [...data]]];
  });
}

function opNames(ops: RawOperatorList): string[] {
  const names = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
  return ops.fnArray.map((fn) => names.get(fn) ?? String(fn));
}

describe('raw content scanner: paths', () => {
  it('draws a rectangle as pdf.js 5.4 does: four corners counter-clockwise from (x, y), then closePath', async () => {
    const bytes = pagesPdf(['10 20 30 40 re S 5 6 70 0 re f']);
    expect(paths(opsOf(bytes))).toEqual([
      ['stroke', [0, 10, 20, 1, 40, 20, 1, 40, 60, 1, 10, 60, 3]],
      // A zero-height rectangle is one diagonal in pdf.js.
      ['fill', [0, 5, 6, 1, 75, 6, 3]],
    ]);
    // And pdf.js agrees on the very same numbers.
    const doc = await openPdf(bytes);
    const list = await (await doc.getPage(1)).getOperatorList();
    const fromPdfJs = list.fnArray.flatMap((fn, k) => (fn === ids.constructPath ? [[...(list.argsArray[k][1][0] as Float32Array)]] : []));
    await doc.destroy();
    expect(fromPdfJs).toEqual(paths(opsOf(bytes)).map(([, data]) => data));
  });

  it('maps every painting operator to its pdf.js op, closing first for s, b and b*, and n paints nothing', () => {
    const ops = opsOfContent('0 0 m 1 0 l S 0 0 m 1 0 l s 0 0 m 1 0 l f 0 0 m 1 0 l F 0 0 m 1 0 l f* 0 0 m 1 0 l B 0 0 m 1 0 l B* 0 0 m 1 0 l b 0 0 m 1 0 l b* 0 0 m 1 0 l n 0 0 10 10 re W n');
    expect(paths(ops)).toEqual([
      ['stroke', [0, 0, 0, 1, 1, 0]],
      ['closeStroke', [0, 0, 0, 1, 1, 0, 3]],
      ['fill', [0, 0, 0, 1, 1, 0]],
      ['fill', [0, 0, 0, 1, 1, 0]],
      ['eoFill', [0, 0, 0, 1, 1, 0]],
      ['fillStroke', [0, 0, 0, 1, 1, 0]],
      ['eoFillStroke', [0, 0, 0, 1, 1, 0]],
      ['closeFillStroke', [0, 0, 0, 1, 1, 0, 3]],
      ['closeEOFillStroke', [0, 0, 0, 1, 1, 0, 3]],
    ]);
  });

  it('gives v and y curves their implied control point', () => {
    expect(paths(opsOfContent('10 10 m 20 30 40 10 v 50 60 70 80 y S'))).toEqual([['stroke', [0, 10, 10, 2, 10, 10, 20, 30, 40, 10, 2, 50, 60, 70, 80, 70, 80]]]);
  });

  it('keeps q, Q and cm, and ignores an extra Q', () => {
    const ops = opsOfContent('q 2 0 0 2 5 5 cm 0 0 m 10 0 l S Q Q 0 0 m 0 10 l S');
    expect(opNames(ops)).toEqual(['save', 'transform', 'constructPath', 'restore', 'constructPath']);
    expect(ops.argsArray[1]).toEqual([2, 0, 0, 2, 5, 5]);
  });

  it('skips text, strings with parentheses and escapes, arrays, dictionaries and comments', () => {
    const content = [
      'BT /F1 12 Tf (0 0 m 100 0 l S) Tj (\\) 0 0 m 100 0 l S \\() Tj ((nested) 0 0 m) Tj [(a) -3 <30> (b\\)c)] TJ ET',
      '% 0 0 m 100 0 l S',
      '/P << /MCID 0 /Alt (0 0 m 100 0 l S) /Nested << /A [1 2] >> >> BDC EMC',
      '0 5 m 100 5 l S',
    ].join('\n');
    expect(paths(opsOfContent(content))).toEqual([['stroke', [0, 0, 5, 1, 100, 5]]]);
  });

  it('splits operators written together the way pdf.js does ("fQ" is f then Q)', () => {
    const ops = opsOfContent('q 0 0 m 10 0 l 10 1 l fQ 0 0 m 5 5 l S');
    expect(opNames(ops)).toEqual(['save', 'constructPath', 'restore', 'constructPath']);
  });

  it('throws for a path operand that is not a number and for too many operands', () => {
    expect(() => opsOfContent('0 0 m (x) 10 l S')).toThrow(RawPdfUnsupported);
    expect(() => opsOfContent(`${'1 '.repeat(40)} m`)).toThrow(RawPdfUnsupported);
  });
});

describe('raw content scanner: XObjects and images', () => {
  it('draws a form XObject inside save/transform/restore, so its /Matrix reaches the rulings', () => {
    const bytes = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Fm 5 0 R >> >> /Contents 4 0 R >>',
      stream('', '/Fm Do 0 300 m 50 300 l S'),
      // An extra Q and an unclosed q inside: neither leaks out of the form.
      stream('/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [2 0 0 2 10 20]', 'Q q 0 0 m 100 0 l S', { flate: true }),
    ]);
    const ops = opsOf(bytes);
    expect(opNames(ops)).toEqual(['save', 'transform', 'save', 'constructPath', 'restore', 'restore', 'constructPath']);
    expect(ops.argsArray[1]).toEqual([2, 0, 0, 2, 10, 20]);
    const rulings = extractRulings(ops, ids, identity, 100);
    expect(rulings.horizontal).toEqual([
      { y: 20, x0: 10, x1: 210 },
      { y: 300, x0: 0, x1: 50 },
    ]);
  });

  it('refuses a form that draws itself, and forms nested deeper than the bound, quickly', () => {
    const selfDrawing = buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Fm 5 0 R >> >> /Contents 4 0 R >>',
      stream('', '/Fm Do'),
      stream('/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /Fm 5 0 R >> >>', '/Fm Do'),
    ]);
    expect(() => opsOf(selfDrawing)).toThrow(RawPdfUnsupported);
    // Twenty distinct forms, each drawing the next.
    const bodies = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /Resources << /XObject << /X 5 0 R >> >> /Contents 4 0 R >>', stream('', '/X Do')];
    for (let k = 0; k < 20; k++) bodies.push(stream(`/Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /X ${6 + k} 0 R >> >>`, '0 0 m 1 0 l S /X Do'));
    bodies.push(stream('/Subtype /Form /BBox [0 0 1 1]', ''));
    expect(() => opsOf(buildPdf(bodies))).toThrow(/nested too deep/);
  });

  it('skips inline image data that holds "EI" and finds the EI that ends it', () => {
    const data = binaryWithEi(64);
    expect(data.includes('EI ')).toBe(true);
    expect(data.includes('\nEI\n')).toBe(true);
    const content = Buffer.concat([
      Buffer.from('q 64 0 0 1 0 0 cm BI /W 64 /H 1 /BPC 8 /CS /G ID ', 'latin1'),
      data,
      Buffer.from('\nEI Q 0 100 m 200 100 l S\n', 'latin1'),
      // Filtered data has no known size: found by pdf.js's search for a plausible EI.
      Buffer.from('BI /W 64 /H 1 /BPC 8 /CS /G /F /AHx ID 45492045490a', 'latin1'),
      Buffer.from('> EI 0 200 m 200 200 l S', 'latin1'),
    ]);
    const ops = opsOfContent(content);
    expect(opNames(ops)).toEqual(['save', 'transform', 'paintInlineImageXObject', 'restore', 'constructPath', 'paintInlineImageXObject', 'constructPath']);
    expect(paths(ops)).toEqual([
      ['stroke', [0, 0, 100, 1, 200, 100]],
      ['stroke', [0, 0, 200, 1, 200, 200]],
    ]);
  });

  it('chooses the image operator pdf.js chooses', () => {
    const resources = '<< /XObject << /Im 5 0 R /Mask 6 0 R /Dot 7 0 R /NoSize 8 0 R >> >>';
    const bytes = pagesPdf(['/Im Do /Mask Do /Dot Do /NoSize Do BI /W 300 /H 1 /BPC 8 /CS /G ID\n' + 'x'.repeat(300) + '\nEI BI /W 8 /H 1 /IM true ID \xff\nEI'], {
      resources,
      extra: [
        stream('/Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8', Buffer.alloc(4)),
        stream('/Subtype /Image /Width 8 /Height 1 /ImageMask true', Buffer.from([0xff])),
        stream('/Subtype /Image /Width 1 /Height 1 /ImageMask true', Buffer.from([0x00])),
        stream('/Subtype /Image /ColorSpace /DeviceGray /BitsPerComponent 8', Buffer.alloc(4)),
      ],
    });
    expect(opNames(opsOf(bytes))).toEqual(['paintImageXObject', 'paintImageMaskXObject', 'paintImageXObject', 'paintImageMaskXObject']);
  });

  it('reads the soft-mask group of an ExtGState, where pdf.js draws it', () => {
    const bytes = pagesPdf(['/G1 gs /G1 gs /None gs'], {
      resources: '<< /ExtGState << /G1 << /SMask << /S /Luminosity /G 5 0 R >> >> /None << /SMask /None >> >> >>',
      extra: [stream('/Subtype /Form /BBox [0 0 9 9]', '0 0 m 9 0 l S')],
    });
    expect(opNames(opsOf(bytes))).toEqual(['save', 'constructPath', 'restore', 'save', 'constructPath', 'restore']);
  });
});

describe('raw content scanner: what it refuses', () => {
  it('throws for a content stream filter it does not decode', () => {
    const lzw = pagesPdf([Buffer.from('<< /Length 4 /Filter /LZWDecode >>\nstream\n\x80\x0b\x60\x50\nendstream', 'latin1')]);
    expect(() => opsOf(lzw)).toThrow(/filter LZWDecode/);
  });

  it('throws for a page with an annotation that draws, not for a plain link', () => {
    const page = (annots: string): Buffer =>
      buildPdf([
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        `<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Annots [${annots}] >>`,
        stream('', '0 0 m 9 0 l S'),
      ]);
    expect(paths(opsOf(page('<< /Subtype /Link /Rect [0 0 9 9] /A << /S /URI /URI (http://x) >> >>')))).toHaveLength(1);
    expect(() => opsOf(page('<< /Subtype /Widget /Rect [0 0 9 9] /FT /Tx >>'))).toThrow(/annotation/);
    expect(() => opsOf(page('<< /Subtype /Link /Rect [0 0 9 9] /AP << /N 4 0 R >> >>'))).toThrow(/annotation/);
  });

  it('reads a truncated deflate stream as far as it goes', () => {
    const lines = Array.from({ length: 200 }, (_, k) => `0 ${(k * 7919) % 1000} m 10 ${(k * 7919) % 1000} l S\n`);
    const full = zlib.deflateSync(Buffer.from(lines.join(''), 'latin1'));
    const cut = full.subarray(0, Math.floor(full.length * 0.6));
    const bytes = pagesPdf([Buffer.concat([Buffer.from(`<< /Length ${cut.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), cut, Buffer.from('\nendstream', 'latin1')])]);
    const count = paths(opsOf(bytes)).length;
    expect(count).toBeGreaterThan(10);
    expect(count).toBeLessThan(200);
  });

  it('stops a deflate bomb at the stream bound, quickly', () => {
    const bomb = zlib.deflateSync(Buffer.alloc(80 * 1024 * 1024, 0x20), { level: 9 });
    const bytes = pagesPdf([Buffer.concat([Buffer.from(`<< /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), bomb, Buffer.from('\nendstream', 'latin1')])]);
    expect(() => opsOf(bytes)).toThrow(/size bound/);
  }, HANG_GUARD_MS);

  it('stops a page with more tokens than the bound', () => {
    const content = zlib.deflateSync(Buffer.from('n '.repeat(2_100_000), 'latin1'));
    const bytes = pagesPdf([Buffer.concat([Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream', 'latin1')])]);
    expect(() => opsOf(bytes)).toThrow(/too many tokens/);
  });

  it('goes through a long run of bytes without delimiters in linear time', () => {
    const junk = Buffer.alloc(1_500_000, 0x80);
    expect(paths(opsOfContent(Buffer.concat([junk, Buffer.from(' 0 0 m 9 0 l S', 'latin1')])))).toHaveLength(1);
  }, HANG_GUARD_MS);

  it('refuses operands that pile up unconsumed', () => {
    expect(() => opsOfContent('1 2 3 4 5 6 7 8 9 q '.repeat(2_000))).toThrow(/surplus operands/);
  });
});
