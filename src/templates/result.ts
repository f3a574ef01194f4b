import type { z } from 'zod';
import type { Message } from '../../extractors/model.js';
import type { CellDetail } from '../schemas/record.js';
import type { LayoutId, TableId } from './ids.js';

export type CellValues = Record<string, number | null>;
export type CellDetails = Record<string, z.infer<typeof CellDetail>>;

export interface MappedTables {
  layout: Record<TableId, LayoutId>;
  cells: CellValues;
  details: CellDetails;
  messages: Message[];
}

/** What one table mapper found: nothing (layout none), or a layout and its cells. */
export interface TableMapping {
  layout: LayoutId;
  cells: CellValues;
  details: CellDetails;
  messages: Message[];
  /** How well the labels matched, to pick between candidate readings of the same document. */
  score: number;
}

export const NOT_FOUND: TableMapping = { layout: 'none', cells: {}, details: {}, messages: [], score: 0 };
