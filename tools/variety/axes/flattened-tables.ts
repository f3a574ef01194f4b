import { SEPARATORS, type FlattenedTables } from '../model.js';
import type { Axis } from './axis.js';

/**
 * Tables printed as text in a web page or a Word document (model.flattened): a CMS that lost the <table>,
 * or an author who typed the table, leaves each row a line of text — a paragraph each, lines broken by
 * <br>, or a <pre> block — its cells apart by spaces, tabs (&nbsp; runs outside <pre>), pipes, or run
 * together. A cell per line is drawn only in <pre>, whose blank lines still part the rows. The variants
 * take the three markups in turn. No cell changes: the reader must find the tables in the text.
 */
export const flattenedTables: Axis = {
  id: 'flattened-tables',
  formats: ['html', 'html-word', 'docx'],
  apply(draft, random) {
    const markup = MARKUPS[draft.index % MARKUPS.length];
    const separator = random.pick(markup === 'pre' ? SEPARATORS : SEPARATORS.filter((s) => s !== 'lines'));
    draft.model.flattened = { markup, separator };
    // Glued tables lose what the identities cannot give back, as in crawler text (glued-ambiguity.ts).
    draft.separator = separator;
    draft.notes.push(`tables printed as text: ${markup}, cells by ${separator}`);
  },
};

const MARKUPS: FlattenedTables['markup'][] = ['p', 'br', 'pre'];
