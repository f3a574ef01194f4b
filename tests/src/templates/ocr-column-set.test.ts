/**
 * Scanned tables 三 printing fewer columns than the template's (the column-set axis read by OCR): a header
 * word OCR misread must not make the reader follow a wrong column plan, and a heading it read with junk
 * between its characters still names its column.
 */
import { describe, expect, it } from 'vitest';
import { mapTemplates } from '../../../src/templates/map.js';
import { REQUESTS_2021 } from '../../../src/templates/ids.js';
import type { DocumentModel } from '../../../extractors/model.js';
import { docWithTables } from './helpers.js';

const COLUMNS = REQUESTS_2021.rows[0].columns.map((c) => c.id);

/**
 * Table 三's rows (7 values each) that reconcile: natural persons, the five columns of 法人或其他组织, 总计.
 * new_received = total_processed; every outcome row its own.
 */
function values(): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  const outcome = (a: number, b: number, c: number) => [a, b, c, 0, 0, 0, a + b + c];
  for (const r of REQUESTS_2021.rows) rows.set(r.id, [0, 0, 0, 0, 0, 0, 0]);
  rows.set('granted', outcome(71, 3, 1));
  rows.set('partially_granted', outcome(29, 0, 2));
  rows.set('denied_internal_affairs', outcome(32, 1, 0));
  rows.set('unavailable_not_held', outcome(75, 2, 4));
  const total = [0, 1, 2, 3, 4, 5, 6].map((c) => ['granted', 'partially_granted', 'denied_internal_affairs', 'unavailable_not_held'].reduce((s, id) => s + rows.get(id)![c], 0));
  rows.set('new_received', total);
  rows.set('total_processed', total);
  return rows;
}

/** Every cell of the table read by OCR with good confidence, as a scan's grid gives them. */
function scanned(doc: DocumentModel): DocumentModel {
  for (const block of doc.blocks) {
    if (block.kind !== 'table') continue;
    for (const row of block.rows) row.forEach((c, i) => i > 0 && (c.prov = { page: 1, origin: 'ocr', confidence: 95 }));
  }
  return doc;
}

/** The table printing the template columns at `printed` (indexes into COLUMNS), with `sum`: the five of 法人 as one. */
function table(header: string[][], printed: number[], sum = false): string[][] {
  const v = values();
  return [
    ...header,
    ...REQUESTS_2021.rows.map((r) => {
      const row = v.get(r.id)!;
      const cells = printed.map((c) => String(row[c]));
      if (sum) cells.splice(1, 0, String(row.slice(1, 6).reduce((s, x) => s + x, 0)));
      return [r.label, ...cells];
    }),
  ];
}

const cell = (m: ReturnType<typeof mapTemplates>, row: string, column: string) => m.cells[`requests.${row}.${column}`];

describe('a scanned table 三 whose five columns of 法人或其他组织 print as one, the heading misread', () => {
  for (const heading of ['法人或其他组“IN织', '法或其人他组织', '法人或其他组-AAA织']) {
    it(`reads 自然人 and 总计 by the header when OCR read the heading as ${heading}`, () => {
      const rows = table([['', '申请人情况', '~申请人情况', '~申请人情况'], ['', '自然人', heading, '总计']], [0, 6], true);
      const m = mapTemplates(scanned(docWithTables(rows)));
      expect(m.messages.filter((x) => x.code === 'columns-not-printed').length).toBe(1);
      expect(cell(m, 'granted', 'natural_person')).toBe(71);
      expect(cell(m, 'granted', 'total')).toBe(75);
      expect(m.details['requests.granted.total'].doubt).toBeNull();
      expect(cell(m, 'granted', 'commercial')).toBeNull();
      expect(m.details['requests.granted.commercial'].doubt).toBe('not-found');
    });
  }

  it('reads the table when OCR read 自然人 only in part (然人), the group heading and 总计 whole: 自然人 in doubt, 总计 read', () => {
    const rows = table([['', '申请人情况', '~申请人情况', '~申请人情况'], ['', '然人', '法人或其他组织', '总计']], [0, 6], true);
    const m = mapTemplates(scanned(docWithTables(rows)));
    expect(m.messages.filter((x) => x.code === 'columns-not-printed').length).toBe(1);
    expect(cell(m, 'granted', 'natural_person')).toBe(71);
    expect(m.details['requests.granted.natural_person'].doubt).toBe('heading-in-part');
    expect(cell(m, 'granted', 'total')).toBe(75);
    expect(cell(m, 'granted', 'commercial')).toBeNull();
    // The same header not read by OCR (a text table's words are its own): no plan by a heading in part.
    const typed = docWithTables(rows);
    expect(mapTemplates(typed).details['requests.granted.natural_person']?.doubt).not.toBe('heading-in-part');
  });

  it('never takes a cell with other words for the heading', () => {
    const rows = table([['', '申请人情况', '~申请人情况', '~申请人情况'], ['', '自然人', '法人或其他组织机构', '总计']], [0, 6], true);
    const m = mapTemplates(scanned(docWithTables(rows)));
    expect(m.messages.filter((x) => x.code === 'columns-not-printed')).toEqual([]);
    expect(cell(m, 'granted', 'total')).not.toBe(75);
  });
});

describe('a scanned table 三 with one column of 法人或其他组织 left out, a column heading misread', () => {
  /** 商业企业 left out: the heading 法人或其他组织 starts above 科研机构's column, read as `research`. */
  const header = (research: string) => [
    ['', '申请人情况', ...Array(5).fill('~申请人情况')],
    ['', '自然人', '法人或其他组织', ...Array(3).fill('~法人或其他组织'), '总计'],
    ['', '~自然人', research, '社会公益组织', '法律服务机构', '其他', '~总计'],
  ];
  const rows = ['granted', 'partially_granted', 'unavailable_not_held', 'new_received'];

  it('does not take the group heading over several columns for a column of their sum, nor any cell certain that may be shifted', () => {
    const m = mapTemplates(scanned(docWithTables(table(header('AF机构'), [0, 2, 3, 4, 5, 6]))));
    expect(m.messages.map((x) => x.message).filter((x) => x.includes('their sum'))).toEqual([]);
    for (const row of rows) {
      for (const c of COLUMNS) {
        const key = `requests.${row}.${c}`;
        const truth = c === 'commercial' ? null : values().get(row)![COLUMNS.indexOf(c)];
        if (m.details[key]?.doubt === null) expect([key, m.cells[key]]).toEqual([key, truth]);
      }
    }
  });

  it('names the column by a heading OCR read with stray characters about its whole label (人“科研机构的)', () => {
    const m = mapTemplates(scanned(docWithTables(table(header('人“科研机构的'), [0, 2, 3, 4, 5, 6]))));
    expect(m.messages.filter((x) => x.code === 'columns-not-printed').map((x) => x.message)).toEqual([
      "requests: the header names 6 of the template's 7 columns, not 商业企业; values read by their header labels, the columns not printed left blank",
    ]);
    for (const row of rows) {
      for (const c of COLUMNS) {
        const key = `requests.${row}.${c}`;
        expect([key, m.cells[key], m.details[key].doubt]).toEqual(c === 'commercial' ? [key, null, 'not-found'] : [key, values().get(row)![COLUMNS.indexOf(c)], null]);
      }
    }
  });

  it('reads no heading so in a text header, nor one holding two labels or more stray characters', () => {
    for (const [research, ocr] of [['人“科研机构的', false], ['科研机构社会公益组织', true], ['人人科研机构的的', true]] as const) {
      const doc = docWithTables(table(header(research), [0, 2, 3, 4, 5, 6]));
      const m = mapTemplates(ocr ? scanned(doc) : doc);
      expect([research, m.messages.filter((x) => x.code === 'columns-not-printed')]).toEqual([research, []]);
    }
  });
});

describe('a scanned table 三 with one column of 法人或其他组织 left out, headings OCR read only in part', () => {
  const header = (legal: string[]) => [
    ['', '申请人情况', ...Array(5).fill('~申请人情况')],
    ['', '自然人', '法人或其他组织', ...Array(3).fill('~法人或其他组织'), '总计'],
    ['', '~自然人', ...legal, '~总计'],
  ];
  const rows = ['granted', 'partially_granted', 'unavailable_not_held', 'new_received'];

  for (const [legal, printed, inPart] of [
    // 法律服务机构 left out, 社会公益组织 read 社会公7282“IN (tiff, seed 1).
    [['商业企业', '科研机构', '社会公7282“IN', '其他'], [0, 1, 2, 3, 5, 6], ['nonprofit']],
    // 商业企业 left out, 科研机构 read AF机构 and 社会公益组织 eB ”益组织 (scan-text, seed 1).
    [['AF机构', 'eB ”益组织', '法律服务机构', '其他'], [0, 2, 3, 4, 5, 6], ['research', 'nonprofit']],
  ] as const) {
    it(`reads the columns named whole with certainty, and those read in part (${legal.join(' · ')}) in doubt`, () => {
      const m = mapTemplates(scanned(docWithTables(table(header([...legal]), [...printed]))));
      expect(m.messages.filter((x) => x.code === 'heading-in-part').length).toBe(1);
      for (const row of rows) {
        for (const [c, id] of COLUMNS.entries()) {
          const key = `requests.${row}.${id}`;
          const truth = values().get(row)![c];
          const want = !(printed as readonly number[]).includes(c) ? [null, 'not-found'] : (inPart as readonly string[]).includes(id) ? [truth, 'heading-in-part'] : [truth, null];
          expect([key, m.cells[key], m.details[key].doubt]).toEqual([key, ...want]);
        }
      }
    });
  }

  it('names no column in part where two could stand and the heading shares as much with each (机构)', () => {
    // 社会公益组织 left out, 科研机构 and 法律服务机构 read X机构 and Y机构 side by side: each is either's.
    const m = mapTemplates(scanned(docWithTables(table(header(['商业企业', 'X机构', 'Y机构', '其他']), [0, 1, 2, 4, 5, 6]))));
    expect(m.messages.filter((x) => x.code === 'heading-in-part')).toEqual([]);
    for (const row of rows) {
      for (const [c, id] of COLUMNS.entries()) {
        const key = `requests.${row}.${id}`;
        if (m.details[key]?.doubt === null) expect([key, m.cells[key]]).toEqual([key, c === 3 ? null : values().get(row)![c]]);
      }
    }
  });
});

describe('a scanned table 三 with its 总计 left out, a heading OCR read with its lines interleaved', () => {
  it('names the column whose label has exactly its ideographs (公社会“”益组织 for 社会公益组织), with certainty', () => {
    const header = [
      ['', '申请人情况', ...Array(5).fill('~申请人情况')],
      ['', '自然人', '法人或其他组织', ...Array(4).fill('~法人或其他组织')],
      ['', '~自然人', '商业企业', '科研机构', '公社会“”益组织', '法律服务机构', '其他'],
    ];
    const m = mapTemplates(scanned(docWithTables(table(header, [0, 1, 2, 3, 4, 5]))));
    expect(m.messages.filter((x) => x.code === 'heading-in-part')).toEqual([]);
    for (const row of ['granted', 'unavailable_not_held', 'new_received']) {
      for (const [c, id] of COLUMNS.entries()) {
        const key = `requests.${row}.${id}`;
        expect([key, m.cells[key], m.details[key].doubt]).toEqual(id === 'total' ? [key, null, 'not-found'] : [key, values().get(row)![c], null]);
      }
    }
  });
});

describe('a scanned table 三 with its 总计 left out, 自然人 read 自然 in a cell merged down two header rows', () => {
  it('names 自然人 in part by the heading its merged cell repeats, and 科研机构 read 科研Hl', () => {
    const header = [
      ['', '申请人情况', ...Array(5).fill('~申请人情况')],
      ['', '自然', '法人或其他组织', ...Array(4).fill('~法人或其他组织')],
      ['', '~自然', '商业企业', '科研Hl', '社会公益组织', '法律服务机构', '其他'],
    ];
    const m = mapTemplates(scanned(docWithTables(table(header, [0, 1, 2, 3, 4, 5]))));
    for (const row of ['granted', 'unavailable_not_held', 'new_received']) {
      for (const [c, id] of COLUMNS.entries()) {
        const key = `requests.${row}.${id}`;
        const doubt = id === 'total' ? 'not-found' : id === 'natural_person' || id === 'research' ? 'heading-in-part' : null;
        expect([key, m.cells[key], m.details[key].doubt]).toEqual([key, id === 'total' ? null : values().get(row)![c], doubt]);
      }
    }
  });
});

describe('a spreadsheet whose merged heading 法人或其他组织 covers several grid columns, nothing beneath it', () => {
  it('is still the column of their sum: its values stand in the first of its grid columns', () => {
    const header = [['', '申请人情况', ...Array(5).fill('~申请人情况')], ['', '自然人', '法人或其他组织', '~法人或其他组织', '~法人或其他组织', '总计', '~总计']];
    const rows = table(header, [0, 6], true).map((r, k) => (k < 2 ? r : [r[0], r[1], r[2], '', '', r[3], '']));
    const m = mapTemplates(docWithTables(rows));
    expect(m.messages.filter((x) => x.code === 'columns-not-printed').length).toBe(1);
    expect(cell(m, 'granted', 'natural_person')).toBe(71);
    expect(cell(m, 'granted', 'total')).toBe(75);
  });
});

describe('a scanned table 四 without its three 总计 columns, the column headings OCR read in part', () => {
  /** Hongze 2023's twelve values (行政复议 10 1 0 0, 未经复议直接起诉 0 0 0 0, 复议后起诉 0 5 0 0). */
  const VALUES = ['10', '1', '0', '0', '0', '0', '0', '0', '0', '5', '0', '0'];
  const span = (text: string, n: number) => [text, ...Array(n - 1).fill(`~${text}`)];
  /** The header as seed 1's column-set TIFF read it: each heading wrapped over lines in its narrow cell, read in part. */
  const header = (columns: string[]) => [
    [...span('行政复议', 4), ...span('行政诉讼', 8)],
    [...columns.slice(0, 4), ...span('未经复议直接起诉', 4), ...span('复议后起诉', 4)],
    [...columns.slice(0, 4).map((c) => `~${c}`), ...columns.slice(4)],
  ];
  const TIFF = ['果维持', '”结果纠IE', '”其他果', '尚未审ot: =', '果维持', '”结果纠正', '”其他果', '尚未审“” ot -H', '结果维持', 'IE', '果纠”其他果', 'ir) AS FH ot'];
  /** Every cell read by OCR, as a scan's grid gives them. */
  const scannedAll = (doc: DocumentModel) => {
    for (const block of doc.blocks) if (block.kind === 'table') for (const row of block.rows) for (const c of row) c.prov = { page: 2, origin: 'ocr', confidence: 90 };
    return doc;
  };
  const appeals = (m: ReturnType<typeof mapTemplates>) =>
    ['review', 'litigation_direct', 'litigation_after_review'].flatMap((g) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `appeals.${g}.${c}`));

  it('reads the twelve values by the four columns each group names in part, in doubt, the totals not printed left blank (not 0)', () => {
    const m = mapTemplates(scannedAll(docWithTables([...header(TIFF), VALUES])));
    expect(m.messages.filter((x) => x.code === 'columns-not-printed').length).toBe(1);
    const twelve = [...VALUES];
    for (const key of appeals(m)) {
      const want = key.endsWith('.total') ? [null, 'not-found'] : [Number(twelve.shift()), 'heading-in-part'];
      expect([key, m.cells[key], m.details[key].doubt]).toEqual([key, ...want]);
    }
  });

  it('does not so when the header is not read by OCR, a cell reads 总 or 计, or the grid has fifteen columns (three cells read empty)', () => {
    const plain = mapTemplates(docWithTables([...header(TIFF), VALUES]));
    expect(plain.messages.filter((x) => x.code === 'columns-not-printed')).toEqual([]);
    const withTotal = TIFF.map((c, i) => (i === 11 ? '总it' : c));
    const total = mapTemplates(scannedAll(docWithTables([...header(withTotal), VALUES])));
    expect(total.messages.filter((x) => x.code === 'columns-not-printed')).toEqual([]);
    // Fifteen grid columns, 总计 read as junk (ot) and three cells read empty: the totals printed, not left out.
    const fifteen = [0, 1, 2].flatMap((g) => [...TIFF.slice(4 * g, 4 * g + 4), 'ot']);
    const wide = [
      [...span('行政复议', 5), ...span('行政诉讼', 10)],
      [...fifteen.slice(0, 5), ...span('未经复议直接起诉', 5), ...span('复议后起诉', 5)],
      [...fifteen.slice(0, 5).map((c) => `~${c}`), ...fifteen.slice(5)],
      [0, 1, 2].flatMap((g) => [...VALUES.slice(4 * g, 4 * g + 4), '']),
    ];
    const lost = mapTemplates(scannedAll(docWithTables(wide)));
    expect(lost.messages.filter((x) => x.code === 'columns-not-printed')).toEqual([]);
    expect(lost.details['appeals.litigation_direct.upheld'].doubt).not.toBe('heading-in-part');
  });
});
