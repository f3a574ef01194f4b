/**
 * Reports saved as CSV (a page opened in a spreadsheet program and saved as text): every line a row of
 * the sheet's grid, one cell a paragraph, runs of several cells a table each, cut to its own columns.
 */
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCsv, csvRows, readCsvBlocks } from '../../../extractors/txt/csv.js';
import { extractFile } from '../../../src/pipeline.js';
import { generate, type VariantTruth } from '../../../tools/variety/generate.js';
import { officeAvailable } from '../../../tools/variety/render/office.js';
import { scoreRecord, type VariantScore } from '../../../tools/variety/score.js';
import { loadTruths } from '../../../tools/variety/truths.js';

const texts = (blocks: ReturnType<typeof readCsvBlocks>) => blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.map((c) => (c.spanned ? `~${c.text}` : c.text))) : b.kind === 'paragraph' ? b.text : b.kind));

describe('CSV text', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks (a wrapped cell)', () => {
    expect(csvRows('a,"4,529","说""明""","第一行\n第二行"\nb,1,2,3\n')).toEqual([
      ['a', '4,529', '说"明"', '第一行\n第二行'],
      ['b', '1', '2', '3'],
    ]);
  });

  it('is CSV only when every row is as wide as the first, three fields or more, over five rows', () => {
    const sheet = ['标题,,', '正文，有逗号,,', '规章,1,2', '行政规范性文件,3,4', '行政许可,5,6'].join('\n');
    expect(asCsv(sheet, 1000)).toHaveLength(5);
    expect(asCsv(sheet.split('\n').slice(0, 4).join('\n'), 1000)).toBeUndefined();
    expect(asCsv(`${sheet}\n多一列,1,2,3`, 1000)).toBeUndefined();
    expect(asCsv('一、总体情况\n2024年，本机关收到申请3件,办结3件,结转0件。\n二、主动公开\n规章 1 2 3\n行政许可 5', 1000)).toBeUndefined();
  });

  it('is CSV of two fields when the second prints numbers on five rows or more and words on few (指标名称,数量), never prose with one comma a line', () => {
    const sheet = ['某局政府信息公开情况统计表（2014年度）,', '指标名称,数量', '一、主动公开情况,—', '主动公开政府信息数（条）,125', '其中：主动公开规范性文件数（条）,7', '制发规范性文件总数（件）,20', '收到申请数（件）,3', '六、举报投诉数量（件）,0', '某局,'].join('\n');
    expect(asCsv(sheet, 1000)).toHaveLength(9);
    const blocks = texts(readCsvBlocks(asCsv(sheet, 1000)!));
    expect(blocks[0]).toBe('某局政府信息公开情况统计表（2014年度）');
    expect(blocks[1]).toEqual([['指标名称', '数量'], ['一、主动公开情况', '—'], ['主动公开政府信息数（条）', '125'], ['其中：主动公开规范性文件数（条）', '7'], ['制发规范性文件总数（件）', '20'], ['收到申请数（件）', '3'], ['六、举报投诉数量（件）', '0']]);
    // Prose with one comma a line: its second fields are words, not numbers.
    expect(asCsv(['本机关认真贯彻落实条例,进一步完善工作机制', '全年共主动公开信息,均已按时发布', '我们收到申请,并按时答复', '下一步,将进一步规范流程', '特此报告,请审阅'].join('\n'), 1000)).toBeUndefined();
    // Numbers after one comma on fewer than five lines, or words in the second field as often as numbers: prose.
    expect(asCsv(['截至12月,共3件', '指标,1', '其中,2', '另有,3', '合计,6', '总计,12', '说明,见上', '备注,无误', '来源,本局', '附件,统计表'].join('\n'), 1000)).toBeUndefined();
    expect(asCsv(sheet.split('\n').slice(0, 6).join('\n'), 1000)).toBeUndefined();
  });

  it('refuses a sheet of more cells than maxTableCells before building any (too-large)', () => {
    const sheet = ['标题,,', '规章,1,2', '行政规范性文件,3,4', '行政许可,5,6', '行政处罚,7,8'].join('\n');
    expect(() => asCsv(sheet, 14)).toThrow(/too-large|maxTableCells/);
    expect(asCsv(sheet, 15)).toHaveLength(5);
  });

  it('reads a row of one cell as a paragraph and a run of rows as one table, without the columns it leaves empty', () => {
    const rows = csvRows(['一、总体情况,,,,', '信息内容,,本年制发件数,,现行有效件数', '规章,,1,,11', '行政规范性文件,,8,,66', '二、其他,,,,'].join('\n'))!;
    expect(texts(readCsvBlocks(rows))).toEqual([
      '一、总体情况',
      [
        ['信息内容', '本年制发件数', '现行有效件数'],
        ['规章', '1', '11'],
        ['行政规范性文件', '8', '66'],
      ],
      '二、其他',
    ]);
  });

  it('keeps one-cell rows between two value rows in the table (a wrapped label, rows printing no value), but not one-cell rows before a header', () => {
    const rows = csvRows(
      [
        '规章,,1,,11',
        '4.无正当,,0,,0',
        '理由大量反,,,,',
        '复申请,,,,',
        '5.要求确认,,1,,1',
        '三、收到和处理政府信息公开申请情况,,,,',
        '说明,,,,',
        '信息内容,,自然人,,总计',
        '一、本年新收,,3,,3',
      ].join('\n'),
    )!;
    expect(texts(readCsvBlocks(rows))).toEqual([
      [
        ['规章', '1', '11'],
        ['4.无正当', '0', '0'],
        ['理由大量反', '', ''],
        ['复申请', '', ''],
        ['5.要求确认', '1', '1'],
      ],
      '三、收到和处理政府信息公开申请情况',
      '说明',
      [
        ['信息内容', '自然人', '总计'],
        ['一、本年新收', '3', '3'],
      ],
    ]);
  });

  it('reads full-width digits (８２１, ２５．１) as numbers: rows of blanks between two rows of them stay rows of the table, one grid for the whole table', () => {
    // Seed 51 numbers/csv, Shanghai 2019 with full-width digits and blanks printed as nothing, as Calc saves its sheet
    // (labels in columns 0, 2 and 5, values in columns 8 … 24; the header rows left out): 2.其他法律… (no value) was read as a paragraph between
    // rows whose values were not taken for numbers, and table 三 fell apart in four tables.
    const line = (labels: [string, string, string], values: string[]) => {
      const fields = Array<string>(26).fill('');
      [fields[0], fields[2], fields[5]] = labels;
      [8, 11, 13, 16, 18, 22, 24].forEach((c, k) => (fields[c] = values[k] ?? ''));
      return fields.join(',');
    };
    const rows = csvRows(
      [
        line(['一、本年新收政府信息公开申请数量', '', ''], ['８２１', '３５', '', '', '２', '１', '８５９']),
        line(['三、本年度办理结果', '（一）予以公开', ''], ['２５８', '１２', '', '', '１', '１']),
        line(['', '（三）不予公开', '1.属于国家秘密'], ['１４']),
        line(['', '', '2.其他法律行政法规禁止公开'], []),
        line(['', '', '3.危及“三安全一稳定”'], []),
        line(['', '', '5.属于三类内部事务信息'], ['５']),
        line(['', '', '6.属于四类过程性信息'], ['３', '１']),
        line(['', '（六）其他处理', ''], []),
        line(['', '（七）总计', ''], ['７６７', '３５', '', '', '２', '１', '８０５']),
        line(['四、结转下年度继续办理', '', ''], ['７２', '', '', '', '', '', '７２']),
      ].join('\n'),
    )!;
    const blocks = texts(readCsvBlocks(rows));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toContainEqual(['', '', '2.其他法律行政法规禁止公开', '', '', '', '', '']);
    expect(blocks[0]).toContainEqual(['', '（七）总计', '', '７６７', '３５', '２', '１', '８０５']);
  });

  it('keeps a wrapped label\'s first line between the header and the first row of values in the table, so the header\'s empty columns stay its columns', () => {
    // Seed 37 wrapped-labels/csv, Shanghai 2019: 一、本年新收政府 | 信息公开申请数量 wrapped over two rows right under the
    // header; the corner's text went to the row above, so no header row prints a word in the label column. Read as a
    // paragraph, it cut the values from their header: 科研机构 and 社会公益组织, blank in every row, were dropped with it,
    // five values stood for seven columns and table 三 went blank (ambiguous).
    const rows = csvRows(
      [
        '（勾稽关系）,,申请人情况,,,,',
        ',,自然人,法人或其他组织,,,总计',
        ',,,商业企业,科研机构,其他,',
        '一、本年新收政府,,,,,,',
        '信息公开申请数量,,821,35,,1,857',
        '二、上年结转,,18,,,,18',
        '三、本年度办理结果,,258,12,,1,271',
      ].join('\n'),
    )!;
    const blocks = texts(readCsvBlocks(rows));
    expect(blocks).not.toContain('一、本年新收政府');
    const table = blocks.find((b) => Array.isArray(b) && b.some((r) => r.includes('821'))) as string[][];
    expect(table.some((r) => r.includes('科研机构'))).toBe(true);
    expect(table.find((r) => r.includes('821'))).toEqual(['信息公开申请数量', '821', '35', '', '1', '857']);
    expect(table.find((r) => r[0] === '一、本年新收政府')).toEqual(['一、本年新收政府', '', '', '', '', '']);
  });

  it('keeps a one-cell row in the table when the column it stands in holds a label of one ideograph among its numbering ((一)予 · 以公开)', () => {
    // Seed 39 wrapped-labels/csv, Pingtan 2023: （一）予 | 22 … · 以公开 — the label column's only text above was （一）予,
    // which prints no two ideographs side by side; 以公开 was read as a paragraph and cut the table in two.
    const rows = csvRows(
      [
        ',,自然人,,总计',
        '一、本年新收,,80,,81',
        '三、本年度办理结果,（一）予,22,,22',
        ',以公开,,,',
        ',（二）部分公开,19,,20',
        ',（三）不予公开,0,,0',
      ].join('\n'),
    )!;
    const blocks = texts(readCsvBlocks(rows));
    expect(blocks).not.toContain('以公开');
    expect(blocks).toHaveLength(1);
  });

  it('keeps one-cell rows before a row of the table\'s labels alone (a table cut without its header), not before a header over its value columns', () => {
    const rows = csvRows(
      [
        ',,自然人,,总计',
        '(三)不予公开,(1)属于国家秘密,14,,14',
        ',(2)其他法律,,,',
        ',(3)危及,,,',
        '(三)不予公开,(4)保护,,,',
        ',(5)内部事务,5,,5',
        '四、行政复议情况,,,,',
        '行政复议,,,,',
        '结果维持,结果纠正,,,总计',
        '5,0,,,5',
      ].join('\n'),
    )!;
    expect(texts(readCsvBlocks(rows))).toEqual([
      [
        ['', '', '自然人', '总计'],
        ['(三)不予公开', '(1)属于国家秘密', '14', '14'],
        ['', '(2)其他法律', '', ''],
        ['', '(3)危及', '', ''],
        ['(三)不予公开', '(4)保护', '', ''],
        ['', '(5)内部事务', '5', '5'],
      ],
      '四、行政复议情况',
      '行政复议',
      [
        ['结果维持', '结果纠正', '总计'],
        ['5', '0', '5'],
      ],
    ]);
  });

  it('keeps one-cell rows before the table\'s own header printed again (table 三 cut, its header repeated over the next part) in the table', () => {
    // Seed 40 split-tables/csv, Shanghai 2019: 3.要求提供公开出版物 · 4.… · 5.… · （六）其他处理, their values all blank, end
    // the second part of table 三; the third part starts with the table's header again. Read as paragraphs, the four
    // rows were not found, and requests.outcome_sum (total), the report's own error, went unchecked.
    const rows = csvRows(
      [
        '（勾稽关系）,,,申请人情况,,',
        ',,,自然人,商业企业,总计',
        '一、本年新收政府信息公开申请数量,,,821,35,859',
        '三、本年度办理结果,（五）不予处理,1.信访举报投诉类申请,148,1,',
        ',,2.重复申请,5,4,',
        ',,3.要求提供公开出版物,,,',
        ',,4.无正当理由大量反复申请,,,',
        ',（六）其他处理,,,,',
        '（勾稽关系）,,,申请人情况,,',
        ',,,自然人,商业企业,总计',
        '三、本年度办理结果,（七）总计,,767,35,805',
      ].join('\n'),
    )!;
    const blocks = texts(readCsvBlocks(rows));
    expect(blocks).not.toContain('3.要求提供公开出版物');
    expect(blocks).not.toContain('（六）其他处理');
    expect(blocks.filter((b) => typeof b === 'string')).toEqual([]);
    const table = blocks.find((b) => Array.isArray(b) && b.some((r) => r.includes('805'))) as string[][];
    expect(table.find((r) => r.includes('3.要求提供公开出版物'))).toEqual(['', '', '3.要求提供公开出版物', '', '', '']);
  });

  it('starts another table where a header prints words over columns the run never used (no heading between two tables), taking its upper header row along; a row of blanks inside a table stays its row', () => {
    const rows = csvRows(
      [
        '信息内容,本年处理决定数量,,,,',
        '行政许可,447228,,,,',
        '（本列数据的勾稽关系为）,,申请人情况,,,',
        ',,自然人,法人或其他组织,,总计',
        '一、本年新收,,3001,53,,3119',
        '二、上年结转,,,,,',
        '三、本年度办理结果,,258,12,,272',
      ].join('\n'),
    )!;
    expect(texts(readCsvBlocks(rows))).toEqual([
      [
        ['信息内容', '本年处理决定数量'],
        ['行政许可', '447228'],
      ],
      [
        ['（本列数据的勾稽关系为）', '申请人情况', '', ''],
        ['', '自然人', '法人或其他组织', '总计'],
        ['一、本年新收', '3001', '53', '3119'],
        ['二、上年结转', '', '', ''],
        ['三、本年度办理结果', '258', '12', '272'],
      ],
    ]);
  });

  it('starts another table at a header with a stray number among its words (结果纠正 printed 2), never widening the table above', () => {
    const rows = csvRows(
      [
        ',,,,,,,,,,,商业企业,,科研机构,,,社会公益组织,,法律服务机构,,,,其他,,,',
        '一、本年新收,,,,,,,,80,,,1,,0,,,0,,0,,,,0,,81,',
        '四、结转下年度继续办理,,,,,,,,0,,,0,,0,,,0,,0,,,,0,,0,',
        '行政复议,,,,,,,,,行政诉讼,,,,,,,,,,,,,,,,',
        '结果维持,2,,其他结果,尚未审结,,,总计,,未经复议直接起诉,,,,,,,,复议后起诉,,,,,,,,',
        ',,,,,,,,,结果维持,结果纠正,,其他结果,,尚未审结,总计,,结果维持,,结果纠正,,其他结果,,尚未审结,,总计',
        '1,1,,0,0,,,2,,4,0,,0,,1,5,,1,,0,,1,,0,,2',
      ].join('\n'),
    )!;
    const COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    expect(texts(readCsvBlocks(rows))).toEqual([
      [
        ['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
        ['一、本年新收', '80', '1', '0', '0', '0', '0', '81'],
        ['四、结转下年度继续办理', '0', '0', '0', '0', '0', '0', '0'],
      ],
      [
        ['行政复议', '', '', '', '', '行政诉讼', ''],
        ['结果维持', '2', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
      ],
      [
        ['', '', '', '', '', ...COLUMNS, ...COLUMNS],
        ['1', '1', '0', '0', '2', '4', '0', '0', '1', '5', '1', '0', '1', '0', '2'],
      ],
    ]);
  });

  it('keeps an upper header row with a stray number (行政诉讼 printed 7, in a column the table above never used) with the table below it', () => {
    const rows = csvRows(
      [
        ',,,,,,,,,,,商业企业,,科研机构,,,社会公益组织,,法律服务机构,,,,其他,,,',
        '一、本年新收,,,,,,,,80,,,1,,0,,,0,,0,,,,0,,81,',
        '四、结转下年度继续办理,,,,,,,,0,,,0,,0,,,0,,0,,,,0,,0,',
        '行政复议,,,,,,,,,7,,,,,,,,,,,,,,,,',
        '结果维持,结果纠正,,其他结果,尚未审结,,,总计,,未经复议直接起诉,,,,,,,,复议后起诉,,,,,,,,',
        ',,,,,,,,,结果维持,结果纠正,,其他结果,,尚未审结,总计,,结果维持,,结果纠正,,其他结果,,尚未审结,,总计',
        '1,1,,0,0,,,2,,4,0,,0,,1,5,,1,,0,,1,,0,,2',
      ].join('\n'),
    )!;
    const [above, ...below] = texts(readCsvBlocks(rows));
    // Left in the table above, the row widened it by a column of its own: an empty cell in every row.
    expect(above).toEqual([
      ['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
      ['一、本年新收', '80', '1', '0', '0', '0', '0', '81'],
      ['四、结转下年度继续办理', '0', '0', '0', '0', '0', '0', '0'],
    ]);
    // As 行政复议 · 行政诉讼 would be: the groups' row a block of its own, then the table 四 it heads.
    expect(below.map((block) => block[0])).toEqual([
      ['行政复议', '7'],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
    ]);
  });

  it('keeps an upper header row with a stray number (行政复议 printed 7, in the label column, where the table above prints no number) with the table below it', () => {
    const rows = csvRows(
      [
        ',,,,,,,,,,,商业企业,,科研机构,,,社会公益组织,,法律服务机构,,,,其他,,,',
        '一、本年新收,,,,,,,,71,,,3,,0,,,0,,0,,,,0,,74,',
        '四、结转下年度继续办理,,,,,,,,0,,,0,,0,,,0,,0,,,,0,,0,',
        '7,,,,,,,,,行政诉讼,,,,,,,,,,,,,,,,',
        '结果维持,结果纠正,,其他结果,尚未审结,,,总计,,未经复议直接起诉,,,,,,,,复议后起诉,,,,,,,,',
        ',,,,,,,,,结果维持,结果纠正,,其他结果,,尚未审结,总计,,结果维持,,结果纠正,,其他结果,,尚未审结,,总计',
        '0,1,,1,0,,,2,,1,0,,0,,0,1,,0,,0,,0,,0,,0',
      ].join('\n'),
    )!;
    const [above, ...below] = texts(readCsvBlocks(rows));
    // Left in the table above, the row widened it by a column of its own (行政诉讼's): an empty cell in every row,
    // eight values where table 三 has seven columns.
    expect(above).toEqual([
      ['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
      ['一、本年新收', '71', '3', '0', '0', '0', '0', '74'],
      ['四、结转下年度继续办理', '0', '0', '0', '0', '0', '0', '0'],
    ]);
    expect(below.map((block) => block[0])).toEqual([
      ['7', '行政诉讼'],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
    ]);
  });

  it('starts another block where the table goes on with its values on a grid of its own (table 三 cut in two, each part merged its own way)', () => {
    const rows = csvRows(
      [
        ',,,,,,,,,,自然人,,,商业企业,,,总计,,',
        '一、本年新收,,,,,,,,,,3,,,1,,,4,,',
        '（三）不予公开,,,,,1.属于国家秘密,,,,,0,,,0,,,0,,',
        '三、本年度办理结果,,,（四）无法提供,,,,1.本机关不掌握相关政府信息,,,,2,,,,1,,3',
        ',,,,,,,2.没有现成信息需要另行制作,,,,0,,,,0,,0',
      ].join('\n'),
    )!;
    // Read as one block, the two parts' columns interleave: six value columns, each row printing three.
    expect(texts(readCsvBlocks(rows))).toEqual([
      [
        ['', '', '自然人', '商业企业', '总计'],
        ['一、本年新收', '~一、本年新收', '3', '1', '4'],
        ['（三）不予公开', '1.属于国家秘密', '0', '0', '0'],
      ],
      [
        ['三、本年度办理结果', '（四）无法提供', '1.本机关不掌握相关政府信息', '2', '1', '3'],
        ['', '', '2.没有现成信息需要另行制作', '0', '0', '0'],
      ],
    ]);
  });
});

describe.skipIf(!(await officeAvailable()))('CSV reports the variety generator renders (seed 1, plain and headings axes)', () => {
  let dir = '';
  const scores: VariantScore[] = [];
  const formats: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'nianbao-generated-csv-'));
    const truths = await loadTruths(path.resolve(process.cwd(), '../shared/corpus'));
    const variants: VariantTruth[] = await generate(truths, { seed: 1, count: 0, slowCount: 2, scanCount: 0, formats: ['csv'], axes: ['plain', 'headings'], outDir: path.join(dir, 'variants'), cacheDir: path.join(dir, 'cache') });
    for (const variant of variants) {
      const record = await extractFile(path.join(dir, 'variants', variant.file));
      formats.push(record.format);
      scores.push(scoreRecord(variant, record));
    }
  }, 600_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads every table of every report exactly, with no unearned printed finding', () => {
    expect(scores).toHaveLength(4);
    expect(formats).toEqual(['txt', 'txt', 'txt', 'txt']);
    for (const score of scores) {
      expect({ id: score.id, wrong: score.wrong, missing: score.missing, exact: score.exact, unearned: score.unearned }).toEqual({ id: score.id, wrong: 0, missing: 0, exact: score.cells, unearned: [] });
    }
  });
});
