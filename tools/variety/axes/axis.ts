/**
 * An axis of variation: one named transform of a report model, drawn from a seed. What a variant's
 * document no longer prints as a number (a cell dropped from its row, or replaced by text) is listed
 * in `notPrinted`: the right reading of those cells is blank or doubtful, never a confident number.
 */
import type { ReportModel } from '../model.js';
import type { Random } from '../random.js';
import type { Separator } from '../model.js';

export type FormatId = 'txt' | 'md' | 'html' | 'html-word' | 'docx' | 'pdf' | 'pdf-chrome' | 'pdftotext' | 'scan' | 'xlsx' | 'doc' | 'xls' | 'csv' | 'docx-img' | 'pdf-img' | 'html-img' | 'jpeg' | 'tiff' | 'scan-text' | 'pdf-outlines' | 'scan-stamped' | 'scan-sideways' | 'pdf-no-tounicode' | 'pdf-turned' | 'pdf-reordered' | 'ofd';

export interface Draft {
  model: ReportModel;
  format: FormatId;
  /** The variant's number within its axis and format: lets an axis cover its kinds evenly. */
  index: number;
  /** How text renderings separate cells (TXT only). */
  separator: Separator;
  notPrinted: Set<string>;
  /**
   * Cells the document prints as a plain empty cell whatever the truth holds (a value lost from the end of a row
   * that LibreOffice fills back to its grid): their truth is blank, and an identity holding one is judged on the
   * cells as printed.
   */
  emptied?: Set<string>;
  /** What was done, for the variant's truth file and failure reports. */
  notes: string[];
  /** Set by an axis that prints a pre-2019 report instead: its year and statistics, and no template cell. */
  legacy?: LegacyTruth;
}

/** A pre-2019 report's statistics as spec/outputs.md's legacy_stats: [indicator, unit, value] per row. */
export interface LegacyTruth {
  year: number;
  stats: LegacyStatRow[];
  cumulative?: LegacyStatRow[];
}

export type LegacyStatRow = [indicator: string, unit: string, value: number | null];

export interface Axis {
  id: string;
  /** The formats the axis means something in (all when absent). */
  formats?: FormatId[];
  apply(draft: Draft, random: Random): void;
}
