/** A scan with a line of real text stamped over every page (a portal's address, a download time): read by OCR all the same. */
import { scanPdfThen } from '../render/scan.js';
import { STAMPS, stampPdf } from '../render/stamp.js';
import type { FormatSpec } from './spec.js';
import { LIBREOFFICE, QPDF } from './tools.js';

export const scanStamped: FormatSpec = {
  extension: 'pdf',
  cost: 'ocr',
  needs: [LIBREOFFICE, QPDF],
  making: {
    by: 'scanned',
    suffix: 'stamped.pdf',
    scan: (sourcePdf, target, params) => scanPdfThen(sourcePdf, target, params, (scanned, to) => stampPdf(scanned, to, STAMPS[params.seed % STAMPS.length])),
  },
};
