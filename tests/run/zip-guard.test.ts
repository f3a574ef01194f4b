import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkZipLimits, readCentralDirectory } from '../../src/run/zip-guard.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { deflatedZeros, docxParts, makeZip } from '../../bench/hostile/make-zip.js';

const corpusDocx = new URL('../../../shared/corpus/rendered/seed-docx.docx', import.meta.url);

describe('checkZipLimits', () => {
  it('accepts a real DOCX from the corpus and counts its entries', async () => {
    const bytes = await readFile(corpusDocx);
    const check = await checkZipLimits(bytes, DEFAULT_LIMITS);
    expect(check.entries).toBe(readCentralDirectory(bytes).length);
    expect(check.entries).toBeGreaterThan(3);
    expect(check.uncompressedBytes).toBeGreaterThan(check.compressedBytes);
  });

  it('rejects a deflate bomb of zeros by its compression ratio before inflating it', async () => {
    const zeros = await deflatedZeros(300 * 1024 * 1024);
    const bomb = makeZip([
      ...docxParts(Buffer.from('<w:document/>')).slice(0, 2),
      { name: 'word/document.xml', data: Buffer.alloc(0), deflated: zeros.deflated, crc: zeros.crc, declaredBytes: 300 * 1024 * 1024 },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(checkZipLimits(bomb, { ...DEFAULT_LIMITS, maxDocxUncompressedBytes: 1024 ** 3 })).rejects.toMatchObject({
      code: 'zip-bomb',
      message: expect.stringMatching(/word\/document\.xml inflates \d+×/),
    });
  });

  it('rejects an archive whose declared total is over the uncompressed limit', async () => {
    const zeros = await deflatedZeros(300 * 1024 * 1024);
    const bomb = makeZip([{ name: 'word/document.xml', data: Buffer.alloc(0), deflated: zeros.deflated, crc: zeros.crc, declaredBytes: 300 * 1024 * 1024 }]);
    await expect(checkZipLimits(bomb, DEFAULT_LIMITS)).rejects.toMatchObject({
      code: 'zip-too-large',
      message: expect.stringContaining('300.0 MiB uncompressed'),
    });
  });

  it('catches a bomb whose header lies about its size by inflating into a counter', async () => {
    const zeros = await deflatedZeros(64 * 1024 * 1024);
    const liar = makeZip([{ name: 'word/document.xml', data: Buffer.alloc(0), deflated: zeros.deflated, crc: zeros.crc, declaredBytes: 1000 }]);
    await expect(checkZipLimits(liar, DEFAULT_LIMITS)).rejects.toMatchObject({
      code: 'zip-bomb',
      message: expect.stringContaining('the header lies'),
    });
  });

  it('rejects more entries than the limit without reading them', async () => {
    const many = makeZip(Array.from({ length: 50 }, (_, i) => ({ name: `part${i}.xml`, data: Buffer.from(`<p>${i}</p>`) })));
    await expect(checkZipLimits(many, { ...DEFAULT_LIMITS, maxDocxZipEntries: 49 })).rejects.toMatchObject({
      code: 'zip-too-many-entries',
      message: 'zip has 50 entries, over the limit of 49 (maxDocxZipEntries)',
    });
    await expect(checkZipLimits(many, { ...DEFAULT_LIMITS, maxDocxZipEntries: 50 })).resolves.toMatchObject({ entries: 50 });
  });

  it('calls a truncated zip and non-zip bytes corrupt', async () => {
    const bytes = await readFile(corpusDocx);
    await expect(checkZipLimits(bytes.subarray(0, bytes.length - 200), DEFAULT_LIMITS)).rejects.toMatchObject({ code: 'zip-corrupt' });
    await expect(checkZipLimits(Buffer.from('%PDF-1.7\n%%EOF\n'.repeat(10)), DEFAULT_LIMITS)).rejects.toMatchObject({
      code: 'zip-corrupt',
      message: expect.stringContaining('no end-of-central-directory'),
    });
  });

  it('accepts stored entries and a DOCX with a large but ordinary document part', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<w:p><w:r><w:t>第${i}行 ${(i * 7919) % 100003}</w:t></w:r></w:p>`).join('');
    const zip = makeZip([...docxParts(Buffer.from(`<w:document><w:body>${rows}</w:body></w:document>`)), { name: 'media/raw.bin', data: Buffer.from('abc'), store: true }]);
    const check = await checkZipLimits(zip, DEFAULT_LIMITS);
    expect(check.entries).toBe(4);
  });
});
