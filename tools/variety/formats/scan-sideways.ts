/** A scan with one page lying turned a quarter (a landscape table fed the short way, a page put in the scanner sideways): OCR must turn it upright. */
import { scanPdfThen } from '../render/scan.js';
import type { FormatSpec } from './spec.js';
import { LIBREOFFICE, QPDF } from './tools.js';
import { runTool } from '../render/run-tool.js';

export const scanSideways: FormatSpec = {
  extension: 'pdf',
  cost: 'ocr',
  needs: [LIBREOFFICE, QPDF],
  making: {
    by: 'scanned',
    suffix: 'sideways.pdf',
    // Page 2: every report rendered runs over more than one page; turned either way by the seed.
    scan: (sourcePdf, target, params) => scanPdfThen(sourcePdf, target, params, (scanned, to) => runTool('qpdf', [scanned, `--rotate=${params.seed % 2 ? '+' : '-'}90:2`, '--', to], { timeout: 120_000 })),
  },
};
