/** The LibreOffice PDF with the ToUnicode maps of all, only the CJK or only the Latin fonts taken out (a seeded choice): read by OCR. */
import { pdfWithoutToUnicode, UNMAPPED_FONTS, type UnmappedFonts } from '../render/no-tounicode.js';
import type { FormatSpec } from './spec.js';
import { LIBREOFFICE, QPDF } from './tools.js';

export const pdfNoToUnicode: FormatSpec = {
  extension: 'pdf',
  cost: 'ocr',
  needs: [LIBREOFFICE, QPDF],
  making: {
    by: 'derived',
    suffix: 'no-tounicode-{choice}.pdf',
    derive: (sourcePdf, target, choice) => pdfWithoutToUnicode(sourcePdf, target, choice as UnmappedFonts),
    choices: { seed: 'unmapped', among: UNMAPPED_FONTS, note: (choice) => `fonts without a ToUnicode map: ${choice}` },
  },
};
