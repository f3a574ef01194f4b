import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readPdf } from '../../../../extractors/pdf/index.js';
import { RawPdfUnsupported } from '../../../../extractors/pdf/raw/bounds.js';
import { decodeFilters, newBudget } from '../../../../extractors/pdf/raw/filters.js';
import { forgetInflated, rememberInflated } from '../../../../extractors/pdf/raw/inflated.js';

const content = new Uint8Array(Buffer.from('0.5 w 10 20 m 300 20 l S BT /F1 12 Tf (page text) Tj ET\n'.repeat(40), 'latin1'));
const wrapped = new Uint8Array(zlib.deflateSync(content));
const body = wrapped.subarray(2);
const inflate = (data: Uint8Array, cap?: number) => {
  const budget = newBudget();
  if (cap !== undefined) budget.remaining = cap;
  return decodeFilters(data, ['FlateDecode'], [], budget);
};

afterEach(() => {
  forgetInflated();
  vi.restoreAllMocks();
});

describe('deflate data pdf.js already inflated', () => {
  it('is taken from what pdf.js made, equal to what the raw reader inflates itself, a spoilt checksum or not', () => {
    const own = Buffer.from(inflate(wrapped));
    const spoilt = wrapped.slice();
    spoilt[spoilt.length - 1] ^= 0xff;
    expect(Buffer.from(inflate(spoilt))).toEqual(own);
    // pdf.js inflates what follows the two header bytes, the checksum included (and ignored).
    for (const data of [wrapped, spoilt]) rememberInflated(data.slice(2), zlib.inflateRawSync(data.subarray(2)));
    const spy = vi.spyOn(zlib, 'inflateSync');
    expect(Buffer.from(inflate(wrapped))).toEqual(own);
    expect(Buffer.from(inflate(spoilt))).toEqual(own);
    expect(spy).not.toHaveBeenCalled();
  });

  it('is matched by its bytes, not its length, and still held to the size bound', () => {
    const other = body.slice();
    other[10] ^= 0x01;
    rememberInflated(other, new Uint8Array(content.length));
    expect(Buffer.from(inflate(wrapped))).toEqual(Buffer.from(content));
    rememberInflated(body.slice(), zlib.inflateRawSync(body));
    expect(() => inflate(wrapped, content.length - 1)).toThrow(RawPdfUnsupported);
  });

  it('spares the raw reader inflating the page content pdf.js read before it', async () => {
    const spy = vi.spyOn(zlib, 'inflateSync');
    const doc = await readPdf(readFileSync('../shared/corpus/real/huaian-city-2024.pdf'));
    expect(doc.blocks.some((b) => b.kind === 'table')).toBe(true);
    expect(spy).not.toHaveBeenCalled();
  }, 60_000);
});
