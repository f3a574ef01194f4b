/**
 * A truth's cells set as a plain report model: title, the six numbered sections with some prose, and
 * the three tables in the truth's layouts, laid out as the national templates print them. Labels,
 * row and column ids come from src/templates/ids.ts; only the header wording the ids do not carry
 * (申请人情况, 第二十条 items, the 勾稽关系 note) is written here.
 */
import { APPEALS_2021, LAYOUTS, REQUEST_OUTCOME_ROWS, cellKey, type ColumnDef, type RowDef, type TableId, type TableLayout } from '../../src/templates/ids.js';
import type { Block, DataRow, HeadCell, ReportModel, Row, TablePiece } from './model.js';
import type { Random } from './random.js';
import type { Truth } from './truths.js';

export const BLANK_SPELLINGS = ['', '-', '/', '无'] as const;

export const SECTION_HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

/** The 第二十条 item each proactive row is published under (report-template-2021.md / 2019.md). */
const PROACTIVE_ITEM: Record<string, string> = {
  rules: '（一）',
  normative_documents: '（一）',
  administrative_license: '（五）',
  other_admin_services: '（五）',
  administrative_penalty: '（六）',
  administrative_enforcement: '（六）',
  administrative_fees: '（八）',
  government_procurement: '（九）',
};

export function layoutOf(table: TableId, layout: string): TableLayout {
  const found = LAYOUTS[table].find((l) => l.layout === layout);
  if (!found) throw new Error(`no ${layout} layout for table ${table}`);
  return found;
}

/** How a value is printed: counts as integers, amounts as given, a null as the document's blank. */
export function printValue(value: number | null | undefined, column: ColumnDef, blank: string): string {
  if (value === null || value === undefined) return blank;
  if (column.kind === 'signed' && value > 0) return `+${value}`;
  return String(value);
}

export function buildReport(truth: Truth, random: Random): ReportModel {
  const blank = random.pick(BLANK_SPELLINGS);
  const cell = (key: string): number | null => truth.cells[key] ?? null;
  const title = random.chance(0.5)
    ? `${truth.agency}${truth.year}年政府信息公开工作年度报告`
    : `${truth.year}年${truth.agency}政府信息公开工作年度报告`;
  const blocks: Block[] = [
    { kind: 'title', text: title },
    {
      kind: 'paragraph',
      text: `本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》要求编制。本报告中所列数据的统计期限自${truth.year}年1月1日起至${truth.year}年12月31日止。`,
    },
    { kind: 'heading', text: SECTION_HEADINGS[0] },
    { kind: 'paragraph', text: overviewProse(truth.year, cell), figures: true },
    { kind: 'heading', text: SECTION_HEADINGS[1] },
    { kind: 'table', piece: proactiveTable(layoutOf('proactive', truth.layout.proactive), cell, blank) },
    { kind: 'heading', text: SECTION_HEADINGS[2] },
    { kind: 'table', piece: requestsTable(layoutOf('requests', truth.layout.requests), cell, blank) },
    { kind: 'heading', text: SECTION_HEADINGS[3] },
    { kind: 'table', piece: appealsTable(cell, blank) },
    { kind: 'heading', text: SECTION_HEADINGS[4] },
    { kind: 'paragraph', text: '政务公开工作仍存在信息发布不够及时、政策解读形式较为单一等问题。下一步将加强培训，完善信息发布审核机制，提升政务公开质量。' },
    { kind: 'heading', text: SECTION_HEADINGS[5] },
    { kind: 'paragraph', text: `${truth.year}年度未收取信息处理费。` },
    { kind: 'paragraph', text: `${truth.agency}` },
    { kind: 'paragraph', text: `${truth.year + 1}年1月20日` },
  ];
  return { agency: truth.agency, year: truth.year, blocks, blank, cells: { ...truth.cells } };
}

/** Prose figures that agree with the printed cells (only those the table prints as numbers). */
function overviewProse(year: number, cell: (key: string) => number | null): string {
  const parts = [`${year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开各项工作。`];
  const received = cell('requests.new_received.total');
  const processed = cell('requests.total_processed.total');
  const forward = cell('requests.carried_forward.total');
  if (received !== null) parts.push(`全年共收到政府信息公开申请${received}件。`);
  if (processed !== null) parts.push(`办结政府信息公开申请${processed}件。`);
  if (forward !== null) parts.push(`结转下年度继续办理${forward}件。`);
  const review = cell('appeals.review.total');
  if (review !== null) parts.push(`因政府信息公开工作被申请行政复议${review}件。`);
  return parts.join('');
}

function values(row: RowDef, table: TableId, cell: (key: string) => number | null, blank: string, width: number): DataRow['values'] {
  return row.columns.map((column, i) => {
    const key = cellKey(table, row.id, column.id);
    const last = i === row.columns.length - 1;
    const span = last && row.columns.length < width ? width - row.columns.length + 1 : undefined;
    return { text: printValue(cell(key), column, blank), key, ...(span ? { colspan: span } : {}) };
  });
}

function dataRow(id: string, groups: string[], label: string, vals: DataRow['values']): DataRow {
  return { id, groups, label: [label], valueLine: 0, wrap: 'lines', values: vals };
}

function proactiveTable(layout: TableLayout, cell: (key: string) => number | null, blank: string): TablePiece {
  const width = Math.max(...layout.rows.map((r) => r.columns.length));
  const rows: Row[] = [];
  let item = '';
  for (const row of layout.rows) {
    if (PROACTIVE_ITEM[row.id] !== item) {
      item = PROACTIVE_ITEM[row.id];
      rows.push({ head: [{ text: `第二十条第${item}项`, colspan: width + 1 }] });
      const heads: HeadCell[] = row.columns.map((c, i) => ({
        text: c.label,
        ...(i === row.columns.length - 1 && row.columns.length < width ? { colspan: width - row.columns.length + 1 } : {}),
      }));
      rows.push({ head: [{ text: '信息内容' }, ...heads] });
    }
    rows.push(dataRow(row.id, [], row.own, values(row, 'proactive', cell, blank, width)));
  }
  // The first item's two heading lines are the table's header.
  const header = rows.splice(0, 2).map((r) => ('head' in r ? r.head : []));
  return { table: 'proactive', labelColumns: 1, valueColumns: width, header, rows };
}

function requestsTable(layout: TableLayout, cell: (key: string) => number | null, blank: string): TablePiece {
  const columns = layout.rows[0].columns;
  const outcomeHead = layout.rows.find((r) => r.id === 'granted')?.group ?? '';
  const underOutcome = new Set([...REQUEST_OUTCOME_ROWS(layout).map((r) => r.id), 'total_processed']);
  const header: HeadCell[][] = [
    [{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', colspan: 3, rowspan: 3 }, { text: '申请人情况', colspan: columns.length }],
    [{ text: columns[0].label, rowspan: 2 }, { text: '法人或其他组织', colspan: columns.length - 2 }, { text: columns[columns.length - 1].label, rowspan: 2 }],
    columns.slice(1, -1).map((c) => ({ text: c.label })),
  ];
  const rows = layout.rows.map((row) => {
    const groups = !underOutcome.has(row.id) ? [] : row.group && row.group !== outcomeHead ? [outcomeHead, row.group] : [outcomeHead];
    return dataRow(row.id, groups, row.own, values(row, 'requests', cell, blank, columns.length));
  });
  return { table: 'requests', labelColumns: 3, valueColumns: columns.length, header, rows };
}

/** The litigation groups share a heading: the part of their label before the row's own words. */
export function appealsGroupHeading(row: RowDef): string {
  return row.label.endsWith(row.own) ? row.label.slice(0, row.label.length - row.own.length).trim() : '';
}

function appealsTable(cell: (key: string) => number | null, blank: string): TablePiece {
  const groups = APPEALS_2021.rows;
  const columns = groups[0].columns;
  const litigation = groups.filter((g) => appealsGroupHeading(g));
  const header: HeadCell[][] = [
    [{ text: groups[0].own, colspan: columns.length }, { text: appealsGroupHeading(litigation[0]), colspan: columns.length * litigation.length }],
    [...columns.map((c) => ({ text: c.label, rowspan: 2 })), ...litigation.map((g) => ({ text: g.own, colspan: columns.length }))],
    litigation.flatMap(() => columns.map((c) => ({ text: c.label }))),
  ];
  const vals = groups.flatMap((g) => values(g, 'appeals', cell, blank, columns.length));
  return { table: 'appeals', labelColumns: 0, valueColumns: vals.length, header, rows: [dataRow('', [], '', vals)] };
}
