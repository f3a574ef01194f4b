import type { Axis } from './axis.js';
import { labels } from './labels.js';
import { prose } from './prose.js';
import { markdownConverter } from './markdown-converter.js';
import { rowFaults } from './row-faults.js';
import { separators } from './separators.js';
import { splitTables } from './split-tables.js';
import { wrappedLabels } from './wrapped-labels.js';

const PARTS: Axis[] = [separators, wrappedLabels, splitTables, markdownConverter, rowFaults, labels, prose];

/** Two or three of the other axes at once, as real documents combine them. */
export const combined: Axis = {
  id: 'combined',
  apply(draft, random) {
    const usable = PARTS.filter((a) => !a.formats || a.formats.includes(draft.format));
    for (const axis of random.sample(usable, random.int(2, 3))) {
      draft.notes.push(`+${axis.id}`);
      axis.apply(draft, random.fork(axis.id));
    }
  },
};
