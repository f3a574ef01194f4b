/**
 * A scanned copy of a fixture (every page one JPEG, no text layer) read end to end through OCR: how
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
import { loadFixtures } from './helpers.js';

/** Below this OCR confidence (0..100) a cell counts as flagged for review. */
const LOW_CONFIDENCE = 80;

const fixture = loadFixtures().find((f) => f.fixture === 'split-repeated-header.pdf')!;
const available = await ocrAvailable();

describe.skipIf(!available)('a scanned copy of split-repeated-header.pdf read through OCR', () => {
  let dir = '';
  let record: ReportRecord;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-pdf-scan-'));
    const scanned = path.join(dir, 'scanned.pdf');
    await makeScannedPdf(fixture.path, scanned, { dpi: 200 });
    record = await extractFile(scanned);
  }, 900_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('says every page was read by OCR', () => {
    const ocrPages = record.messages.filter((m) => m.code === 'ocr-used');
    expect(ocrPages.length).toBe(4);
    expect(record.messages.map((m) => m.code)).toContain('no-text-layer');
  });

  it('marks every cell it read as OCR, with a confidence', () => {
    for (const [key, detail] of Object.entries(record.cell_details)) {
      expect(detail.prov?.origin, key).toBe('ocr');
      expect(typeof detail.prov?.confidence, key).toBe('number');
    }
  });

  it('gets the truth cells right, and flags every wrong one by low confidence or a failed identity naming it', () => {
    const keys = Object.keys(fixture.cells);
    const wrong = keys.filter((k) => record.cells[k] !== fixture.cells[k]);
    const right = keys.length - wrong.length;
    const share = right / keys.length;
    console.log(`scanned split-repeated-header: ${right}/${keys.length} truth cells right (${(100 * share).toFixed(1)}%); wrong: ${wrong.map((k) => `${k}=${record.cells[k]} (truth ${fixture.cells[k]}, confidence ${record.cell_details[k]?.prov?.confidence})`).join('; ') || 'none'}`);
    const failedIdentityCells = new Set(record.findings.filter((f) => f.severity !== 'info').flatMap((f) => f.cells));
    const unflagged = wrong.filter((k) => {
      const confidence = record.cell_details[k]?.prov?.confidence;
      const lowConfidence = confidence === undefined || confidence < LOW_CONFIDENCE;
      return !(k in record.cells) ? false : !lowConfidence && !failedIdentityCells.has(k);
    });
    expect(unflagged).toEqual([]);
    expect(share).toBeGreaterThanOrEqual(0.99);
  });
});
