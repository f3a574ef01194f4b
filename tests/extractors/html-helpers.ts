/** Shared look-ups for the reader tests: corpus files, truth cells, and rows of the template tables. */
import { readFileSync } from 'node:fs';
import type { Block, DocumentModel, TableBlock } from '../../extractors/model.js';

export const CORPUS = new URL('../../../shared/corpus/', import.meta.url);

export function corpusBytes(path: string): Buffer {
  return readFileSync(new URL(path, CORPUS));
}

export interface Truth {
  cells: Record<string, number | null>;
  published?: string;
  publisher?: string;
  source_url?: string;
}

export function truth(path: string): Truth {
  return JSON.parse(readFileSync(new URL(path.replace(/\.(html|docx)$/, '.truth.json'), CORPUS), 'utf8')) as Truth;
}

export function tables(doc: DocumentModel): TableBlock[] {
  return doc.blocks.filter((b): b is TableBlock => b.kind === 'table');
}

const tableText = (t: TableBlock) => t.rows.flat().map((c) => c.text).join(' ');

export const proactiveTable = (doc: DocumentModel) => tables(doc).find((t) => tableText(t).includes('第二十条'))!;
export const requestsTable = (doc: DocumentModel) => tables(doc).find((t) => tableText(t).includes('申请人情况'))!;
export const appealsTable = (doc: DocumentModel) => tables(doc).find((t) => tableText(t).includes('行政复议') && tableText(t).includes('未经复议'))!;

/** The first row whose cells before the last `valueCount` include one containing `label`. */
export function rowByLabel(table: TableBlock, label: string, valueCount: number): string[] {
  const row = table.rows.find((r) => r.slice(0, r.length - valueCount).some((c) => c.text.includes(label)));
  if (!row) throw new Error(`no row labelled ${label}`);
  return row.map((c) => c.text);
}

/** Requests rows the tests check, by template row id → a label fragment unique within the table. */
export const REQUEST_ROW_LABELS: Record<string, string> = {
  new_received: '本年新收',
  carried_over: '上年结转',
  granted: '予以公开',
  partially_granted: '部分公开',
  denied_state_secret: '属于国家秘密',
  denied_internal_affairs: '三类内部事务',
  denied_admin_query: '行政查询事项',
  unavailable_not_held: '本机关不掌握',
  rejected_duplicate: '重复申请',
  other_no_correction: '逾期不补正',
  total_processed: '（七）总计',
  carried_forward: '结转下年度',
};
export const REQUEST_COLUMNS = ['natural_person', 'commercial', 'research', 'nonprofit', 'legal_services', 'other_legal_person', 'total'];
export const APPEAL_CELLS = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((g) =>
  ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `appeals.${g}.${c}`),
);

/** Truth value → the text a cell should hold (null means a blank cell). */
export const cellText = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function allText(blocks: Block[]): string {
  return blocks.map((b) => (b.kind === 'table' ? b.rows.flat().map((c) => c.text).join(' ') : b.text)).join('\n');
}
