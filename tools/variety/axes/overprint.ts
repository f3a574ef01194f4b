import type { Overprint } from '../model.js';
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

const TARGETS: Overprint['targets'][] = ['tables', 'headings', 'all'];

/**
 * Text drawn twice or more over itself, as word processors embolden a font with no bold face (宋体) and
 * as a text shadow draws: every run of the bold text is in the PDF's text layer again, a fraction of a
 * point aside (model.overprint; Chromium prints a CSS text-shadow so). Headings, the tables' cells, or
 * both; one to three copies; half of the variants with one other axis at once.
 */
export const overprint: Axis = {
  id: 'overprint',
  formats: ['pdf-chrome'],
  apply(draft, random) {
    const targets = TARGETS[draft.index % TARGETS.length];
    const offsets = [random.pick([0.2, 0.3, 0.4, 0.5])];
    const copies = random.int(1, 3);
    const shadows = [`${offsets[0]}px 0 0 currentColor`, `0 ${offsets[0]}px 0 currentColor`, `${offsets[0]}px ${offsets[0]}px 0 currentColor`].slice(0, copies);
    draft.model.overprint = { targets, shadows };
    draft.notes.push(`${targets} drawn ${copies + 1} times over (${offsets[0]} px aside)`);
    alsoOneOf(draft, random, WITH);
  },
};
