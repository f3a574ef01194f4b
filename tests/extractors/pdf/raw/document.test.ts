import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDocument, opIdsOf } from '../../../../bench/raw-paths.js';
import { loadPdfJs } from '../../../../extractors/pdf/pdfjs.js';
import { RawDocument } from '../../../../extractors/pdf/raw/document.js';
import { openRawPdf } from '../../../../extractors/pdf/raw/index.js';
import { PdfDict, PdfName, PdfRef, PdfStream } from '../../../../extractors/pdf/raw/lexer.js';
import type { OpIds } from '../../../../extractors/pdf/rulings.js';
import { FIXTURES } from '../helpers.js';
import { buildPdf, pagesPdf, stream } from './pdf-builder.js';
import { HANG_GUARD_MS } from '../../../hang-guard.js';

let ids: OpIds;
beforeAll(async () => {
  ids = opIdsOf((await loadPdfJs()).OPS);
});

/** The painted paths of a page as plain arrays, to compare documents read different ways. */
function paths(bytes: Uint8Array, page = 0): number[][] {
  const raw = openRawPdf(bytes);
  if (!raw) throw new Error('not opened');
  const ops = raw.operatorList(page, ids);
  return ops.fnArray.flatMap((fn, k) => (fn === ids.constructPath ? [[...((ops.argsArray[k][1] as Float32Array[])[0] ?? [])]] : []));
}

const content = '0.5 w 10 20 m 300 20 l S 10 20 m 10 200 l S';

describe('raw PDF document: object tables', () => {
  it('reads an xref stream (PNG-predicted) whose objects sit in an object stream', () => {
    const bytes = pagesPdf([content], { xref: 'objstm' });
    expect(/^xref$/m.test(bytes.toString('latin1'))).toBe(false);
    expect(bytes.includes('/Type /ObjStm')).toBe(true);
    const doc = RawDocument.open(bytes)!;
    expect(doc).toBeDefined();
    const pages = doc.fetch(new PdfRef(2, 0)) as PdfDict;
    expect(pages).toBeInstanceOf(PdfDict);
    expect((pages.get('Type') as PdfName).name).toBe('Pages');
    expect(doc.fetch(new PdfRef(4, 0))).toBeInstanceOf(PdfStream); // a stream stays top level
    expect(paths(bytes)).toEqual([
      [0, 10, 20, 1, 300, 20],
      [0, 10, 20, 1, 10, 200],
    ]);
  });

  it('reads what qpdf writes with object streams like the original', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nianbao-raw-doc-'));
    try {
      const source = path.join(FIXTURES, 'split-no-header.pdf');
      const target = path.join(dir, 'objstm.pdf');
      execFileSync('qpdf', ['--object-streams=generate', '--', source, target]);
      const original = new Uint8Array(readFileSync(source));
      const rewritten = new Uint8Array(readFileSync(target));
      expect(openRawPdf(rewritten)!.pageCount).toBe(openRawPdf(original)!.pageCount);
      for (let p = 0; p < openRawPdf(original)!.pageCount; p++) expect(paths(rewritten, p)).toEqual(paths(original, p));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a hybrid file, whose /XRefStm lists the objects packed in an object stream', async () => {
    const hybrid = (listAsFree: boolean): Buffer => {
      const parts: Buffer[] = [Buffer.from('%PDF-1.5\n', 'latin1')];
      const offsets: number[] = [];
      let at = parts[0].length;
      const object = (num: number, body: Buffer | string): void => {
        offsets[num] = at;
        const b = Buffer.concat([Buffer.from(`${num} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
        parts.push(b);
        at += b.length;
      };
      object(1, '<< /Type /Catalog /Pages 2 0 R >>');
      object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>');
      object(4, stream('', content));
      object(5, stream('/Type /ObjStm /N 1 /First 4', '2 0 << /Type /Pages /Kids [3 0 R] /Count 1 >>'));
      object(6, stream('/Type /XRef /Size 7 /W [1 4 2] /Index [2 1]', Buffer.from([2, 0, 0, 0, 5, 0, 0])));
      const xrefAt = at;
      const row = (n: number): string => `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
      // Object 2 is either left out of the table or listed there as free.
      const table = listAsFree
        ? `xref\n0 7\n0000000000 65535 f \n${row(1)}0000000000 65535 f \n${row(3)}${row(4)}${row(5)}${row(6)}`
        : `xref\n0 2\n0000000000 65535 f \n${row(1)}3 4\n${row(3)}${row(4)}${row(5)}${row(6)}`;
      parts.push(Buffer.from(`${table}trailer\n<< /Size 7 /Root 1 0 R /XRefStm ${offsets[6]} >>\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
      return Buffer.concat(parts);
    };
    expect(paths(hybrid(false))).toEqual(paths(pagesPdf([content])));
    const comparison = await compareDocument(hybrid(false));
    expect(comparison.fallback).toBeUndefined();
    expect(comparison.pages.map((p) => p.difference)).toEqual([undefined]);
    // A free entry in the table does not hide the stream's entry (qpdf reads this too; pdf.js does not).
    expect(paths(hybrid(true))).toEqual(paths(pagesPdf([content])));
  });

  it('follows /Prev to older sections and lets the newest one win (an incremental update)', () => {
    const first = pagesPdf([content]);
    const firstXref = Number(/startxref\n(\d+)/.exec(first.toString('latin1'))![1]);
    const newContent = stream('', '0 0 m 50 0 l S');
    const updateAt = first.length;
    const update = Buffer.concat([Buffer.from('4 0 obj\n', 'latin1'), newContent, Buffer.from('\nendobj\n', 'latin1')]);
    const xrefAt = updateAt + update.length;
    const table = `xref\n4 1\n${String(updateAt).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 5 /Root 1 0 R /Prev ${firstXref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const bytes = Buffer.concat([first, update, Buffer.from(table, 'latin1')]);
    expect(paths(bytes)).toEqual([[0, 0, 0, 1, 50, 0]]);
  });

  it('rebuilds a table whose offsets are all wrong by scanning for object headers', () => {
    const good = pagesPdf([content]);
    // Twenty bytes of junk after the header shift every object; the table still has the old offsets.
    const shifted = Buffer.concat([good.subarray(0, 9), Buffer.from('%junk junk junk jun\n', 'latin1'), good.subarray(9)]);
    expect(paths(shifted)).toEqual(paths(good));
  });

  it('rebuilds when there is no xref or startxref at all, or startxref points at nothing', () => {
    expect(paths(pagesPdf([content], { xref: 'none' }))).toEqual(paths(pagesPdf([content])));
    const good = pagesPdf([content]).toString('latin1');
    const bad = Buffer.from(good.replace(/startxref\n\d+/, 'startxref\n99999999'), 'latin1');
    expect(paths(bad)).toEqual(paths(Buffer.from(good, 'latin1')));
    const garbage = Buffer.from(good.replace(/startxref\n(\d+)/, (_, n: string) => `startxref\n${Number(n) - 40}`), 'latin1');
    expect(paths(garbage)).toEqual(paths(Buffer.from(good, 'latin1')));
  });

  it('when an object is defined twice, the rebuilt table keeps the last', () => {
    const twice = buildPdf(
      [
        '<< /Type /Catalog /Pages 2 0 R >>',
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
        stream('', '0 0 m 10 0 l S'),
      ],
      { xref: 'none' },
    );
    const again = Buffer.concat([twice.subarray(0, twice.lastIndexOf('trailer')), Buffer.from('4 0 obj\n', 'latin1'), stream('', '0 0 m 20 0 l S'), Buffer.from('\nendobj\n', 'latin1'), twice.subarray(twice.lastIndexOf('trailer'))]);
    expect(paths(again)).toEqual([[0, 0, 0, 1, 20, 0]]);
  });

  it('follows a reference only one level, so references to each other cannot loop', () => {
    const bytes = buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>', '5 0 R', '4 0 R']);
    const raw = openRawPdf(bytes);
    expect(raw?.pageCount).toBe(1);
    expect(raw!.operatorList(0, ids).fnArray).toEqual([]); // /Contents is not a stream: an empty page, as in pdf.js
  });
});

describe('raw PDF document: files it refuses quickly', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nianbao-raw-refuse-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns undefined for an encrypted PDF that needs a user password', () => {
    const source = path.join(FIXTURES, 'landscape-2019-other.pdf');
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', source, path.join(dir, 'aes256.pdf')]);
    expect(openRawPdf(new Uint8Array(readFileSync(path.join(dir, 'aes256.pdf'))))).toBeUndefined();
    execFileSync('qpdf', ['--allow-weak-crypto', '--encrypt', 'u', 'o', '128', '--use-aes=n', '--', source, path.join(dir, 'rc4.pdf')]);
    expect(openRawPdf(new Uint8Array(readFileSync(path.join(dir, 'rc4.pdf'))))).toBeUndefined();
  });

  // Portals publish many reports with an owner password only (no printing, no copying): they open
  // with the empty user password, and every method the standard handler offers must read like pdf.js.
  const ownerOnly: Array<[string, string[]]> = [
    ['rc4-40', ['--allow-weak-crypto', '--encrypt', '', 'owner', '40', '--']],
    ['rc4-128', ['--allow-weak-crypto', '--encrypt', '', 'owner', '128', '--use-aes=n', '--']],
    ['aes-128', ['--encrypt', '', 'owner', '128', '--use-aes=y', '--']],
    ['aes-128 with object streams', ['--object-streams=generate', '--encrypt', '', 'owner', '128', '--use-aes=y', '--']],
    ['aes-256 (R5)', ['--allow-weak-crypto', '--encrypt', '', 'owner', '256', '--force-R5', '--']],
    ['aes-256 (R6)', ['--encrypt', '', 'owner', '256', '--']],
  ];
  for (const [method, args] of ownerOnly) {
    it(`reads an owner-password-only PDF encrypted with ${method}, with the rulings pdf.js finds`, async () => {
      const source = path.join(FIXTURES, 'split-repeated-header.pdf');
      const file = path.join(dir, `owner-${method.replace(/\W+/g, '-')}.pdf`);
      execFileSync('qpdf', [...args, source, file]);
      const bytes = new Uint8Array(readFileSync(file));
      expect(openRawPdf(bytes)).toBeDefined();
      const compared = await compareDocument(bytes);
      expect(compared.fallback).toBeUndefined();
      expect(compared.pages.filter((p) => p.difference)).toEqual([]);
      expect(compared.pages.reduce((n, p) => n + p.segments, 0)).toBeGreaterThan(50);
    });
  }

  it('returns undefined for an /Encrypt found only by a rebuild', () => {
    const bytes = pagesPdf([content], { xref: 'none', trailer: '/Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>' });
    expect(openRawPdf(bytes)).toBeUndefined();
  });

  it('returns undefined for nothing, random bytes, a header alone and HTML', () => {
    expect(openRawPdf(new Uint8Array(0))).toBeUndefined();
    const random = new Uint8Array(1 << 20);
    for (let k = 0; k < random.length; k++) random[k] = (k * 2654435761) >>> 24;
    expect(openRawPdf(random)).toBeUndefined();
    expect(openRawPdf(new Uint8Array(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog', 'latin1')))).toBeUndefined();
    expect(openRawPdf(new Uint8Array(Buffer.from('<!DOCTYPE html><html><body>obj 1 0 obj</body></html>')))).toBeUndefined();
  }, HANG_GUARD_MS);

  it('a page tree that loops gives undefined at once', () => {
    const loop = buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 1 >>', '<< /Type /Page /Parent 3 0 R >>']);
    const selfKid = buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']);
    expect(openRawPdf(loop)).toBeUndefined();
    expect(openRawPdf(selfKid)).toBeUndefined();
  }, HANG_GUARD_MS);

  it('a page tree deeper than the bound gives undefined', () => {
    const depth = 200;
    const bodies = ['<< /Type /Catalog /Pages 2 0 R >>'];
    for (let k = 0; k < depth; k++) bodies.push(`<< /Type /Pages /Kids [${k + 3} 0 R] /Count 1 >>`);
    bodies.push('<< /Type /Page >>');
    expect(openRawPdf(buildPdf(bodies))).toBeUndefined();
  });

  it('rebuilds a file of many streams without endstream in linear time', () => {
    const parts = ['%PDF-1.7\n'];
    for (let k = 1; k <= 20_000; k++) parts.push(`${k} 0 obj\n<< /Type /XRef /Length 999999 >>\nstream\nxx\n`);
    const bytes = Buffer.from(parts.join(''), 'latin1');
    expect(openRawPdf(bytes)).toBeUndefined();
  }, HANG_GUARD_MS);
});
