import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../../src/sources/inputs.js';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a folder given to extract', () => {
  it('contributes its reports and statistics workbooks (.xlsx, .xls, .et), not other files', async () => {
    for (const name of ['report.pdf', 'tables.xlsx', 'tables.XLS', 'tables.et', 'notes.csv', 'photo.png']) writeFileSync(join(dir, name), 'x');
    const { items, missing } = await expandInputs([dir]);
    expect(items.map((i) => i.source.slice(dir.length + 1))).toEqual(['report.pdf', 'tables.XLS', 'tables.et', 'tables.xlsx']);
    expect(missing).toEqual([]);
  });
});
