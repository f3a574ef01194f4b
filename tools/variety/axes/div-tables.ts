import type { Axis } from './axis.js';
import { alsoOneOf } from './also.js';
import { headings } from './headings.js';
import { labels } from './labels.js';
import { numbers } from './numbers.js';
import { rowFaults } from './row-faults.js';
import { splitTables } from './split-tables.js';
import { wrappedLabels } from './wrapped-labels.js';

/** What else such a page shows, one at a time (half of the variants print the tables as they are). */
const WITH: Axis[] = [wrappedLabels, splitTables, rowFaults, labels, numbers, headings];

/**
 * Tables laid out with <div>s instead of <table> (CSS display:table-row/table-cell), as some portal
 * templates and front-end frameworks print them: styled by class names in the page's stylesheet or by
 * inline styles; a merged cell printed once, so rows are ragged (model.structure.divs): the page holds no
 * <table> at all. Half of the variants with one other axis.
 */
export const divTables: Axis = {
  id: 'div-tables',
  // Portal pages only. Printed (pdf-chrome), rows of unspanned cells fall out of line with one another —
  // no page a person would publish; a real one emulates its merged cells and prints as any table does.
  formats: ['html'],
  apply(draft, random) {
    const styling = draft.index % 2 === 0 ? 'class' : 'inline';
    draft.model.structure = { ...draft.model.structure, divs: styling };
    draft.notes.push(`tables as <div> rows and cells (${styling === 'class' ? 'styled by class' : 'inline styles'})`);
    alsoOneOf(draft, random, WITH);
  },
};
