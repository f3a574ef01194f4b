/**
 * Cutting one printed table into several: by 第二十条 item (table 二), by group (table 四), or at
 * row boundaries (table 三). Shared by the axes that print tables in pieces.
 */
import type { TableId } from '../../../src/templates/ids.js';
import { APPEALS_2021 } from '../../../src/templates/ids.js';
import { appealsGroupHeading } from '../build.js';
import { isDataRow, type Block, type DataRow, type ReportModel, type Row, type TablePiece } from '../model.js';

/** Replaces the table block of `table` by `blocks`. */
export function replaceTable(model: ReportModel, table: TableId, blocks: (piece: TablePiece) => Block[]): void {
  const at = model.blocks.findIndex((b) => b.kind === 'table' && b.piece.table === table);
  if (at === -1) return;
  const block = model.blocks[at];
  if (block.kind !== 'table') return;
  model.blocks.splice(at, 1, ...blocks(block.piece));
}

/** Table 二 as one small table per 第二十条 item, each with its item heading and column header. */
export function proactiveByItem(piece: TablePiece, itemAsCaption: boolean): TablePiece[] {
  const all: Row[] = [...piece.header.map((head) => ({ head })), ...piece.rows];
  const pieces: TablePiece[] = [];
  for (let i = 0; i < all.length; i++) {
    const row = all[i];
    if (isDataRow(row)) {
      pieces[pieces.length - 1].rows.push(row);
      continue;
    }
    const item = row;
    const columnsHead = all[i + 1];
    if (!columnsHead || isDataRow(columnsHead)) continue;
    i++;
    const width = columnsHead.head.reduce((s, c) => s + (c.colspan ?? 1), 0);
    pieces.push({
      ...piece,
      header: itemAsCaption ? [columnsHead.head] : [item.head, columnsHead.head],
      caption: itemAsCaption ? item.head[0].text : undefined,
      valueColumns: width - 1,
      rows: [],
    });
  }
  return pieces;
}

/**
 * Whether a piece of table 四 holds one group only: the table already cut by another axis (a combined
 * variant splits it and converts it to Markdown). Cut again, it would print the groups it does not hold
 * as tables of empty rows beside the pieces that do hold them.
 */
function oneGroupOnly(row: DataRow): boolean {
  const groups = new Set(row.values.flatMap((v) => (v.key?.startsWith('appeals.') ? [v.key.split('.')[1]] : [])));
  return groups.size === 1;
}

/**
 * Table 四 as one 5-column table per group (行政复议, 未经复议直接起诉, 复议后起诉). A piece already cut to
 * some of the groups (another axis split table 四 first: replaceTable hands over its first piece only)
 * is cut into those groups alone: a group whose values stand in another piece is printed there, never
 * again here as a table with an empty row.
 */
export function appealsByGroup(piece: TablePiece, withGroupHeading: boolean): TablePiece[] {
  const row = piece.rows.find(isDataRow);
  if (!row || oneGroupOnly(row)) return [piece];
  const columns = APPEALS_2021.rows[0].columns;
  return APPEALS_2021.rows.flatMap((group, g) => {
    const name = [appealsGroupHeading(group), group.own].filter(Boolean).join(' ');
    const keyed = row.values.filter((v) => v.key?.startsWith(`appeals.${group.id}.`) ?? false);
    // Values without keys (a row the generator built by position) are cut by position.
    const values = row.values.some((v) => v.key?.startsWith('appeals.')) ? keyed : row.values.slice(g * columns.length, (g + 1) * columns.length);
    if (!values.length) return [];
    const header = [...(withGroupHeading ? [[{ text: name, colspan: columns.length }]] : []), columns.map((c) => ({ text: c.label }))];
    const data: DataRow = { ...row, values };
    return [{ ...piece, header, rows: [data], valueColumns: columns.length, caption: withGroupHeading ? undefined : name }];
  });
}

/** Table 四 as 行政复议 and 行政诉讼 side tables. */
export function appealsReviewAndLitigation(piece: TablePiece): TablePiece[] {
  const row = piece.rows.find(isDataRow);
  if (!row || oneGroupOnly(row)) return [piece];
  const columns = APPEALS_2021.rows[0].columns;
  const [review, ...litigation] = APPEALS_2021.rows;
  const reviewValues = row.values.filter((v) => v.key?.startsWith(`appeals.${review.id}.`));
  const litigationValues = row.values.filter((v) => !reviewValues.includes(v));
  // A piece already cut to one group (see appealsByGroup) is left as it is: no side table of no values.
  if (!reviewValues.length || !litigationValues.length) return [piece];
  return [
    { ...piece, header: [[{ text: review.own, colspan: columns.length }], columns.map((c) => ({ text: c.label }))], rows: [{ ...row, values: reviewValues }], valueColumns: columns.length },
    {
      ...piece,
      header: [
        [{ text: appealsGroupHeading(litigation[0]), colspan: columns.length * litigation.length }],
        litigation.map((g) => ({ text: g.own, colspan: columns.length })),
        litigation.flatMap(() => columns.map((c) => ({ text: c.label }))),
      ],
      rows: [{ ...row, values: litigationValues }],
      valueColumns: columns.length * litigation.length,
    },
  ];
}

/** Table 三 cut before the given data-row indices; later pieces repeat the header or not. */
export function splitRows(piece: TablePiece, cuts: number[], repeatHeader: boolean): TablePiece[] {
  const sorted = [...new Set(cuts)].filter((c) => c > 0 && c < piece.rows.length).sort((a, b) => a - b);
  const bounds = [0, ...sorted, piece.rows.length];
  return bounds.slice(0, -1).map((start, i) => ({
    ...piece,
    header: i === 0 || repeatHeader ? piece.header : [],
    rows: piece.rows.slice(start, bounds[i + 1]),
  }));
}

export const tableBlocks = (pieces: TablePiece[]): Block[] => pieces.map((piece) => ({ kind: 'table', piece }));

/** Pieces with a page break (and its footer line) between each two. */
export function withBreaks(pieces: TablePiece[]): Block[] {
  return pieces.flatMap((piece, i) => [...(i ? [{ kind: 'break', footer: '— {n} —' } as Block] : []), { kind: 'table', piece } as Block]);
}
