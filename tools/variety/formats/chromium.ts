/** The portal page printed to PDF by Chromium (Skia's PDF: other fonts, other table drawing). */
import type { FormatSpec } from './spec.js';
import { CHROMIUM } from './tools.js';

export const pdfChrome: FormatSpec = { extension: 'pdf', cost: 'slow', needs: [CHROMIUM], making: { by: 'chromium' } };
