/**
 * Two misreads in one column of a requests table read by OCR, each in a row whose other cells (its total with
 * them) were read with certainty: Huaian 2024 as a 200 dpi TIFF (the variety generator's seed 1, row-faults axis)
 * read 5 as 9 (one read alone: low confidence) and 25 as 29 (two reads agreeing). Each row's total says what its
 * cell must hold, but that is one identity a cell; the column's sum, the second, has both cells open, so neither
 * was settled and both stayed in doubt. The column's sum holding with what the rows require of both at once is
 * the second identity for each: a misread elsewhere in it would have to cancel exactly for that to happen by
 * chance. Where it does not hold, nothing is taken.
 */
import { describe, expect, it } from 'vitest';
import { mapTemplates } from '../../../src/templates/map.js';
import { REQUESTS_2021 } from '../../../src/templates/ids.js';
import type { DocumentModel } from '../../../extractors/model.js';
import { docWithTables } from './helpers.js';

const HEADER = ['申请人情况', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const ZEROS = ['0', '0', '0', '0', '0', '0', '0'];

/** Distinct counts per row, every identity holding: new_received 217 + 1, nothing carried over or forward. */
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

type Cell = { text: string; prov?: unknown; spanned?: boolean };

function table(): string[][] {
  return [HEADER, ...REQUESTS_2021.rows.map((r) => [r.label, ...(PRINTED[r.id] ?? ZEROS)])];
}

const rowOf = (rows: string[][], id: string) => rows.findIndex((r) => r[0] === REQUESTS_2021.rows.find((x) => x.id === id)!.label);

/** The table as OCR read it: every value cell confident (95), except the cells given in `low` (confidence 30). */
function scanned(rows: string[][], low: Array<[number, number]>): DocumentModel {
  const doc = docWithTables(rows);
  const t = doc.blocks[0] as { rows: Cell[][] };
  t.rows.forEach((row, r) => row.forEach((c, i) => r > 0 && i > 0 && !c.spanned && (c.prov = { page: 1, origin: 'ocr', confidence: 95 })));
  for (const [r, c] of low) t.rows[r][c].prov = { page: 1, origin: 'ocr', confidence: 30 };
  return doc;
}

describe('two misreads in one column, each the only open cell of its row', () => {
  it('takes what the rows require of both when the column then holds', () => {
    const rows = table();
    const [secret, notHeld] = [rowOf(rows, 'denied_state_secret'), rowOf(rows, 'unavailable_not_held')];
    rows[secret][1] = '9';
    rows[notHeld][1] = '79';
    const m = mapTemplates(scanned(rows, [[secret, 1]]));
    expect(m.cells['requests.denied_state_secret.natural_person']).toBe(4);
    expect(m.cells['requests.unavailable_not_held.natural_person']).toBe(75);
    expect(m.details['requests.denied_state_secret.natural_person'].doubt).toBe('identity-resolved');
    expect(m.details['requests.unavailable_not_held.natural_person'].doubt).toBe('identity-resolved');
    expect(m.messages.filter((x) => x.code === 'identity-resolved').map((x) => x.message)).toEqual([
      "requests.denied_state_secret.natural_person: read '9' (ocr-low-confidence); requests.row_total (denied_state_secret) requires 4, and requests.outcome_sum (natural_person) then holds with 75 for requests.unavailable_not_held.natural_person, taken",
      "requests.unavailable_not_held.natural_person: read '79' (ocr-identity-conflict); requests.row_total (unavailable_not_held) requires 75, and requests.outcome_sum (natural_person) then holds with 4 for requests.denied_state_secret.natural_person, taken",
    ]);
  });

  it('takes nothing when the column does not hold with them: a row total misread as well', () => {
    const rows = table();
    const [secret, notHeld] = [rowOf(rows, 'denied_state_secret'), rowOf(rows, 'unavailable_not_held')];
    rows[secret][1] = '9';
    rows[secret][7] = '8';
    rows[notHeld][1] = '79';
    const m = mapTemplates(scanned(rows, [[secret, 1]]));
    expect(m.details['requests.denied_state_secret.natural_person'].doubt).not.toBeNull();
    expect(m.details['requests.unavailable_not_held.natural_person'].doubt).not.toBeNull();
    expect(m.cells['requests.denied_state_secret.natural_person']).not.toBe(8);
    expect(m.messages.map((x) => x.code)).not.toContain('identity-resolved');
  });

  it('takes no blanks: a total column the report printed blank stays blank, though each row and the column then hold', () => {
    // Shanghai 2019 as pictures (headings axis): every outcome row's 总计 printed blank, the column's total printed.
    const rows = table();
    // Read 无 at a low confidence each, as the cell pass gives a 无 only one read saw.
    const blanks = ['granted', 'partially_granted', 'denied_state_secret', 'denied_third_party_rights', 'denied_internal_affairs', 'unavailable_not_held', 'rejected_duplicate', 'other_no_correction', 'other_other'].map((id) => rowOf(rows, id));
    for (const r of blanks) rows[r][7] = '无';
    const m = mapTemplates(scanned(rows, blanks.map((r): [number, number] => [r, 7])));
    expect(m.cells['requests.granted.total']).toBeNull();
    expect(m.cells['requests.other_other.total']).toBeNull();
    expect(m.messages.filter((x) => x.code === 'identity-resolved' && x.message.includes('then hold'))).toEqual([]);
  });
});
