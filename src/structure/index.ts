/**
 * From the document model to what the report says about itself: the heading tree, metadata (agency,
 * year covered, publication date), figures stated in prose and pre-2019 statistics tables.
 */
import type { DocumentModel, Message } from '../../extractors/model.js';
import type { Section } from '../schemas/record.js';
import { z } from 'zod';
import { LegacyStat, ProseFigure } from '../schemas/record.js';

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

export function analyseStructure(doc: DocumentModel): Structure {
  return { title: doc.meta.title, sections: [], prose: {}, legacyStats: [], messages: [] };
}
