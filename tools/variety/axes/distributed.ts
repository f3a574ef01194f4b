import type { Distributed } from '../model.js';
import type { Axis } from './axis.js';
import { alsoOneOf } from './also.js';
import { headings } from './headings.js';
import { labels } from './labels.js';
import { numbers } from './numbers.js';
import { rowFaults } from './row-faults.js';
import { splitTables } from './split-tables.js';
import { wrappedLabels } from './wrapped-labels.js';

/** What else such a document shows, one at a time (half of the variants print the tables as they are). */
const WITH: Axis[] = [wrappedLabels, splitTables, rowFaults, labels, numbers, headings];

const TARGETS: Distributed['targets'][] = ['labels', 'numbers', 'all'];

/**
 * 分散对齐 (distributed alignment) in the tables, as Word and WPS spread a cell's characters across its
 * width (model.distributed): every glyph its own text run in the PDF, gaps between them as wide as the
 * cell allows. The labels (first column), the numbers, or all cells; half of the variants with one
 * other axis at once. Only CSS changes, so the other formats' renders are the plain ones.
 */
export const distributed: Axis = {
  id: 'distributed',
  formats: ['pdf-chrome'],
  apply(draft, random) {
    const targets = TARGETS[draft.index % TARGETS.length];
    draft.model.distributed = { targets };
    draft.notes.push(`${targets} spread across their cells (分散对齐)`);
    alsoOneOf(draft, random, WITH);
  },
};
