import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../extractors/model.js';
import { analyseStructure } from '../../../src/structure/index.js';
import { findLegacyStats } from '../../../src/structure/legacy.js';
import { htmlDocument, seedDocument, table, truthOf } from './documents.js';

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
