/**
 * A scanned table whose label is wrapped over two rows of the grid, the values on the first line and
 * the rest of the label on the second (行 | 0, then 政许可 | empty): as the JPEG of the wrapped-labels
 * variant (seed 1, seed report) was read, OCR took the 行 for 47, so the row of values had no label and
 * the label-only row matched 行政许可 with its empty cells read as certain blanks — an unearned printed
 * completeness finding. The empty cells of such a row are in doubt.
 */
import { describe, expect, it } from 'vitest';
import { mapTemplates } from '../../../src/templates/map.js';
import { runChecks } from '../../../src/checks/index.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import type { DocumentModel } from '../../../extractors/model.js';
import { docWithTables } from './helpers.js';

/** Table 二 as the grid of the picture came out (sub-headers repeated over their row, values merged over three columns). */
function proactive(license: string[][], scanned = true): DocumentModel {
  const doc = docWithTables([
    ['第二十条第（一）项', '~第二十条第（一）项', '~第二十条第（一）项', '~第二十条第（一）项'],
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', '0', '0', '0'],
    ['行政规范性文件', '0', '0', '0'],
    ['第二十条第（五）项', '~第二十条第（五）项', '~第二十条第（五）项', '~第二十条第（五）项'],
    ['信息内容', '本年处理决定数量', '~本年处理决定数量', '~本年处理决定数量'],
    ...license,
    ['第二十条第（六）项', '~第二十条第（六）项', '~第二十条第（六）项', '~第二十条第（六）项'],
    ['信息内容', '本年处理决定数量', '~本年处理决定数量', '~本年处理决定数量'],
    ['行政处罚', '0', '~0', '~0'],
    ['行政强制', '0', '~0', '~0'],
    ['第二十条第（八）项', '~第二十条第（八）项', '~第二十条第（八）项', '~第二十条第（八）项'],
    ['信息内容', '本年收费金额（单位：万元）', '~本年收费金额（单位：万元）', '~本年收费金额（单位：万元）'],
    ['行政事业性收费', '0', '~0', '~0'],
  ]);
  if (scanned) {
    for (const block of doc.blocks) {
      if (block.kind !== 'table') continue;
      // Every cell read by OCR; an empty cell is one OCR saw no ink in (confidence 100).
      for (const row of block.rows) for (const c of row) c.prov = { page: 1, origin: 'ocr', confidence: c.text ? 95 : 100 };
    }
  }
  return doc;
}

const KEY = 'proactive.administrative_license.decisions';

describe('a scanned label-only row beside a row of values that matched no row', () => {
  it('its empty cells are in doubt (wrapped-label), with a message', () => {
    const m = mapTemplates(proactive([
      ['47', '0', '~0', '~0'],
      ['政许可', '', '~', '~'],
    ]));
    expect(m.cells[KEY]).toBeNull();
    expect(m.details[KEY].doubt).toBe('wrapped-label');
    expect(m.messages.filter((x) => x.code === 'valueless-label-row').map((x) => x.message.split(':')[0])).toEqual([KEY.replace(/\.decisions$/, '')]);
    // The rows around it are read as they are.
    expect(m.cells['proactive.administrative_penalty.decisions']).toBe(0);
    expect(m.details['proactive.administrative_penalty.decisions'].doubt).toBeNull();
  });

  it('a row of values alone under the label (no label of its own) is read as the label\'s, as before: no doubt added', () => {
    const m = mapTemplates(proactive([
      ['行政许可', '', '~', '~'],
      ['', '12', '~12', '~12'],
    ]));
    expect(m.cells[KEY]).toBe(12);
    expect(m.messages.filter((x) => x.code === 'valueless-label-row')).toEqual([]);
  });

  it('a label-only row between matched rows keeps its blanks: no unmatched row of values beside it', () => {
    const m = mapTemplates(proactive([['行政许可', '', '~', '~']]));
    expect(m.cells[KEY]).toBeNull();
    expect(m.details[KEY].doubt).toBeNull();
  });

  it('text documents are left as they are: their empty cells are printed', () => {
    const m = mapTemplates(proactive([
      ['47', '0', '~0', '~0'],
      ['政许可', '', '~', '~'],
    ], false));
    expect(m.details[KEY].doubt).toBeNull();
  });

  it('the completeness finding naming the cell is on basis doubtful, not printed', () => {
    const m = mapTemplates(proactive([
      ['47', '0', '~0', '~0'],
      ['政许可', '', '~', '~'],
    ]));
    const record: ReportRecord = {
      report_id: 'r', source: 's', sha256: 'x', format: 'image', status: 'ok', layout: m.layout, cells: m.cells,
      cell_details: m.details, findings: [], sections: [], prose: {}, legacy_stats: [], messages: [],
    };
    const findings = runChecks(record).findings.filter((f) => f.cells.includes(KEY));
    expect(findings.map((f) => [f.rule, f.basis])).toEqual([['completeness', 'doubtful']]);
  });
});
