/** findings.csv says where the checked cell is printed: page and box for PDF; table, row and column for every format. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectReader } from '../../../extractors/detect.js';
import { tablesOf } from '../../../extractors/positions.js';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/pipeline.js';
import { checkedCellLocation } from '../../../src/writers/cell-location.js';
import { CORPUS } from '../../corpus/truth.js';

describe('the location of a finding\'s checked cell', () => {
  it('gives the page and box of the printed total in a real PDF with errors as published', async () => {
    const record = await extractFile(join(CORPUS, 'real/hongze-2023.pdf'));
    const finding = record.findings.find((f) => f.rule === 'appeals.group_total' || f.rule.startsWith('requests.'))!;
    expect(finding).toBeDefined();
    const at = checkedCellLocation(record, finding);
    expect(at.cell).toBe(finding.cells[finding.cells.length - 1]);
    expect(at.page).toBe(record.cell_details[at.cell].prov!.page);
    expect(at.page).toBeGreaterThan(0);
    expect(at.bbox!.split(' ').map(Number)).toHaveLength(4);
  });

  // Every cell the record read, taken as a finding's checked cell: its location, looked up in the
  // document as its reader returns it, holds the text the record says was printed there.
  it.each(['variety/shanghai-govoffice-2019.html', 'rendered/pingtan-2024-docx.docx', 'seed/zzszq-gxj-2023.txt'])(
    'names the table, row and column where %s prints a checked cell, counted from 1',
    async (file) => {
      const record = await extractFile(join(CORPUS, file));
      const bytes = readFileSync(join(CORPUS, file));
      const tables = tablesOf(await detectReader(bytes, file)!.read(bytes, { name: file }));
      const keys = Object.keys(record.cell_details).filter((k) => record.cell_details[k].prov?.table !== undefined);
      expect(keys.length).toBeGreaterThan(20);
      for (const key of keys) {
        const at = checkedCellLocation(record, { cells: ['x', key] });
        const m = /^table (\d+) row (\d+) col (\d+)$/.exec(at.location ?? '');
        expect(m, `${key}: ${at.location}`).not.toBeNull();
        const [t, r, c] = m!.slice(1).map((n) => Number(n) - 1);
        expect(tables[t].rows[r][c].text.trim(), `${key} at ${at.location}`).toBe(record.cell_details[key].raw.trim());
      }
      // The report's own findings (the Shanghai page prints inconsistent totals) are located the same way.
      for (const finding of record.findings.filter((f) => f.cells.length)) expect(checkedCellLocation(record, finding).location, finding.rule).toMatch(/^table \d+ row \d+ col \d+$/);
    },
  );

  it('is blank where the reader kept no position', () => {
    expect(checkedCellLocation({ cell_details: { a: { raw: '1', doubt: null } } }, { cells: ['b', 'a'] })).toEqual({ cell: 'a', page: undefined, bbox: undefined, location: undefined });
  });

  it('gives page and grid position together when a PDF cell has both', () => {
    const record = { cell_details: { a: { raw: '7', doubt: null, prov: { page: 4, bbox: [1, 2, 3, 4] as [number, number, number, number], table: 1, row: 6, col: 2 } } } };
    expect(checkedCellLocation(record, { cells: ['a'] }).location).toBe('page 4, table 2 row 7 col 3');
  });
});
