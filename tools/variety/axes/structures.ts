import type { TableStructure } from '../model.js';
import type { Random } from '../random.js';
import type { Axis } from './axis.js';

/**
 * Table markup of real portal pages and Word documents the plain rendering does not make: the article
 * inside a one-cell layout table, or each table inside a wrapper table's cell; a 序号 first column; a
 * 备注 last column, empty or with words; <thead>/<th>/<caption>; empty spacer rows; cell text in
 * <p>/<span>/<font> or broken by <br>; &nbsp; in empty cells; numbers in styled spans. Word/DOCX get
 * these through LibreOffice (rowspan/colspan → vMerge/gridSpan). Each variant takes one kind by its
 * index, the later ones two to four kinds at once.
 */
export const structures: Axis = {
  id: 'structures',
  formats: ['html', 'html-word', 'docx', 'doc', 'pdf', 'pdf-chrome', 'ofd'],
  apply(draft, random) {
    const structure: TableStructure = {};
    draft.model.structure = structure;
    const kinds = draft.index < KINDS.length ? [KINDS[draft.index]] : random.sample(KINDS, random.int(2, 4));
    for (const kind of kinds) draft.notes.push(APPLY[kind](structure, random));
  },
};

const KINDS = ['nest', 'serial', 'remarks', 'semantic', 'spacers', 'markup', 'nbsp'] as const;
type Kind = (typeof KINDS)[number];

const APPLY: Record<Kind, (s: TableStructure, random: Random) => string> = {
  nest(s, random) {
    if (random.chance(0.5)) s.nest = true;
    else s.wrapTables = true;
    return s.nest ? 'the article inside a one-cell layout table' : 'each table inside a one-cell wrapper table';
  },
  serial(s) {
    s.serial = true;
    return 'a 序号 first column';
  },
  remarks(s, random) {
    s.remarks = random.pick(['empty', 'text'] as const);
    return `a 备注 last column (${s.remarks})`;
  },
  semantic(s) {
    s.semantic = true;
    return '<thead>/<th>/<caption>';
  },
  spacers(s) {
    s.spacerRows = true;
    return 'empty spacer rows after the header and before each group';
  },
  markup(s, random) {
    s.markup = random.pick(['p', 'span', 'br', 'font'] as const);
    s.numberSpans = random.chance(0.5);
    return `cell text in ${s.markup}${s.numberSpans ? ', numbers in styled spans' : ''}`;
  },
  nbsp(s) {
    s.nbsp = true;
    return '&nbsp; in empty cells and after values';
  },
};
