import { isDataRow, tablePieces } from '../model.js';
import type { Random } from '../random.js';
import { superscript } from '../render/marks.js';
import type { Axis, FormatId } from './axis.js';

/**
 * Footnotes in the tables: a mark after some values (80①, 81*, 12※, 5†, 12[1], 2629（注1）, 80¹) and the
 * notes under the table (注：①含上年结转申请…). In the formats a page becomes by LibreOffice or is itself, the
 * mark may be a raised number (80<sup>1</sup>) — a page's <sup>, a raised run in Word. The mark is no part
 * of the figure: the truth is unchanged. Not in the formats read by OCR (a circled 1 read as a digit would be
 * a different figure on the page, not a reading of this one), nor in PDFs for the raised number (its small
 * raised glyph is not told apart from a digit in the text layer). Open in the PDF family (seed 1, December
 * 2026): a value whose mark a narrow cell wraps (2［1 over the row's line, ］ under it) is cut into pieces
 * the readers do not join: blank or in doubt, but for one cell of table 四 in pdftotext (1 silently wrong).
 */
export const footnotes: Axis = {
  id: 'footnotes',
  formats: ['txt', 'md', 'html', 'html-word', 'docx', 'pdf', 'pdf-chrome', 'pdftotext', 'xlsx', 'doc', 'xls', 'csv', 'pdf-turned', 'pdf-reordered', 'ofd'],
  apply(draft, random) {
    const raised = SUPERSCRIPT_FORMATS.includes(draft.format) && random.chance(0.6);
    const marks = raised ? ['sup'] : random.sample(MARKS, random.int(1, 3));
    const share = random.between(0.05, 0.25);
    let marked = 0;
    const blocks: typeof draft.model.blocks = [];
    for (const block of draft.model.blocks) {
      blocks.push(block);
      if (block.kind !== 'table') continue;
      const notes: string[] = [];
      for (const row of block.piece.rows) {
        if (!isDataRow(row)) continue;
        for (const v of row.values) {
          if (!v.key || !/\d$/.test(v.text) || !random.chance(share)) continue;
          const n = notes.length + 1;
          v.text += markText(random.pick(marks), n, random);
          notes.push(`${n}. ${random.pick(NOTE_TEXTS)}`);
          marked++;
        }
      }
      if (notes.length) blocks.push({ kind: 'paragraph', text: `注：${notes.join('；')}。` });
    }
    draft.model.blocks = blocks;
    draft.notes.push(`footnote marks (${marks.join(', ')}) after ${marked} values, notes under their tables`);
  },
};

/** The formats whose raised numbers a reader can tell: pages, and Word files LibreOffice makes of them. */
const SUPERSCRIPT_FORMATS: FormatId[] = ['html', 'html-word', 'docx', 'doc'];

const MARKS = ['circled', 'star', 'reference', 'dagger', 'bracket', 'note', 'superscript-character'] as const;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';
const SUPERSCRIPT = '¹²³⁴⁵⁶⁷⁸⁹';

function markText(kind: string, n: number, random: Random): string {
  const i = (n - 1) % 9;
  switch (kind) {
    case 'sup':
      return superscript(String(n));
    case 'circled':
      return CIRCLED[i]!;
    case 'star':
      return random.pick(['*', '＊', '**']);
    case 'reference':
      return '※';
    case 'dagger':
      return random.pick(['†', '‡']);
    case 'bracket':
      return random.pick([`[${n}]`, `［${n}］`]);
    case 'note':
      return random.pick([`（注${n}）`, `(注${n})`, `注${n}`]);
    default:
      return SUPERSCRIPT[i]!;
  }
}

const NOTE_TEXTS = [
  '含上年结转申请',
  '含同一申请人的重复申请',
  '数据截至12月31日',
  '含部门转办件',
  '按办结日期统计',
];
