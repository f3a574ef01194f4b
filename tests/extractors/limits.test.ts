/** The run's limits reach the readers through ReadOptions.limits: a lowered cap changes what a reader does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../../extractors/limits.js';
import { READERS } from '../../extractors/registry.js';
import { UnreadableDocumentError } from '../../extractors/model.js';
import { extractBytes } from '../../src/pipeline.js';

const SAMPLES = join(process.cwd(), 'samples');
const reader = (format: string) => READERS.find((r) => r.format === format)!;

async function refusal(format: string, file: string, limits: Partial<Limits>): Promise<UnreadableDocumentError> {
  const error = await reader(format)
    .read(readFileSync(join(SAMPLES, file)), { name: file, limits: { ...DEFAULT_LIMITS, ...limits } })
    .then(() => undefined, (err: unknown) => err);
  expect(error).toBeInstanceOf(UnreadableDocumentError);
  return error as UnreadableDocumentError;
}

describe('limits handed to the readers', () => {
  it('reads the three-page sample PDF under the defaults and refuses it under maxPdfPages 2', async () => {
    const bytes = readFileSync(join(SAMPLES, 'minzheng-2024-with-errors.pdf'));
    expect((await extractBytes(bytes, 'a.pdf')).status).not.toBe('failed');
    const record = await extractBytes(bytes, 'a.pdf', { limits: { ...DEFAULT_LIMITS, maxPdfPages: 2 } });
    expect(record).toMatchObject({ status: 'failed', error_code: 'too-many-pages' });
  });

  it('applies maxTableCells, maxDocxZipEntries, maxHtmlBytes, maxMarkupDepth and maxTxtBytes as given', async () => {
    expect((await refusal('docx', 'minzheng-2023.docx', { maxTableCells: 10 })).message).toMatch(/maxTableCells/);
    expect((await refusal('docx', 'minzheng-2023.docx', { maxDocxZipEntries: 3 })).message).toMatch(/more than 3 entries/);
    expect((await refusal('html', 'minzheng-2023.html', { maxHtmlBytes: 1000 })).message).toMatch(/maxHtmlBytes \(1000\)/);
    expect((await refusal('html', 'minzheng-2023.html', { maxMarkupDepth: 3 })).code).toBe('too-deep');
    expect((await refusal('html', 'minzheng-2023.html', { maxTableCells: 10 })).message).toMatch(/more than maxTableCells \(10\)/);
    expect((await refusal('txt', 'seed-zzszq-gxj-2023.txt', { maxTxtBytes: 100 })).message).toMatch(/100-byte limit \(maxTxtBytes\)/);
  });
});
