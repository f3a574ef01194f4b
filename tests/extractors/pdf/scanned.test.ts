/**
 * Scanned copies of fixtures (every page one JPEG, no text layer) read end to end through OCR: how
 * many truth cells come out right, and that every wrong one is flagged, never silently wrong.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/pipeline.js';
import { ocrAvailable } from '../../../extractors/pdf/ocr.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { makeScannedPdf } from '../../helpers/scanned-pdf.js';
import { loadFixtures, type FixtureTruth } from './helpers.js';
import { scoreScan, type ScanScore } from './scan-score.js';

function describeScan(record: ReportRecord, truth: Record<string, number | null>, score: ScanScore): string {
  const show = (k: string): string => `${k}=${record.cells[k]} (truth ${truth[k]}, confidence ${record.cell_details[k]?.prov?.confidence?.toFixed(0)})`;
  return `${score.right}/${score.total} right (${((100 * score.right) / score.total).toFixed(1)}%); silently wrong: ${score.silentlyWrong.map(show).join('; ') || 'none'}`;
}

const available = await ocrAvailable();

function scanned(name: string): { record: () => ReportRecord; fixture: FixtureTruth } {
  const fixture = loadFixtures().find((f) => f.fixture === `${name}.pdf`)!;
  let dir = '';
  let record: ReportRecord;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-pdf-scan-'));
    const copy = path.join(dir, 'scanned.pdf');
    await makeScannedPdf(fixture.path, copy, { dpi: 200 });
    record = await extractFile(copy);
  }, 900_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return { record: () => record, fixture };
}

describe.skipIf(!available)('a scanned copy of split-repeated-header.pdf read through OCR', () => {
  const scan = scanned('split-repeated-header');

  it('says every page was read by OCR', () => {
    const codes = scan.record().messages.map((m) => m.code);
    expect(codes.filter((c) => c === 'ocr-used')).toHaveLength(4);
    expect(codes).toContain('no-text-layer');
  });

  it('marks every cell as read by OCR, and every number with a confidence', () => {
    const record = scan.record();
    for (const [key, detail] of Object.entries(record.cell_details)) {
      expect(detail.prov?.origin, key).toBe('ocr');
      if (typeof record.cells[key] === 'number') expect(typeof detail.prov?.confidence, key).toBe('number');
    }
  });

  it('gets at least 99% of the truth cells right and none silently wrong', () => {
    const score = scoreScan(scan.fixture.cells, scan.record());
    console.log(`scanned split-repeated-header: ${describeScan(scan.record(), scan.fixture.cells, score)}`);
    expect(score.silentlyWrong).toEqual([]);
    expect(score.right / score.total).toBeGreaterThanOrEqual(0.99);
  });
});

describe.skipIf(!available)('a scanned copy of landscape-2019-other.pdf (landscape pages, 2019 requests layout) read through OCR', () => {
  const scan = scanned('landscape-2019-other');

  it('gets at least 99% of the truth cells right and flags every wrong one, even where OCR garbles group labels', () => {
    const record = scan.record();
    const score = scoreScan(scan.fixture.cells, record);
    const wrong = score.wrong.map((k) => `${k}=${record.cells[k]} (truth ${scan.fixture.cells[k]})`);
    console.log(`scanned landscape-2019-other: ${describeScan(record, scan.fixture.cells, score)}; wrong: ${wrong.join('; ')}`);
    expect(score.silentlyWrong).toEqual([]);
    expect(score.right / score.total).toBeGreaterThanOrEqual(0.99);
  });
});
