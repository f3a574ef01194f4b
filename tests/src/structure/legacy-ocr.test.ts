import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../extractors/model.js';
import { findLegacyStats } from '../../../src/structure/legacy.js';
import { knownReadings } from '../../../src/structure/legacy-ocr.js';

const ocr = (text: string) => ({ text, prov: { origin: 'ocr' as const } });
const plain = (text: string) => ({ text });
const block = (rows: string[][], cell: (t: string) => { text: string } = ocr): TableBlock[] => [{ kind: 'table', rows: rows.map((r) => r.map(cell)) } as TableBlock];

/** The short 2008 list as OCR read it off a scan: indicators with an ideograph misread, lost or added, numbering's marks misread, units read as Latin. */
const SCANNED = [
  ['项目', '单位', '2012年', '累计'],
  ['主动公开文件数', '条', '375', '2986'],
  ['其中:1、政府网站公开数', '条', '373', '2984'],
  ['2、政府公报公开数', '4h ARS', '2', '2'],
  ['受理依申请公开信息总数', 'Sz, A', '3', '14'],
  ['其中: 1,当面申请数', '条', '1', '5'],
  ['2、网上申请数', '条', '2', '4'],
  ['3、信图、传真申请数', '条', '0', '5'],
  ['对申请的答复总数', '条', '5', '43'],
  ['其中:1、问意公开答复数', '条', '4', '32'],
  ['2、同ae意分公开答复数', '条', '0', '7'],
  ['3、不予公开答复数', '条', '0', '1'],
  ['4、其他类型答复数', 'AL $e', '1', '3'],
  ['政府信息公开收费减免金额', '元', '0', '0'],
  ['接受行政诉讼、举报数', '件', '0', '7'],
  ['行政复议数', '7', '0', '8'],
  ['行政诉讼数', '件', '0', '7'],
];

describe('an OCR-read statistics table of a known form', () => {
  it('gives rows OCR damaged the form wording and units (edit distance on the ideographs, in the form order), values in doubt', () => {
    const stats = findLegacyStats(block(SCANNED))!;
    const year = stats.year.map((s) => [s.indicator, s.unit, s.value, s.doubt]);
    // The form's sums hold (375 = 373 + 2; 3 = 1 + 2 + 0; 5 = 4 + 0 + 0 + 1): their rows are certain; the others stay in doubt.
    expect(year).toEqual([
      ['主动公开文件数', '条', 375, undefined],
      ['其中：1、政府网站公开数', '条', 373, undefined],
      ['2、政府公报公开数', '条', 2, undefined],
      ['受理依申请公开信息总数', '条', 3, undefined],
      ['其中：1、当面申请数', '条', 1, undefined],
      ['2、网上申请数', '条', 2, undefined],
      ['3、信函、传真申请数', '条', 0, undefined],
      ['对申请的答复总数', '条', 5, undefined],
      ['其中：1、同意公开答复数', '条', 4, undefined],
      ['2、同意部分公开答复数', '条', 0, undefined],
      ['3、不予公开答复数', '条', 0, undefined],
      ['4、其他类型答复数', '条', 1, undefined],
      ['政府信息公开收费减免金额', '元', 0, 'ocr-unverified'],
      ['接受行政诉讼、举报数', '件', 0, 'ocr-unverified'],
      ['行政复议数', '件', 0, 'ocr-unverified'],
      ['行政诉讼数', '件', 0, 'ocr-unverified'],
    ]);
    expect(stats.cumulative!.map((s) => [s.indicator, s.unit, s.value])[9]).toEqual(['2、同意部分公开答复数', '条', 7]);
  });

  it('leaves the rows of a sum of the form that fails in doubt (OCR misread one: 5 read 3), and confirms none with a unit still unread', () => {
    const table = SCANNED.map((r) => [...r]);
    table[11]![2] = '3'; // 3、不予公开答复数 0 read 3: 5 ≠ 4 + 0 + 3 + 1
    const year = findLegacyStats(block(table))!.year.map((s) => s.doubt);
    expect(year.slice(7, 12)).toEqual(Array(5).fill('ocr-unverified'));
    expect(year.slice(0, 7)).toEqual(Array(7).fill(undefined));
    const units = SCANNED.map((r) => [...r]);
    units[5]![1] = '件';
    units[6]![1] = '件'; // two clean units other than the form's in 13: no unit taken from the form, 2、政府公报公开数 keeps 4h ARS
    const stats = findLegacyStats(block(units))!.year;
    expect([stats[2]!.unit, stats[2]!.doubt]).toEqual(['4h ARS', 'ocr-unverified']);
  });

  it('confirms no value whose unit OCR read as another unit than the form\'s (人 for 件), though its sum holds', () => {
    // Seed 1, legacy/scan-stamped (Pingtan 2022's 2012 report): （二）申请办结数 | 人 | 98, certain, its unit wrong.
    const table = SCANNED.map((r) => [...r]);
    table[5]![1] = '人'; // 其中：1、当面申请数: 条 read 人 (1 + 2 + 0 = 3 still holds)
    const stats = findLegacyStats(block(table))!.year;
    expect([stats[4]!.unit, stats[4]!.value, stats[4]!.doubt]).toEqual(['人', 1, 'ocr-unverified']);
    // The sum's other rows whose units read as the form's are confirmed as before (the total's unit, read Sz, A, is no longer
    // taken from the form: a clean unit in the table now differs from the form's).
    expect([stats[5]!.doubt, stats[6]!.doubt]).toEqual([undefined, undefined]);
  });

  it('reads the same table as printed when it is text (no OCR): its wording is what the report printed', () => {
    const stats = findLegacyStats(block(SCANNED, plain))!;
    expect(stats.year.map((s) => s.indicator)).toEqual(SCANNED.slice(1).map((r) => r[0]));
    expect(stats.year.map((s) => s.unit)).toEqual(SCANNED.slice(1).map((r) => r[1]));
  });

  it('leaves a row that two wordings of the form are as near to as printed (同意公开答复 lost 数: 同意公开答复数 or 不同意公开答复数)', () => {
    // The last row of the table: no row after it to place it by order.
    const rows = [
      { indicator: '（三）申请答复数', unit: '件', valued: true },
      { indicator: '1.属于已主动公开范围数', unit: '件', valued: true },
      { indicator: '3.同意部分公开答复数', unit: '件', valued: true },
      { indicator: '同意公开答复', unit: '件', valued: true },
    ];
    expect(knownReadings(rows)[3]).toEqual({});
    // One edit more than a quarter of the wording: not the form's row.
    expect(knownReadings([...rows.slice(0, 3), { indicator: '2.同意开复数', unit: '件', valued: true }])[3]).toEqual({});
    // Placed by order between two rows that match, a row near another form row than the order's is not placed.
    const between = [
      { indicator: '（三）申请答复数', unit: '件', valued: true },
      { indicator: '1.属于已主动公开范围数', unit: '件', valued: true },
      { indicator: '涉及商业秘', unit: '件', valued: true },
      { indicator: '3.同意部分公开答复数', unit: '件', valued: true },
    ];
    expect(knownReadings(between)[2]).toEqual({});
  });

  it('matches nothing when most rows are not a known form’s, and keeps a unit cell that reads as a unit', () => {
    const other = [
      { indicator: '办理人大建议数', unit: '件', valued: true },
      { indicator: '办理政协提案数', unit: '件', valued: true },
      { indicator: '行政复议数', unit: 'A$', valued: true },
      { indicator: '行政诉讼数', unit: '件', valued: true },
      { indicator: '收到信访件数', unit: '件', valued: true },
    ];
    expect(knownReadings(other).every((r) => Object.keys(r).length === 0)).toBe(true);
  });

  it('takes no unit from the form when clean units of the table disagree with it in more than one row in nine (the report prints other units)', () => {
    const table = SCANNED.map((r) => [...r]);
    table[5]![1] = '件';
    table[6]![1] = '件'; // 1、当面申请数 and 2、网上申请数 printed 件, the form says 条
    const stats = findLegacyStats(block(table))!;
    expect(stats.year.map((s) => s.unit).slice(2, 4)).toEqual(['4h ARS', 'Sz, A']);
    expect(stats.year[6]!.indicator).toBe('3、信函、传真申请数');
  });

  it('takes the form\'s units where one clean unit in nine disagrees (a stamp over 件 read 人), confirming no row that took one in a sum of that row', () => {
    // Seed 1, legacy/scan-stamped (Pingtan 2022's 2012 report): （二）申请办结数 | 人 | 98 under the stamp, and 19 units read
    // 7, 从 or nothing; none was the form's, since one clean unit disagreed.
    const table = SCANNED.map((r) => [...r]);
    table[6]![1] = '人'; // 2、网上申请数: 条 read 人
    const year = findLegacyStats(block(table))!.year.map((s) => [s.indicator, s.unit, s.value, s.doubt]);
    // 375 = 373 + 2, every unit of the sum the form's: 2、政府公报公开数 takes 条 and is certain.
    expect(year[2]).toEqual(['2、政府公报公开数', '条', 2, undefined]);
    // 3 = 1 + 2 + 0 holds, but a row of it reads 人: the total takes 条 and stays in doubt; the rows reading 条 are certain.
    expect(year.slice(3, 7)).toEqual([
      ['受理依申请公开信息总数', '条', 3, 'ocr-unverified'],
      ['其中：1、当面申请数', '条', 1, undefined],
      ['2、网上申请数', '人', 2, 'ocr-unverified'],
      ['3、信函、传真申请数', '条', 0, undefined],
    ]);
    expect(year[11]).toEqual(['4、其他类型答复数', '条', 1, undefined]);
    expect(year[14]).toEqual(['行政复议数', '件', 0, 'ocr-unverified']);
  });

  it('places rows OCR garbled past the bound by the form order between two rows that match, as many as the form prints there (row-by-order)', () => {
    const table = SCANNED.map((r) => [...r]);
    table[6]![0] = '网上申请数'; // its numbering lost, in a table printing the form's numbering
    table[11]![0] = '3. PPA答复数';
    table[12]![0] = '4 an';
    table[14]![0] = 'WRTMH';
    const year = findLegacyStats(block(table))!.year.map((s) => [s.indicator, s.unit, s.value, s.doubt]);
    // Placed by order and confirmed by the sum 对申请的答复总数 = its four parts (5 = 4 + 0 + 0 + 1); 接受行政诉讼、举报数 is in no sum.
    expect(year[5]).toEqual(['2、网上申请数', '条', 2, undefined]);
    expect(year.slice(10, 12)).toEqual([
      ['3、不予公开答复数', '条', 0, undefined],
      ['4、其他类型答复数', '条', 1, undefined],
    ]);
    expect(year[13]).toEqual(['接受行政诉讼、举报数', '件', 0, 'row-by-order']);
    table[7]![2] = '3'; // 3、信函、传真申请数 0 read 3: its sum fails, the row placed by order stays so
    table[6]![0] = 'WR'; // 2、网上申请数 garbled too
    const failed = findLegacyStats(block(table))!.year;
    expect([failed[5]!.indicator, failed[5]!.doubt]).toEqual(['2、网上申请数', 'row-by-order']);
  });

  it('places no row by order when the rows between two that match are not as many as the form prints there, or their numbering is another', () => {
    const more = SCANNED.map((r) => [...r]);
    more.splice(14, 1, ['WRTMH', '件', '0', '7'], ['Bx举', '件', '1', '2']); // two rows where the form prints one
    const year = findLegacyStats(block(more))!.year.map((s) => s.indicator);
    expect(year.slice(13, 15)).toEqual(['WRTMH', 'Bx举']);
    const renumbered = SCANNED.map((r) => [...r]);
    renumbered[12]![0] = '5 an'; // the form's row there is numbered 4
    expect(findLegacyStats(block(renumbered))!.year[11]!.indicator).toBe('5 an');
  });

  it('takes 一 for 二 in a numbering OCR read (a stroke lost) on the national form, so its rows match and the rows between are placed', () => {
    const rows = [
      ['指标', '单位', '数量'],
      ['一、主动公开情况', '', ''],
      ['（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', '6191'],
      ['其中：主动公开规范性文件数', '条', '26'],
      ['制发规范性文件总数', '件', '40'],
      ['（二）通过不同渠道和方式公开政府信息的情况', '', ''],
      ['1.政府公报公开政府信息数', '条', '100'],
      ['2.政府网站公开政府信息数', '条', '11633'],
      ['3.政务微博公开政府信息数', '条', '5085'],
      ['4.政务微信公开政府信息数', '条', '3290'],
      ['saath Arsalan', '条', '479'],
      ['一、回应解读情况', '', ''],
      ['aesaeSORIA ORI ABFA. CRA) SU) PRIA 1次)', '次', '33'],
      ['（二）通过不同渠道和方式回应解读的情况', '', ''],
      ['四、行政复议数量', '件', '11'],
      ['（一）维持具体行政行为数', '件', '5'],
      ['(一)被依法纠错数', '', '2'],
      ['（三）其他情形数', '件', '4'],
    ];
    const year = findLegacyStats(block(rows))!.year.map((s) => [s.indicator, s.unit, s.value, s.doubt]);
    expect(year.slice(9, 12)).toEqual([
      ['5.其他方式公开政府信息数', '条', 479, 'row-by-order'],
      ['二、回应解读情况', '', null, undefined],
      ['（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', '次', 33, 'row-by-order'],
    ]);
    // 11 = 5 + 2 + 4: the sum confirms its rows, the unit the row lost the form's.
    expect(year.slice(13)).toEqual([
      ['四、行政复议数量', '件', 11, undefined],
      ['（一）维持具体行政行为数', '件', 5, undefined],
      ['（二）被依法纠错数', '件', 2, undefined],
      ['（三）其他情形数', '件', 4, undefined],
    ]);
  });

  it('matches a wording the form prints once, read exactly, whatever numbering OCR read (二. for 1., (2) for （三）), and specks before a numbering', () => {
    // Seed 1, legacy/jpeg and legacy/scan-stamped (Pingtan 2022's 2012 report): these rows were not found.
    const rows = [
      ['指标', '单位', '数量'],
      ['二、回应解读情况', '-', ''],
      ['（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', '次', '25'],
      ['51m (二)通过不同渠道和方式回应解读的情况', '-', ''],
      ['1.参加或举办新闻发布会总次数', '次', '0'],
      ['三、依申请公开情况', '-', ''],
      ['（一）收到申请数', '件', '57'],
      ['1.当面申请数', '件', '9'],
      ['2.传真申请数', '件', '0'],
      ['3.网络申请数', '件', '32'],
      ['4.信函申请数', '件', '16'],
      ['（二）申请办结数', '件', '44'],
      ['二.按时办结数', '7', '40'],
      ['2.延期办结数', '件', '4'],
      ['八、机构建设和保障经费情况', '-', ''],
      ['（一）政府信息公开工作专门机构数', '个', '1'],
      ['（二）设置政府信息公开查阅点数', '个', '9'],
      ['(2)从事政府信息公开工作人员数', '人', '16'],
      ['1.专职人员数（不包括政府公报及政府网站工作人员数）', '人', '6'],
      ['2.兼职人员数', '人', '10'],
    ];
    const year = findLegacyStats(block(rows))!.year.map((s) => [s.indicator, s.unit, s.value, s.doubt]);
    expect(year[2]![0]).toBe('（二）通过不同渠道和方式回应解读的情况');
    // 44 = 40 + 4 and 16 = 6 + 10: the sums confirm the rows, the unit OCR read as 7 the form's.
    expect(year[11]).toEqual(['1.按时办结数', '件', 40, undefined]);
    expect(year[16]).toEqual(['（三）从事政府信息公开工作人员数', '人', 16, undefined]);
    // Guards: a wording the form repeats (被依法纠错数 under 复议 and 诉讼) still needs its numbering; digits alone before a
    // numbering are no specks.
    const repeated = [
      ['指标', '单位', '数量'],
      ['四、行政复议数量', '件', '3'],
      ['（一）维持具体行政行为数', '件', '0'],
      ['（二）被依法纠错数', '件', '1'],
      ['（三）其他情形数', '件', '2'],
      ['五、行政诉讼数量', '件', '1'],
      ['(5)被依法纠错数', '件', '0'],
      ['（三）其他情形数', '件', '1'],
      ['六、举报投诉数量', '件', '2'],
    ];
    expect(findLegacyStats(block(repeated))!.year[5]!.indicator).toBe('(5)被依法纠错数');
    const digits = rows.map((r) => [...r]);
    digits[3]![0] = '51 (二)通过不同渠道和方式回应解读的情况';
    expect(findLegacyStats(block(digits))!.year[2]!.indicator).not.toBe('（二）通过不同渠道和方式回应解读的情况');
  });

  it('continues a scanned statistics table into the next page\'s block though OCR read a unit there as digits (件 as 1g) beside its value', () => {
    // Seed 2, legacy/scan-stamped (Pingtan 2023's 2013 report): a stamp's words at the page foot kept the pages' tables
    // apart, and the rest (53 rows) was refused for `1g` and `1` in its unit column.
    const first = block([
      ['统计项目', '单位', '2013年度'],
      ['（三）申请答复数', '件', '70'],
      ['1.属于已主动公开范围数', '件', '2'],
    ]);
    const rest = block([
      ['2.同意公开答复数', '1g', '31'],
      ['3.同意部分公开答复数', '件', '8'],
      ['危及国家安全、公共安全、经济安全和社会稳定', '1', '0'],
    ]);
    const year = findLegacyStats([...first, ...rest])!.year.map((s) => s.indicator);
    expect(year).toEqual(['（三）申请答复数', '1.属于已主动公开范围数', '2.同意公开答复数', '3.同意部分公开答复数', '危及国家安全、公共安全、经济安全和社会稳定']);
    // Guard: a number where the unit goes and no value beside it is a block on other columns, as before — OCR'd or not.
    const shifted = block([['（四）政府信息公开专项经费万元', '0', '']]);
    expect(findLegacyStats([...first, ...shifted])!.year).toHaveLength(2);
  });

  it('finds the table whose indicator heading OCR read as no words (8 br for 统计指标) before 计量单位, its rows a known form', () => {
    const rows = [
      ['序号', '8 br', '计量单位', '2014年度'],
      ['1', '一、主动公开情况', '', ''],
      ['2', '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', '496'],
      ['3', '其中：主动公开规范性文件数', '条', '3'],
      ['4', '制发规范性文件总数', '件', '2'],
      ['5', '（二）通过不同渠道和方式公开政府信息的情况', '', ''],
      ['6', '1.政府公报公开政府信息数', '条', '2'],
    ];
    const stats = findLegacyStats(block(rows));
    expect(stats?.year.map((s) => [s.indicator, s.unit, s.value])).toEqual(rows.slice(1).map((r) => [r[1], r[2], r[3] === '' ? null : Number(r[3])]));
    // Guards: the same header as text; an OCR'd one over rows of no known form.
    expect(findLegacyStats(block(rows, plain))).toBeUndefined();
    const other = rows.map((r, i) => (i === 0 ? r : [r[0]!, `办理人大建议${i}件情况`, r[2]!, r[3]!]));
    expect(findLegacyStats(block(other))).toBeUndefined();
  });

  it('matches the rows OCR read in a table a text layer gave in part (fonts without ToUnicode), the text rows as printed', () => {
    const table = SCANNED.map((r) => [...r]);
    table[7]![0] = '3, fa, FRAIL';
    const mixed: TableBlock[] = [{ kind: 'table', rows: table.map((r, i) => r.map(i >= 13 ? plain : ocr)) } as TableBlock];
    const year = findLegacyStats(mixed)!.year;
    expect([year[6]!.indicator, year[6]!.value, year[6]!.doubt]).toEqual(['3、信函、传真申请数', 0, undefined]);
    expect(year.slice(12).map((s) => [s.indicator, s.unit, s.doubt])).toEqual([
      ['政府信息公开收费减免金额', '元', undefined],
      ['接受行政诉讼、举报数', '件', undefined],
      ['行政复议数', '7', undefined],
      ['行政诉讼数', '件', undefined],
    ]);
  });
});
