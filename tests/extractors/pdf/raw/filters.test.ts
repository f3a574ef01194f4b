import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { RawPdfUnsupported } from '../../../../extractors/pdf/raw/bounds.js';
import { decodeFilters, newBudget } from '../../../../extractors/pdf/raw/filters.js';

const latin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const decode = (data: Uint8Array, filters: string[], parms: Parameters<typeof decodeFilters>[2] = []): string =>
  Buffer.from(decodeFilters(data, filters, parms, newBudget())).toString('latin1');

/** PNG-filters rows with the given per-row filter types (the encoder side, to test the decoder). */
function pngEncode(rows: number[][], types: number[], bpp: number): Uint8Array {
  const out: number[] = [];
  let prev: number[] = new Array(rows[0].length).fill(0);
  rows.forEach((row, r) => {
    const t = types[r % types.length];
    out.push(t);
    row.forEach((x, i) => {
      const left = i >= bpp ? row[i - bpp] : 0;
      const up = prev[i];
      const upLeft = i >= bpp ? prev[i - bpp] : 0;
      const paeth = (): number => {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      };
      const predicted = [0, left, up, (left + up) >> 1, paeth()][t];
      out.push((x - predicted) & 0xff);
    });
    prev = row;
  });
  return Uint8Array.from(out);
}

describe('raw PDF filters', () => {
  it('decodes ASCIIHex and ASCII85 (with z, whitespace and a short last group)', () => {
    expect(decode(latin1('48 65 6c 6C 6f 2>'), ['ASCIIHexDecode'])).toBe('Hello '); // the odd last digit is padded: 2 → 0x20
    expect(decode(latin1('87cURD]i,"Ebo80~>'), ['ASCII85Decode'])).toBe('Hello World!');
    expect(decode(latin1('z 87cUR\nD]i,"Ebo80~>'), ['A85'])).toBe('\0\0\0\0Hello World!');
    expect(decode(latin1('9jqo^~>'), ['A85'])).toBe('Man ');
    expect(decode(latin1('9jqo~>'), ['A85'])).toBe('Man');
  });

  it('applies filters in order, Flate after ASCII85', () => {
    const deflated = zlib.deflateSync(Buffer.from('0 0 m 10 0 l S'));
    // Node has no ASCII85 encoder: AHx stands in as the outer filter.
    const hex = latin1(`${deflated.toString('hex')}>`);
    expect(decode(hex, ['AHx', 'FlateDecode'])).toBe('0 0 m 10 0 l S');
  });

  it('undoes the PNG predictors (None, Sub, Up, Average, Paeth, mixed per row)', () => {
    const rows = Array.from({ length: 7 }, (_, r) => Array.from({ length: 9 }, (_, i) => (r * 31 + i * 17 + ((r * i) % 5) * 40) & 0xff));
    const expected = Buffer.from(rows.flat()).toString('latin1');
    for (const types of [[0], [1], [2], [3], [4], [0, 1, 2, 3, 4]]) {
      const data = zlib.deflateSync(pngEncode(rows, types, 3));
      expect(decode(data, ['FlateDecode'], [{ predictor: 10 + types[0], colors: 3, bitsPerComponent: 8, columns: 3 }])).toBe(expected);
    }
  });

  it('undoes the TIFF predictor for 8-bit components', () => {
    const data = Uint8Array.from([10, 1, 1, 1, 20, 2, 2, 2]); // two rows of four, one colour
    const out = decodeFilters(zlib.deflateSync(data), ['FlateDecode'], [{ predictor: 2, colors: 1, bitsPerComponent: 8, columns: 4 }], newBudget());
    expect([...out]).toEqual([10, 11, 12, 13, 20, 22, 24, 26]);
  });

  it('refuses image codecs and unknown filters', () => {
    for (const f of ['DCTDecode', 'LZWDecode', 'RunLengthDecode', 'CCITTFaxDecode', 'JBIG2Decode', 'Crypt', 'Bogus']) {
      expect(() => decode(latin1('x'), [f])).toThrow(RawPdfUnsupported);
    }
  });

  it('stops at the document budget across streams', () => {
    const data = zlib.deflateSync(Buffer.alloc(1 << 20));
    const budget = { remaining: 3 << 20 };
    decodeFilters(data, ['FlateDecode'], [], budget);
    decodeFilters(data, ['FlateDecode'], [], budget);
    decodeFilters(data, ['FlateDecode'], [], budget);
    expect(() => decodeFilters(data, ['FlateDecode'], [], budget)).toThrow(RawPdfUnsupported);
  });

  it('reads Flate data with a wrong checksum, as pdf.js does', () => {
    const good = zlib.deflateSync(Buffer.from('0 0 m 10 0 l S'));
    const bad = Buffer.from(good);
    bad[bad.length - 1] ^= 0xff;
    expect(decode(bad, ['FlateDecode'])).toBe('0 0 m 10 0 l S');
  });
});
