/**
 * The raw path reader must be a drop-in for pdf.js's getOperatorList as far as extractRulings sees:
 * on every page of every PDF we have (the shared corpus, the fixtures, the samples, their object-stream
 * rewrites by qpdf, a scanned copy, and hand-made PDFs for what those lack), the same horizontal and
 * vertical rulings within 1e-3, the same hasImages and the same image boxes, using the mapPoint page.ts builds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fg from 'fast-glob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDocument } from '../../../../bench/raw-paths.js';
import { openRawPdf } from '../../../../extractors/pdf/raw/index.js';
import { makeScannedPdf } from '../../../helpers/scanned-pdf.js';
import { CORPUS, FIXTURES } from '../helpers.js';
import { syntheticPdfs } from './synthetic.js';

interface Case {
  name: string;
  bytes: Uint8Array;
}

const onDisk: Case[] = [
  ...fg.sync('**/*.pdf', { cwd: CORPUS, absolute: true }).sort(),
  ...readdirSync(FIXTURES).filter((f) => f.endsWith('.pdf')).sort().map((f) => path.join(FIXTURES, f)),
  ...fg.sync('samples/*.pdf', { absolute: true }).sort(),
].map((file) => ({ name: path.relative(process.cwd(), file), bytes: new Uint8Array(readFileSync(file)) }));

const workDir = mkdtempSync(path.join(tmpdir(), 'nianbao-raw-eq-'));

function qpdfVariants(): Case[] {
  const out: Case[] = [];
  for (const c of onDisk) {
    const target = path.join(workDir, `${path.basename(c.name, '.pdf')}.objstm.pdf`);
    try {
      execFileSync('qpdf', ['--object-streams=generate', '--', path.resolve(c.name), target], { stdio: 'pipe' });
    } catch {
      continue; // no qpdf: the originals still run
    }
    out.push({ name: `${c.name} (qpdf, object streams)`, bytes: new Uint8Array(readFileSync(target)) });
  }
  return out;
}

const cases: Case[] = [...onDisk, ...qpdfVariants(), ...syntheticPdfs().map((s) => ({ name: `synthetic: ${s.name}`, bytes: new Uint8Array(s.bytes) }))];
const pagesOf = (bytes: Uint8Array): number => openRawPdf(bytes)?.pageCount ?? 0;
const totalPages = cases.reduce((n, c) => n + pagesOf(c.bytes), 0);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function expectSameRulings(bytes: Uint8Array, pages: number): Promise<void> {
  const comparison = await compareDocument(bytes);
  expect(comparison.fallback).toBeUndefined();
  expect(comparison.pages).toHaveLength(pages);
  expect(comparison.pages.filter((p) => p.difference).map((p) => `page ${p.page}: ${p.difference}`)).toEqual([]);
}

describe(`raw reader and pdf.js give extractRulings the same rulings: ${totalPages} pages of ${cases.length} PDFs`, () => {
  for (const c of cases) {
    const pages = pagesOf(c.bytes);
    it(`${c.name}: ${pages} pages compared`, async () => {
      expect(pages).toBeGreaterThan(0);
      await expectSameRulings(c.bytes, pages);
    });
  }

  describe('a scan (pages that are one JPEG each)', () => {
    const source = path.join(FIXTURES, 'landscape-2019-other.pdf');
    const pages = pagesOf(new Uint8Array(readFileSync(source)));
    let scanned: Uint8Array;
    beforeAll(async () => {
      const target = path.join(workDir, 'scanned.pdf');
      await makeScannedPdf(source, target, { dpi: 50 });
      scanned = new Uint8Array(readFileSync(target));
    }, 120_000);

    it(`scanned copy of landscape-2019-other.pdf: ${pages} pages compared, each with an image`, async () => {
      await expectSameRulings(scanned, pages);
      const comparison = await compareDocument(scanned);
      expect(comparison.pages.every((p) => p.hasImages)).toBe(true);
    });
  });
});
