/**
 * A requests table read by OCR whose readings the identities settle: many cells read with low
 * confidence (lone zeros and ones, as a cell pass flags them), one of them misread; a misread repeated
 * so that its row holds; a confident misread beside table 二; and the rows of （六）其他处理 and （七）总计
 * under one merged label cell (a scan that lost the rulings between their labels).
 */
import { describe, expect, it } from 'vitest';
import { mapTemplates } from '../../../src/templates/map.js';
import { REQUESTS_2019, REQUESTS_2021, REQUEST_COLUMNS } from '../../../src/templates/ids.js';
import { runChecks } from '../../../src/checks/index.js';
import type { DocumentModel } from '../../../extractors/model.js';
import type { ReportRecord } from '../../../src/schemas/record.js';
import { docWithTables } from './helpers.js';

const HEADER = ['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const ZEROS = ['0', '0', '0', '0', '0', '0', '0'];

/**
 * Distinct counts per row (granted 71, not held 75, …), every identity holding: new_received 217 + 1,
 * nothing carried over or forward.
 */
const PRINTED: Record<string, string[]> = {
  new_received: ['217', '1', '0', '0', '0', '0', '218'],
  granted: ['71', '0', '0', '0', '0', '0', '71'],
  partially_granted: ['29', '0', '0', '0', '0', '0', '29'],
  denied_state_secret: ['4', '0', '0', '0', '0', '0', '4'],
  denied_third_party_rights: ['3', '0', '0', '0', '0', '0', '3'],
  denied_internal_affairs: ['32', '0', '0', '0', '0', '0', '32'],
  unavailable_not_held: ['75', '0', '0', '0', '0', '0', '75'],
  rejected_duplicate: ['1', '0', '0', '0', '0', '0', '1'],
  other_no_correction: ['1', '0', '0', '0', '0', '0', '1'],
  other_other: ['1', '1', '0', '0', '0', '0', '2'],
  total_processed: ['217', '1', '0', '0', '0', '0', '218'],
};

function printed(id: string): string[] {
  return PRINTED[id] ?? ZEROS;
}

type Cell = { text: string; prov?: unknown; spanned?: boolean };

/** The table as OCR read it: every value cell confident (95), except the cells given in `low` (confidence 30). */
function scanned(rows: string[][], low: Array<[number, number]> = []): DocumentModel {
  const doc = docWithTables(rows);
  const table = doc.blocks[0] as { rows: Cell[][] };
  table.rows.forEach((row, r) => row.forEach((c, i) => r > 0 && i > 0 && !c.spanned && (c.prov = { page: 1, origin: 'ocr', confidence: 95 })));
  for (const [r, c] of low) table.rows[r][c].prov = { page: 1, origin: 'ocr', confidence: 30 };
  return doc;
}

function table(): string[][] {
  return [HEADER, ...REQUESTS_2021.rows.map((r) => [r.label, ...printed(r.id)])];
}

const rowOf = (rows: string[][], id: string) => rows.findIndex((r) => r[0] === REQUESTS_2021.rows.find((x) => x.id === id)!.label);

function recordOf(m: ReturnType<typeof mapTemplates>): ReportRecord {
  return {
    report_id: 'r', source: 's', sha256: 'x', format: 'image', status: 'ok', layout: m.layout, cells: m.cells,
    cell_details: m.details, findings: [], sections: [], prose: {}, legacy_stats: [], messages: [],
  };
}

describe('a column of low-confidence readings with one misread among them', () => {
  // The cell pass flags every lone 1 of the natural-person column (the rows printing 1) and granted's 71,
  // which it read as 7: no identity of that column has a single open cell.
  function read() {
    const rows = table();
    const granted = rowOf(rows, 'granted');
    rows[granted][1] = '7';
    const low: Array<[number, number]> = [[granted, 1], ...['rejected_duplicate', 'other_no_correction', 'other_other'].map((id): [number, number] => [rowOf(rows, id), 1])];
    return mapTemplates(scanned(rows, low));
  }

  it('takes the value its row requires when the column then holds over what was read', () => {
    const m = read();
    expect(m.cells['requests.granted.natural_person']).toBe(71);
    expect(m.details['requests.granted.natural_person'].doubt).toBe('identity-resolved');
    expect(m.messages.find((x) => x.code === 'identity-resolved')?.message).toBe("requests.granted.natural_person: read '7' (ocr-low-confidence); two identities require 71, taken");
  });

  it('confirms the low-confidence cells that their row and their column both hold with', () => {
    const m = read();
    for (const id of ['rejected_duplicate', 'other_no_correction', 'other_other']) {
      expect(m.cells[`requests.${id}.natural_person`], id).toBe(1);
      expect(m.details[`requests.${id}.natural_person`], id).toMatchObject({ doubt: null, via: 'identity-confirmed' });
    }
    expect(runChecks(recordOf(m)).findings.filter((f) => f.rule !== 'completeness')).toEqual([]);
  });

  it('puts no confident OCR cell in conflict, and leaves table 二 certain: the only misread was already in doubt', () => {
    const rows = table();
    const granted = rowOf(rows, 'granted');
    rows[granted][1] = '7';
    const proactive = [
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '62', '33', '440'],
      ['信息内容', '本年处理决定数量'],
      ['行政许可', '4529'],
      ['行政处罚', '1100'],
      ['行政强制', '65'],
      ['信息内容', '本年收费金额（单位：万元）'],
      ['行政事业性收费', '18651.06'],
    ];
    const doc = docWithTables(proactive, rows);
    for (const block of doc.blocks) {
      if (block.kind !== 'table') continue;
      block.rows.forEach((row, r) => row.forEach((c, i) => r > 0 && i > 0 && (c.prov = { page: 1, origin: 'ocr', confidence: 95 })));
    }
    (doc.blocks[1] as { rows: Cell[][] }).rows[granted][1].prov = { page: 1, origin: 'ocr', confidence: 30 };
    const m = mapTemplates(doc);
    expect(m.cells['requests.granted.natural_person']).toBe(71);
    expect(m.messages.map((x) => x.code)).not.toContain('ocr-identity-conflict');
    expect(m.details['proactive.normative_documents.in_force'].doubt).toBeNull();
  });
});

describe('a misread repeated in a row, so that the row holds', () => {
  it('is never taken as certain: its column fails, and the row holding does not vouch for it', () => {
    const rows = table();
    const row = rowOf(rows, 'unavailable_not_held');
    rows[row][1] = '79';
    rows[row][7] = '79';
    const m = mapTemplates(scanned(rows));
    expect(m.cells['requests.unavailable_not_held.natural_person']).toBe(79);
    expect(m.details['requests.unavailable_not_held.natural_person'].doubt).toBe('ocr-identity-conflict');
    expect(m.details['requests.unavailable_not_held.total'].doubt).toBe('ocr-identity-conflict');
    const findings = runChecks(recordOf(m)).findings.filter((f) => f.rule === 'requests.outcome_sum');
    expect(findings.map((f) => [f.where, f.basis])).toEqual([
      ['natural_person', 'doubtful'],
      ['total', 'doubtful'],
    ]);
  });

  it('is never taken as certain when the repeated total was read with low confidence: the row confirms one cell, not two', () => {
    const rows = table();
    const row = rowOf(rows, 'unavailable_not_held');
    rows[row][1] = '79';
    rows[row][7] = '79';
    // The row's total alone is below the floor: the row says it must be 79 (confirmed), and must not
    // then also vouch for the count it was computed from.
    const m = mapTemplates(scanned(rows, [[row, 7]]));
    expect(m.cells['requests.unavailable_not_held.natural_person']).toBe(79);
    expect(m.details['requests.unavailable_not_held.natural_person'].doubt).not.toBeNull();
    // Nor the total: the row held over the count it then doubted, and the total column fails on it.
    expect(m.details['requests.unavailable_not_held.total'].doubt).not.toBeNull();
    const findings = runChecks(recordOf(m)).findings.filter((f) => f.rule === 'requests.outcome_sum');
    expect(findings.map((f) => [f.where, f.basis])).toEqual([
      ['natural_person', 'doubtful'],
      ['total', 'doubtful'],
    ]);
  });
});

describe('the rows of （六）其他处理 and （七）总计 under one merged label cell', () => {
  /** Rows other_no_correction … total_processed share the label cell of the first: its text, spanned below. */
  function merged(): string[][] {
    const rows = table();
    const first = rowOf(rows, 'other_no_correction');
    const last = rowOf(rows, 'total_processed');
    const label = '（六）其他处理 1.申请人无正当理由';
    for (let r = first; r <= last; r++) rows[r][0] = r === first ? label : `~${label}`;
    return rows;
  }

  it('places them by the template order in the layout whose row count fits (2021, not the one-row 2019)', () => {
    const m = mapTemplates(scanned(merged()));
    expect(m.layout.requests).toBe('2021');
    expect(REQUEST_COLUMNS.map((c) => m.cells[`requests.other_other.${c.id}`])).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(REQUEST_COLUMNS.map((c) => m.cells[`requests.total_processed.${c.id}`])).toEqual([217, 1, 0, 0, 0, 0, 218]);
    // The first row's label is the merged cell's own (it starts there): it may still match by label.
    expect(m.messages.filter((x) => x.code === 'row-by-order').map((x) => x.message.split(' ')[0])).toEqual([
      'requests.other_unpaid_fee',
      'requests.other_other',
      'requests.total_processed',
    ]);
  });

  it('keeps the rows placed together in doubt (their column sums cannot tell their order), and confirms the total by the balance', () => {
    const m = mapTemplates(scanned(merged()));
    expect(m.details['requests.other_other.natural_person'].doubt).toBe('row-by-order');
    expect(m.details['requests.total_processed.natural_person']).toMatchObject({ doubt: null, via: 'identity-confirmed' });
  });

  it('is read as printed in a document with a text layer: rows are never placed by order there', () => {
    const m = mapTemplates(docWithTables(merged()));
    expect(m.cells['requests.other_other.natural_person'] ?? null).toBeNull();
  });

  it('is not taken for the 2019 layout placed by order when the table lost its last rows: the column sums break', () => {
    // The picture of （七）总计 and 四、结转下年度继续办理 was lost: under 2019, order alone would put the three
    // （六） item rows in 其他处理, 总计 and 结转下年度.
    const rows = table().filter((r) => !['total_processed', 'carried_forward'].some((id) => r[0] === REQUESTS_2021.rows.find((x) => x.id === id)!.label));
    const m = mapTemplates(scanned(rows));
    expect(m.layout.requests).toBe('2021');
    expect(m.details['requests.total_processed.natural_person'].doubt).toBe('not-found');
    expect(m.messages.map((x) => x.code)).not.toContain('row-by-order');
  });

  it('keeps the 2019 layout for a 2019 table: one （六）其他处理 row cannot hold three rows', () => {
    const rows = [HEADER, ...REQUESTS_2019.rows.map((r) => [r.label, ...(r.id === 'other_handling' ? ['2', '1', '0', '0', '0', '0', '3'] : printed(r.id))])];
    const fixed = rows.map((r) => (r[0] === REQUESTS_2019.rows.find((x) => x.id === 'total_processed')!.label ? [r[0], '217', '1', '0', '0', '0', '0', '218'] : r));
    const m = mapTemplates(scanned(fixed));
    expect(m.layout.requests).toBe('2019');
  });
});

describe('a zero OCR read as a character (人 for 0)', () => {
  it('is never confirmed as it stands (no number); two identities that require 0 give it 0 in doubt', () => {
    const rows = table();
    const partial = rowOf(rows, 'partially_granted');
    rows[partial][3] = '人';
    const m = mapTemplates(scanned(rows));
    const key = 'requests.partially_granted.research';
    // Never a certain cell without a number: the completeness check would blame the report for it.
    expect(m.cells[key] === null && m.details[key].doubt === null).toBe(false);
    expect(m.cells[key]).toBe(0);
    expect(m.details[key].doubt).toBe('identity-resolved');
  });
});
