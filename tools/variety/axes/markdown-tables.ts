import type { MarkdownTables } from '../model.js';
import type { Axis } from './axis.js';
import { alsoOneOf } from './also.js';
import { labels } from './labels.js';
import { markdownConverter } from './markdown-converter.js';
import { rowFaults } from './row-faults.js';
import { splitTables } from './split-tables.js';
import { wrappedLabels } from './wrapped-labels.js';

/** What else such a conversion shows, one at a time (half of the variants print the tables as they are). */
const WITH: Axis[] = [wrappedLabels, splitTables, markdownConverter, rowFaults, labels];

const STYLES: MarkdownTables[] = ['html-line', 'html-block', 'pipe-repeat'];

/**
 * Markdown tables as other PDF→Markdown converters write them (model.markdownTables): HTML inside the
 * Markdown (MinerU, marker), or pipe tables with merged cells unmerged and their text repeated
 * (Docling); half of the variants with one other axis at once.
 */
export const markdownTables: Axis = {
  id: 'markdown-tables',
  formats: ['md'],
  apply(draft, random) {
    draft.model.markdownTables = STYLES[draft.index % STYLES.length];
    draft.notes.push(`tables written ${draft.model.markdownTables}`);
    alsoOneOf(draft, random, WITH);
  },
};
