/**
 * Rows of layout text (pdftotext -layout) that the page or the cell width broke: a row a page break
 * split, the rest of its too-wide numbers on the next page's first line; a row of values alone with
 * text in a value cell.
 */
import { describe, expect, it } from 'vitest';
import { readTextBlocks } from '../../../extractors/txt/document.js';
import type { TableBlock } from '../../../extractors/model.js';

const rowsOf = (text: string) =>
  readTextBlocks(text)
    .filter((b): b is TableBlock => b.kind === 'table')
    .flatMap((t) => t.rows.map((r) => r.filter((c) => !c.absent).map((c) => c.text + (c.doubt ? `*${c.doubt}` : ''))));

const HEAD = ['三、收到和处理政府信息公开申请情况', '', '                       自然人   商业企业   总计', ''];

describe('a row a page break split', () => {
  it('puts every number of the row in doubt when the next page begins with the rest of some of them', () => {
    const text = [...HEAD, '（一）予以公开        21     0     21', '（二）部分公开（区分处理的，只计   447    7    45', '\f           这一情形，不计其他情形）                 4', '（三）不予公开        1     0     1'].join('\n');
    const rows = rowsOf(text);
    const split = rows.find((r) => r[0].startsWith('（二）'))!;
    expect(split.slice(-3)).toEqual(['447*split-by-page', '7*split-by-page', '45*split-by-page']);
    // The rows around it are read as printed.
    expect(rows.find((r) => r[0].startsWith('（一）'))!.slice(-3)).toEqual(['21', '0', '21']);
    expect(rows.find((r) => r[0].startsWith('（三）'))!.slice(-3)).toEqual(['1', '0', '1']);
  });

  it('drops a line of the digits alone (no row of its own) and keeps the row in doubt', () => {
    const text = ['四、政府信息公开行政复议、行政诉讼情况', '', '维持   纠正   其他   尚未   总计', '', '７２   ６４    １７    ３７   ３５', '\f             ８    １', '五、存在的主要问题及改进情况'].join('\n');
    const rows = rowsOf(text);
    expect(rows[rows.length - 1]).toEqual(['７２', '６４', '１７', '３７', '３５'].map((v) => `${v}*split-by-page`));
    expect(rows.some((r) => r.includes('８'))).toBe(false);
  });

  it('leaves the row alone when the next page begins with a row of its own', () => {
    const text = [...HEAD, '（二）部分公开         447    7    454', '\f（三）不予公开        1     0     1'].join('\n');
    const rows = rowsOf(text);
    expect(rows.find((r) => r[0].startsWith('（二）'))!.slice(-3)).toEqual(['447', '7', '454']);
  });
});

describe('a row of values alone with text in a value cell', () => {
  it('reads ＊ as the value of its column, the row under its wrapped label', () => {
    const text = [...HEAD, '（一）予以公开        0     0     0', '         （二）部分公开（区分处理的，只', '                      4     0     ＊', '          计这一情形，不计其他情形）', '', '（三）不予公开        1     0     1'].join('\n');
    const rows = rowsOf(text);
    const row = rows.find((r) => r.includes('＊'))!;
    expect(row.slice(-3)).toEqual(['4', '0', '＊']);
    expect(row[0]).toContain('（二）部分公开');
    expect(rows.find((r) => r[0].startsWith('（三）'))!.slice(-3)).toEqual(['1', '0', '1']);
  });

  it('reads ＊ as the value of its column in a numbered row whose values pdftotext set one space apart (5.要求… · 0 0 ＊ 0 0 0 0)', () => {
    // Seed 52 combined/pdftotext Pingtan 2023: read from the end, ＊ stopped the values and 0 0 ＊ joined the label
    // (5.要求行政机关确认或重新出具已获取信息 0 0 ＊ | 0 0 0 0): the row was not found, 7 cells blank.
    const head = ['三、收到和处理政府信息公开申请情况', '', '                       自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计', ''];
    const text = [...head, '            4.无正当理由大量反复申请                   0 0 0 0 0 0 0', '', '            5.要求行政机关确认或重新出具已获取信息                 0 0 ＊ 0 0 0 0', '', '            （七）总计                 81 0 0 0 0 0 81'].join('\n');
    const rows = rowsOf(text);
    const row = rows.find((r) => r.includes('＊'))!;
    expect(row[0]).toBe('5.要求行政机关确认或重新出具已获取信息');
    expect(row.slice(1)).toEqual(['0', '0', '＊', '0', '0', '0', '0']);
  });

  it('takes a unit set apart (13 件) as its number\'s, never as text in a cell of its own', () => {
    const text = ['四、政府信息公开行政复议、行政诉讼情况', '', '维持   纠正   其他   尚未   总计', '', '2件   1件    3件    13 件   2件', '五、存在的主要问题及改进情况'].join('\n');
    expect(rowsOf(text).some((r) => r.includes('件'))).toBe(false);
  });
});

describe('tab-separated rows whose first cells are empty', () => {
  const APPEALS = ['四、政府信息公开行政复议、行政诉讼情况', '行政复议', '结果维持\t结果纠正\t其他结果\t尚未审结\t总计', '5\t\t\t2\t7', '行政诉讼 复议后起诉', '结果维持\t结果纠正\t其他结果\t尚未审结\t总计'];

  it('reads a line of tabs alone as a row of empty cells, its tabs kept as cell boundaries', () => {
    const rows = rowsOf([...APPEALS, '\t\t\t\t', '五、存在的主要问题及改进情况'].join('\n'));
    expect(rows[rows.length - 1]).toEqual(['', '', '', '', '']);
  });

  it('keeps the leading empty cells of a row that prints values after them', () => {
    const rows = rowsOf([...APPEALS, '\t\t\t1\t1', '五、存在的主要问题及改进情况'].join('\n'));
    expect(rows[rows.length - 1]).toEqual(['', '', '', '1', '1']);
  });

  it('reads too few tabs for a row (\\t\\t), and a line of tabs in text without tab-separated rows, as blank lines', () => {
    expect(rowsOf([...APPEALS, '\t\t', '五、存在的主要问题及改进情况'].join('\n')).some((r) => r.every((c) => c === ''))).toBe(false);
    const plain = ['四、政府信息公开行政复议、行政诉讼情况', '维持   纠正   其他   尚未   总计', '', '2   1    3    13   19', '\t\t\t\t', '五、存在的主要问题及改进情况'];
    expect(rowsOf(plain.join('\n')).some((r) => r.every((c) => c === ''))).toBe(false);
  });

  it('still reads tabs before text with no tab after it as indentation: the paragraph is kept whole', () => {
    const blocks = readTextBlocks([...APPEALS, '\t\t\t\t', '五、存在的主要问题及改进情况', '\t本机关将进一步加强政务公开工作。'].join('\n'));
    expect(blocks[blocks.length - 1]).toEqual({ kind: 'paragraph', text: '本机关将进一步加强政务公开工作。' });
  });
});

describe('a row label whose item numbering lost its closing bracket', () => {
  it('reads （2没有现成信息… 0 0 as a row of its own; a bracketed month (（12月…) stays a count', () => {
    const text = [...HEAD, '（四）无法提供 （1）本机关不掌握相关政府信息 75 0 75', '（2没有现成信息需要另行制作 0 0 0', '（3）补正后申请内容仍不明确 0 0 0'].join('\n');
    expect(rowsOf(text).map((r) => r[0]).slice(1)).toEqual(['（四）无法提供 （1）本机关不掌握相关政府信息', '（2没有现成信息需要另行制作', '（3）补正后申请内容仍不明确']);
    const month = [...HEAD, '（一）予以公开 21 0 21', '（12月新收申请 3 0 3'].join('\n');
    expect(rowsOf(month).some((r) => r[0].startsWith('（12月'))).toBe(false);
  });
});

describe('a line opening two pages that are not one after the other', () => {
  it('keeps the agency over the title and the signature opening the last page: no running header', () => {
    const text = ['                   平潭综合实验区', '', '         2024 年政府信息公开工作年度报告', '本报告中所列数据的统计期限自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止。', '\f一、总体情况', '2024 年，本机关扎实推进政务公开各项工作。', '\f平潭综合实验区', '', '2025 年 1 月 20 日'].join('\n');
    const texts = readTextBlocks(text).flatMap((b) => (b.kind === 'paragraph' ? [b.text.trim()] : []));
    expect(texts[0]).toBe('平潭综合实验区');
    expect(texts.slice(-2)).toEqual(['平潭综合实验区', '2025 年 1 月 20 日']);
  });

  it('drops the title opening a later page right over table 三\'s header drawn again (the page between lost its header); elsewhere it stays', () => {
    const TITLE = '          平潭综合实验区2024年政府信息公开工作年度报告';
    const page1 = [TITLE, '一、总体情况', '2024 年，本机关扎实推进政务公开各项工作。'];
    const page2 = ['\f二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '              申请人情况', '                  自然人   商业企业   总计', '（一）予以公开        21     0     21', '6.属于'];
    const page3 = [`\f${TITLE}`, '', '              申请人情况', '                  自然人   商业企业   总计', '    四类过程性信息   0     0     0'];
    const texts = (lines: string[]) => readTextBlocks(lines.join('\n')).flatMap((b) => (b.kind === 'paragraph' ? [b.text.trim()] : b.kind === 'table' ? b.rows.flatMap((r) => r.map((c) => c.text)) : []));
    expect(texts([...page1, ...page2, ...page3]).filter((t) => t.includes('年度报告'))).toEqual(['平潭综合实验区2024年政府信息公开工作年度报告']);
    const prose = [...page1, ...page2, `\f${TITLE}`, '', '五、存在的主要问题及改进情况'];
    expect(texts(prose).filter((t) => t.includes('年度报告'))).toHaveLength(2);
  });

  it('still drops a title running over every page', () => {
    const text = ['平潭综合实验区2024年政府信息公开工作年度报告', '一、总体情况', '\f平潭综合实验区2024年政府信息公开工作年度报告', '二、主动公开政府信息情况', '\f平潭综合实验区2024年政府信息公开工作年度报告', '三、收到和处理政府信息公开申请情况'].join('\n');
    const texts = readTextBlocks(text).flatMap((b) => (b.kind === 'paragraph' ? [b.text.trim()] : []));
    expect(texts.filter((t) => t.includes('年度报告'))).toEqual([]);
  });
});
