/**
 * The records nianbao writes: the single source of truth for reports.ndjson and every CSV
 * (../shared/spec/outputs.md). Writers serialise these; nothing writes a field not declared here.
 */
import { FAILURE_CODES } from './failure-codes.js';
import { z } from 'zod';
import { Message } from '../../extractors/model.js';

export const Status = z.enum(['ok', 'partial', 'failed']);
export type Status = z.infer<typeof Status>;

export const Layout = z.enum(['2021', '2019', 'none']);

/**
 * Whether a finding rests on cells read with certainty (`printed`: the report itself is inconsistent)
 * or on at least one cell whose reading is in doubt (`doubtful`: the failure may be ours).
 */
export const Basis = z.enum(['printed', 'doubtful']);
export type Basis = z.infer<typeof Basis>;

export const Finding = z.object({
  /** A rule id of the spec (requests.balance, appeals.group_total, …). */
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  /** The cell keys the identity concerns. */
  cells: z.array(z.string()),
  /** The column, row or group id the identity is about (truth files call it `where`). */
  where: z.string().optional(),
  /** What the identity computes from the other cells (for a total: the sum of its parts). */
  expected: z.number().nullable(),
  /** What the report prints in the checked cell (for a total: the declared total). */
  actual: z.number().nullable(),
  /** For an identity: the sum of the parts (left side as the spec states it). */
  left: z.number().nullable().optional(),
  /** For an identity: the declared total (right side). */
  right: z.number().nullable().optional(),
  message: z.string(),
  basis: Basis,
});
export type Finding = z.infer<typeof Finding>;

export const CellProvenance = z.object({
  page: z.number().int().optional(),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  origin: z.enum(['text', 'ocr']).optional(),
  confidence: z.number().optional(),
  /** The picture inside the document the value was read from by OCR (a DOCX media part). */
  image: z.string().optional(),
  /** The table (index among the document's tables as read), row and column the value stood in, 0-based. */
  table: z.number().int().optional(),
  row: z.number().int().optional(),
  col: z.number().int().optional(),
});

export const CellDetail = z.object({
  /** The text as printed, before normalisation (e.g. '251000元', '+2', '／'). */
  raw: z.string(),
  prov: CellProvenance.optional(),
  /** How the value was obtained when not read directly: 'glued-recovered' for a solved glued row. */
  via: z.string().optional(),
  /**
   * Null when the reading is certain; otherwise a kebab-case code saying why it is not (see
   * src/templates/doubt.ts). A null value with a doubt was not read; a number with a doubt may be wrong.
   */
  doubt: z.string().nullable().default(null),
});

export const Section = z.object({
  level: z.number().int(),
  number: z.string(),
  title: z.string(),
  text: z.string(),
  /** The template section this heading is (overview, proactive, …) when recognised. */
  id: z.string().optional(),
});
export type Section = z.infer<typeof Section>;

/** `origin: 'ocr'`: the sentence was read by OCR, so its figure is a reading in doubt (findings on it are doubtful). */
export const ProseFigure = z.object({ value: z.number(), sentence: z.string(), origin: z.literal('ocr').optional() });

/** `doubt`: why the value is not certain (a doubt code of src/templates/doubt.ts; absent when certain): read by OCR, which no identity of a generic table can confirm. */
export const LegacyStat = z.object({ indicator: z.string(), unit: z.string(), value: z.number().nullable(), doubt: z.string().optional() });

export const ReportRecord = z.object({
  report_id: z.string(),
  source: z.string(),
  /** sha256 of the input bytes, whole. */
  sha256: z.string(),
  format: z.string(),
  status: Status,
  error: z.string().optional(),
  /** For failed: why, as a stable code (src/schemas/failure-codes.ts; one line each in the README). */
  error_code: z.enum(FAILURE_CODES).optional(),
  /** The `source` of the first input of the run with the same bytes (one record per input, always). */
  duplicate_of: z.string().optional(),
  title: z.string().optional(),
  agency: z.string().optional(),
  year: z.number().int().optional(),
  published: z.string().optional(),
  /** The body the portal or crawl names as publisher (发布机构/来源), when stated outside the report. */
  publisher: z.string().optional(),
  source_url: z.string().optional(),
  /** For a crawled attachment: the report page that links to it (the same report, cross-checked). */
  parent_url: z.string().optional(),
  layout: z.object({ proactive: Layout, requests: Layout, appeals: Layout }),
  cells: z.record(z.string(), z.number().nullable()),
  cell_details: z.record(z.string(), CellDetail).default({}),
  findings: z.array(Finding),
  sections: z.array(Section),
  prose: z.record(z.string(), ProseFigure),
  legacy_stats: z.array(LegacyStat),
  legacy_stats_cumulative: z.array(LegacyStat).optional(),
  messages: z.array(Message),
});
export type ReportRecord = z.infer<typeof ReportRecord>;

/**
 * A record checked against its schema as the pipeline makes it. A record that fails is nianbao's own bug
 * (a reader let through a value the schema refuses, such as Infinity): the error names the fields in one
 * line, which is what the document's failed record then says (`crash: …`), not zod's dump of every issue.
 */
export function validRecord(record: unknown): ReportRecord {
  const checked = ReportRecord.safeParse(record);
  if (checked.success) return checked.data;
  const issues = checked.error.issues;
  const named = issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`);
  throw new Error(`the record failed its schema (a bug in nianbao; please report it): ${named.join('; ')}${issues.length > 3 ? `; and ${issues.length - 3} more` : ''}`);
}
