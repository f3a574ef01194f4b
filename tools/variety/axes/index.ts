/**
 * Every axis of variation, by id. A new axis is one new file plus one line here, at the end: an axis's
 * place sets the truth its variants start from, so inserting one elsewhere would change the variants
 * every later axis draws (and the cases rebuilt from them).
 */
import type { Axis } from './axis.js';
import { cellLines } from './cell-lines.js';
import { columnSet } from './column-set.js';
import { combined } from './combined.js';
import { damagedHeaders } from './damaged-headers.js';
import { distributed } from './distributed.js';
import { divTables } from './div-tables.js';
import { flattenedTables } from './flattened-tables.js';
import { headings } from './headings.js';
import { invisible } from './invisible.js';
import { footnotes } from './footnotes.js';
import { labels } from './labels.js';
import { legacy } from './legacy.js';
import { markdownConverter } from './markdown-converter.js';
import { markdownTables } from './markdown-tables.js';
import { numbers } from './numbers.js';
import { overprint } from './overprint.js';
import { pdfLayout } from './pdf-layout.js';
import { plain } from './plain.js';
import { prose } from './prose.js';
import { rowFaults } from './row-faults.js';
import { rowSet } from './row-set.js';
import { separators } from './separators.js';
import { splitTables } from './split-tables.js';
import { structures } from './structures.js';
import { titles } from './titles.js';
import { wrappedLabels } from './wrapped-labels.js';

export const AXES: Axis[] = [plain, separators, wrappedLabels, splitTables, markdownConverter, rowFaults, labels, numbers, prose, pdfLayout, structures, combined, headings, markdownTables, overprint, distributed, divTables, damagedHeaders, rowSet, columnSet, flattenedTables, cellLines, invisible, legacy, titles, footnotes];

export type { Axis, Draft, FormatId, LegacyStatRow, LegacyTruth } from './axis.js';
