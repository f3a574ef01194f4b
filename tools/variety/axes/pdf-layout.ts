import { isDataRow, tablePieces, type Block, type DataRow, type PageLook, type TablePiece } from '../model.js';
import type { Random } from '../random.js';
import type { Axis, Draft } from './axis.js';
import { replaceTable } from './pieces.js';

/**
 * Page layouts of real PDF exports (Word, WPS) the plain rendering does not make: tables without any
 * rulings or with only the three rules of a 三线表; a running page header and footer (the report's
 * title, 第 3 页 共 8 页, — 5 —) with table 三's header repeated on every page and one of its rows cut
 * by the page break, its label lines on both pages; a page number line printed inside the table area;
 * label columns so narrow that every long label wraps over two or three lines with the values on the
 * middle one; a watermark (公开) or a seal's words laid over a table. Each variant takes one kind by
 * its index, the later ones two or three kinds at once.
 */
export const pdfLayout: Axis = {
  id: 'pdf-layout',
  formats: ['pdf', 'pdftotext', 'ofd'],
  apply(draft, random) {
    const look: PageLook = {};
    draft.model.look = look;
    const kinds = draft.index < KINDS.length ? [KINDS[draft.index]] : random.sample(KINDS, random.int(2, 3));
    for (const kind of kinds) APPLY[kind](draft, look, random);
  },
};

const KINDS = ['borderless', 'three-line', 'row-cut', 'narrow-labels', 'overlay'] as const;
type Kind = (typeof KINDS)[number];

const APPLY: Record<Kind, (draft: Draft, look: PageLook, random: Random) => void> = {
  borderless(draft, look) {
    look.rules = 'none';
    draft.notes.push('tables without rulings');
  },
  'three-line'(draft, look) {
    look.rules = 'three-line';
    draft.notes.push('three-line tables (rules above and under the header, under the last row)');
  },
  'row-cut'(draft, look, random) {
    chrome(draft, look, random);
    look.repeatHeader = random.chance(0.7);
    const cut = cutRow(draft, random);
    if (cut) draft.notes.push(`${cut}${look.repeatHeader ? ', header repeated on the next page' : ''}`);
    if (look.rules && random.chance(0.6)) {
      const line = pageNumberRow(draft, random);
      if (line) draft.notes.push(line);
    }
  },
  'narrow-labels'(draft, look, random) {
    look.labelWidth = random.pick([9, 12, 15]);
    if (!look.rules && random.chance(0.5)) look.rules = 'three-line';
    draft.notes.push(`label columns ${look.labelWidth}% wide${look.rules ? `, ${look.rules} rules` : ''}`);
  },
  overlay(draft, look, random) {
    const seal = random.chance(0.5);
    const table = random.pick(['proactive', 'requests', 'appeals'] as const);
    look.overlay = seal
      ? { table, lines: [`${draft.model.agency}`, '政务公开专用章'], size: random.pick([12, 14, 16]), left: random.int(150, 380), top: random.int(-40, 120) }
      : { table, lines: [random.pick(['公开', '主动公开', '依申请公开'])], size: random.pick([48, 60, 72]), left: random.int(120, 320), top: random.int(0, 160) };
    draft.notes.push(`${seal ? "a seal's words" : 'a watermark'} (${look.overlay.lines.join(' ')}) over table ${table}`);
  },
};

/** A running header and footer as Word exports print them (LibreOffice: on odd pages). */
function chrome(draft: Draft, look: PageLook, random: Random): void {
  look.pageHeader = random.chance(0.6) ? `${draft.model.agency}${draft.model.year}年政府信息公开工作年度报告` : undefined;
  look.pageFooter = random.pick(['第 {page} 页 共 {pages} 页', '— {page} —', '- {page} -', '{page}']);
  draft.notes.push(`page header ${look.pageHeader ? 'and ' : ''}footer ${look.pageFooter}`);
}

/**
 * Table 三 broken over two pages inside one row: the row's label printed as 2–3 lines (one table row
 * each, as a tall row is split), some lines at the foot of one page and the rest at the top of the
 * next, the values on one of them; a page break between (with the page's footer and header).
 */
function cutRow(draft: Draft, random: Random): string | undefined {
  let note: string | undefined;
  replaceTable(draft.model, 'requests', (piece) => {
    const candidates = piece.rows.map((r, i) => [r, i] as const).filter(([r, i]) => i > 2 && i < piece.rows.length - 1 && isDataRow(r) && r.label.length === 1 && r.label[0].length >= 4);
    if (!candidates.length) return [{ kind: 'table', piece }];
    const [picked, at] = random.pick(candidates);
    const row = picked as DataRow;
    const text = row.label[0];
    const parts = text.length >= 8 ? random.int(2, 3) : 2;
    const size = Math.ceil(text.length / parts);
    const lines = Array.from({ length: parts }, (_, i) => text.slice(i * size, (i + 1) * size)).filter(Boolean);
    const valueLine = random.int(0, lines.length - 1);
    const before = random.int(1, lines.length - 1);
    // Each part a row of its own whose label lines are table rows; only the value line's row has values.
    const first: DataRow = { ...row, label: lines.slice(0, before), wrap: 'cells', valueLine: valueLine < before ? valueLine : -1 };
    const second: DataRow = { ...row, label: lines.slice(before), wrap: 'cells', valueLine: valueLine >= before ? valueLine - before : -1 };
    const head: TablePiece = { ...piece, rows: [...piece.rows.slice(0, at), first] };
    const tail: TablePiece = { ...piece, header: draft.model.look?.repeatHeader ? piece.header : [], rows: [second, ...piece.rows.slice(at + 1)] };
    note = `table 三 cut by a page break inside row ${row.id} (${lines.join(' / ')}; values on line ${valueLine + 1}, ${before} line(s) before the break)`;
    const blocks: Block[] = [{ kind: 'table', piece: head }, { kind: 'break', footer: '— {n} —' }, { kind: 'table', piece: tail }];
    return blocks;
  });
  return note;
}

/** A page number line (第 2 页, — 2 —) printed inside a table's area between two rows, as a footer overlapping a long table. */
function pageNumberRow(draft: Draft, random: Random): string | undefined {
  const pieces = tablePieces(draft.model).filter((p) => p.table === 'requests' && p.rows.length > 6);
  if (!pieces.length) return undefined;
  const piece = random.pick(pieces);
  const width = piece.labelColumns + piece.valueColumns;
  const at = random.int(3, piece.rows.length - 2);
  const text = random.pick(['第 2 页 共 6 页', '— 3 —', '- 4 -']);
  piece.rows.splice(at, 0, { head: [{ text, colspan: width }] });
  return `page number line ${text} inside table 三 before its row ${at + 1}`;
}
