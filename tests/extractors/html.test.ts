import { describe, expect, it } from 'vitest';
import { htmlReader } from '../../extractors/html.js';
import { DocumentModel } from '../../extractors/model.js';
import {
  APPEAL_CELLS, REQUEST_COLUMNS, REQUEST_ROW_LABELS, allText, appealsTable, cellText, corpusBytes, proactiveTable,
  requestsTable, rowByLabel, tables, truth,
} from './html-helpers.js';

const read = (path: string) => htmlReader.read(corpusBytes(path), { name: path });

/** The 2021-format pages: their requests table has 3 label columns then 7 numbers, appeals 15 numbers. */
const TEMPLATE_2021_PAGES = ['rendered/pingtan-2022-portal.html', 'rendered/huaian-2024-word-html.html', 'rendered/seed-html.html', 'real/pingtan-2023-page.html'];

describe('the HTML reader on the 2021-format pages of the corpus', () => {
  for (const path of TEMPLATE_2021_PAGES) {
    describe(path, () => {
      it('produces a valid document model with exactly the three statistical tables', async () => {
        const doc = await read(path);
        expect(() => DocumentModel.parse(doc)).not.toThrow();
        expect(doc.format).toBe('html');
        expect(tables(doc)).toHaveLength(3);
        expect(tables(doc).map((t) => t.rows[0].length)).toEqual([4, 10, 15]);
      });

      it('makes every table a dense grid: every row as wide as the table', async () => {
        const doc = await read(path);
        for (const t of tables(doc)) for (const row of t.rows) expect(row).toHaveLength(t.rows[0].length);
      });

      it('puts each requests row label first and its 7 numbers in column order, as the truth file says', async () => {
        const doc = await read(path);
        const { cells } = truth(path);
        for (const [rowId, label] of Object.entries(REQUEST_ROW_LABELS)) {
          const row = rowByLabel(requestsTable(doc), label, 7);
          expect(row.slice(-7), rowId).toEqual(REQUEST_COLUMNS.map((col) => cellText(cells[`requests.${rowId}.${col}`])));
        }
      });

      it('reads the appeals data row as the 15 numbers of the truth file, in order', async () => {
        const doc = await read(path);
        const { cells } = truth(path);
        const appeals = appealsTable(doc);
        expect(appeals.rows.at(-1)!.map((c) => c.text)).toEqual(APPEAL_CELLS.map((key) => cellText(cells[key])));
      });

      it('repeats a merged label on every row it covers, marked spanned', async () => {
        const requests = requestsTable(await read(path));
        const covered = requests.rows.filter((r) => r[0].text === '三、本年度办理结果');
        expect(covered).toHaveLength(22);
        expect(covered[0][0].spanned).toBeUndefined();
        expect(covered.slice(1).every((r) => r[0].spanned === true)).toBe(true);
        const denied = requests.rows.filter((r) => r[1].text === '（三）不予公开');
        expect(denied).toHaveLength(8);
      });

      it('reads the proactive table values as the truth file states them', async () => {
        const doc = await read(path);
        const { cells } = truth(path);
        const proactive = proactiveTable(doc);
        expect(rowByLabel(proactive, '行政规范性文件', 3).slice(1)).toEqual(
          ['issued', 'repealed', 'in_force'].map((c) => cellText(cells[`proactive.normative_documents.${c}`])),
        );
        const license = rowByLabel(proactive, '行政许可', 3);
        expect(license[1]).toBe(cellText(cells['proactive.administrative_license.decisions']));
        expect(proactive.rows.find((r) => r[0].text === '行政许可')![2].spanned).toBe(true);
      });

      it('leaves the portal chrome out of the blocks', async () => {
        const text = allText((await read(path)).blocks);
        for (const chrome of ['当前位置', '首页', '索引号', '主办单位', '打印本页', '网站标识码']) expect(text).not.toContain(chrome);
      });
    });
  }
});

describe('the HTML reader on portal metadata', () => {
  it('takes title, publication date, publisher and URL of the Pingtan 2023 page from its meta tags and fields', async () => {
    const doc = await read('real/pingtan-2023-page.html');
    const t = truth('real/pingtan-2023-page.html');
    expect(doc.meta).toEqual({
      title: '平潭综合实验区2023年度政府信息公开工作年度报告',
      published: t.published,
      publisher: t.publisher,
      sourceUrl: t.source_url,
    });
  });

  it('finds the report inside the TRS_Editor container, without the 来源/时间 line above it', async () => {
    const doc = await read('real/pingtan-2023-page.html');
    expect(doc.blocks[0]).toMatchObject({ kind: 'paragraph' });
    expect((doc.blocks[0] as { text: string }).text.startsWith('本报告根据《中华人民共和国政府信息公开条例》')).toBe(true);
    expect(allText(doc.blocks)).not.toContain('来源：');
  });

  it('reads 发布机构 and 发布日期 from the metadata table of a rendered portal page', async () => {
    const doc = await read('rendered/seed-html.html');
    expect(doc.meta).toEqual({ title: '市中区工业和信息化局2023年政府信息公开工作年度报告', published: '2024-01-11', publisher: '市中区工业和信息化局' });
  });

  it('leaves published unset when the 发布日期 field is empty', async () => {
    const doc = await read('rendered/pingtan-2022-portal.html');
    expect(doc.meta.published).toBeUndefined();
    expect(doc.meta.publisher).toBe('平潭综合实验区');
  });

  it('takes the 发布日期 line at the top of a bare fragment as the publication date', async () => {
    const doc = await read('variety/shanghai-govoffice-2019.html');
    expect(doc.meta.published).toBe('2020-01-31');
  });
});

describe('the HTML reader on Word-pasted markup', () => {
  it('strips escaped conditional comments, xml namespace debris and span seams from the legacy Pingtan page', async () => {
    const doc = await read('variety/pingtan-2016-legacy-page.html');
    const text = allText(doc.blocks);
    for (const debris of ['<!--', '-->', 'supportLists', 'endif', 'xml:namespace', '&nbsp;', '\u00a0']) expect(text).not.toContain(debris);
    const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    expect(paragraphs).toContain('7、公共监管信息公开情况');
    // "201</span><span>6年度" in the source: inline spans join without a seam.
    expect(paragraphs).toContain('2016年度政府信息公开工作年度报告');
    expect(paragraphs).toContain('一、概述');
  });

  it('reads the legacy statistics table as 17 rows of 指标名称 | 计量单位 | 2016年度 | 历年累计', async () => {
    const doc = await read('variety/pingtan-2016-legacy-page.html');
    expect(tables(doc)).toHaveLength(1);
    const rows = tables(doc)[0].rows.map((r) => r.map((c) => c.text));
    expect(rows).toHaveLength(17);
    expect(rows[0]).toEqual(['指标名称', '计量单位', '2016年度', '历年累计']);
    expect(rows[1]).toEqual(['主动公开文件数', '条', '3460', '85376']);
    expect(rows[16]).toEqual(['行政诉讼数', '件', '0', '0']);
  });

  it('keeps MsoNormal cell text clean in the Huai\'an Word-pasted tables', async () => {
    const doc = await read('rendered/huaian-2024-word-html.html');
    const cells = tables(doc).flatMap((t) => t.rows.flat().map((c) => c.text));
    expect(cells.every((text) => text === text.trim() && !/\s{2}/.test(text))).toBe(true);
    expect(rowByLabel(requestsTable(doc), '本年新收', 7).slice(-7)).toEqual(['3001', '53', '0', '0', '61', '4', '3119']);
  });

  it('joins <br>-split header text without a space between CJK characters (本年新<br/>制作数量)', async () => {
    const doc = await read('variety/shanghai-govoffice-2019.html');
    expect(proactiveTable(doc).rows[1].map((c) => c.text)).toEqual(['信息内容', '本年新制作数量', '本年新公开数量', '本年新公开数量', '对外公开总数量']);
  });
});

describe('the HTML reader on blank cells (Shanghai 2019)', () => {
  it('keeps &nbsp; cells as empty strings in their columns instead of dropping them', async () => {
    const doc = await read('variety/shanghai-govoffice-2019.html');
    const { cells } = truth('variety/shanghai-govoffice-2019.html');
    const requests = requestsTable(doc);
    expect(requests.rows.every((r) => r.length === 10)).toBe(true);
    // The 2019 format has fewer rows (one （六）其他处理 row): check those the truth file has.
    const rows2019 = Object.entries(REQUEST_ROW_LABELS).filter(([rowId]) => `requests.${rowId}.total` in cells);
    expect(rows2019.length).toBeGreaterThanOrEqual(10);
    for (const [rowId, label] of rows2019) {
      const row = rowByLabel(requests, label, 7);
      expect(row.slice(-7), rowId).toEqual(REQUEST_COLUMNS.map((col) => cellText(cells[`requests.${rowId}.${col}`])));
    }
  });

  it('reads the 15 appeals cells with blanks in place', async () => {
    const doc = await read('variety/shanghai-govoffice-2019.html');
    const { cells } = truth('variety/shanghai-govoffice-2019.html');
    expect(appealsTable(doc).rows.at(-1)!.map((c) => c.text)).toEqual(APPEAL_CELLS.map((key) => cellText(cells[key])));
  });
});
