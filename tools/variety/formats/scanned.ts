/** The LibreOffice PDF scanned (a PDF of page images, with or without another program's OCR under them) or photographed (TIFF, JPEG). */
import { photoJpegFromPdf, tiffFromPdf } from '../render/pictures.js';
import { scanPdf } from '../render/scan.js';
import { searchableScanPdf } from '../render/searchable-scan.js';
import type { FormatSpec } from './spec.js';
import { LIBREOFFICE } from './tools.js';

export const scan: FormatSpec = { extension: 'pdf', cost: 'ocr', needs: [LIBREOFFICE], making: { by: 'scanned', suffix: 'scan.pdf', scan: scanPdf } };
export const tiff: FormatSpec = { extension: 'tif', cost: 'ocr', needs: [LIBREOFFICE], making: { by: 'scanned', suffix: 'tif', scan: tiffFromPdf } };
export const jpeg: FormatSpec = { extension: 'jpg', cost: 'ocr', needs: [LIBREOFFICE], making: { by: 'scanned', suffix: 'jpg', scan: photoJpegFromPdf } };
export const scanText: FormatSpec = { extension: 'pdf', cost: 'ocr', needs: [LIBREOFFICE], making: { by: 'scanned', suffix: 'pdf', scan: searchableScanPdf } };
