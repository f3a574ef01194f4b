/** The LibreOffice PDF with its text drawn as outlines (no text layer: read only by OCR). */
import { outlinedPdf } from '../render/outlines.js';
import type { FormatSpec } from './spec.js';
import { GHOSTSCRIPT, LIBREOFFICE } from './tools.js';

export const pdfOutlines: FormatSpec = { extension: 'pdf', cost: 'ocr', needs: [LIBREOFFICE, GHOSTSCRIPT], making: { by: 'derived', suffix: 'outlines.pdf', derive: outlinedPdf } };
