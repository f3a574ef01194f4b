/**
 * Every format the generator renders, in the order runs list them. A new format is one file saying how
 * it is made (./spec.ts) and one line here (plus its name in FormatId).
 */
import type { FormatId } from '../axes/axis.js';
import { pdfChrome } from './chromium.js';
import { csv, doc, docx, pdf, xls, xlsx } from './office.js';
import { ofd } from './ofd.js';
import { pdfNoToUnicode } from './pdf-no-tounicode.js';
import { pdfOutlines } from './pdf-outlines.js';
import { pdfReordered } from './pdf-reordered.js';
import { pdftotext } from './pdftotext.js';
import { pdfTurned } from './pdf-turned.js';
import { scanSideways } from './scan-sideways.js';
import { scanStamped } from './scan-stamped.js';
import { jpeg, scan, scanText, tiff } from './scanned.js';
import type { FormatSpec, OfficeTarget } from './spec.js';
import { docxImg, htmlImg, pdfImg } from './table-shots.js';
import { html, htmlWord, md, txt } from './text.js';

export const FORMAT_SPECS: Record<FormatId, FormatSpec> = {
  txt,
  md,
  html,
  'html-word': htmlWord,
  docx,
  pdf,
  'pdf-chrome': pdfChrome,
  pdftotext,
  scan,
  xlsx,
  doc,
  xls,
  csv,
  'docx-img': docxImg,
  'pdf-img': pdfImg,
  'html-img': htmlImg,
  jpeg,
  tiff,
  'scan-text': scanText,
  'pdf-outlines': pdfOutlines,
  'scan-stamped': scanStamped,
  'scan-sideways': scanSideways,
  'pdf-no-tounicode': pdfNoToUnicode,
  'pdf-turned': pdfTurned,
  'pdf-reordered': pdfReordered,
  ofd,
};

export const FORMATS = Object.keys(FORMAT_SPECS) as FormatId[];
/** Formats made by another program (LibreOffice, Chromium, pdftoppm, Ghostscript) and cached. */
export const SLOW_FORMATS = FORMATS.filter((f) => FORMAT_SPECS[f].cost !== 'fast');
/**
 * Formats in which a row short of cells prints as wide as its table: LibreOffice Writer lays out Word
 * files and its PDF (and everything made from that PDF), filling a short row to its table's grid with
 * empty cells bordered like the others; Calc saves CSV with every row as wide as the sheet. A row that
 * lost an empty cell at its end prints there as it did before. (Calc's workbooks leave the missing cell
 * unbordered, which a reader sees.)
 */
const FILLING_TARGETS: readonly OfficeTarget[] = ['docx', 'doc', 'pdf', 'csv'];
export const GRID_FILLING_FORMATS = FORMATS.filter((f) => {
  const making = FORMAT_SPECS[f].making;
  return making.by === 'office' ? FILLING_TARGETS.includes(making.target) : !['text', 'chromium'].includes(making.by);
});
/** Formats read only by OCR: as many variants as scans (--scan-count), held to the scans' bar. */
export const OCR_FORMATS = FORMATS.filter((f) => FORMAT_SPECS[f].cost === 'ocr');
