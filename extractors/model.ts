/**
 * The one document model every reader produces. Readers know nothing about templates or outputs;
 * everything downstream (structure, mapping, checks) reads only this.
 */
import type { ReaderFailureCode } from './failure-codes.js';
import { MESSAGE_CODE_LIST } from './message-codes.js';
import { z } from 'zod';

/** Where a piece of text came from: page (1-based, PDF) and box in PDF user space (x0, y0, x1, y1; origin bottom-left). */
export const Provenance = z.object({
  page: z.number().int().positive().optional(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  /** How the text was obtained: the file's own text layer, or OCR of a rendered page. */
  origin: z.enum(['text', 'ocr']).optional(),
  /** OCR confidence, 0..100, when origin is 'ocr'. */
  confidence: z.number().optional(),
  /** The picture the text was read from, when it was one inside the document (a DOCX media part); bbox is then in it. */
  image: z.string().optional(),
  /** Where a table cell stood in the document as read: index among its tables, row and column (0-based). */
  table: z.number().int().nonnegative().optional(),
  row: z.number().int().nonnegative().optional(),
  col: z.number().int().nonnegative().optional(),
});
export type Provenance = z.infer<typeof Provenance>;

export const TableCell = z.object({
  text: z.string(),
  /**
   * True when this grid position is covered by a cell that starts elsewhere (rowspan/colspan expanded):
   * the text is repeated from the origin cell so labels stay visible on every row, but a value here must
   * not be counted twice.
   */
  spanned: z.boolean().optional(),
  /**
   * Set when the reader knows the text may not be what the source means (a kebab-case code, e.g.
   * `formula-without-value`: a spreadsheet formula saved without its computed value, so the text is
   * empty). Carried to the record's cell_details[key].doubt.
   */
  doubt: z.string().optional(),
  /**
   * True when the source printed no cell here: a ragged text row padded to the grid's width. Unlike an
   * empty cell (a printed blank), an absent one says nothing about its column.
   */
  absent: z.boolean().optional(),
  prov: Provenance.optional(),
});
export type TableCell = z.infer<typeof TableCell>;

export const HeadingBlock = z.object({
  kind: z.literal('heading'),
  text: z.string(),
  /** Level as the source states it (h1..h6, Word heading style); the heading tree is rebuilt from numbering in src/. */
  level: z.number().int().min(1).max(9).optional(),
  prov: Provenance.optional(),
});
export const ParagraphBlock = z.object({
  kind: z.literal('paragraph'),
  text: z.string(),
  prov: Provenance.optional(),
});
export const TableBlock = z.object({
  kind: z.literal('table'),
  /** Dense grid: every row has the same length; merged cells expanded (see TableCell.spanned). */
  rows: z.array(z.array(TableCell)),
  /**
   * True when the reader could not recover cell boundaries and each row holds one cell with the row's
   * whole text (cells glued together): the template mapper then splits it by the template's identities.
   */
  glued: z.boolean().optional(),
  prov: Provenance.optional(),
});
export const Block = z.discriminatedUnion('kind', [HeadingBlock, ParagraphBlock, TableBlock]);
export type HeadingBlock = z.infer<typeof HeadingBlock>;
export type ParagraphBlock = z.infer<typeof ParagraphBlock>;
export type TableBlock = z.infer<typeof TableBlock>;
export type Block = z.infer<typeof Block>;

/** A note met while reading or checking: `code` is one of MESSAGE_CODES (extractors/message-codes.ts). */
export const Message = z.object({ code: z.enum(MESSAGE_CODE_LIST), message: z.string() });
export type Message = z.infer<typeof Message>;

export const Format = z.enum(['html', 'docx', 'pdf', 'txt', 'doc', 'wps', 'xlsx', 'xls', 'ofd', 'image', 'unknown']);
export type Format = z.infer<typeof Format>;

export const DocumentModel = z.object({
  format: Format,
  blocks: z.array(Block),
  /** Facts the container states outside the body: HTML <title>/meta, portal 发布时间/来源 fields, crawler headers, PDF info. */
  meta: z
    .object({
      title: z.string().optional(),
      published: z.string().optional(),
      publisher: z.string().optional(),
      sourceUrl: z.string().optional(),
      pageCount: z.number().int().optional(),
    })
    .default({}),
  /** Recoverable problems met while reading (stable kebab-case codes). */
  messages: z.array(Message).default([]),
});
export type DocumentModel = z.infer<typeof DocumentModel>;

/** Thrown by a reader for input it cannot use at all; `code` becomes part of the failed record's error. */
export class UnreadableDocumentError extends Error {
  constructor(
    readonly code: ReaderFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableDocumentError';
  }
}

export function cell(text: string, extra: Omit<TableCell, 'text'> = {}): TableCell {
  return { text, ...extra };
}
