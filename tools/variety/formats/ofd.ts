/** The LibreOffice PDF converted to OFD (GB/T 33190), as portals publish reports beside or instead of PDF. */
import { pdfToOfd } from '../render/ofd.js';
import type { FormatSpec } from './spec.js';
import { LIBREOFFICE } from './tools.js';

export const ofd: FormatSpec = {
  extension: 'ofd',
  cost: 'slow',
  needs: [LIBREOFFICE],
  making: { by: 'derived', suffix: 'ofd', derive: (sourcePdf, target) => pdfToOfd(sourcePdf, target) },
};
