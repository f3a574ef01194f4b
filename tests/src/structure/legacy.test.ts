import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../extractors/model.js';
import { analyseStructure } from '../../../src/structure/index.js';
import { findLegacyStats } from '../../../src/structure/legacy.js';
import { docOf, htmlDocument, paragraph, seedDocument, table, truthOf } from './documents.js';

const triples = (stats: { indicator: string; unit: string; value: number | null }[] | undefined) =>
  (stats ?? []).map((s) => [s.indicator, s.unit, s.value]);
const tables = (...blocks: ReturnType<typeof table>[]) => blocks as TableBlock[];

describe('legacy statistics tables', () => {
  it('reads the 2016 Pingtan 指标名称 | 计量单位 | 2016年度 | 历年累计 table into year and cumulative rows', () => {
    const truth = truthOf('variety/pingtan-2016-legacy-page');
    const s = analyseStructure(htmlDocument('variety/pingtan-2016-legacy-page.html'));
    expect(triples(s.legacyStats)).toEqual(truth.legacy_stats);
    expect(triples(s.legacyStatsCumulative)).toEqual(truth.legacy_stats_cumulative);
  });

  it('reads a three-column 指标 | 单位 | 数量 table with blanks as null and no cumulative column', () => {
    const stats = findLegacyStats(
      tables(
        table([
          ['政府信息公开情况统计表', '政府信息公开情况统计表', '政府信息公开情况统计表'],
          ['指 标', '单 位', '数 量'],
          ['一、主动公开情况', '', ''],
          ['（一）主动公开政府信息数', '条', '1,204'],
          ['（二）收费金额', '万元', '0.5'],
          ['（三）其他', '条', '—'],
        ]),
      ),
    );
    expect(stats).toEqual({
      year: [
        { indicator: '一、主动公开情况', unit: '', value: null },
        { indicator: '（一）主动公开政府信息数', unit: '条', value: 1204 },
        { indicator: '（二）收费金额', unit: '万元', value: 0.5 },
        { indicator: '（三）其他', unit: '条', value: null },
      ],
    });
  });

  it('finds the header further down a sheet whose one grid starts with the report\'s prose, and leaves the rows after the table out', () => {
    const stats = findLegacyStats(
      tables(
        table([
          ['全年共主动公开政府信息975条。', '', '', ''],
          ['三、依申请公开政府信息情况', '', '', ''],
          ['全年共受理政府信息公开申请27件。', '', '', ''],
          ['七、附件', '', '', ''],
          ['某县政府信息公开情况统计表（2011年度）', '', '', ''],
          ['指 标', '单位', '2011年度', '历年累计'],
          ['主动公开文件数', '条', '975', '9738'],
          ['行政复议数', '件', '0', '5'],
          ['某县人民政府办公室', '', '', ''],
          ['2012年1月20日', '', '', ''],
        ]),
      ),
    );
    expect(stats).toEqual({
      year: [
        { indicator: '主动公开文件数', unit: '条', value: 975 },
        { indicator: '行政复议数', unit: '件', value: 0 },
      ],
      cumulative: [
        { indicator: '主动公开文件数', unit: '条', value: 9738 },
        { indicator: '行政复议数', unit: '件', value: 5 },
      ],
    });
  });

  it('reads a table headed 项目 | 单位 | 数量 as one headed 指标', () => {
    const stats = findLegacyStats(tables(table([['项目', '单位', '数量'], ['主动公开文件数', '条', '12'], ['行政复议数', '件', '1']])));
    expect(stats?.year).toEqual([
      { indicator: '主动公开文件数', unit: '条', value: 12 },
      { indicator: '行政复议数', unit: '件', value: 1 },
    ]);
  });

  it('reads values as typed: full-width digits, thousands separators, the row\'s unit after the number; not another unit\'s', () => {
    const stats = findLegacyStats(tables(table([['指标', '单位', '数量'], ['主动公开文件数', '条', '１２'], ['网站公开数', '条', '3,460'], ['当面申请数', '件', '7件'], ['收费', '万元', '120元'], ['复议数', '件', '三'], ['培训人员数', '人次', '45人次']])));
    expect(stats?.year.map((s) => s.value)).toEqual([12, 3460, 7, null, 3, 45]);
  });

  it('marks a value OCR read ocr-unverified (no identity checks a generic row), and takes the last 累计 heading as the cumulative column', () => {
    const ocr = (text: string) => ({ text, prov: { origin: 'ocr' as const } });
    const stats = findLegacyStats([
      { kind: 'table', rows: [[ocr('项目'), ocr('计量单位'), ocr('本年度累计'), ocr('累计')], [ocr('主动公开文件数'), ocr('条'), ocr('301'), ocr('2112')], [ocr('行政复议数'), ocr('件'), ocr(''), ocr('5')]] },
    ]);
    expect(stats).toEqual({
      year: [
        { indicator: '主动公开文件数', unit: '条', value: 301, doubt: 'ocr-unverified' },
        { indicator: '行政复议数', unit: '件', value: null },
      ],
      cumulative: [
        { indicator: '主动公开文件数', unit: '条', value: 2112, doubt: 'ocr-unverified' },
        { indicator: '行政复议数', unit: '件', value: 5, doubt: 'ocr-unverified' },
      ],
    });
  });

  it('finds the header of a table OCR read with specks about its headings (人一一项目 | paises单位a | oe 2012年 | 累计), values in doubt', () => {
    const ocr = (text: string) => ({ text, prov: { origin: 'ocr' as const } });
    const header = [ocr('人一一项目'), ocr('paises单位a'), ocr('oe 2012年'), ocr('累计')];
    const stats = findLegacyStats([{ kind: 'table', rows: [header, [ocr('主动公开文件数'), ocr('条'), ocr('375'), ocr('2986')], [ocr('行政复议数'), ocr('件'), ocr('0'), ocr('8')]] }]);
    expect(stats).toEqual({
      year: [
        { indicator: '主动公开文件数', unit: '条', value: 375, doubt: 'ocr-unverified' },
        { indicator: '行政复议数', unit: '件', value: 0, doubt: 'ocr-unverified' },
      ],
      cumulative: [
        { indicator: '主动公开文件数', unit: '条', value: 2986, doubt: 'ocr-unverified' },
        { indicator: '行政复议数', unit: '件', value: 8, doubt: 'ocr-unverified' },
      ],
    });
    // The same header as text (no OCR) is no statistics table's: a cell naming more than its heading is another table's.
    const text = (t: string) => ({ text: t });
    expect(findLegacyStats([{ kind: 'table', rows: [[text('人一一项目'), text('paises单位a'), text('oe 2012年'), text('累计')], [text('主动公开文件数'), text('条'), text('375'), text('2986')]] }])).toBeUndefined();
    // A word beside the heading is no speck: 项目名称单位 / 建设项目 stay unread.
    expect(findLegacyStats([{ kind: 'table', rows: [[ocr('建设项目'), ocr('单位'), ocr('2012年')], [ocr('主动公开文件数'), ocr('条'), ocr('375')]] }])).toBeUndefined();
  });

  it('continues a statistics table split by a page break into a second table block', () => {
    const stats = findLegacyStats(
      tables(
        table([
          ['指标', '单位', '2017年度'],
          ['主动公开文件数', '条', '12'],
        ]),
        table([['行政复议数', '件', '1']]),
      ),
    );
    expect(triples(stats?.year)).toEqual([
      ['主动公开文件数', '条', 12],
      ['行政复议数', '件', 1],
    ]);
  });

  it('reads the year\'s column by its heading, not by its place: 上年度 | 本年度, 2014年 | 2015年 (a 增减 column is no count)', () => {
    const prior = findLegacyStats(tables(table([['指标', '单位', '上年度', '本年度'], ['主动公开文件数', '条', '80', '95'], ['行政复议数', '件', '2', '1']])));
    expect(triples(prior?.year)).toEqual([['主动公开文件数', '条', 95], ['行政复议数', '件', 1]]);
    const years = findLegacyStats(tables(table([['指标', '单位', '2014年', '2015年', '累计'], ['主动公开文件数', '条', '80', '95', '900']])));
    expect(triples(years?.year)).toEqual([['主动公开文件数', '条', 95]]);
    expect(triples(years?.cumulative)).toEqual([['主动公开文件数', '条', 900]]);
    const change = findLegacyStats(tables(table([['指标', '单位', '增减', '本年'], ['主动公开文件数', '条', '+5', '95']])));
    expect(triples(change?.year)).toEqual([['主动公开文件数', '条', 95]]);
    // Headings that all name another year leave the year's values unread.
    const none = findLegacyStats(tables(table([['指标', '单位', '上年度'], ['主动公开文件数', '条', '80']])));
    expect(triples(none?.year)).toEqual([]);
  });

  it('reads a category column merged down its rows as section rows before them, its sub-indicators as the rows', () => {
    // 指标 over both label columns; the category's text repeated on the rows it covers (a merged cell expanded), a row across both columns.
    const spanned = (text: string) => ({ text, spanned: true });
    const merged: TableBlock = {
      kind: 'table',
      rows: [
        [{ text: '指标' }, spanned('指标'), { text: '单位' }, { text: '数量' }],
        [{ text: '一、主动公开情况' }, { text: '（一）主动公开政府信息数' }, { text: '条' }, { text: '125' }],
        [spanned('一、主动公开情况'), { text: '其中：主动公开规范性文件数' }, { text: '条' }, { text: '3' }],
        [{ text: '三、依申请公开情况' }, { text: '（一）收到申请数' }, { text: '件' }, { text: '7' }],
        [{ text: '四、行政复议数量' }, spanned('四、行政复议数量'), { text: '件' }, { text: '2' }],
        [{ text: '' }, { text: '（一）维持具体行政行为数' }, { text: '件' }, { text: '2' }],
      ],
    };
    const expected = [
      ['一、主动公开情况', '', null],
      ['（一）主动公开政府信息数', '条', 125],
      ['其中：主动公开规范性文件数', '条', 3],
      ['三、依申请公开情况', '', null],
      ['（一）收到申请数', '件', 7],
      ['四、行政复议数量', '件', 2],
      ['（一）维持具体行政行为数', '件', 2],
    ];
    expect(triples(findLegacyStats([merged])?.year)).toEqual(expected);
    // 类别 | 指标 headings, the category printed on its first row only (text, CSV).
    const once = findLegacyStats(
      tables(
        table([
          ['类别', '指标名称', '单位', '数量'],
          ['一、主动公开情况', '（一）主动公开政府信息数', '条', '125'],
          ['', '其中：主动公开规范性文件数', '条', '3'],
          ['三、依申请公开情况', '（一）收到申请数', '件', '7'],
          ['四、行政复议数量', '', '件', '2'],
          ['', '（一）维持具体行政行为数', '件', '2'],
        ]),
      ),
    );
    expect(triples(once?.year)).toEqual(expected);
  });

  it('reads a table with no unit column, each unit in brackets after its indicator, only when the caller allows it', () => {
    const unitless = tables(
      table([
        ['指标名称', '2016年度', '历年累计'],
        ['一、主动公开情况', '', ''],
        ['（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）（条）', '125', '900'],
        ['（二）政府信息公开专项经费（万元）', '1.5', '12'],
        ['（三）接受培训人员数（人次）', '45', '300'],
      ]),
    );
    expect(findLegacyStats(unitless)).toBeUndefined();
    const stats = findLegacyStats(unitless, { unitless: true });
    expect(triples(stats?.year)).toEqual([
      ['一、主动公开情况', '', null],
      ['（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', 125],
      ['（二）政府信息公开专项经费', '万元', 1.5],
      ['（三）接受培训人员数', '人次', 45],
    ]);
    expect(triples(stats?.cumulative)[1]).toEqual(['（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', 900]);
    // Rows that mostly print no unit after their indicator are no statistics table (a summary 事项 | 件数).
    expect(findLegacyStats(tables(table([['项目', '数量'], ['收到申请', '12'], ['办结申请', '11'], ['网站发布信息（条）', '300']])), { unitless: true })).toBeUndefined();
  });

  it('keeps the last rows of a table with no unit column that print their unit after the indicator and no value (printed blank), and leaves the agency name under it out', () => {
    const stats = findLegacyStats(
      tables(
        table([
          ['指标', '本年度'],
          ['九、政府信息公开会议和培训情况', '—'],
          ['（一）召开政府信息公开工作会议或专题会议数（次）', '1'],
          ['（二）举办各类培训班数（次）', ''],
          ['（三）接受培训人员数（人次）', ''],
          ['平潭综合实验区', ''],
        ]),
      ),
      { unitless: true },
    );
    expect(triples(stats?.year)).toEqual([
      ['九、政府信息公开会议和培训情况', '', null],
      ['（一）召开政府信息公开工作会议或专题会议数', '次', 1],
      ['（二）举办各类培训班数', '次', null],
      ['（三）接受培训人员数', '人次', null],
    ]);
  });

  it('reads a table whose value heading states the unit (指标 | 数量（件）), a row of another unit printing its own after its indicator, only when the caller allows it', () => {
    const headed = tables(
      table([
        ['指标名称', '数量（件）', '历年累计'],
        ['一、依申请公开情况', '—', ''],
        ['（一）收到申请数', '12', '40'],
        ['1.当面申请数', '—', '3'],
        ['（二）主动公开政府信息数（条）', '1,204', '9000'],
        ['（三）依申请公开信息收取的费用（万元）', '0', '0.2'],
        ['合计', '12', '40'],
      ]),
    );
    expect(findLegacyStats(headed)).toBeUndefined();
    const stats = findLegacyStats(headed, { unitless: true });
    expect(triples(stats?.year)).toEqual([
      ['一、依申请公开情况', '', null],
      ['（一）收到申请数', '件', 12],
      ['1.当面申请数', '件', null],
      ['（二）主动公开政府信息数', '条', 1204],
      ['（三）依申请公开信息收取的费用', '万元', 0],
      ['合计', '件', 12],
    ]);
    expect(triples(stats?.cumulative)[2]).toEqual(['1.当面申请数', '件', 3]);
    // A heading in brackets that names no unit is no value heading.
    expect(findLegacyStats(tables(table([['项目', '数量（说明）'], ['收到申请', '12'], ['办结申请', '11']])), { unitless: true })).toBeUndefined();
  });

  it('reads a category column on a wider grid (a .doc joined by LibreOffice: 指标 spanning three columns, each heading repeated over the columns it spans)', () => {
    // ~ marks a cell covered by a merged one (its text the merged cell's).
    const grid = (rows: string[][]): TableBlock => ({ kind: 'table', rows: rows.map((r) => r.map((t) => (t.startsWith('~') ? { text: t.slice(1), spanned: true } : { text: t }))) });
    const wide = grid([
      ['序号', '~序号', '指标', '~指标', '~指标', '单位', '~单位', '本年度', '~本年度'],
      ['2', '~2', '一、主动公开情况', '（一）主动公开政府信息数', '~（一）主动公开政府信息数', '条', '~条', '19', '~19'],
      ['3', '~3', '~一、主动公开情况', '其中：主动公开规范性文件数', '~其中：主动公开规范性文件数', '条', '~条', '1', '~1'],
      ['4', '~4', '四、行政复议数量', '~四、行政复议数量', '~四、行政复议数量', '件', '~件', '2', '~2'],
      ['5', '~5', '~四、行政复议数量', '（一）维持具体行政行为数', '~（一）维持具体行政行为数', '件', '~件', '2', '~2'],
    ]);
    expect(triples(findLegacyStats([wide])?.year)).toEqual([
      ['一、主动公开情况', '', null],
      ['（一）主动公开政府信息数', '条', 19],
      ['其中：主动公开规范性文件数', '条', 1],
      ['四、行政复议数量', '件', 2],
      ['（一）维持具体行政行为数', '件', 2],
    ]);
    // Half the rows on another grid (the rest after a page break, nothing in the heading's first column): the rows
    // on the header's grid tell; the others, not mapped, are left out — never the category read as the indicator.
    const split = grid([
      ['序号', '~序号', '统计项目', '~统计项目', '~统计项目', '单位', '~单位', '统计数', '~统计数'],
      ['2', '~2', '一、主动公开情况', '（一）主动公开政府信息数', '~（一）主动公开政府信息数', '条', '~条', '19', '~19'],
      ['3', '~3', '~一、主动公开情况', '制发规范性文件总数', '~制发规范性文件总数', '件', '~件', '1', '~1'],
      ['34', '', '~', '~', '3.同意部分公开答复数', '~3.同意部分公开答复数', '件', '~件', '4'],
      ['35', '', '~', '~', '4.不同意公开答复数', '~4.不同意公开答复数', '件', '~件', '8'],
      ['36', '', '~', '~', '涉及商业秘密', '~涉及商业秘密', '件', '~件', '2'],
    ]);
    const read = triples(findLegacyStats([split])?.year);
    expect(read.slice(0, 3)).toEqual([['一、主动公开情况', '', null], ['（一）主动公开政府信息数', '条', 19], ['制发规范性文件总数', '件', 1]]);
    expect(read.filter(([i]) => i === '一、主动公开情况')).toHaveLength(1);
    // 项目 | 指标 | ~指标: two headings of their own, the second over the indicators.
    const headed = grid([
      ['序号', '~序号', '项目', '指标', '~指标', '单位', '~单位', '数量', '~数量'],
      ['2', '~2', '一、主动公开情况', '（一）主动公开政府信息数', '~（一）主动公开政府信息数', '条', '~条', '19', '~19'],
      ['3', '~3', '~一、主动公开情况', '制发规范性文件总数', '~制发规范性文件总数', '件', '~件', '1', '~1'],
      ['34', '', '~', '~', '3.同意部分公开答复数', '~3.同意部分公开答复数', '件', '~件', '4'],
      ['35', '', '~', '~', '4.不同意公开答复数', '~4.不同意公开答复数', '件', '~件', '8'],
      ['36', '', '~', '~', '涉及商业秘密', '~涉及商业秘密', '件', '~件', '2'],
    ]);
    expect(triples(findLegacyStats([headed])?.year).slice(0, 3)).toEqual([['一、主动公开情况', '', null], ['（一）主动公开政府信息数', '条', 19], ['制发规范性文件总数', '件', 1]]);
    // 指标 spanning three columns over rows of one label cell each: no category.
    const plain = grid([
      ['指标', '~指标', '~指标', '单位', '数量'],
      ['主动公开文件数', '~主动公开文件数', '~主动公开文件数', '条', '12'],
      ['受理申请数', '~受理申请数', '~受理申请数', '件', '3'],
    ]);
    expect(triples(findLegacyStats([plain])?.year)).toEqual([['主动公开文件数', '条', 12], ['受理申请数', '件', 3]]);
  });

  it('reads the rows after a page break on a grid of their own that print the category\'s cell beside the indicator\'s (one more own cell than the header under 指标)', () => {
    const grid = (rows: string[][]): TableBlock => ({ kind: 'table', rows: rows.map((r) => r.map((t) => (t.startsWith('~') ? { text: t.slice(1), spanned: true } : { text: t }))) });
    const doc = grid([
      ['序号', '~序号', '指标', '~指标', '~指标', '单位', '~单位', '本年度', '~本年度'],
      ['31', '~31', '三、依申请公开情况', '（三）申请答复数', '~（三）申请答复数', '件', '~件', '2', '~2'],
      ['32', '~32', '~三、依申请公开情况', '1.属于已主动公开范围数', '~1.属于已主动公开范围数', '件', '~件', '0', '~0'],
      ['33', '~33', '~三、依申请公开情况', '2.同意公开答复数', '~2.同意公开答复数', '件', '~件', '1', '~1'],
      ['34', '~34', '~三、依申请公开情况', '3.同意部分公开答复数', '~3.同意部分公开答复数', '件', '~件', '1', '~1'],
      // After the break: the category's cell (empty, its text above) and the indicator's, each of its own.
      ['35', '', '~', '~', '4.不同意公开答复数', '~4.不同意公开答复数', '件', '~件', '7'],
      ['46', '四、行政复议数量', '~四、行政复议数量', '~四、行政复议数量', '~四、行政复议数量', '~四、行政复议数量', '件', '~件', '3'],
      ['47', '', '~', '~', '（一）维持具体行政行为数', '~（一）维持具体行政行为数', '件', '~件', ''],
      ['57', '八、机构建设和保障经费情况', '~八、机构建设和保障经费情况', '~八、机构建设和保障经费情况', '（一）政府信息公开工作专门机构数', '~（一）政府信息公开工作专门机构数', '个', '~个', '2'],
      ['58', '~八、机构建设和保障经费情况', '~八、机构建设和保障经费情况', '~八、机构建设和保障经费情况', '（二）设置政府信息公开查阅点数', '~（二）设置政府信息公开查阅点数', '个', '~个', '—'],
    ]);
    expect(triples(findLegacyStats([doc])?.year)).toEqual([
      ['三、依申请公开情况', '', null],
      ['（三）申请答复数', '件', 2],
      ['1.属于已主动公开范围数', '件', 0],
      ['2.同意公开答复数', '件', 1],
      ['3.同意部分公开答复数', '件', 1],
      ['4.不同意公开答复数', '件', 7],
      ['四、行政复议数量', '件', 3],
      ['（一）维持具体行政行为数', '件', null],
      ['八、机构建设和保障经费情况', '', null],
      ['（一）政府信息公开工作专门机构数', '个', 2],
      ['（二）设置政府信息公开查阅点数', '个', null],
    ]);
    // 项目 | 指标 | ~指标: a heading over each; a row below a category's first prints no cell of its category (merged down from above).
    const headed = grid([
      ['序号', '~序号', '项目', '指标', '~指标', '单位', '~单位', '数量', '~数量'],
      ...[1, 2, 3].map((n) => [`${n}`, `~${n}`, n === 1 ? '一、主动公开情况' : '~一、主动公开情况', `${n}.政府网站公开政府信息数`, `~${n}.政府网站公开政府信息数`, '条', '~条', `${n}0`, `~${n}0`]),
      ['57', '八、机构建设和保障经费情况', '~八、机构建设和保障经费情况', '~八、机构建设和保障经费情况', '（一）政府信息公开工作专门机构数', '~（一）政府信息公开工作专门机构数', '个', '~个', '1'],
      ['58', '~八、机构建设和保障经费情况', '~八、机构建设和保障经费情况', '~八、机构建设和保障经费情况', '（二）设置政府信息公开查阅点数', '~（二）设置政府信息公开查阅点数', '个', '~个', '11'],
    ]);
    expect(triples(findLegacyStats([headed])?.year).slice(4)).toEqual([
      ['八、机构建设和保障经费情况', '', null],
      ['（一）政府信息公开工作专门机构数', '个', 1],
      ['（二）设置政府信息公开查阅点数', '个', 11],
    ]);
  });

  it('does not continue a statistics table into a block of the same width that prints numbers where the unit goes', () => {
    const stats = findLegacyStats(
      tables(
        table([['统计项目', '单位', '统计数'], ['2.兼职人员数', '人', '7'], ['九、政府信息公开会议和培训情况', '—', '—'], ['（三）接受培训人员数', '人次', '47']]),
        table([['（四）政府信息公开专项经费万元', '0', ''], ['（一）召开政府信息公开工作会议或专题会议数次', '1', '']]),
      ),
    );
    expect(triples(stats?.year)).toEqual([['2.兼职人员数', '人', 7], ['九、政府信息公开会议和培训情况', '—', null], ['（三）接受培训人员数', '人次', 47]]);
  });

  it('takes a platform table (项目 | 数量, units in brackets) for a statistics table only in a report before 2019 that prints no template table', () => {
    const platform = table([['项目', '数量'], ['政府网站发布信息（条）', '3120'], ['政务新媒体发布信息（条）', '802'], ['召开新闻发布会（场）', '6']]);
    const report = (year: number) => docOf([paragraph(`某县人民政府${year}年政府信息公开工作年度报告`), paragraph('一、总体情况'), platform]);
    const read = [['政府网站发布信息', '条', 3120], ['政务新媒体发布信息', '条', 802], ['召开新闻发布会', '场', 6]];
    expect(triples(analyseStructure(report(2016), { templateTables: false }).legacyStats)).toEqual(read);
    expect(analyseStructure(report(2016), { templateTables: true }).legacyStats).toEqual([]);
    expect(analyseStructure(report(2021), { templateTables: false }).legacyStats).toEqual([]);
    expect(analyseStructure(report(2016)).legacyStats).toEqual([]);
  });

  it('reads a row whose indicator spans over the unit\'s column (a .doc table cut by a page break, joined by LibreOffice into one grid) by its own cells in order', () => {
    const spanned = (text: string) => ({ text, spanned: true });
    const grid: TableBlock = {
      kind: 'table',
      rows: [
        [{ text: '统计项目' }, { text: '计量单位' }, { text: '数量' }, spanned('数量'), { text: '' }],
        [{ text: '（三）申请答复数' }, { text: '件' }, { text: '88' }, spanned('88'), { text: '' }],
        [{ text: '4.不同意公开答复数' }, spanned('4.不同意公开答复数'), spanned('4.不同意公开答复数'), { text: '件' }, { text: '7' }],
        // Cells that do not match the header's headings one for one are left as they stand (blank).
        [{ text: '涉及商业秘密' }, spanned('涉及商业秘密'), spanned('涉及商业秘密'), spanned('涉及商业秘密'), { text: '0' }],
      ],
    };
    expect(triples(findLegacyStats([grid])?.year)).toEqual([
      ['（三）申请答复数', '件', 88],
      ['4.不同意公开答复数', '件', 7],
      ['涉及商业秘密', '涉及商业秘密', null],
    ]);
    // A 序号 column merged over the part before the break, the rows after it on the part's own columns.
    const serial: TableBlock = {
      kind: 'table',
      rows: [
        [{ text: '序号' }, ...Array.from({ length: 5 }, () => spanned('序号')), { text: '统计项目' }, { text: '单位' }, { text: '2014年度' }, { text: '历年累计' }],
        [{ text: '8' }, ...Array.from({ length: 5 }, () => spanned('8')), { text: '对申请的答复总数' }, { text: '条' }, { text: '9条' }, { text: '38条' }],
        [{ text: '9' }, { text: '其中：1、同意公开答复数' }, { text: '条' }, { text: '3条' }, { text: '9条' }, { text: '' }, spanned(''), spanned(''), spanned(''), spanned('')],
        [{ text: '10' }, { text: '3、不予公开答复数' }, { text: '条' }, { text: '' }, { text: '1条' }, { text: '' }, spanned(''), spanned(''), spanned(''), spanned('')],
        [{ text: '11' }, { text: '行政诉讼数' }, { text: '件' }, { text: '1件' }, { text: '' }, { text: '' }, spanned(''), spanned(''), spanned(''), spanned('')],
      ],
    };
    const stats = findLegacyStats([serial]);
    expect(triples(stats?.year)).toEqual([['对申请的答复总数', '条', 9], ['其中：1、同意公开答复数', '条', 3], ['3、不予公开答复数', '条', null], ['行政诉讼数', '件', 1]]);
    expect(triples(stats?.cumulative)).toEqual([['对申请的答复总数', '条', 38], ['其中：1、同意公开答复数', '条', 9], ['3、不予公开答复数', '条', 1], ['行政诉讼数', '件', null]]);
  });

  it('reads no value from a cell holding several numbers apart (a reader put a row\'s values into one cell): in doubt, never joined', () => {
    const stats = findLegacyStats(tables(table([['项目', '单位', '上年', '本年', '累计'], ['主动公开文件数', '条', '10841', '357', '1415'], ['其中：1、政府网站公开数', '条', '', '10839 344 1376', '']])));
    expect(stats?.year).toEqual([
      { indicator: '主动公开文件数', unit: '条', value: 357 },
      { indicator: '其中：1、政府网站公开数', unit: '条', value: null, doubt: 'several-numbers' },
    ]);
  });

  it('finds nothing in reports that only have the template tables', () => {
    const s = analyseStructure(seedDocument());
    expect(s.legacyStats).toEqual([]);
    expect(s.legacyStatsCumulative).toBeUndefined();
    expect(analyseStructure(htmlDocument('variety/shanghai-govoffice-2019.html')).legacyStats).toEqual([]);
  });

  it('skips tables whose cells were glued together', () => {
    const glued: TableBlock = { kind: 'table', glued: true, rows: [[{ text: '指标单位数量主动公开文件数条12' }]] };
    expect(findLegacyStats([glued])).toBeUndefined();
  });
});
