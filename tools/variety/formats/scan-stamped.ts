/** A scan with a line of real text stamped over every page (a portal's address, a download time): read by OCR all the same. */
import { rm } from 'node:fs/promises';
import { scanPdf } from '../render/scan.js';
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
    async scan(sourcePdf, target, params) {
      const scanned = `${target}.scan.pdf`;
      try {
        await scanPdf(sourcePdf, scanned, params);
        await stampPdf(scanned, target, STAMPS[params.seed % STAMPS.length]);
      } finally {
        await rm(scanned, { force: true });
      }
    },
  },
};
