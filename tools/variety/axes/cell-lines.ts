import type { Axis } from './axis.js';

/**
 * Crawler text whose tables print every cell on a line of its own (a page's strings joined by line
 * breaks, as BeautifulSoup's get_text('\n') leaves them): rows not parted, or a blank line after each.
 * The variants take the two in turn. No cell changes: the reader must tell a row by its label.
 */
export const cellLines: Axis = {
  id: 'cell-lines',
  formats: ['txt'],
  apply(draft) {
    draft.separator = draft.index % 2 === 0 ? 'cell-lines' : 'cell-lines-parted';
    draft.notes.push(`separator ${draft.separator}`);
  },
};
