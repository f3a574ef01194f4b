import type { DocumentModel, Message } from '../../extractors/model.js';
import type { LayoutId, TableId } from './ids.js';
import type { z } from 'zod';
import type { CellDetail } from '../schemas/record.js';

export interface MappedTables {
  layout: Record<TableId, LayoutId>;
  cells: Record<string, number | null>;
  details: Record<string, z.infer<typeof CellDetail>>;
  messages: Message[];
}

export function mapTemplates(_doc: DocumentModel): MappedTables {
  return { layout: { proactive: 'none', requests: 'none', appeals: 'none' }, cells: {}, details: {}, messages: [] };
}
