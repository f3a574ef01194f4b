/**
 * A pre-2019 report printing its statistics as text lines (指标：数值), one figure a line under the
 * sections' headings: read into legacy_stats only for a report of before 2019 printing no template table
 * and no statistics table, and only as a run of such lines — a modern report's prose is no such run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../../src/pipeline.js';

const REPORT = (year: number, lines: string[]) =>
  [`平潭县${year}年政府信息公开工作年度报告`, '一、概述', `${year}年，我县认真贯彻落实《条例》，主动公开政府信息3460条。`, ...lines, '平潭县人民政府办公室', `${year + 1}年1月20日`].join('\n');

const LINES = [
  '二、主动公开情况',
  '主动公开政府信息数：3,460条',
  '其中：主动公开规范性文件数：12条',
  '政府网站公开政府信息数：3100条',
  '三、依申请公开情况',
  '受理政府信息公开申请数：45件',
  '其中：当面申请数：10件',
  '网络申请数 35 件',
  '四、政府信息公开的收费及减免情况',
  '收取费用：0万元',
];

const triples = (stats: { indicator: string; unit: string; value: number | null }[]) => stats.map((s) => [s.indicator, s.unit, s.value]);

describe('statistics printed as text lines (指标：数值)', () => {
  it('reads a run of lines under their headings into legacy_stats, the headings as section rows, lines a text reader joined parted again', async () => {
    const record = await extractBytes(Buffer.from(REPORT(2012, LINES)), 'lines.txt');
    expect(triples(record.legacy_stats)).toEqual([
      ['二、主动公开情况', '', null],
      ['主动公开政府信息数', '条', 3460],
      ['其中：主动公开规范性文件数', '条', 12],
      ['政府网站公开政府信息数', '条', 3100],
      ['三、依申请公开情况', '', null],
      ['受理政府信息公开申请数', '件', 45],
      ['其中：当面申请数', '件', 10],
      ['网络申请数', '件', 35],
      ['四、政府信息公开的收费及减免情况', '', null],
      ['收取费用', '万元', 0],
    ]);
    const html = `<html><body><h1>平潭县2012年政府信息公开工作年度报告</h1><p>一、概述</p><p>2012年，我县认真贯彻落实《条例》。</p>${LINES.map((l) => `<p>${l}</p>`).join('')}<p>平潭县人民政府办公室</p></body></html>`;
    const fromHtml = await extractBytes(Buffer.from(html), 'lines.html');
    expect(triples(fromHtml.legacy_stats)).toHaveLength(10);
  });

  it('reads no lines of a report of 2019 or later, nor prose stating figures, nor fewer than three lines', async () => {
    expect((await extractBytes(Buffer.from(REPORT(2020, LINES)), 'modern.txt')).legacy_stats).toEqual([]);
    const prose = ['二、主动公开情况', '全年共主动公开政府信息3460条，其中主动公开规范性文件12条。', '三、依申请公开情况', '全年共受理政府信息公开申请45件，均已按时答复。', '收取费用：0万元'];
    expect((await extractBytes(Buffer.from(REPORT(2012, prose)), 'prose.txt')).legacy_stats).toEqual([]);
    expect((await extractBytes(Buffer.from(REPORT(2012, ['二、主动公开情况', '主动公开政府信息数：3460条', '受理政府信息公开申请数：45件'])), 'two.txt')).legacy_stats).toEqual([]);
    // The seed report (2023, template tables) relabelled 2016 stays without legacy rows.
    const seed = readFileSync(new URL('../../../../shared/corpus/seed/zzszq-gxj-2023.txt', import.meta.url), 'utf8');
    expect((await extractBytes(Buffer.from(seed.replace(/2023/g, '2016')), 'seed.txt')).legacy_stats).toEqual([]);
  });

  it('takes no line whose figure is a run of more digits than any count (a damaged text: it read as Infinity and failed the record)', async () => {
    const damaged = LINES.map((line) => (line.startsWith('政府网站公开') ? `政府网站公开政府信息数：${'1'.repeat(400)}条` : line));
    const record = await extractBytes(Buffer.from(REPORT(2012, damaged)), 'lines.txt');
    expect(record.status).not.toBe('failed');
    expect(record.legacy_stats.every((s) => s.value === null || (Number.isFinite(s.value) && s.value < 1e15))).toBe(true);
  });
});
