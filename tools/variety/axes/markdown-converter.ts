import { isDataRow, type Block, type TablePiece } from '../model.js';
import type { Axis } from './axis.js';
import { appealsByGroup, replaceTable } from './pieces.js';

/**
 * What PDF→Markdown converters make of the tables: table 三 as one pipe table per row block under
 * placeholder headers (数据1 … 数据6 | 总计), empty placeholder tables of '-', the last rows under a
 * header copied from another table, table 四 as three separate 5-column tables.
 */
export const markdownConverter: Axis = {
  id: 'markdown-converter',
  formats: ['md'],
  apply(draft, random) {
    const placeholders = random.chance(0.8);
    const dashTables = random.chance(0.6);
    const copiedHeader = random.chance(0.6);
    let copied: string[] = [];
    const proactive = draft.model.blocks.find((b) => b.kind === 'table' && b.piece.table === 'proactive');
    if (proactive && proactive.kind === 'table') copied = proactive.piece.header.at(-1)?.map((c) => c.text) ?? [];
    replaceTable(draft.model, 'requests', (piece) => {
      const blocks = rowBlocks(piece);
      const out: Block[] = [];
      blocks.forEach((rows, i) => {
        const width = piece.labelColumns + piece.valueColumns;
        const header = placeholders ? placeholderHeader(piece) : undefined;
        const last = i === blocks.length - 1;
        const part: TablePiece = {
          ...piece,
          rows,
          header: i === 0 && !placeholders ? piece.header : [],
          markdownHeader: last && copiedHeader && copied.length ? [...copied, ...Array(Math.max(0, width - copied.length)).fill('')] : header,
        };
        if (i === 0 && placeholders) out.push({ kind: 'table', piece: { ...piece, rows: [] } });
        out.push({ kind: 'table', piece: part });
        if (dashTables && random.chance(0.35)) out.push({ kind: 'dash-table', columns: random.int(2, 4), rows: random.int(1, 3) });
      });
      return out;
    });
    replaceTable(draft.model, 'appeals', (piece) => appealsByGroup(piece, false).map((p) => ({ kind: 'table', piece: p }) as Block));
    draft.notes.push(
      `table 三 one pipe table per row block${placeholders ? ', placeholder headers' : ''}${dashTables ? ', dash tables' : ''}${copiedHeader ? ', last block under a copied header' : ''}; table 四 as three 5-column tables`,
    );
  },
};

/** The template's row blocks: 一/二, 三（一）（二）, then each of （三）…（六）, then （七）总计 and 四. */
function rowBlocks(piece: TablePiece): TablePiece['rows'][] {
  const blocks: TablePiece['rows'][] = [];
  let key = '';
  for (const row of piece.rows) {
    const k = !isDataRow(row) ? key : row.id === 'total_processed' || row.id === 'carried_forward' ? 'end' : row.groups.length === 0 ? 'head' : (row.groups[1] ?? row.groups[0]);
    if (k !== key || blocks.length === 0) blocks.push([]);
    key = k;
    blocks[blocks.length - 1].push(row);
  }
  return blocks;
}

function placeholderHeader(piece: TablePiece): string[] {
  const labels = Array.from({ length: piece.labelColumns }, (_, i) => (i === 0 ? '项目' : ''));
  const data = Array.from({ length: piece.valueColumns - 1 }, (_, i) => `数据${i + 1}`);
  return [...labels, ...data, '总计'];
}
