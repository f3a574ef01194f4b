/** findings.csv says where the checked cell is printed: page and box for PDF. */
import { join } from 'node:path';
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

  it('is blank where the reader kept no position', () => {
    expect(checkedCellLocation({ cell_details: { a: { raw: '1', doubt: null } } }, { cells: ['b', 'a'] })).toEqual({ cell: 'a', page: undefined, bbox: undefined });
  });
});
