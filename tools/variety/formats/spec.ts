/**
 * What a generator format is: the file it makes, how dear it is to make and read, and how it is made.
 * The generator (../generate.ts) only dispatches on `making.by`; each format says the rest in its own
 * file, listed once in ./index.ts.
 */
import type { Draft } from '../axes/axis.js';
import type { ScanParams } from '../render/scan.js';

/** What LibreOffice makes of the portal page. */
export type OfficeTarget = 'docx' | 'pdf' | 'xlsx' | 'doc' | 'xls' | 'csv';

/** A program a format needs besides Node; without it the format is left out of a run, saying how to install it. */
export interface Tool {
  name: string;
  install: string;
  available(): Promise<boolean>;
}

export type Making =
  /** Rendered here from the report model (text, Markdown, HTML). */
  | { by: 'text'; render(draft: Draft): string }
  /** The portal page converted by LibreOffice. */
  | { by: 'office'; target: OfficeTarget }
  /** The portal page printed by Chromium. */
  | { by: 'chromium' }
  /**
   * Made by a program from the LibreOffice PDF; cached as `<key>.<suffix>`. With `choices`, each variant
   * draws one kind of derivation (from `<variant seed>:<choices.seed>`), named in its truth's notes and in
   * the cache name (`{choice}` in the suffix).
   */
  | {
      by: 'derived';
      suffix: string;
      derive(sourcePdf: string, target: string, choice?: string): Promise<void>;
      choices?: { seed: string; among: readonly string[]; note(choice: string): string };
    }
  /** The LibreOffice PDF scanned or photographed with seeded parameters; cached as `<key>-<parameters>.<suffix>`. */
  | { by: 'scanned'; suffix: string; scan(sourcePdf: string, target: string, params: ScanParams): Promise<void> }
  /** The report with each of its tables pasted as a screenshot (at a seeded screen resolution) into a container. */
  | { by: 'table-shots'; into: 'docx' | 'html' | 'pdf' };

export interface FormatSpec {
  extension: string;
  /** How many variants a run makes: `fast` --count, `slow` --slow-count, `ocr` (read only by OCR) --scan-count. */
  cost: 'fast' | 'slow' | 'ocr';
  making: Making;
  needs: Tool[];
}
