/** Reading a picture once per describe block, and scoring it against the truth cells of the tables it shows (shared by the image and DOCX picture tests). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { extractFile } from '../../../src/pipeline.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { OCR_CONFIDENCE_FLOOR } from '../../../src/templates/doubt.js';
import { LOW_CONFIDENCE, scoreScan } from '../pdf/scan-score.js';

export function expectScore(record: ReportRecord, truth: Record<string, number | null>, label: string): void {
  const score = scoreScan(truth, record);
  const wrong = score.wrong.map((k) => `${k}=${record.cells[k]} (truth ${truth[k]}, doubt ${record.cell_details[k]?.doubt ?? '-'})`);
  console.log(`${label}: ${score.right}/${score.total} right; wrong: ${wrong.join('; ') || 'none'}`);
  expect(score.silentlyWrong).toEqual([]);
  // Every wrong cell is blank or carries a doubt; none passes as read.
  for (const key of score.wrong) expect(record.cells[key] === null || record.cell_details[key]?.doubt !== undefined || (record.cell_details[key]?.prov?.confidence ?? 100) < LOW_CONFIDENCE, key).toBe(true);
  expect(score.right / score.total).toBeGreaterThanOrEqual(0.98);
}

export function expectOcrCells(record: ReportRecord): void {
  const numbers = Object.entries(record.cells).filter(([, value]) => typeof value === 'number');
  expect(numbers.length).toBeGreaterThan(0);
  for (const [key] of numbers) {
    expect(record.cell_details[key]?.prov?.origin, key).toBe('ocr');
    expect(typeof record.cell_details[key]?.prov?.confidence, key).toBe('number');
    expect(record.cell_details[key]?.prov?.bbox, key).toHaveLength(4);
  }
  // A finding on a cell read below the confidence floor is the reading's doubt, not the report's inconsistency.
  for (const finding of record.findings) {
    const lowConfidence = finding.cells.some((key) => (record.cell_details[key]?.prov?.confidence ?? 100) < OCR_CONFIDENCE_FLOOR);
    if (lowConfidence && finding.severity !== 'info') expect(finding.basis, finding.rule).toBe('doubtful');
  }
}

/**
 * A picture made by `make`, written to a temporary folder and extracted once before the tests of the
 * describe block that calls this; the record for them to look at.
 */
export function extractedPicture(name: string, make: () => Promise<Buffer>): () => ReportRecord {
  let dir = '';
  let record: ReportRecord;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-picture-'));
    const file = path.join(dir, name);
    await writeFile(file, await make());
    record = await extractFile(file);
  }, 600_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => record;
}
