/**
 * From the document model to what the report says about itself: the heading tree, metadata (agency,
 * year covered, publication date), figures stated in prose and pre-2019 statistics tables.
 */
import type { DocumentModel, Message, TableBlock } from '../../extractors/model.js';
import type { Section } from '../schemas/record.js';
import { z } from 'zod';
import { LegacyStat, ProseFigure } from '../schemas/record.js';
import { buildSections } from './headings.js';
import { findLegacyStats } from './legacy.js';
import { findLegacyLines } from './legacy-lines.js';
import { analyseMetadata } from './metadata.js';
import { findProseFigures } from './prose.js';
import { startDocumentTexts } from './text.js';

export { normaliseAgency } from './agency.js';

export interface Structure {
  title?: string;
  agency?: string;
  year?: number;
  published?: string;
  publisher?: string;
  sections: Section[];
  /** Named figures stated in the text, keyed by the cell key they correspond to where one exists. */
  prose: Record<string, z.infer<typeof ProseFigure>>;
  legacyStats: z.infer<typeof LegacyStat>[];
  legacyStatsCumulative?: z.infer<typeof LegacyStat>[];
  messages: Message[];
}

/** The first year reported on the national template (reports on 2019, published in 2020). */
const FIRST_TEMPLATE_YEAR = 2019;

/** Formats whose text blocks are wrapped lines of a page rather than paragraphs. */
const WRAPPED_LINE_FORMATS = new Set(['pdf']);

/**
 * `templateTables`: whether the report prints a template table (the mapping step's finding). Only a report
 * known to print none, of a year before 2019, may have a statistics table with no unit column read (its
 * shape is a modern report's platform table's too: 项目 | 数量, 政府网站发布信息（条）).
 */
export function analyseStructure(doc: DocumentModel, options: { templateTables?: boolean } = {}): Structure {
  startDocumentTexts();
  const meta = analyseMetadata(doc);
  const wrappedLines = WRAPPED_LINE_FORMATS.has(doc.format);
  const tables = doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
  const beforeTemplate = options.templateTables === false && meta.year !== undefined && meta.year < FIRST_TEMPLATE_YEAR;
  const table = findLegacyStats(tables, { unitless: beforeTemplate });
  // No statistics table: a report of before 2019 may print its figures as lines (指标：数值).
  const lines = !table && beforeTemplate ? findLegacyLines(doc.blocks) : undefined;
  const legacy = table ?? (lines ? { year: lines } : undefined);
  return {
    title: meta.title,
    agency: meta.agency,
    year: meta.year,
    published: meta.published,
    publisher: meta.publisher,
    sections: withoutSignature(buildSections(doc.blocks, { wrappedLines }), meta.signatureLines),
    prose: findProseFigures(doc.blocks, wrappedLines, meta.year),
    legacyStats: legacy?.year ?? [],
    ...(legacy?.cumulative ? { legacyStatsCumulative: legacy.cumulative } : {}),
    messages: meta.messages,
  };
}

/** The closing agency and date lines belong to the report, not to its last section. */
function withoutSignature(sections: Section[], signatureLines: string[]): Section[] {
  const last = sections[sections.length - 1];
  if (!last || !signatureLines.length) return sections;
  const lines = last.text.split('\n');
  while (lines.length && signatureLines.includes(lines[lines.length - 1]!.trim())) lines.pop();
  last.text = lines.join('\n');
  return sections;
}
