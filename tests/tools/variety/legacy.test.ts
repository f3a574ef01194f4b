/** The legacy axis: pre-2019 reports whose statistics table is the truth (legacy_stats), no template cell. */
import { describe, expect, it } from 'vitest';
import { AXES } from '../../../tools/variety/axes/index.js';
import type { FormatId } from '../../../tools/variety/axes/axis.js';
import { draftVariant, renderFast, variantTruth, type PlanItem } from '../../../tools/variety/generate.js';
import { drawValues, LEGACY_FORMS } from '../../../tools/variety/legacy-forms.js';
import { Random } from '../../../tools/variety/random.js';
import { scoreLegacyRows } from '../../../tools/variety/score.js';
import { loadTruths } from '../../../tools/variety/truths.js';

const truths = await loadTruths('../shared/corpus');
const pingtan = truths.find((t) => t.id === 'pingtan-2023-page')!;
const legacy = AXES.find((a) => a.id === 'legacy')!;
const item = (format: FormatId, index: number): PlanItem => ({ axis: legacy, format, truth: pingtan, index });

describe('the legacy axis', () => {
  it('prints a pre-2019 report with its statistics table and no template table; its truth is the table, its year before 2019', () => {
    for (let index = 0; index < 8; index++) {
      const draft = draftVariant(1, item('html', index));
      const truth = variantTruth(1, item('html', index), draft);
      expect(truth.cells).toEqual({});
      expect(truth.layout).toEqual({ proactive: 'none', requests: 'none', appeals: 'none' });
      expect(truth.year).toBeGreaterThanOrEqual(2009);
      expect(truth.year).toBeLessThanOrEqual(2018);
      expect(draft.model.blocks.some((b) => b.kind === 'table')).toBe(false);
      const html = renderFast(draft);
      expect(html).toContain(`${truth.year}年政府信息公开工作年度报告`);
      // Every value row of the truth is printed in the page.
      for (const [indicator, unit, value] of truth.legacy_stats!) {
        expect(html).toContain(indicator);
        if (value === null) continue;
        // As typed: plain, full-width, with thousands separators or with its unit.
        const typed = [String(value), String(value).replace(/[0-9.]/g, (c) => (c === '.' ? '．' : String.fromCharCode(0xff10 + Number(c)))), value.toLocaleString('en-US'), `${value}${unit}`];
        expect(typed.some((t) => html.includes(`>${t}<`)), `${truth.id} ${indicator} ${value}`).toBe(true);
      }
    }
  });

  it('takes its kinds in turn: the short 2008 list with 历年累计, the 2015 form, a 序号 column, a title row and a page break', () => {
    const notes = [0, 1, 2, 3, 4].map((i) => draftVariant(1, item('txt', i)).notes.join(' '));
    expect(notes[0]).toMatch(/^legacy short-2008/);
    expect(notes[1]).toMatch(/^legacy national-2015/);
    expect(notes[2]).toContain('序号 column');
    expect(notes[3]).toMatch(/title row, cut after row \d+/);
    expect(variantTruth(1, item('txt', 0), draftVariant(1, item('txt', 0))).legacy_stats_cumulative).toHaveLength(16);
    // Glued text cannot part a unit from an indicator (…计1条): the axis leaves it out.
    for (let i = 0; i < 20; i++) expect(draftVariant(1, item('txt', i)).separator).not.toBe('glued');
  });

  it('then prints the shapes real tables take beyond 指标 | 单位 | 数量: units in the indicators, a category column, the year before beside the year', () => {
    const notes = [5, 6, 7, 8, 9].map((i) => draftVariant(1, item('html', i)).notes.join(' '));
    expect(notes[0]).toContain('unit-in-indicator');
    expect(notes[1]).toContain('unit-in-indicator');
    expect(notes[2]).toContain('category');
    expect(notes[3]).toContain('prior-year');
    expect(notes[4]).toContain('prior-year (prior year first)');
    // No unit column: the unit in brackets after the indicator; the truth keeps indicator and unit apart.
    const unitless = draftVariant(1, item('html', 5));
    const html = renderFast(unitless);
    expect(html).toContain('<td>主动公开文件数（条）</td>');
    expect(variantTruth(1, item('html', 5), unitless).legacy_stats![0]).toEqual(['主动公开文件数', '条', expect.any(Number)]);
    // A category column: each section merged down its rows (rowspan), a section row of the truth.
    const category = draftVariant(1, item('html', 7));
    expect(renderFast(category)).toMatch(/<td rowspan="\d+">一、主动公开情况<\/td>/);
    expect(variantTruth(1, item('html', 7), category).legacy_stats![0]).toEqual(['一、主动公开情况', '', null]);
  });

  it('then a unit in the value column\'s heading (数量（件）, a row of another unit printing its own after its indicator) and 合计 rows; earlier variants keep their draws', () => {
    const notes = [10, 11, 12, 13].map((i) => draftVariant(1, item('html', i)).notes.join(' '));
    expect(notes[0]).toContain('unit-in-heading');
    expect(notes[1]).toContain('unit-in-heading');
    expect(notes[2]).toContain('合计 row');
    expect(notes[3]).toContain('category, 合计 row');
    const heading = draftVariant(1, item('html', 10));
    const html = renderFast(heading);
    expect(html).toMatch(/<td>[^<]*[（(]件[）)]<\/td>/);
    expect(html).toContain('<td>（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）（条）</td>');
    expect(html).toContain('<td>（一）收到申请数</td>');
    const truth = variantTruth(1, item('html', 10), heading).legacy_stats!;
    expect(truth.find(([i]) => i === '（一）收到申请数')).toEqual(['（一）收到申请数', '件', expect.any(Number)]);
    expect(truth[0]).toEqual(['一、主动公开情况', '', null]);
    // 合计: the sum of the application channels, a row of the truth after them.
    const totals = variantTruth(1, item('html', 12), draftVariant(1, item('html', 12))).legacy_stats!;
    const at = totals.findIndex(([i]) => /^(合\s*计|总计|小计)$/.test(i));
    expect(totals[at - 1]![0]).toBe('3、信函、传真申请数');
    expect(totals[at]![2]).toBe(totals[at - 1]![2]! + totals[at - 2]![2]! + totals[at - 3]![2]!);
    // A mixed variant (index 14 on) is drawn as before the later kinds.
    expect(draftVariant(1, item('html', 14)).notes.join(' ')).not.toMatch(/unit-in-heading|合计/);
  });

  it('draws values whose sums hold, as a report\'s own figures would', () => {
    for (const form of LEGACY_FORMS) {
      const values = drawValues(form, new Random(`sums:${form.id}`));
      form.rows.forEach((row, i) => {
        if (row.sumOf) expect(values[i]).toBeCloseTo(row.sumOf.reduce((sum, j) => sum + (values[j] ?? 0), 0), 6);
        if (row.unit === '') expect(values[i]).toBeNull();
      });
    }
  });

  it('scores rows by indicator and occurrence: exact, blank, wrong number, wrong unit, missing', () => {
    const truth: [string, string, number | null][] = [['（二）被依法纠错数', '件', 1], ['（二）被依法纠错数', '件', 2], ['行政复议数', '件', 3], ['收费', '万元', 0.5], ['一、主动公开情况', '—', null]];
    const read = [
      { indicator: '（二）被依法纠错数', unit: '件', value: 1 },
      { indicator: '（二）被依法纠错数', unit: '件', value: null },
      { indicator: '行政复议数', unit: '条', value: 3 },
      { indicator: '一、主动公开情况', unit: '', value: null },
    ];
    expect(scoreLegacyRows('legacy_stats', truth, read).map((o) => o.verdict)).toEqual(['exact', 'blank-or-doubt', 'wrong', 'missing', 'exact']);
    // A value OCR read carries its doubt: another number, or junk for a unit, is in doubt, not wrong.
    const ocr = [{ indicator: '（二）被依法纠错数', unit: '件', value: 7, doubt: 'ocr-unverified' }, { indicator: '（二）被依法纠错数', unit: 'ft', value: 2, doubt: 'ocr-unverified' }];
    expect(scoreLegacyRows('legacy_stats', truth.slice(0, 2), ocr).map((o) => o.verdict)).toEqual(['blank-or-doubt', 'blank-or-doubt']);
  });
});
