import type { Axis } from './axis.js';
import { labels } from './labels.js';
import { markdownConverter } from './markdown-converter.js';
import { rowFaults } from './row-faults.js';
import { splitTables } from './split-tables.js';
import { wrappedLabels } from './wrapped-labels.js';

/** What else such a conversion shows, one at a time (half of the variants print the tables as they are). */
const WITH: Axis[] = [wrappedLabels, splitTables, markdownConverter, rowFaults, labels];

/**
 * Markdown whose tables are HTML, as PDF→Markdown converters write them (MinerU: each table on one
 * line in <html><body>, spans kept, a cell's lines run together; marker and others: a <table> block,
 * one row a line, <br> inside cells); half of the variants with one other axis at once.
 */
export const markdownHtml: Axis = {
  id: 'markdown-html',
  formats: ['md'],
  apply(draft, random) {
    draft.model.markdownTables = draft.index % 2 === 0 ? 'html-line' : 'html-block';
    draft.notes.push(`tables as HTML in the Markdown (${draft.model.markdownTables})`);
    if (random.chance(0.5)) {
      const axis = random.pick(WITH);
      draft.notes.push(`+${axis.id}`);
      axis.apply(draft, random.fork(axis.id));
    }
  },
};
