/**
 * A pre-2019 report's statistics table (指标 | 单位 | 数量) printed as crawler text, cells by tabs or by
 * single spaces: read as its rows, the unit apart from the indicator, section rows with no value.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTextBlocks } from '../../../extractors/txt/document.js';
import type { TableBlock } from '../../../extractors/model.js';
import { extractBytes } from '../../../src/pipeline.js';

const tables = (text: string) => readTextBlocks(text).filter((b): b is TableBlock => b.kind === 'table').map((t) => t.rows.map((r) => r.map((c) => c.text)));

const REPORT = (table: string[]) => ['平潭县2014年政府信息公开工作年度报告', '一、概述', '2014年，我县认真贯彻落实《条例》。', '七、附件', '平潭县政府信息公开情况统计表（2014年度）', ...table, '平潭县人民政府办公室', '2015年1月20日'].join('\n');

describe('a statistics table printed as text', () => {
  it('reads tab-separated rows with the unit apart from the indicator and a 序号 column', () => {
    const text = REPORT(['序号\t指 标\t单 位\t2014年度\t历年累计', '1\t一、主动公开情况\t\t\t', '2\t主动公开文件数\t条\t3460\t85376', '3\t其中：1、政府网站公开数\t条\t—\t85376', '4\t政府信息公开收费减免金额\t万元\t0.35\t1.2', '5\t接受培训人员数\t人次\t45人次\t１，２００']);
    expect(tables(text)).toEqual([
      [
        ['序号', '指标', '单位', '2014年度', '历年累计'],
        ['1', '一、主动公开情况', '', '', ''],
        ['2', '主动公开文件数', '条', '3460', '85376'],
        ['3', '其中：1、政府网站公开数', '条', '—', '85376'],
        ['4', '政府信息公开收费减免金额', '万元', '0.35', '1.2'],
        ['5', '接受培训人员数', '人次', '45人次', '１，２００'],
      ],
    ]);
  });

  it('reads rows whose cells a crawler joined by single spaces, an indicator with a space inside kept whole, a row cut short of its blanks', () => {
    const text = REPORT(['指标名称 计量单位 统计数', '一、主动公开情况', '（一）主动公开政府信息数 条 547', '其中： 主动公开规范性文件数 条 2', '制发规范性文件总数 件', '七、依申请公开信息收取的费用 万元 0']);
    expect(tables(text)).toEqual([
      [
        ['指标名称', '计量单位', '统计数'],
        ['一、主动公开情况', '', ''],
        ['（一）主动公开政府信息数', '条', '547'],
        ['其中： 主动公开规范性文件数', '条', '2'],
        ['制发规范性文件总数', '件', ''],
        ['七、依申请公开信息收取的费用', '万元', '0'],
      ],
    ]);
    // The lines after the table are the report's, not rows.
    expect(readTextBlocks(text).some((b) => b.kind === 'paragraph' && b.text.includes('平潭县人民政府办公室'))).toBe(true);
  });

  it('goes on over a page footer between two parts of the table, and stops at a line of other words', () => {
    const text = REPORT(['统计指标\t单位\t统计数', '主动公开文件数\t条\t12', '行政复议数\t件\t1', '', '第 3 页', '', '行政诉讼数\t件\t0', '举报数\t件\t2']);
    const [table] = tables(text);
    expect(table.map((r) => r[0])).toEqual(['统计指标', '主动公开文件数', '行政复议数', '行政诉讼数', '举报数']);
  });

  it('reads layout text (pdftotext -layout): values under their headings, a blank value printed as nothing, an indicator wrapped around its values', () => {
    const text = REPORT([
      '      序号                 指标名称                 单位   2013年度   历年累计',
      '       1                一、主动公开情况',
      '       2       （一）主动公开政府信息数（不同渠道和方式公开相同信息计 1 条）       条    3504     12000',
      '       3          其中：主动公开规范性文件数              条               17',
      '          （四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面',
      '       4                                           万元 22.46      80',
      '                      的经费）',
      '       5          九、政府信息公开会议和培训情况',
      '       6          （一）举办各类培训班数                 次     0       3',
    ]);
    expect(tables(text)).toEqual([
      [
        ['序号', '指标名称', '单位', '2013年度', '历年累计'],
        ['1', '一、主动公开情况', '', '', ''],
        ['2', '（一）主动公开政府信息数（不同渠道和方式公开相同信息计 1 条）', '条', '3504', '12000'],
        ['3', '其中：主动公开规范性文件数', '条', '', '17'],
        ['4', '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）', '万元', '22.46', '80'],
        ['5', '九、政府信息公开会议和培训情况', '', '', ''],
        ['6', '（一）举办各类培训班数', '次', '0', '3'],
      ],
    ]);
  });

  it('reads layout text whose values are typed with their unit, set apart from it by a space (10814 条)', () => {
    const text = REPORT([
      '               序号                     统计指标     计量单位 2011 年 历年累计',
      '                1                   主动公开文件数     条   10814 条 11224 条',
      '                3                  2、政府公报公开数    条    41 条    451 条',
      '                4                受理依申请公开信息总数    条    156 条   1296 条',
    ]);
    expect(tables(text)).toEqual([
      [
        ['序号', '统计指标', '计量单位', '2011年', '历年累计'],
        ['1', '主动公开文件数', '条', '10814条', '11224条'],
        ['3', '2、政府公报公开数', '条', '41条', '451条'],
        ['4', '受理依申请公开信息总数', '条', '156条', '1296条'],
      ],
    ]);
  });

  it('gives legacy_stats from a crawler text of a pre-2019 report, by tabs and by spaces alike', async () => {
    for (const sep of ['\t', ' ']) {
      const rows = [['指标', '单位', '数量'], ['主动公开文件数', '条', '3460'], ['受理依申请公开信息总数', '条', '7'], ['行政复议数', '件', '0']];
      const record = await extractBytes(Buffer.from(REPORT(rows.map((r) => r.join(sep))), 'utf8'), 'report.txt');
      expect(record.legacy_stats).toEqual([
        { indicator: '主动公开文件数', unit: '条', value: 3460 },
        { indicator: '受理依申请公开信息总数', unit: '条', value: 7 },
        { indicator: '行政复议数', unit: '件', value: 0 },
      ]);
    }
  });

  it('leaves template tables and prose alone: no header of 指标 and 单位, no statistics table', () => {
    expect(tables(['本年度指标完成情况良好，单位内部分工明确。', '行政复议\t行政诉讼', '维持\t纠正\t其他\t尚未审结\t总计'].join('\n')).some((t) => t[0]?.[0] === '指标')).toBe(false);
  });
  it('reads layout text whose rows after a page break are set apart by single spaces (序号 and cells at a run\'s ends), not an indicator\'s own number in an open bracket', () => {
    const text = REPORT([
      '               序号                     统计指标     计量单位 2011 年 历年累计',
      '                1                   主动公开文件数     条   10814 条 11224 条',
      '                2                受理依申请公开信息总数    条    156 条   1296 条',
      '',
      '第 1 页',
      '',
      '9    其中：1、同意公开答复数 条 113 条 226 条',
      '13 政府信息公开收费减免金额 元 0 元        10 元',
      '14   接受行政诉讼、举报数      件 1件    8件',
    ]);
    expect(tables(text)).toEqual([
      [
        ['序号', '统计指标', '计量单位', '2011年', '历年累计'],
        ['1', '主动公开文件数', '条', '10814条', '11224条'],
        ['2', '受理依申请公开信息总数', '条', '156条', '1296条'],
        ['9', '其中：1、同意公开答复数', '条', '113条', '226条'],
        ['13', '政府信息公开收费减免金额', '元', '0元', '10元'],
        ['14', '接受行政诉讼、举报数', '件', '1件', '8件'],
      ],
    ]);
    const unitless = REPORT([
      '               序号                        指标      2016 年(条） 累计',
      '                1                    主动公开文件数       124   1,109',
      '                2                 其中：1、政府网站公开数     123   1,107',
      '13 政府信息公开收费减免金额（元） 0 1',
      '14   接受行政诉讼、举报数（件）   0 2',
    ]);
    expect(tables(unitless)[0]!.slice(3)).toEqual([
      ['13', '政府信息公开收费减免金额（元）', '0', '1'],
      ['14', '接受行政诉讼、举报数（件）', '0', '2'],
    ]);
    // Words in an open bracket end with the indicator's own number: one run, no row of values.
    const open = REPORT([
      '      序号                 指标名称                 单位   2013年度   历年累计',
      '       1       （一）主动公开政府信息数（不同渠道计 1 条',
      '       2          其中：主动公开规范性文件数              条     3          17',
    ]);
    expect(tables(open)[0]?.some((r) => r.includes('1') && r.includes('条') && r[1] === '（一）主动公开政府信息数（不同渠道计')).toBeFalsy();
  });

  it('reads layout text whose header cells wrap over the lines around 指标 (2017 年度 above, (件) below), an indicator wrapped around its value ending with its unit', async () => {
    const text = REPORT([
      '',
      '                                               2017 年度',
      '                            指标',
      '                                                 (件)',
      '                       一、主动公开情况',
      '                  其中：主动公开规范性文件数（条）               27',
      '                       制发规范性文件总数                 71',
      '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经',
      '                                             0',
      '                 费）（万元）',
      '                       九、政府信息公开会议和培训情况',
    ]);
    expect(tables(text)).toEqual([
      [
        ['指标', '2017年度(件)'],
        ['一、主动公开情况', ''],
        ['其中：主动公开规范性文件数（条）', '27'],
        ['制发规范性文件总数', '71'],
        ['（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）（万元）', '0'],
        ['九、政府信息公开会议和培训情况', ''],
      ],
    ]);
    // The heading's words are the table's, not a paragraph before it.
    expect(readTextBlocks(text).some((b) => b.kind === 'paragraph' && b.text.includes('2017 年度') && !b.text.includes('统计表'))).toBe(false);
    const record = await extractBytes(Buffer.from(text.replace('2014年政府', '2014年政府')), 'wrapped.txt');
    expect(record.legacy_stats.map((s) => [s.indicator, s.unit, s.value]).slice(2, 4)).toEqual([
      ['制发规范性文件总数', '件', 71],
      ['（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）', '万元', 0],
    ]);
  });

  it('leaves a value blank, in doubt, where it stands under no heading (a page set narrower after a break), never under the nearest one', () => {
    const text = REPORT([
      '               序号                        指标      单 位 2010 年度    累计',
      '                1                    主动公开文件数     条    244 条    1705 条',
      '                2                 其中：1、政府网站公开数   条    241 条    1687 条',
      '',
      '第 1 页',
      '',
      '8      对申请的答复总数     条 1 条 20 条',
      '10   2、同意部分公开答复数    条     7条',
    ]);
    const table = readTextBlocks(text).find((b): b is TableBlock => b.kind === 'table')!;
    const last = table.rows.at(-1)!;
    expect(last.map((c) => c.text)).toEqual(['10', '2、同意部分公开答复数', '条', '', '']);
    expect(last.slice(3).map((c) => c.doubt)).toEqual(['missing-values', 'missing-values']);
  });

  it('reads a table with no unit column, each row\'s unit in brackets after its indicator, by tabs and by spaces', () => {
    const rows = ['一、主动公开情况', '（一）主动公开政府信息数（条）|547|3460', '（二）政府信息公开专项经费（万元）|1.5|12', '（三）接受培训人员数（人次）|45|—'];
    for (const sep of ['\t', ' ']) {
      const text = REPORT([['指标名称', '2014年度', '历年累计'].join(sep), ...rows.map((r) => r.replace(/\|/g, sep))]);
      expect(tables(text), JSON.stringify(sep)).toEqual([
        [
          ['指标名称', '2014年度', '历年累计'],
          ['一、主动公开情况', '', ''],
          ['（一）主动公开政府信息数（条）', '547', '3460'],
          ['（二）政府信息公开专项经费（万元）', '1.5', '12'],
          ['（三）接受培训人员数（人次）', '45', '—'],
        ],
      ]);
    }
  });

  it('reads layout text with no unit column, a section row printing its blank (—)', () => {
    const text = REPORT([
      '                        指标                     数量',
      '                    一、主动公开情况                    —',
      '               其中：主动公开规范性文件数（条）                  2',
      '                  制发规范性文件总数（件）                  119',
    ]);
    expect(tables(text)).toEqual([
      [
        ['指标', '数量'],
        ['一、主动公开情况', '—'],
        ['其中：主动公开规范性文件数（条）', '2'],
        ['制发规范性文件总数（件）', '119'],
      ],
    ]);
  });

  it('parts value headings run together (2015年2014年, 本年度上年度) into their columns', () => {
    const text = REPORT(['指标 单位 2014年 2013年', '主动公开文件数 条 547 380', '行政复议数 件 0 1']);
    expect(tables(text)).toEqual([
      [
        ['指标', '单位', '2014年', '2013年'],
        ['主动公开文件数', '条', '547', '380'],
        ['行政复议数', '件', '0', '1'],
      ],
    ]);
  });

  it('reads a category column (类别 | 指标, or 指标 over both by tabs), its cell empty on the rows below its first', () => {
    const expected = (first: string) => [
      [first, '指标', '单位', '数量'],
      ['一、主动公开情况', '（一）主动公开政府信息数', '条', '547'],
      ['', '其中：主动公开规范性文件数', '条', '2'],
      ['四、行政复议数量', '', '件', '3'],
      ['', '（一）维持具体行政行为数', '件', '2'],
    ];
    const rows = ['一、主动公开情况|（一）主动公开政府信息数|条|547', '|其中：主动公开规范性文件数|条|2', '四、行政复议数量||件|3', '|（一）维持具体行政行为数|件|2'];
    expect(tables(REPORT(['类别\t指标\t单位\t数量', ...rows.map((r) => r.replace(/\|/g, '\t'))]))).toEqual([expected('类别')]);
    expect(tables(REPORT(['类别 指标 单位 数量', ...rows.map((r) => r.replace(/\|/g, ' '))]))).toEqual([expected('类别')]);
    expect(tables(REPORT(['指标\t\t单位\t数量', ...rows.map((r) => r.replace(/\|/g, '\t'))]))).toEqual([expected('指标')]);
    // By single spaces, 指标 over both columns leaves the one run of two spaces on the header line.
    expect(tables(REPORT(['指 标  单位 数量', ...rows.map((r) => r.replace(/\|/g, ' '))]))).toEqual([expected('指标')]);
  });

  it('reads a table whose value heading states the unit (数量（件）), by tabs, by spaces and in layout text; the prose after it is no row', async () => {
    const rows = ['三、依申请公开情况|—', '（一）收到申请数|50', '1.当面申请数|20', '（二）主动公开政府信息数（条）|1,204', '合计|50'];
    const expected = (heading: string) => [[['指标', heading], ['三、依申请公开情况', '—'], ['（一）收到申请数', '50'], ['1.当面申请数', '20'], ['（二）主动公开政府信息数（条）', '1,204'], ['合计', '50']]];
    for (const sep of ['\t', ' ']) {
      const text = REPORT([['指标', '数量（件）'].join(sep), ...rows.map((r) => r.replace(/\|/g, sep)), `全年共受理申请，均按时答复${sep}50`]);
      expect(tables(text), JSON.stringify(sep)).toEqual(expected('数量（件）'));
    }
    const layout = REPORT(['            指标                          2016 年(件）', ...rows.map((r) => `      ${r.replace('|', '                       ')}`)]);
    expect(tables(layout)).toEqual(expected('2016年(件）'));
    const record = await extractBytes(Buffer.from(REPORT(['指标\t数量（件）', ...rows.map((r) => r.replace('|', '\t'))])), 'headed.txt');
    expect(record.legacy_stats.map((s) => [s.indicator, s.unit, s.value])).toEqual([
      ['三、依申请公开情况', '', null],
      ['（一）收到申请数', '件', 50],
      ['1.当面申请数', '件', 20],
      ['（二）主动公开政府信息数', '条', 1204],
      ['合计', '件', 50],
    ]);
  });

  it('gives legacy_stats from a pre-2019 crawler text with no unit column, and from one with a category column', async () => {
    const unitless = REPORT(['指标\t2014年度', '一、主动公开情况\t', '（一）主动公开政府信息数（条）\t547', '（二）收到申请数（件）\t12']);
    const record = await extractBytes(Buffer.from(unitless), 'unitless.txt');
    expect(record.legacy_stats.map((s) => [s.indicator, s.unit, s.value])).toEqual([['一、主动公开情况', '', null], ['（一）主动公开政府信息数', '条', 547], ['（二）收到申请数', '件', 12]]);
    const category = REPORT(['类别\t指标\t单位\t数量', '一、主动公开情况\t（一）主动公开政府信息数\t条\t547', '\t其中：主动公开规范性文件数\t条\t2']);
    const read = await extractBytes(Buffer.from(category), 'category.txt');
    expect(read.legacy_stats.map((s) => [s.indicator, s.unit, s.value])).toEqual([['一、主动公开情况', '', null], ['（一）主动公开政府信息数', '条', 547], ['其中：主动公开规范性文件数', '条', 2]]);
  });
  it('reads layout text with a category column: its merged cell beside one of its rows or wrapped on lines of its own, heading its rows from the first of its numbering', async () => {
    // 指标 merged over both label columns: the header says nothing of the category column; its rows do.
    const merged = REPORT([
      '                           指标                      单 位 本年度',
      '                （一）主动公开政府信息数（不同渠道和方式公开相同信息计 1 条）   条   131',
      '                            其中：主动公开规范性文件数          条   2',
      '  一、主动公开情况                  1.政府公报公开政府信息数          条   3',
      '                            2.政府网站公开政府信息数          条   515',
      '  二、回应解读情况      （一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆',
      '                                                   次    1',
      '                             情计 1 次）',
      '                           1.参加或举办新闻发布会总次数         次   0',
      '                 四、行政复议数量                  件    5',
      '                    （一）维持具体行政行为数           件    2',
      '              七、依申请公开信息收取的费用               万元   0',
      '                  （一）召开政府信息公开工作会议或专题会议数        次    4',
      '九、政府信息公开会议和',
      '                        （二）举办各类培训班数            次    1',
      '    培训情况',
      '                        （三）接受培训人员数             人次   17',
    ]);
    expect(tables(merged)).toEqual([
      [
        ['指标', '指标', '单位', '本年度'],
        ['一、主动公开情况', '（一）主动公开政府信息数（不同渠道和方式公开相同信息计 1 条）', '条', '131'],
        ['', '其中：主动公开规范性文件数', '条', '2'],
        ['', '1.政府公报公开政府信息数', '条', '3'],
        ['', '2.政府网站公开政府信息数', '条', '515'],
        ['二、回应解读情况', '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计 1 次）', '次', '1'],
        ['', '1.参加或举办新闻发布会总次数', '次', '0'],
        ['', '四、行政复议数量', '件', '5'],
        ['', '（一）维持具体行政行为数', '件', '2'],
        ['', '七、依申请公开信息收取的费用', '万元', '0'],
        ['九、政府信息公开会议和培训情况', '（一）召开政府信息公开工作会议或专题会议数', '次', '4'],
        ['', '（二）举办各类培训班数', '次', '1'],
        ['', '（三）接受培训人员数', '人次', '17'],
      ],
    ]);
    const record = await extractBytes(Buffer.from(merged), 'category-layout.txt');
    expect(record.legacy_stats.map((s) => [s.indicator, s.unit, s.value]).slice(0, 4)).toEqual([
      ['一、主动公开情况', '', null],
      ['（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', 131],
      ['其中：主动公开规范性文件数', '条', 2],
      ['1.政府公报公开政府信息数', '条', 3],
    ]);
    // 序号 | 类别 | 统计项目: a category's words wrapped in its cell beside two rows (三、依申请公开情 / 况).
    const serial = REPORT([
      '序号       类别                       统计项目              单 位 本年度',
      ' 22                    （一）收到申请数          件   245',
      ' 23                     1.当面申请数          件   58',
      ' 28   三、依申请公开情         （二）申请办结数          件   248',
      ' 29       况             1.按时办结数          件   232',
      ' 30                     2.延期办结数          件   16',
    ]);
    expect(tables(serial)).toEqual([
      [
        ['序号', '类别', '统计项目', '单位', '本年度'],
        ['22', '三、依申请公开情况', '（一）收到申请数', '件', '245'],
        ['23', '', '1.当面申请数', '件', '58'],
        ['28', '', '（二）申请办结数', '件', '248'],
        ['29', '', '1.按时办结数', '件', '232'],
        ['30', '', '2.延期办结数', '件', '16'],
      ],
    ]);
  });

  it('reads a layout row whose wide indicator leaves one space before its unit (…的经费） 万元), and the rows after it', () => {
    const text = REPORT([
      '                      统计项目                 单 位    统计数',
      '                   2.兼职人员数                  人    ７',
      '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费） 万元   ０',
      '               九、政府信息公开会议和培训情况              —    —',
      '                 （三）接受培训人员数                人次 ４７',
    ]);
    expect(tables(text)).toEqual([
      [
        ['统计项目', '单位', '统计数'],
        ['2.兼职人员数', '人', '７'],
        ['（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）', '万元', '０'],
        ['九、政府信息公开会议和培训情况', '—', '—'],
        ['（三）接受培训人员数', '人次', '４７'],
      ],
    ]);
  });

  it('leaves a layout category table unread when a category\'s first row is not known (two rows begin its numbering)', () => {
    const text = REPORT([
      '序号       类别                       统计项目              单 位 本年度',
      ' 1                    （一）收到申请数          件   245',
      ' 2   三、依申请公开情况        （一）申请办结数          件   248',
      ' 3                     1.按时办结数          件   232',
    ]);
    expect(tables(text).filter((t) => t[0]?.includes('本年度'))).toEqual([]);
  });

  it('reads layout text whose header wraps its value headings (2009 年 / 度) around 统计项目', () => {
    const text = REPORT([
      '                                                      2009 年   2008 年',
      '                     统计项目                      计量单位',
      '                                                        度        度',
      '                  一、主动公开情况                      —       —        —',
      '               其中：主动公开规范性文件数                    条       27       52',
      '                  制发规范性文件总数                     件       16       35',
    ]);
    expect(tables(text)).toEqual([
      [
        ['统计项目', '计量单位', '2009年度', '2008年度'],
        ['一、主动公开情况', '—', '—', '—'],
        ['其中：主动公开规范性文件数', '条', '27', '52'],
        ['制发规范性文件总数', '件', '16', '35'],
      ],
    ]);
  });

  it('reads layout text with no unit column whose indicator wraps around its value, its unit below; not a value with no unit after it', () => {
    const text = REPORT([
      '                        指标                     数量',
      '                    二、回应解读情况                    —',
      '  （一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计 1 次）',
      '                                                37',
      '                  （次）',
      '   1.参加或举办新闻发布会总次数（次）      18',
    ]);
    expect(tables(text)).toEqual([
      [
        ['指标', '数量'],
        ['二、回应解读情况', '—'],
        ['（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计 1 次）（次）', '37'],
        ['1.参加或举办新闻发布会总次数（次）', '18'],
      ],
    ]);
    // The words around a value end with no unit: that value is no row of the table, which ends before it.
    const open = REPORT([
      '                        指标                     数量',
      '                    二、回应解读情况                    —',
      '   1.参加或举办新闻发布会总次数（次）      18',
      '   2.政府网站在线访谈次数（次）      3',
      '  （一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计 1 次）',
      '                                                37',
      '                  说明',
    ]);
    expect(tables(open)).toEqual([
      [
        ['指标', '数量'],
        ['二、回应解读情况', '—'],
        ['1.参加或举办新闻发布会总次数（次）', '18'],
        ['2.政府网站在线访谈次数（次）', '3'],
      ],
    ]);
  });

  it('leaves legacy_stats empty for a report printing the template tables and a platform table (项目 | 数量, units in brackets), whatever year it says', async () => {
    const seed = readFileSync(new URL('../../../../shared/corpus/seed/zzszq-gxj-2023.txt', import.meta.url), 'utf8');
    const platform = ['项目\t数量', '政府网站发布信息（条）\t3120', '政务新媒体发布信息（条）\t802', '召开新闻发布会（场）\t6'].join('\n');
    for (const text of [seed, seed.replace(/2023/g, '2016')]) {
      const record = await extractBytes(Buffer.from(`${text}\n${platform}\n`), 'report.txt');
      expect(record.layout.requests).not.toBe('none');
      expect(record.legacy_stats).toEqual([]);
    }
    // The same table in a report of 2016 printing no template table is its statistics table.
    const legacy = await extractBytes(Buffer.from(REPORT(platform.split('\n')).replace(/2014/g, '2016')), 'legacy.txt');
    expect(legacy.legacy_stats.map((s) => [s.indicator, s.unit, s.value])).toEqual([['政府网站发布信息', '条', 3120], ['政务新媒体发布信息', '条', 802], ['召开新闻发布会', '场', 6]]);
  });
});
