/** The LibreOffice PDF with page 2 (or every page) displayed turned, its text layer intact (a seeded choice). */
import { PAGE_TURNINGS, turnPdfPages, type PageTurning } from '../render/turned.js';
import type { FormatSpec } from './spec.js';
import { LIBREOFFICE, QPDF } from './tools.js';

export const pdfTurned: FormatSpec = {
  extension: 'pdf',
  cost: 'slow',
  needs: [LIBREOFFICE, QPDF],
  making: {
    by: 'derived',
    suffix: 'turned-{choice}.pdf',
    derive: (sourcePdf, target, choice) => turnPdfPages(sourcePdf, target, choice as PageTurning),
    choices: { seed: 'turning', among: PAGE_TURNINGS, note: (choice) => `pages displayed turned: ${choice}` },
  },
};
