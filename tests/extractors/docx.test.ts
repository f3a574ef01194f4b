import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docxReader } from '../../extractors/docx.js';
import { detectReader } from '../../extractors/detect.js';
import { DocumentModel, type TableBlock } from '../../extractors/model.js';
import {
  APPEAL_CELLS, REQUEST_COLUMNS, REQUEST_ROW_LABELS, appealsTable, cellText, corpusBytes, proactiveTable, requestsTable,
  rowByLabel, tables, truth,
} from './html-helpers.js';

const read = (bytes: Buffer) => docxReader.read(bytes, {});
const FIXTURE = new URL('../fixtures/docx/', import.meta.url);
const grid = (t: TableBlock) => t.rows.map((r) => r.map((c) => (c.spanned ? `~${c.text}` : c.text)));

describe('the DOCX reader on the rendered reports', () => {
  for (const path of ['rendered/pingtan-2024-docx.docx', 'rendered/seed-docx.docx']) {
    describe(path, () => {
      it('is chosen by content detection and produces a valid model with the three tables at their dense widths', async () => {
        const bytes = corpusBytes(path);
        expect(detectReader(bytes, 'no-extension')?.format).toBe('docx');
        const doc = await read(bytes);
        expect(() => DocumentModel.parse(doc)).not.toThrow();
        expect(doc.format).toBe('docx');
        expect(tables(doc).map((t) => [t.rows.length, t.rows[0].length])).toEqual([[14, 4], [28, 10], [4, 15]]);
        for (const t of tables(doc)) for (const row of t.rows) expect(row).toHaveLength(t.rows[0].length);
      });

      it('puts every requests row label first and its 7 numbers in column order, as the truth file says', async () => {
        const doc = await read(corpusBytes(path));
        const { cells } = truth(path);
        for (const [rowId, label] of Object.entries(REQUEST_ROW_LABELS)) {
          expect(rowByLabel(requestsTable(doc), label, 7).slice(-7), rowId).toEqual(REQUEST_COLUMNS.map((c) => cellText(cells[`requests.${rowId}.${c}`])));
        }
        expect(appealsTable(doc).rows.at(-1)!.map((c) => c.text)).toEqual(APPEAL_CELLS.map((key) => cellText(cells[key])));
        expect(rowByLabel(proactiveTable(doc), '行政许可', 3)[1]).toBe(cellText(cells['proactive.administrative_license.decisions']));
      });

      it('keeps the vertically merged labels on every row they cover', async () => {
        const requests = requestsTable(await read(corpusBytes(path)));
        expect(requests.rows.filter((r) => r[0].text === '三、本年度办理结果')).toHaveLength(22);
        const denied = requests.rows.filter((r) => r[1].text === '（三）不予公开');
        expect(denied).toHaveLength(8);
        expect(denied.slice(1).every((r) => r[1].spanned)).toBe(true);
      });
    });
  }

  it('reads Word headings as heading blocks and the title from docProps/core.xml', async () => {
    const doc = await read(corpusBytes('rendered/pingtan-2024-docx.docx'));
    expect(doc.blocks[0]).toEqual({ kind: 'heading', text: '平潭综合实验区2024年政府信息公开工作年度报告', level: 1 });
    expect(doc.blocks).toContainEqual({ kind: 'heading', text: '四、政府信息公开行政复议、行政诉讼情况', level: 2 });
    expect(doc.meta.title).toBe('平潭综合实验区2024年政府信息公开工作年度报告');
    expect(doc.blocks.at(-1)).toEqual({ kind: 'paragraph', text: '2025年1月22日' });
  });
});

describe('the DOCX reader on the merged-cell fixture (LibreOffice conversion of HTML rowspan/colspan)', () => {
  it('keeps every label in every spanned row and every number in its column', async () => {
    const doc = await read(readFileSync(new URL('tables-with-merged-cells.docx', FIXTURE)));
    expect(doc.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'table', 'paragraph']);
    expect(grid(tables(doc)[0])).toEqual([
      ['项目', '~项目', '申请人情况', '~申请人情况', '~申请人情况'],
      ['~项目', '~项目', '自然人', '法人', '总计'],
      ['（三）不予公开', '1.属于国家秘密', '1', '2', '3'],
      ['~（三）不予公开', '2.其他法律行政法规禁止公开', '4', '5', '9'],
      ['~（三）不予公开', '3.危及“三安全一稳定”', '6', '7', '13'],
      ['（七）总计', '~（七）总计', '11', '14', '25'],
    ]);
  });
});
