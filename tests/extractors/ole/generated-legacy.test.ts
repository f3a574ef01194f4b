/**
 * Legacy Word (.doc, Word 97) and Excel (.xls, BIFF8) reports made by the variety generator from the
 * corpus truths: portals still attach many reports in these formats. Each is the portal page saved by
 * LibreOffice, read back through nianbao's own path (a .doc converted to DOCX, an .xls to XLSX), with
 * row faults (a stray empty cell, a lost cell, text in a number cell) and the combined axis (wrapped
 * labels, split tables, reworded labels). Every cell exact, or blank, or doubtful; never a confident
 * wrong number, never a finding on basis printed the truth does not expect.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/pipeline.js';
import { isOle2 } from '../../../extractors/ole.js';
import { generate, type VariantTruth } from '../../../tools/variety/generate.js';
import { officeAvailable } from '../../../tools/variety/render/office.js';
import { scoreRecord, type VariantScore } from '../../../tools/variety/score.js';
import { loadTruths } from '../../../tools/variety/truths.js';

const available = await officeAvailable();

describe.skipIf(!available)('legacy .doc and .xls reports the variety generator renders (seed 1, row-faults and combined axes)', () => {
  let dir = '';
  const variants: VariantTruth[] = [];
  const scores = new Map<string, VariantScore>();
  const formats = new Map<string, string>();
  const ole = new Map<string, boolean>();
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-generated-legacy-'));
    const truths = await loadTruths(path.resolve(process.cwd(), '../shared/corpus'));
    variants.push(
      ...(await generate(truths, { seed: 1, count: 0, slowCount: 1, scanCount: 0, formats: ['doc', 'xls'], axes: ['row-faults', 'combined'], outDir: path.join(dir, 'variants'), cacheDir: path.join(dir, 'cache') })),
    );
    for (const variant of variants) {
      const file = path.join(dir, 'variants', variant.file);
      ole.set(variant.id, isOle2(await readFile(file)));
      const record = await extractFile(file);
      formats.set(variant.id, record.format);
      scores.set(variant.id, scoreRecord(variant, record));
    }
  }, 600_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('renders each axis in both formats as OLE2 files, read by the legacy readers', () => {
    expect(variants.map((v) => v.format).sort()).toEqual(['doc', 'doc', 'xls', 'xls']);
    for (const variant of variants) {
      expect(ole.get(variant.id), variant.id).toBe(true);
      expect(formats.get(variant.id), variant.id).toBe(variant.format);
    }
  });

  it('reads every table: no cell silently wrong or missing, nearly all exact', () => {
    for (const score of scores.values()) {
      const misses = score.misses.map((m) => JSON.stringify(m)).join('\n');
      expect(score.status, score.id).not.toBe('failed');
      expect(score.wrong, `${score.id}\n${misses}`).toBe(0);
      expect(score.missing, `${score.id}\n${misses}`).toBe(0);
      expect(score.layoutOk, score.id).toBe(true);
      expect(score.exact / score.cells, `${score.id}\n${misses}`).toBeGreaterThanOrEqual(0.99);
    }
  });

  it('gives no finding on basis printed that the truth does not expect', () => {
    for (const score of scores.values()) expect(score.unearned, score.id).toEqual([]);
  });
});
