/** The LibreOffice PDF with its text drawn in another order than it is read (a seeded choice), the page looking the same. */
import { DRAW_ORDERS, reorderPdfText, type DrawOrder } from '../render/reordered.js';
import type { FormatSpec } from './spec.js';
import { LIBREOFFICE, QPDF } from './tools.js';

export const pdfReordered: FormatSpec = {
  extension: 'pdf',
  cost: 'slow',
  needs: [LIBREOFFICE, QPDF],
  making: {
    by: 'derived',
    suffix: 'reordered-{choice}.pdf',
    derive: (sourcePdf, target, choice) => reorderPdfText(sourcePdf, target, choice as DrawOrder),
    choices: { seed: 'draw-order', among: DRAW_ORDERS, note: (choice) => `text drawn in another order: ${choice}` },
  },
};
