import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as nianbao from '../../src/index.js';
import { CORPUS } from '../corpus/truth.js';

describe('the library API', () => {
  it('extracts a file into a record the exported schema accepts', async () => {
    const record = await nianbao.extractFile(join(CORPUS, 'real/pingtan-2023-page.html'));
    expect(nianbao.ReportRecord.parse(record)).toEqual(record);
    expect(record.cells['requests.new_received.total']).toBe(81);
  });

  it('extracts bytes with a source name of the caller’s choosing', async () => {
    const bytes = await readFile(join(CORPUS, 'rendered/seed-docx.docx'));
    const record = await nianbao.extractBytes(bytes, 'https://example.gov.cn/report.docx');
    expect(record).toMatchObject({ source: 'https://example.gov.cn/report.docx', format: 'docx', status: 'ok' });
  });

  it('exports the cell ids in template order and the rule registry', () => {
    expect(nianbao.ALL_CELLS[0].key).toBe('proactive.rules.issued');
    expect(nianbao.ALL_CELLS.some((c) => c.key === 'requests.other_handling.total')).toBe(true);
    expect(nianbao.RULES.map((r) => r.id)).toContain('requests.balance');
  });
});
