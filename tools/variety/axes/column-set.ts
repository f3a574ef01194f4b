import { isDataRow, SEPARATORS, tablePieces, type DataRow, type HeadCell, type TablePiece } from '../model.js';
import type { Random } from '../random.js';
import type { Axis, Draft } from './axis.js';

/**
 * Tables whose set of columns is not the template's, as agencies simplify them: table 三's five columns of
 * 法人或其他组织 printed as one (their sum, under that heading), one of the five left out, or its 总计
 * column left out; table 四 without its three 总计 columns. A column that is not printed leaves its cells
 * unprinted (blank is right, never a neighbour's value); the merged column's sums belong to no cell. Each
 * variant takes one kind by its index, the later ones two kinds at once (one per table); text variants
 * also take one of the five separators.
 */
export const columnSet: Axis = {
  id: 'column-set',
  apply(draft, random) {
    const kinds = draft.index < KINDS.length ? [KINDS[draft.index]] : [random.pick(REQUEST_KINDS), 'appeals-no-totals' as const];
    for (const kind of kinds) APPLY[kind](draft, random);
    if (draft.format === 'txt') {
      draft.separator = random.fork('separator').pick(SEPARATORS);
      draft.notes.push(`separator ${draft.separator}`);
    }
  },
};

const REQUEST_KINDS = ['merge-legal', 'omit-legal', 'no-total'] as const;
const KINDS = [...REQUEST_KINDS, 'appeals-no-totals'] as const;
type Kind = (typeof KINDS)[number];

/**
 * Table 三's header for the columns printed: 申请人情况 over them, 法人或其他组织 over the columns of it
 * printed, `total` last when printed.
 */
function requestsHeader(piece: TablePiece, first: string, legal: string[], total?: string): HeadCell[][] {
  const corner = piece.header[0][0];
  const width = 1 + legal.length + (total ? 1 : 0);
  return [
    [{ ...corner, rowspan: 3 }, { text: '申请人情况', colspan: width }],
    [{ text: first, rowspan: 2 }, { text: '法人或其他组织', colspan: legal.length }, ...(total ? [{ text: total, rowspan: 2 }] : [])],
    legal.map((text) => ({ text })),
  ];
}

const requestPieces = (draft: Draft): TablePiece[] => tablePieces(draft.model).filter((p) => p.table === 'requests');
const dataRows = (piece: TablePiece): DataRow[] => piece.rows.filter(isDataRow);

/** Leaves out the value columns at `drop` (indexes into the printed values) of every row; their cells are not printed. */
function dropColumns(draft: Draft, piece: TablePiece, drop: Set<number>): void {
  for (const row of dataRows(piece)) {
    for (const i of drop) {
      const key = row.values[i]?.key;
      if (key) draft.notPrinted.add(key);
    }
    row.values = row.values.filter((_, i) => !drop.has(i));
  }
  piece.valueColumns -= drop.size;
}

/** The labels of table 三's value columns in printed order (the header's last row holds the five of 法人或其他组织). */
function requestColumnLabels(piece: TablePiece): { first: string; legal: string[]; total: string } | undefined {
  if (piece.header.length < 3 || piece.valueColumns !== 7) return undefined;
  const second = piece.header[1];
  return { first: second[0].text, legal: piece.header[2].map((c) => c.text), total: second[second.length - 1].text };
}

const sumText = (values: DataRow['values'], blank: string): string => {
  const counts = values.map((v) => v.text).filter((t) => /^\d+$/.test(t));
  return counts.length ? String(counts.reduce((s, t) => s + Number(t), 0)) : blank;
};

const APPLY: Record<Kind, (draft: Draft, random: Random) => void> = {
  'merge-legal'(draft) {
    for (const piece of requestPieces(draft)) {
      const labels = requestColumnLabels(piece);
      if (!labels) continue;
      for (const row of dataRows(piece)) {
        const legal = row.values.slice(1, 6);
        for (const v of legal) if (v.key) draft.notPrinted.add(v.key);
        row.values = [row.values[0], { text: sumText(legal, draft.model.blank) }, ...row.values.slice(6)];
      }
      piece.valueColumns = 3;
      piece.header = [
        [{ ...piece.header[0][0], rowspan: 2 }, { text: '申请人情况', colspan: 3 }],
        [labels.first, '法人或其他组织', labels.total].map((text) => ({ text })),
      ];
      draft.notes.push('table 三: the five columns of 法人或其他组织 printed as one, their sum');
    }
  },
  'omit-legal'(draft, random) {
    for (const piece of requestPieces(draft)) {
      const labels = requestColumnLabels(piece);
      if (!labels) continue;
      const at = random.int(0, labels.legal.length - 1);
      dropColumns(draft, piece, new Set([1 + at]));
      piece.header = requestsHeader(piece, labels.first, labels.legal.filter((_, i) => i !== at), labels.total);
      draft.notes.push(`table 三: column ${labels.legal[at]} left out`);
    }
  },
  'no-total'(draft) {
    for (const piece of requestPieces(draft)) {
      const labels = requestColumnLabels(piece);
      if (!labels) continue;
      dropColumns(draft, piece, new Set([6]));
      piece.header = requestsHeader(piece, labels.first, labels.legal);
      draft.notes.push('table 三: the 总计 column left out');
    }
  },
  'appeals-no-totals'(draft) {
    for (const piece of tablePieces(draft.model).filter((p) => p.table === 'appeals')) {
      const row = dataRows(piece)[0];
      if (!row || row.values.length !== 15 || piece.header.length !== 3) continue;
      dropColumns(draft, piece, new Set([4, 9, 14]));
      const [top, middle, bottom] = piece.header;
      // The header's column heads lose 总计 in each group; the group spans narrow by one.
      piece.header = [
        top.map((c) => ({ ...c, colspan: (c.colspan ?? 1) - (c.colspan === 5 ? 1 : 2) })),
        [...middle.slice(0, 4), ...middle.slice(5).map((c) => ({ ...c, colspan: (c.colspan ?? 1) - 1 }))],
        bottom.filter((_, i) => i % 5 !== 4),
      ];
      draft.notes.push('table 四: the three 总计 columns left out');
    }
  },
};
