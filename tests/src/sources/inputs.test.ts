import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

  it('counts the pictures it leaves out (a scanned report as a .jpg is read only when named), not those of a saved page', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nianbao-pictures-'));
    try {
      for (const name of ['scan-2023.jpg', 'scan-2022.JPEG', 'page.html', 'notes.txt']) writeFileSync(join(folder, name), 'x');
      // A browser's "save page" puts the page's pictures beside it in NAME_files/: they are the page's.
      mkdirSync(join(folder, 'page_files'));
      writeFileSync(join(folder, 'page_files', 'logo.png'), 'x');
      mkdirSync(join(folder, 'scans'));
      writeFileSync(join(folder, 'scans', 'p1.tif'), 'x');
      const { items, pictures } = await expandInputs([folder]);
      expect(items.map((i) => i.source.slice(folder.length + 1))).toEqual(['notes.txt', 'page.html']);
      expect(pictures).toBe(3);
      expect((await expandInputs([join(folder, 'scan-2023.jpg')])).items.length).toBe(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
