import { readdirSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { HANG_GUARD_MS } from '../hang-guard.js';
import { txtReader } from '../../extractors/txt.js';
import { UnreadableDocumentError, type DocumentModel, type TableBlock } from '../../extractors/model.js';
import { recoverGluedTables } from '../../src/templates/glued.js';
import { foldWidth } from '../../src/templates/glued/locate.js';
import { APPEALS_2021, PROACTIVE_2021, REQUESTS_2019, REQUESTS_2021, type RowDef, type TableLayout } from '../../src/templates/ids.js';

const CORPUS = '../shared/corpus/';
const FIXTURES = 'tests/fixtures/txt/';

async function read(path: string): Promise<DocumentModel> {
  return txtReader.read(readFileSync(path), { name: path });
}

function tables(doc: DocumentModel): TableBlock[] {
  return doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
}

function texts(doc: DocumentModel): string[] {
  return doc.blocks.flatMap((b) => (b.kind === 'table' ? [] : [b.text]));
}

function truth(path: string): { cells: Record<string, number | null>; layout: Record<string, string> } {
  return JSON.parse(readFileSync(path, 'utf8'));
}

const VALUE = /^(\d+(\.\d+)?|[-—/／])$/;
const toValue = (text: string) => (/\d/.test(text) ? Number(text) : null);

/** A loose row finder for tests: the label's numbering and first four characters, spaces anywhere. */
function rowPattern(row: RowDef): RegExp {
  const own = foldWidth(row.own).replace(/\s+/g, '');
  const m = /^(\d+[.、]|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))?(.*)$/.exec(own)!;
  const numbering = m[1] ? `${m[1][0] === '(' ? '\\(' + m[1].slice(1, -1) + '\\)' : m[1].slice(0, -1) + '[.、]'}\\s*` : '';
  const body = [...m[2]].slice(0, 4).map((c) => c.replace(/[“”"]/, '[“”"]')).join('\\s*');
  return new RegExp(`(^|[^0-9])${numbering}${body}`);
}

/**
 * The template cells a reader's tables hold, found the way a mapper would: the data row whose label
 * names the template row, values taken from its numeric cells.
 */
function cellsFrom(doc: DocumentModel, layouts: TableLayout[]): Record<string, number | null> {
  const cells: Record<string, number | null> = {};
  const rows = tables(doc).flatMap((t) => t.rows.map((r) => r.map((c) => c.text)));
  const numericTail = (r: string[]) => r.slice(1).filter((t) => t !== '');
  for (const layout of layouts) {
    if (layout.table === 'appeals') {
      // Table 四 is one row of 15 numbers, with or without an empty label cell before them.
      const filled = (r: string[]) => r.filter((t) => t !== '');
      const run = rows.map(filled).find((r) => r.length === 15 && r.every((t) => VALUE.test(t)));
      layout.rows.forEach((row, g) => row.columns.forEach((c, i) => (cells[`appeals.${row.id}.${c.id}`] = run ? toValue(run[g * 5 + i]) : undefined!)));
      continue;
    }
    for (const row of layout.rows) {
      const pattern = rowPattern(row);
      const matches = rows.filter((r) => pattern.test(foldWidth(r.slice(0, -row.columns.length).join(' '))) && numericTail(r).slice(-row.columns.length).every((t) => VALUE.test(t)));
      if (matches.length !== 1) continue;
      const values = numericTail(matches[0]).slice(-row.columns.length);
      row.columns.forEach((c, i) => (cells[`${layout.table}.${row.id}.${c.id}`] = toValue(values[i])));
    }
  }
  return cells;
}

function expectTruthCells(doc: DocumentModel, truthPath: string): number {
  const t = truth(truthPath);
  const layouts = [PROACTIVE_2021, t.layout.requests === '2019' ? REQUESTS_2019 : REQUESTS_2021, APPEALS_2021];
  const got = cellsFrom(doc, layouts);
  const expected = Object.fromEntries(Object.keys(t.cells).map((k) => [k, got[k]]));
  expect(expected).toEqual(t.cells);
  return Object.keys(t.cells).length;
}

describe('txtReader.sniff', () => {
  test('accepts UTF-8, GB18030 and BOM-marked UTF-16 text', () => {
    expect(txtReader.sniff(Buffer.from('一、总体情况\n本年度共收到申请3件。\n'), 'a.txt')).toBe(true);
    expect(txtReader.sniff(iconv.encode('一、总体情况\n本年度共收到申请3件。\n', 'gb18030'), undefined)).toBe(true);
    expect(txtReader.sniff(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('年度报告', 'utf-16le')]), undefined)).toBe(true);
  });

  test('accepts every text of the corpus, whether or not the sniffed head ends inside a character', () => {
    for (const path of [`${CORPUS}seed/zzszq-gxj-2023.txt`, `${CORPUS}variety/pingtan-2023-glued.txt`, `${CORPUS}variety/pingtan-2024-glued.txt`]) {
      const bytes = readFileSync(path);
      expect(txtReader.sniff(bytes.subarray(0, 64 * 1024), path)).toBe(true);
      for (const cut of [1000, 1001, 1002]) expect(txtReader.sniff(bytes.subarray(0, cut), path)).toBe(true);
    }
  });

  test('accepts UTF-16 without a byte-order mark (a script wrote it as utf-16-le or -be), and reads it whole', async () => {
    const text = readFileSync(`${CORPUS}variety/pingtan-2023-glued.txt`, 'utf8');
    for (const encoding of ['utf-16le', 'utf-16be']) {
      const bytes = iconv.encode(text, encoding);
      expect(txtReader.sniff(bytes.subarray(0, 64 * 1024), 'a.txt')).toBe(true);
      for (const cut of [1000, 1001]) expect(txtReader.sniff(bytes.subarray(0, cut), 'a.txt')).toBe(true);
      const doc = await txtReader.read(bytes, { name: 'a.txt' });
      const utf8 = await txtReader.read(Buffer.from(text), { name: 'a.txt' });
      expect(doc.blocks).toEqual(utf8.blocks);
      expect(doc.messages.map((m) => m.message)).toContain(`no byte-order mark or declaration: decoded as ${encoding}`);
    }
  });

  test('refuses binary files, whose NULs UTF-16 would decode into private-use, rare or control characters', () => {
    const binaries = [
      'tests/fixtures/pictures/hongze-2023-appeals-small-tables_files/table3.png',
      'tests/fixtures/docx/pingtan-2023-variety-appeals-row-merged-padding.docx',
      'tests/fixtures/doc/minzheng-2023.doc',
      'tests/fixtures/ocr/four-read-4.pgm.gz',
      ...readdirSync('tests/fixtures/pdf').filter((f) => f.endsWith('.pdf')).map((f) => `tests/fixtures/pdf/${f}`),
    ];
    for (const path of binaries) {
      const bytes = readFileSync(path);
      // Every even-length window, so that no window happens to start on a text-like stretch.
      for (let start = 0; start < Math.min(bytes.length, 64 * 1024); start += 4096) expect(txtReader.sniff(bytes.subarray(start, start + 64 * 1024), path), `${path} at ${start}`).toBe(false);
    }
  });

  test('refuses empty input, bytes with NULs and control-character noise', () => {
    expect(txtReader.sniff(Buffer.alloc(0), 'a.txt')).toBe(false);
    expect(txtReader.sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'a.txt')).toBe(false);
    expect(txtReader.sniff(Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 7) % 32)), 'a.txt')).toBe(false);
  });
});

describe('txtReader on the seed flattening of a DOCX (zzszq-gxj-2023.txt)', async () => {
  const doc = await read(`${CORPUS}seed/zzszq-gxj-2023.txt`);
  const [proactive, requests, appeals] = tables(doc);

  test('finds the three tables as dense grids, one blank-line-separated group per row', () => {
    expect(tables(doc)).toHaveLength(3);
    for (const t of tables(doc)) expect(new Set(t.rows.map((r) => r.length)).size).toBe(1);
    expect(proactive.rows.slice(0, 4).map((r) => r.map((c) => c.text))).toEqual([
      ['第二十条第（一）项', '', '', ''],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '0', '0', '0'],
    ]);
    expect(requests.rows).toHaveLength(28);
    expect(appeals.rows.at(-1)!.map((c) => c.text)).toEqual(new Array(15).fill('0'));
  });

  test('strips bookmark noise and full-width padding, and joins a line break inside a cell', () => {
    const all = JSON.stringify(doc.blocks);
    expect(all).not.toContain('[bookmark');
    expect(all).not.toContain('\u3000');
    expect(proactive.rows.find((r) => r[0].text === '行政处罚')!.map((c) => c.text)).toEqual(['行政处罚', '0', '', '']);
    const labels = requests.rows.flatMap((r) => r.map((c) => c.text));
    expect(labels).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(labels).toContain('5.要求行政机关确认或重新出具已获取信息');
    expect(requests.rows[3].map((c) => c.text)).toEqual(['一、本年新收政府信息公开申请数量', '0', '0', '0', '0', '0', '0', '0', '', '']);
  });

  test('keeps every other line as a paragraph, headings and signature included', () => {
    const paragraphs = texts(doc);
    expect(paragraphs.slice(0, 2)).toEqual(['市中区工业和信息化局', '2023年政府信息公开工作年度报告']);
    for (const heading of ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(paragraphs).toContain(heading);
    }
    expect(paragraphs.at(-1)).toBe('2024年1月11日');
    expect(doc.messages).toEqual([]);
  });

  test('holds every truth cell of the seed', () => {
    expect(expectTruthCells(doc, `${CORPUS}seed/zzszq-gxj-2023.truth.json`)).toBeGreaterThan(190);
  });
});

describe('txtReader on a DOCX flattening whose last row ends in empty cells', () => {
  test('reads the empty cells once, in their row: no one-row tables of them after the table (tab lines are cells, not blank lines)', async () => {
    const text = ['六、其他需要报告的事项', '', '\t行政复议', '\t总计', '', '\t5', '\t', '\t2', '\t', '\t', '', '五、存在的主要问题', ''].join('\n');
    const doc = await txtReader.read(Buffer.from(text), {});
    expect(tables(doc).map((t) => t.rows.map((r) => r.map((c) => c.text)))).toEqual([[['行政复议', '总计', '', '', ''], ['5', '', '2', '', '']]]);
    expect(texts(doc)).toEqual(['六、其他需要报告的事项', '五、存在的主要问题']);
  });
});

describe.each(['pingtan-2023-glued', 'pingtan-2024-glued'])('txtReader on the crawler dump %s', async (id) => {
  const doc = await read(`${CORPUS}variety/${id}.txt`);
  const t = JSON.parse(readFileSync(`${CORPUS}variety/${id}.truth.json`, 'utf8'));

  test('takes title, publication date, publisher and source URL from the header', () => {
    expect(doc.meta.title).toBe(`平潭综合实验区${t.year}年度政府信息公开工作年度报告`);
    expect(doc.meta.published).toBe(t.published);
    expect(doc.meta.publisher).toBe('平潭综合实验区管委会办公室');
    expect(doc.meta.sourceUrl).toMatch(/^https:\/\/www\.pingtan\.gov\.cn\/zwgk\/zfxxgk\/zfxxgknb\/\d{6}\/t\d{8}_\d+\.htm$/);
    expect(doc.messages.map((m) => m.code)).toEqual(['table-cells-glued']);
  });

  test('cuts the body at its headings and keeps each glued table whole in one paragraph', () => {
    const paragraphs = texts(doc);
    expect(doc.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
    for (const start of ['一、总体情况', '（一）主动公开方面', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']) {
      expect(paragraphs.filter((p) => p.startsWith(start))).toHaveLength(1);
    }
    const requests = paragraphs.find((p) => p.startsWith('三、收到和处理'))!;
    expect(requests).toMatch(/一、本年新收政府信息公开申请数量\d+二、/);
    expect(requests).toMatch(/四、结转下年度继续办理0000000$/);
    expect(paragraphs.find((p) => p.startsWith('二、主动公开'))).toMatch(/规章000行政规范性文件\d+第二十条/);
  });

  test('gives recoverGluedTables text from which every truth cell comes back', () => {
    const result = recoverGluedTables(texts(doc).join('\n'));
    const cells: Record<string, number | null> = {};
    const layouts: Record<string, TableLayout> = { proactive: PROACTIVE_2021, requests: REQUESTS_2021, appeals: APPEALS_2021 };
    for (const table of result.tables) {
      for (const row of table.rows) {
        const def = layouts[table.table].rows.find((r) => r.id === row.rowId)!;
        if (row.status === 'recovered') def.columns.forEach((c, i) => (cells[`${table.table}.${row.rowId}.${c.id}`] = row.values[i]));
      }
    }
    expect(Object.fromEntries(Object.keys(t.cells).map((k) => [k, cells[k]]))).toEqual(t.cells);
  });
});

describe('txtReader on PDF converter text (pdftotext -layout)', () => {
  test.each([
    ['pingtan-2023-pdftotext-layout.txt', 'rendered/pingtan-2023-pdf.truth.json'],
    ['huaian-city-2024-pdftotext-layout.txt', 'real/huaian-city-2024.truth.json'],
    ['hongze-2023-pdftotext-layout.txt', 'real/hongze-2023.truth.json'],
  ])('%s: label-plus-numbers lines, wrapped and vertical labels and page breaks give every truth cell', async (file, truthFile) => {
    const doc = await read(`${FIXTURES}${file}`);
    expect(tables(doc)).toHaveLength(3);
    expect(expectTruthCells(doc, `${CORPUS}${truthFile}`)).toBeGreaterThan(150);
  });

  test('pdf-parse text of pingtan-2023-pdf (single spaces, -- n of m -- page marks, labels wrapped over numbers) gives every truth cell', async () => {
    const doc = await read(`${FIXTURES}pingtan-2023-pdf-parse.txt`);
    expect(expectTruthCells(doc, `${CORPUS}rendered/pingtan-2023-pdf.truth.json`)).toBe(200);
    expect(texts(doc).some((p) => p.includes(' of 4 --'))).toBe(false);
  });

  test('pdf-parse prose with tab-separated counts (受理 \\t3119 \\t件) stays prose, with its spacing tidied', async () => {
    const doc = await read(`${FIXTURES}huaian-city-2024-pdf-parse.txt`);
    expect(tables(doc)).toHaveLength(3);
    const paragraph = texts(doc).find((p) => p.startsWith('（二）依申请公开情况'))!;
    expect(paragraph).toContain('全市共受理政府信息公开申请 3119 件，答复 3050 件');
    expect(paragraph).toMatch(/尚未审结 7 件。$/);
    expect(texts(doc).some((p) => p.includes('\t'))).toBe(false);
  });

  test('wrapped prose lines are joined back into paragraphs and page numbers dropped', async () => {
    const doc = await read(`${FIXTURES}huaian-city-2024-pdftotext-layout.txt`);
    const paragraphs = texts(doc);
    expect(paragraphs).toContain('六、其他需要报告的事项');
    expect(paragraphs.some((p) => /^2024 年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 3940 元。$/.test(p))).toBe(true);
    expect(paragraphs.some((p) => /^-\d+-$/.test(p))).toBe(false);
  });
});

describe('txtReader on hand-made converter output', () => {
  test('orphan label lines, a form feed with a page number between rows and single-spaced rows are rebuilt', async () => {
    const doc = await read(`${FIXTURES}requests-rows-broken-across-lines-and-pages.txt`);
    expect(tables(doc)).toHaveLength(1);
    const t = truth(`${CORPUS}rendered/pingtan-2023-pdf.truth.json`);
    const got = cellsFrom(doc, [REQUESTS_2021]);
    const requestKeys = Object.keys(t.cells).filter((k) => k.startsWith('requests.'));
    expect(requestKeys).toHaveLength(175);
    expect(Object.fromEntries(requestKeys.map((k) => [k, got[k]]))).toEqual(Object.fromEntries(requestKeys.map((k) => [k, t.cells[k]])));
    const rows = tables(doc)[0].rows.map((r) => r[0].text);
    expect(rows).toContain('二、上年结转政府信息公开申请数量');
    expect(rows).toContain('（四）无法提供 1.本机关不掌握相关政府信息');
    expect(rows).toContain('5.要求行政机关确认或重新出具已获取信息');
    // The collapsed header line is split into its words.
    expect(tables(doc)[0].rows[1].map((c) => c.text).slice(0, 3)).toEqual(['申请人情况', '自然人', '法人或其他组织']);
  });

  test('Markdown: pipe tables with separator rows, <br> and bold become tables, # lines headings', async () => {
    const doc = await read(`${FIXTURES}pingtan-2023-markdown.md`);
    expect(tables(doc)).toHaveLength(3);
    expect(doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toContain('三、收到和处理政府信息公开申请情况');
    expect(tables(doc)[0].rows[1].map((c) => c.text)).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(tables(doc)[1].rows[0][0].text).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况');
    expect(tables(doc)[2].rows.some((r) => r[0].text.startsWith(':'))).toBe(false);
    // 一、本年新收… spans the label columns: the empty cell after it repeats it as a span, not a blank value.
    const received = tables(doc)[1].rows[1];
    expect(received.slice(0, 3)).toEqual([{ text: '一、本年新收政府信息公开申请数量' }, { text: '一、本年新收政府信息公开申请数量', spanned: true }, { text: '80' }]);
    // The leading empty cell under 三、本年度办理结果 has no label to its left and stays empty.
    expect(tables(doc)[1].rows[4][0]).toEqual({ text: '' });
    expectTruthCells(doc, `${CORPUS}rendered/pingtan-2023-pdf.truth.json`);
  });
});

describe('txtReader on small layout texts', () => {
  async function readText(text: string): Promise<DocumentModel> {
    return txtReader.read(Buffer.from(text), {});
  }

  test('characters of no width (U+200B–U+200D, U+2060, U+FEFF, U+00AD) are dropped: a label or number they split reads whole', async () => {
    const doc = await readText(
      ['二、主动公开\u200d政府信息情况', '规\u00ad章              1\u200b2     \u20600     \ufeff3', '行政规范性文件    4\u200c5     -     -', '行政\u200b许可          \u200c12', '', '三、收到和处理政府信息公开申请情况'].join('\r\n'),
    );
    expect(doc.blocks[0]).toEqual({ kind: 'paragraph', text: '二、主动公开政府信息情况' });
    expect(tables(doc)[0].rows.map((r) => r.map((c) => c.text))).toEqual([
      ['规章', '12', '0', '3'],
      ['行政规范性文件', '45', '-', '-'],
      ['行政许可', '12', '', ''],
    ]);
  });

  test('a row of blank markers is a row, and a section heading right before a table stays a paragraph', async () => {
    const doc = await readText(
      ['二、主动公开政府信息情况', '规章              0     0     0', '行政规范性文件    -     -     -', '行政许可          12', '', '三、收到和处理政府信息公开申请情况'].join('\n'),
    );
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(doc.blocks[0]).toEqual({ kind: 'paragraph', text: '二、主动公开政府信息情况' });
    expect(tables(doc)[0].rows.map((r) => r.map((c) => c.text))).toEqual([
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '-', '-', '-'],
      ['行政许可', '12', '', ''],
    ]);
  });

  test('a whole report on one line, without a crawler header, is cut into paragraphs at its headings', async () => {
    const body = readFileSync(`${CORPUS}variety/pingtan-2023-glued.txt`, 'utf8').split(/=+ 正文 =+\n/)[1];
    const doc = await readText(body);
    expect(doc.meta).toEqual({});
    expect(texts(doc).filter((p) => /^[一二三四五六]、/.test(p)).map((p) => p.slice(0, 6))).toEqual(['一、总体情况', '二、主动公开', '三、收到和处', '四、政府信息', '五、存在的主', '六、其他需要']);
  });

  test('text in a value cell of a tab-separated row (见附件, 不适用) keeps its column; a tab-separated header stays a header', async () => {
    const doc = await readText(
      [
        '四、政府信息公开行政复议、行政诉讼情况',
        '行政复议\t行政诉讼',
        '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉',
        '2\t1\t3\t1\t7\t0\t见附件\t0\t0\t0\t13\t2\t4\t0\t19',
        '（七）总计\t217\t1\t0\t0\t0\t0\t不适用',
        '五、存在的主要问题及改进情况',
      ].join('\n'),
    );
    const [table] = tables(doc);
    expect(table.rows.map((r) => r.filter((c) => !c.absent).map((c) => c.text))).toEqual([
      ['行政复议', '行政诉讼'],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
      '2 1 3 1 7 0 见附件 0 0 0 13 2 4 0 19'.split(' '),
      ['（七）总计', '217', '1', '0', '0', '0', '0', '不适用'],
    ]);
  });

  test('a word printed instead of a row\'s first value (1.属于国家秘密 · 不适用 · then blanks or numbers) is that cell, not the label\'s last part', async () => {
    const doc = await readText(
      [
        '三、收到和处理政府信息公开申请情况',
        '\t申请人情况',
        '自然人\t法人或其他组织\t总计',
        '商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
        '一、本年新收政府信息公开申请数量\t821\t35\t\t\t2\t1\t859',
        '（三）不予公开\t1.属于国家秘密\t不适用\t\t\t\t\t\t',
        '2.其他法律行政法规禁止公开\t\t\t\t\t\t\t',
        '5.属于三类内部事务信息\t见附件\t2\t\t\t\t\t7',
        '（四）无法提供\t1.本机关不掌握相关政府信息\t252\t12\t\t\t1\t\t',
        '五、存在的主要问题及改进情况',
      ].join('\n'),
    );
    const rows = tables(doc)[0].rows.map((r) => r.filter((c) => !c.absent).map((c) => c.text));
    expect(rows.find((r) => r[0].includes('国家秘密'))).toEqual(['（三）不予公开 1.属于国家秘密', '不适用', '', '', '', '', '', '']);
    expect(rows.find((r) => r[0].includes('内部事务'))).toEqual(['5.属于三类内部事务信息', '见附件', '2', '', '', '', '', '7']);
    // Only after a label's own cell: a row's one text cell is its label, and a unit (条) stays where it is.
    expect(rows.find((r) => r[0].includes('本机关'))).toEqual(['（四）无法提供 1.本机关不掌握相关政府信息', '252', '12', '', '', '1', '', '']);
  });

  test('a vertical group label beside a wrapped item (（三）不 · 予公开) does not pull the next item onto that row', async () => {
    const doc = await readText(
      [
        '               4.保护第三方合法权',
        '        （三）不                 3     0     0     0      0     0    3',
        '                    益',
        '        予公开',
        '               5.属于三类内部事务',
        '                            32     0     0     0      0     0    32',
        '                    信息',
        '',
        '               6.属于四类过程性信息    0     0     0     0      0     0    0',
      ].join('\n'),
    );
    expect(tables(doc)[0].rows.map((r) => r.filter((c) => !c.absent).map((c) => c.text))).toEqual([
      ['4.保护第三方合法权（三）不益予公开', '3', '0', '0', '0', '0', '0', '3'],
      ['5.属于三类内部事务信息', '32', '0', '0', '0', '0', '0', '32'],
      ['6.属于四类过程性信息', '0', '0', '0', '0', '0', '0', '0'],
    ]);
  });

  test.each([
    [
      'the group column beside the rest of the item above',
      [
        '                      3.危及“            0         0        0        0         0      0   0',
        '         （三）          三安全一',
        '         不予公           稳定”',
        '          开     4.保护第三方合法权益            3         0        0        0         0      0   3',
      ],
      ['3.危及“ 三安全一稳定”', '（三）不予公开 4.保护第三方合法权益'],
    ],
    [
      'the rest of the item above continuing right of the group column',
      [
        '      （六） 2.申请人逾期未按收费通             0            0        0    0     0        0    0',
        '      其他处       知',
        '       理  要求缴纳费用、行政机关',
        '                不再',
        '          处理其政府信息公开申请',
        '',
        '                     3.其他              1        1        0    0     0        0    2',
      ],
      ['（六） 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '其他处理 3.其他'],
    ],
    [
      'a section piece and a group piece beside the rest of the item above (after a repeated header)',
      [
        '                  2.申请人逾期未按收费通',
        '     （六）          知要求缴纳费用、行政机',
        '                                         0         0       0     0         0        0        0',
        '三、本年 其他处          关不再处理其政府信息公',
        '度办理结  理                开申请',
        ' 果',
        '                        3.其他             1         0       0     0         0        0        1',
      ],
      ['2.申请人逾期未按收费通（六） 知要求缴纳费用、行政机关不再处理其政府信息公开申请', '三、本年 其他处度办理结 理果 3.其他'],
    ],
  ])('a vertical group label interleaved with a wrapped item (pdftotext -layout): %s', async (_name, lines, labels) => {
    const doc = await readText(lines.join('\n'));
    expect(tables(doc)[0].rows.map((r) => r[0].text)).toEqual(labels);
  });

  test('a tab-separated line with more words than numbers is text, not a row', async () => {
    const doc = await readText(['本年度\t收到\t申请\t12\t件', '', '五、存在的主要问题及改进情况'].join('\n'));
    expect(tables(doc)).toEqual([]);
  });

  test('a sentence that ends in a number and a lone page number stay text', async () => {
    const doc = await readText(['全年收取信息处理费共计  3940', '', '                 12', '', '六、其他需要报告的事项'].join('\n'));
    expect(tables(doc)).toEqual([]);
    expect(texts(doc)).toEqual(['全年收取信息处理费共计 3940', '六、其他需要报告的事项']);
  });
});

describe('txtReader on awkward input', () => {
  test('GB18030 text reads the same as UTF-8 and says the encoding was guessed', async () => {
    const utf8 = readFileSync(`${CORPUS}seed/zzszq-gxj-2023.txt`);
    const gb = iconv.encode(utf8.toString('utf8'), 'gb18030');
    const fromGb = await txtReader.read(gb, {});
    const fromUtf8 = await txtReader.read(utf8, {});
    expect(fromGb.blocks).toEqual(fromUtf8.blocks);
    expect(fromGb.messages.map((m) => m.code)).toEqual(['encoding-guessed']);
  });

  test('a file with only whitespace is refused with the code empty', async () => {
    await expect(txtReader.read(Buffer.from(' \n\t\n'), {})).rejects.toMatchObject({ name: 'UnreadableDocumentError', code: 'empty' });
  });

  test('a file over the size limit is refused with the code too-large', async () => {
    await expect(txtReader.read(Buffer.alloc(33 * 1024 * 1024, 0x61), {})).rejects.toBeInstanceOf(UnreadableDocumentError);
  });

  test('two hundred thousand short lines, headings among them, are read in linear time', async () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => (i % 50 === 0 ? '一、总体情况说明' : i % 7 === 0 ? '' : `第${i}行文字。`));
    const doc = await txtReader.read(Buffer.from(lines.join('\n')), {});
    expect(doc.blocks.length).toBeGreaterThan(1000);
  }, HANG_GUARD_MS);

  test('a flattened table of a hundred thousand rows becomes one dense table without overflowing the stack', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `\t行${i}\n\t${i}\n`).join('\n');
    const doc = await txtReader.read(Buffer.from(rows), {});
    expect(tables(doc)).toHaveLength(1);
    expect(tables(doc)[0].rows).toHaveLength(100_000);
  });

  test('lines of numbers that end in a word (no row, nothing to backtrack into) are read quickly', async () => {
    const line = `${'1 '.repeat(190)}件`;
    const doc = await txtReader.read(Buffer.from(new Array(20_000).fill(line).join('\n')), {});
    expect(tables(doc)).toEqual([]);
  }, HANG_GUARD_MS);

  test('a table followed by a hundred thousand short lines and then a row is read quickly', async () => {
    const text = ['规章  1  2  3', ...new Array(100_000).fill('短行'), '行政许可  5'].join('\n');
    const doc = await txtReader.read(Buffer.from(text), {});
    expect(tables(doc).length).toBeGreaterThanOrEqual(1);
  }, HANG_GUARD_MS);

  test('ten megabytes of blank lines are refused as empty, quickly', async () => {
    await expect(txtReader.read(Buffer.from('\n'.repeat(10_000_000)), {})).rejects.toMatchObject({ code: 'empty' });
    await txtReader.read(Buffer.from(`标题: 报告\n${' \n'.repeat(2_000_000)}正文`), {});
  }, HANG_GUARD_MS);

  test('lines with long gaps inside, one very long, are read quickly', async () => {
    const gappy = new Array(20_000).fill(`规章${' '.repeat(900)}x`).join('\n');
    const doc = await txtReader.read(Buffer.from(`${gappy}\n规章${' '.repeat(1_000_000)}x\n`), {});
    expect(doc.blocks.length).toBeGreaterThan(0);
  }, HANG_GUARD_MS);

  test('a two-megabyte line of numbers and spaces is read quickly', async () => {
    const doc = await txtReader.read(Buffer.from('1 '.repeat(1_000_000) + '\n规章  1  2  3\n'), {});
    expect(doc.blocks.length).toBeGreaterThan(0);
  }, HANG_GUARD_MS);
});
