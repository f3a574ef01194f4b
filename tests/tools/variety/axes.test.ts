import { describe, expect, it } from 'vitest';
import { AXES } from '../../../tools/variety/axes/index.js';
import type { FormatId } from '../../../tools/variety/axes/axis.js';
import { draftVariant, renderFast, variantTruth, type PlanItem } from '../../../tools/variety/generate.js';
import { isDataRow, tablePieces } from '../../../tools/variety/model.js';
import { loadTruths } from '../../../tools/variety/truths.js';
import { SEPARATORS } from '../../../tools/variety/model.js';
import { appealsByGroup, appealsReviewAndLitigation } from '../../../tools/variety/axes/pieces.js';
import { buildReport } from '../../../tools/variety/build.js';
import { Random } from '../../../tools/variety/random.js';
import type { Draft } from '../../../tools/variety/axes/axis.js';

const truths = await loadTruths('../shared/corpus');
const pingtan = truths.find((t) => t.id === 'pingtan-2023-page')!;
const axis = (id: string) => AXES.find((a) => a.id === id)!;
const item = (id: string, format: FormatId, index = 0): PlanItem => ({ axis: axis(id), format, truth: pingtan, index });
/** Seeds 1–60 that satisfy `want`: how a test finds a seed drawing the shape it looks at. */
const seedsWhere = (want: (seed: number) => boolean): number[] => Array.from({ length: 60 }, (_, s) => s + 1).filter(want);

describe('the axes of variation', () => {
  it('take the five text separators in turn, one per variant', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => draftVariant(1, item('separators', 'txt', i)).separator)).toEqual([...SEPARATORS, SEPARATORS[0]]);
  });

  it('glue a text rendering into one run per table, with no separator between cells', () => {
    const text = renderFast(draftVariant(1, item('separators', 'txt', SEPARATORS.indexOf('glued'))));
    expect(text).toContain('一、本年新收政府信息公开申请数量801000081二、上年结转政府信息公开申请数量0000000');
  });

  it('print the requests table one value per line after a tab, as a DOCX flattening does', () => {
    expect(renderFast(draftVariant(1, item('separators', 'txt', SEPARATORS.indexOf('lines'))))).toContain('\t一、本年新收政府信息公开申请数量\n\t80\n\t1\n\t0\n');
  });

  it('wrap labels over several lines with the values on one of them', () => {
    const draft = draftVariant(5, item('wrapped-labels', 'html'));
    const wrapped = tablePieces(draft.model).flatMap((p) => p.rows).filter((r) => isDataRow(r) && r.label.length > 1);
    expect(wrapped.length).toBeGreaterThanOrEqual(2);
    for (const row of wrapped) if (isDataRow(row)) expect(row.valueLine).toBeLessThan(row.label.length);
  });

  it('split tables 二, 三 or 四 into more printed tables than three', () => {
    const draft = draftVariant(9, item('split-tables', 'html'));
    expect(tablePieces(draft.model).length).toBeGreaterThan(3);
    expect(draft.notes.length).toBeGreaterThan(0);
  });

  it('print other headings, captions, title rows and tables that are not the template\'s around the tables, one kind per variant first, and keep every template cell', () => {
    const plainText = renderFast(draftVariant(1, item('plain', 'txt')));
    const kinds = Array.from({ length: 7 }, (_, index) => draftVariant(1, item('headings', 'txt', index)));
    const texts = kinds.map((d) => renderFast(d));
    expect(kinds.map((d) => d.notes.length)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(texts[1]).toMatch(/^三、主动公开政府信息情况$/m); // renumbered: a section inserted before the tables
    expect(texts[2]).not.toMatch(/^[二三四]、(主动公开|收到和处理|政府信息公开行政复议)/m); // no headings over the tables
    expect(texts[3]).toMatch(/单位[:：]件/); // captions and unit lines
    expect(texts[4]).toMatch(/^收到和处理政府信息公开申请情况$/m); // the title as the first header row
    expect(texts[5]).toContain('政府网站发布信息（条）'); // a table that is not the template's
    expect(texts[6]).toMatch(/^三、政府信息公开行政复议、行政诉讼情况$/m); // headings of 三 and 四 swapped
    for (const draft of kinds) {
      expect(draft.notPrinted.size).toBe(0);
      const values = tablePieces(draft.model).flatMap((p) => p.rows.filter(isDataRow).flatMap((r) => r.values.map((v) => `${v.key}=${v.text}`)));
      const plainValues = tablePieces(draftVariant(1, item('plain', 'txt')).model).flatMap((p) => p.rows.filter(isDataRow).flatMap((r) => r.values.map((v) => `${v.key}=${v.text}`)));
      expect(values).toEqual(plainValues);
    }
    expect(texts.every((t) => t !== plainText)).toBe(true);
  });

  it('print table 三 as Markdown pipe tables under placeholder headers and table 四 as three 5-column tables', () => {
    const seed = seedsWhere((s) => draftVariant(s, item('markdown-converter', 'md')).notes[0].includes('placeholder'))[0];
    const md = renderFast(draftVariant(seed, item('markdown-converter', 'md')));
    expect(md).toContain('| 项目 |  |  | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |');
    expect(md.match(/^\| 结果维持 \| 结果纠正 \| 其他结果 \| 尚未审结 \| 总计 \|$/gm)).toHaveLength(3);
  });

  it('print each group of table 四 once when split-tables and markdown-converter both cut it, whichever cuts first', () => {
    const whole = tablePieces(draftVariant(1, item('plain', 'md')).model).find((p) => p.table === 'appeals')!;
    const [review, ...rest] = appealsByGroup(whole, false);
    expect(rest).toHaveLength(2);
    // The first piece alone (replaceTable hands over the first piece only) is cut into the groups it holds.
    expect(appealsByGroup(review, true).map((p) => p.rows.filter(isDataRow).map((r) => r.values.length))).toEqual([[5]]);
    expect(appealsReviewAndLitigation(review)).toEqual([review]);
    const [side] = appealsReviewAndLitigation(whole);
    expect(appealsByGroup(side, false)).toHaveLength(1);
  });

  it('give a row one cell more than its columns, one fewer, or text in a number cell, and list the cells no longer printed', () => {
    const drafts = Array.from({ length: 30 }, (_, s) => draftVariant(s + 1, item('row-faults', 'html')));
    const notes = drafts.flatMap((d) => d.notes).join('\n');
    expect(notes).toMatch(/stray empty cell/);
    expect(notes).toMatch(/missing from its row/);
    expect(notes).toMatch(/printed as '(不适用|见附件|=1\+1)'/);
    for (const d of drafts) {
      const truth = variantTruth(1, item('row-faults', 'html'), d);
      const printedAsText = [...d.notes.join('\n').matchAll(/cell (\S+) (?:printed as|missing)/g)].map((m) => m[1]);
      expect(truth.not_printed.sort()).toEqual([...new Set(printedAsText)].sort());
    }
  });

  it('leave a lost empty cell printed where LibreOffice fills the row to its grid and only empty cells follow it', () => {
    // Shanghai 2019 prints its empty cells blank: a row such as 5 · · · · · · that loses one of them
    // is padded back by LibreOffice's import, cell for cell the row it was; an HTML page prints it short.
    const shanghai = truths.find((t) => t.id === 'shanghai-govoffice-2019')!;
    const drawn = (seed: number, format: FormatId): Draft => {
      const plan: PlanItem = { axis: axis('row-faults'), format, truth: shanghai, index: 0 };
      const random = new Random(`shortrow:${seed}`);
      const draft: Draft = { model: buildReport(shanghai, random.fork('build')), format, index: 0, separator: 'tabs', notPrinted: new Set(), notes: [] };
      plan.axis.apply(draft, random.fork('row-faults'));
      return draft;
    };
    const seeds = seedsWhere((s) => drawn(s, 'doc').notes.some((n) => n.startsWith('empty cell')));
    expect(seeds.length).toBeGreaterThan(0);
    for (const seed of seeds) {
      const doc = drawn(seed, 'doc');
      const html = drawn(seed, 'html');
      const key = /^empty cell (\S+) lost/.exec(doc.notes.find((n) => n.startsWith('empty cell'))!)![1];
      expect(doc.notPrinted.has(key)).toBe(false);
      expect(html.notPrinted.has(key)).toBe(true);
      expect(html.notes).toContain(`cell ${key} missing from its row`);
    }
  });

  it('print a lost value as an empty cell where LibreOffice fills the row to its grid and only empty cells follow it: blank as printed, its identities judged as printed', () => {
    // Seed 37 combined/docx: Shanghai 2019's 二、上年结转 18 · · · · · 18 lost its 总计; Writer padded the row with an
    // empty cell, which in a report printing its blanks as nothing is a printed blank: 18 against a blank total is a
    // published error of that document (and so is 859 + 0 ≠ 877), no reader could tell otherwise.
    const shanghai = truths.find((t) => t.id === 'shanghai-govoffice-2019')!;
    const drawn = (seed: number, format: FormatId): Draft => {
      const plan: PlanItem = { axis: axis('row-faults'), format, truth: shanghai, index: 0 };
      const random = new Random(`shortrow:${seed}`);
      const draft: Draft = { model: buildReport(shanghai, random.fork('build')), format, index: 0, separator: 'tabs', notPrinted: new Set(), notes: [] };
      plan.axis.apply(draft, random.fork('row-faults'));
      return draft;
    };
    const lostValue = /^value of (\S+) lost before empty cells only/;
    const seeds = seedsWhere((s) => drawn(s, 'docx').notes.some((n) => lostValue.test(n)));
    expect(seeds.length).toBeGreaterThan(0);
    for (const seed of seeds) {
      const docx = drawn(seed, 'docx');
      const html = drawn(seed, 'html');
      const key = lostValue.exec(docx.notes.find((n) => lostValue.test(n))!)![1];
      const plan: PlanItem = { axis: axis('row-faults'), format: 'docx', truth: shanghai, index: 0 };
      const truth = variantTruth(seed, plan, docx);
      expect(shanghai.cells[key]).not.toBeNull();
      expect(truth.cells[key]).toBeNull();
      expect(truth.not_printed).not.toContain(key);
      expect(html.notPrinted.has(key)).toBe(true);
    }
    // The seed-37 variant itself: every identity holding the emptied cell that fails as printed is expected, with
    // its printed sums; the ones it took part in as published (none here) no longer.
    const plan: PlanItem = { axis: axis('combined'), format: 'docx', truth: shanghai, index: 2 };
    const draft = draftVariant(37, plan);
    expect(draft.notes).toContain('value of requests.carried_over.total lost before empty cells only: the grid prints an empty cell in its place');
    const truth = variantTruth(37, plan, draft);
    expect(truth.cells['requests.carried_over.total']).toBeNull();
    expect(truth.expected_findings).toContainEqual({ rule: 'requests.row_total', where: 'carried_over', left: 18, right: 0 });
    expect(truth.expected_findings).toContainEqual({ rule: 'requests.balance', where: 'total', left: 859, right: 877 });
    expect(truth.expected_findings).toHaveLength(shanghai.expected_findings.length + 2);
  });

  it('print a cell lost from the end of a row as an empty cell in a Chromium PDF of a bordered table, unless another row of the table lost or gained a cell', () => {
    // Seed 51 row-faults/pdf-chrome: Shanghai 2019's （七）总计 767 35 · · 2 1 805 lost its 总计. In a collapsed-border table
    // the hole at the row's end is ruled all round (the cell above, the cell before, the cell below, the table's own
    // border): Chromium prints it as an empty cell, in a report printing its blanks as nothing a printed blank, and
    // 805 ≠ 0 and 877 ≠ 72 are that document's own errors (they were counted unearned).
    const shanghai = truths.find((t) => t.id === 'shanghai-govoffice-2019')!;
    const plan: PlanItem = { axis: axis('row-faults'), format: 'pdf-chrome', truth: shanghai, index: 2 };
    const draft = draftVariant(51, plan);
    expect(draft.notes).toContain('value of requests.total_processed.total lost before empty cells only: the grid prints an empty cell in its place');
    const truth = variantTruth(51, plan, draft);
    expect(truth.cells['requests.total_processed.total']).toBeNull();
    expect(truth.not_printed).not.toContain('requests.total_processed.total');
    expect(truth.expected_findings).toContainEqual({ rule: 'requests.row_total', where: 'total_processed', left: 805, right: 0 });
    expect(truth.expected_findings).toContainEqual({ rule: 'requests.balance', where: 'total', left: 877, right: 72 });
    // Another row of the same table with a stray cell widens the table by a column only that row rules, and one
    // that also lost a cell at its end leaves two holes: the hole is no longer ruled all round, a reader sees it.
    const drawn = (seed: number, format: FormatId): Draft => {
      const random = new Random(`shortrow:${seed}`);
      const d: Draft = { model: buildReport(shanghai, random.fork('build')), format, index: 0, separator: 'tabs', notPrinted: new Set(), notes: [] };
      axis('row-faults').apply(d, random.fork('row-faults'));
      return d;
    };
    const lost = (d: Draft) => d.notes.some((n) => / lost before empty cells only/.test(n));
    const ended = seedsWhere((s) => lost(drawn(s, 'pdf')));
    const alone = ended.filter((s) => drawn(s, 'pdf').notes.length === 1);
    const shared = ended.filter((s) => drawn(s, 'pdf').notes.length === 2 && !drawn(s, 'pdf').notes.some((n) => / printed as /.test(n)));
    expect(alone.length).toBeGreaterThan(0);
    for (const seed of alone) expect(drawn(seed, 'pdf-chrome').notes).toEqual(drawn(seed, 'pdf').notes);
    expect(shared.length).toBeGreaterThan(0);
    for (const seed of shared) expect(lost(drawn(seed, 'pdf-chrome'))).toBe(false);
    // An HTML page prints the row short: the cell is not printed.
    for (const seed of alone) expect(lost(drawn(seed, 'html'))).toBe(false);
  });

  it('damage one cell of table 四\'s header in turn (a digit, junk, a rewording, nothing), never a value', () => {
    const notes = [0, 1, 2, 3].map((i) => draftVariant(1, item('damaged-headers', 'html', i)).notes.join(' '));
    expect(notes.map((n) => n.replace(/:.*/, ''))).toEqual(['table 四 header digit', 'table 四 header junk', 'table 四 header reworded', 'table 四 header empty']);
    expect(notes[0]).toMatch(/→ [1-9]$/);
    const plain = draftVariant(1, item('plain', 'html'));
    const draft = draftVariant(1, item('damaged-headers', 'html', 2));
    const values = (d: typeof draft) => tablePieces(d.model).flatMap((p) => p.rows).filter(isDataRow).map((r) => r.values.map((v) => v.text));
    expect(values(draft)).toEqual(values(plain));
    expect(variantTruth(1, item('damaged-headers', 'html', 2), draft).cells).toEqual(variantTruth(1, item('plain', 'html'), plain).cells);
  });

  it('reword labels, change bracket width or numbering, or misspell a label', () => {
    const texts = Array.from({ length: 12 }, (_, s) => renderFast(draftVariant(s + 1, item('labels', 'txt')))).join('\n');
    expect(texts).toMatch(/\(一\)予以公开|\t1、属于国家秘密|（1）属于国家秘密|1．属于国家秘密/);
    expect(Array.from({ length: 12 }, (_, s) => draftVariant(s + 1, item('labels', 'txt')).notes.join()).join()).toMatch(/typo in/);
  });
});

describe('the titles axis', () => {
  it('prints one kind of title per index, the truth\'s agency and year kept', () => {
    const html = (index: number) => renderFast(draftVariant(1, item('titles', 'html', index)));
    // 0: a portal page: the site's name in the page title, a publication line dated the next year.
    expect(html(0)).toMatch(/<title>[^<]*2023年[^<]*政府信息公开工作年度报告\s*(?:_|-|\|)[^<]*平潭综合实验区[^<]*<\/title>/);
    expect(html(0)).toMatch(/2024-01-\d\d/);
    // 2: no year in the printed title, last year's title left in the file when there is one.
    expect(html(2)).toContain('<h1 style="text-align:center">平潭综合实验区政府信息公开');
    // 4: the title over lines; 5: the year in Chinese numerals.
    expect(html(4).match(/<h1/g)!.length).toBeGreaterThanOrEqual(2);
    expect(html(5)).toMatch(/二[〇○零]二三年/);
    for (let index = 0; index < 14; index++) {
      const truth = variantTruth(1, item('titles', 'txt', index), draftVariant(1, item('titles', 'txt', index)));
      expect([truth.agency, truth.year]).toEqual([pingtan.agency, pingtan.year]);
    }
  });
});
